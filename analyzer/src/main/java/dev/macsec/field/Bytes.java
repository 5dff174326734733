package dev.macsec.field;

import java.util.Arrays;
import java.util.HexFormat;

/** An immutable octet string with value equality, as field values need. */
public record Bytes(byte[] octets) {
    public Bytes {
        octets = octets.clone();
    }

    public static Bytes of(byte[] b, int off, int len) {
        return new Bytes(Arrays.copyOfRange(b, off, off + len));
    }

    public static Bytes fromHex(String hex) {
        return new Bytes(HexFormat.of().parseHex(hex));
    }

    @Override
    public byte[] octets() {
        return octets.clone();
    }

    public int length() {
        return octets.length;
    }

    public String hex() {
        return HexFormat.of().formatHex(octets);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Bytes other && Arrays.equals(octets, other.octets);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(octets);
    }

    @Override
    public String toString() {
        return hex();
    }
}
