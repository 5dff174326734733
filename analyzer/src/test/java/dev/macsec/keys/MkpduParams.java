package dev.macsec.keys;

import java.util.ArrayList;
import java.util.List;

/** Walks the parameter sets of an untagged MKPDU frame (test-side only; the real decoder lives elsewhere). */
final class MkpduParams {
    /** {@code offset} is the first octet of the parameter set header; {@code flags} its second octet. */
    record Param(int type, int flags, int offset, int bodyLength) {
        int body() {
            return offset + 4;
        }
    }

    private MkpduParams() {
    }

    static final int BASIC = 18;

    static int basicBodyLength(byte[] f) {
        return (f[BASIC + 2] & 0x0f) << 8 | (f[BASIC + 3] & 0xff);
    }

    static int cknOffset(byte[] f) {
        return BASIC + 4 + 28;
    }

    static int cknLength(byte[] f) {
        return basicBodyLength(f) - 28;
    }

    static long sci(byte[] f) {
        long v = 0;
        for (int i = 0; i < 8; i++) {
            v = v << 8 | (f[BASIC + 4 + i] & 0xff);
        }
        return v;
    }

    static byte[] mi(byte[] f) {
        return java.util.Arrays.copyOfRange(f, BASIC + 12, BASIC + 24);
    }

    /** Parameter sets after the Basic Parameter Set, up to and excluding the ICV. */
    static List<Param> params(byte[] f) {
        int icvAt = PcapFrames.mkpduEnd(f) - MkpduIcv.ICV_LENGTH;
        int p = BASIC + 4 + pad4(basicBodyLength(f));
        List<Param> out = new ArrayList<>();
        while (p + 4 <= icvAt) {
            int type = f[p] & 0xff;
            int len = (f[p + 2] & 0x0f) << 8 | (f[p + 3] & 0xff);
            out.add(new Param(type, f[p + 1] & 0xff, p, len));
            p += 4 + pad4(len);
        }
        return out;
    }

    private static int pad4(int n) {
        return (n + 3) & ~3;
    }
}
