package dev.macsec.keys;

import java.util.Arrays;
import java.util.Optional;

/**
 * A CAK with its CKN (a pre-shared pair, or one derived from an EAP MSK), and the ICK and KEK derived
 * from it. The CKN names the key and is not secret; {@code toString} shows it but never key bytes.
 */
public final class CakEntry {
    private final int number;
    private final byte[] ckn;
    private final byte[] cak;
    private final String name;
    private final byte[] ick;
    private final byte[] kek;

    public CakEntry(int number, byte[] ckn, byte[] cak, String name) {
        if (cak.length != 16 && cak.length != 32) {
            throw new IllegalArgumentException("a CAK is 16 or 32 octets, got " + cak.length);
        }
        if (ckn.length < 1 || ckn.length > 32) {
            throw new IllegalArgumentException("a CKN is 1 to 32 octets, got " + ckn.length);
        }
        this.number = number;
        this.ckn = ckn.clone();
        this.cak = cak.clone();
        this.name = name;
        this.ick = KeyHierarchy.ick(cak, ckn);
        this.kek = KeyHierarchy.kek(cak, ckn);
    }

    public int number() {
        return number;
    }

    public byte[] ckn() {
        return ckn.clone();
    }

    public boolean cknEquals(byte[] other) {
        return Arrays.equals(ckn, other);
    }

    public boolean cknEquals(byte[] buf, int offset, int length) {
        return Arrays.equals(ckn, 0, ckn.length, buf, offset, offset + length);
    }

    public byte[] cak() {
        return cak.clone();
    }

    public int keyBits() {
        return cak.length * 8;
    }

    public Optional<String> name() {
        return Optional.ofNullable(name);
    }

    public byte[] ick() {
        return ick.clone();
    }

    public byte[] kek() {
        return kek.clone();
    }

    @Override
    public String toString() {
        return "CAK#" + number + "(CKN " + Hex.format(ckn) + ", " + keyBits() + "-bit"
                + (name == null ? "" : ", " + name) + ")";
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof CakEntry e && number == e.number && Arrays.equals(ckn, e.ckn) && Arrays.equals(cak, e.cak)
                && java.util.Objects.equals(name, e.name);
    }

    @Override
    public int hashCode() {
        return 31 * number + Arrays.hashCode(ckn);
    }
}
