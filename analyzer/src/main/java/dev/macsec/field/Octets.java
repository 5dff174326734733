package dev.macsec.field;

/** Big-endian reads for decoders. Callers check bounds first: these never look at a length field. */
public final class Octets {
    private Octets() {
    }

    public static int u8(byte[] b, int o) {
        return b[o] & 0xFF;
    }

    public static int u16(byte[] b, int o) {
        return ((b[o] & 0xFF) << 8) | (b[o + 1] & 0xFF);
    }

    public static long u32(byte[] b, int o) {
        return ((b[o] & 0xFFL) << 24) | ((b[o + 1] & 0xFFL) << 16) | ((b[o + 2] & 0xFFL) << 8) | (b[o + 3] & 0xFFL);
    }

    /** A 6-octet MAC address as a long. */
    public static long u48(byte[] b, int o) {
        long v = 0;
        for (int i = 0; i < 6; i++) {
            v = (v << 8) | (b[o + i] & 0xFF);
        }
        return v;
    }

    public static long u64(byte[] b, int o) {
        long v = 0;
        for (int i = 0; i < 8; i++) {
            v = (v << 8) | (b[o + i] & 0xFF);
        }
        return v;
    }
}
