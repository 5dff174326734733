package dev.macsec.conformance.device;

import dev.macsec.crypto.SaKey;

/**
 * One Secure Association to install, transmit or receive.
 *
 * @param an     association number 0..3
 * @param nextPn for transmit the next PN to use; for receive the lowest acceptable PN (XPN: 64 bits)
 * @param key    the SAK with its cipher suite (and SSCI and salt for the XPN suites)
 * @param active inUse/enableTransmit/enableReceive
 */
public record SaConfig(int an, long nextPn, SaKey key, boolean active) {
    public SaConfig {
        if (an < 0 || an > 3) {
            throw new IllegalArgumentException("AN must be 0..3, not " + an);
        }
        if (nextPn == 0) {
            throw new IllegalArgumentException("PN 0 is never valid");
        }
        if (key == null) {
            throw new IllegalArgumentException("an SA needs a key");
        }
    }

    /** An SA, active. */
    public static SaConfig of(int an, long nextPn, SaKey key) {
        return new SaConfig(an, nextPn, key, true);
    }

    public SaConfig withActive(boolean on) {
        return new SaConfig(an, nextPn, key, on);
    }

    public boolean xpn() {
        return key.suite().xpn();
    }

    /**
     * The key identifier (802.1AE's KI) this SA's SAK is installed under on the SC {@code sci}: the SCI then the
     * AN, 9 octets in hex. 802.1AE leaves a KI's value to whoever installs the key (MKA's is MI and KN); for static SAs
     * it only has to name one SA's key, and an SC's SCI with the AN does.
     */
    public String keyIdentifier(long sci) {
        return String.format("%016x%02x", sci, an);
    }

    @Override
    public String toString() {
        return "SaConfig[an=" + an + ", nextPn=" + Long.toUnsignedString(nextPn) + ", key=" + key
                + ", active=" + active + "]";
    }
}
