package dev.macsec.mka.protocol;

import dev.macsec.field.Bytes;

/**
 * A SAK's name (IEEE 802.1X-2020 9.8): the Key Identifier KI is the Key Server's MI followed by the Key Number KN
 * it gave the SAK, so a SAK Use or a Distributed SAK names a key by both. Each new SAK of a CA takes the Association
 * Number after the previous one's, modulo 4, so that the old and the new SA differ while both are installed.
 *
 * @param keyServerMi the Key Server's 12-octet MI
 * @param keyNumber   KN, an unsigned 32-bit number
 */
public record KeyIdentifier(Bytes keyServerMi, long keyNumber) {
    public static final int LENGTH = 16;

    /** Whether this is the key a peer names by {@code mi} and {@code kn}; a null MI names no key. */
    public boolean is(Bytes mi, long kn) {
        return keyNumber == kn && mi != null && mi.equals(keyServerMi);
    }

    /** The 16 octets of the KI: MI || KN, KN big-endian. */
    public byte[] octets() {
        byte[] out = new byte[LENGTH];
        System.arraycopy(keyServerMi.octets(), 0, out, 0, 12);
        for (int i = 0; i < 4; i++) {
            out[12 + i] = (byte) (keyNumber >>> (8 * (3 - i)));
        }
        return out;
    }

    /** The AN of the SAK after one on {@code an}. */
    public static int nextAn(int an) {
        return (an + 1) & 3;
    }
}
