package dev.macsec.conformance.device;

import java.util.Arrays;
import java.util.HexFormat;

/** A Secure Association Key. Secret: {@link #toString()} shows only its length. */
public final class Sak {
    private final byte[] key;

    public Sak(byte[] key) {
        if (key.length != 16 && key.length != 32) {
            throw new IllegalArgumentException("a SAK has 16 or 32 octets, not " + key.length);
        }
        this.key = key.clone();
    }

    public static Sak ofHex(String hex) {
        return new Sak(HexFormat.of().parseHex(hex.trim()));
    }

    public int length() {
        return key.length;
    }

    /** A copy of the key octets. */
    public byte[] bytes() {
        return key.clone();
    }

    String hex() {
        return HexFormat.of().formatHex(key);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Sak s && java.security.MessageDigest.isEqual(key, s.key);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(key);
    }

    @Override
    public String toString() {
        return "Sak[" + key.length * 8 + " bits]";
    }
}
