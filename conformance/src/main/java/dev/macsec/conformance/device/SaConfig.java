package dev.macsec.conformance.device;

import java.util.HexFormat;

/**
 * One Secure Association to install, transmit or receive.
 *
 * @param an     association number 0..3
 * @param nextPn for transmit the next PN to use; for receive the lowest acceptable PN (XPN: 64 bits)
 * @param sak    the key
 * @param ssci   Short SCI (XPN suites only, else null)
 * @param salt   12-octet salt (XPN suites only, else null)
 * @param active inUse/enableTransmit/enableReceive
 */
public record SaConfig(int an, long nextPn, Sak sak, Integer ssci, byte[] salt, boolean active) {
    public SaConfig {
        if (an < 0 || an > 3) {
            throw new IllegalArgumentException("AN must be 0..3, not " + an);
        }
        if (nextPn == 0) {
            throw new IllegalArgumentException("PN 0 is never valid");
        }
        if ((ssci == null) != (salt == null)) {
            throw new IllegalArgumentException("SSCI and salt go together (XPN suites)");
        }
        if (salt != null) {
            if (salt.length != 12) {
                throw new IllegalArgumentException("the salt has 12 octets, not " + salt.length);
            }
            salt = salt.clone();
        }
    }

    /** A non-XPN SA, active. */
    public static SaConfig of(int an, long nextPn, Sak sak) {
        return new SaConfig(an, nextPn, sak, null, null, true);
    }

    /** An XPN SA, active. */
    public static SaConfig xpn(int an, long nextPn, Sak sak, int ssci, byte[] salt) {
        return new SaConfig(an, nextPn, sak, ssci, salt, true);
    }

    @Override
    public byte[] salt() {
        return salt == null ? null : salt.clone();
    }

    @Override
    public String toString() {
        return "SaConfig[an=" + an + ", nextPn=" + Long.toUnsignedString(nextPn) + ", sak=" + sak
                + (ssci == null ? "" : ", ssci=" + ssci + ", salt=" + HexFormat.of().formatHex(salt))
                + ", active=" + active + "]";
    }
}
