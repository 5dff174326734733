package dev.macsec.mka;

import dev.macsec.keys.MkpduIcv;

/**
 * Edits an untagged MKPDU frame (Ethernet, EAPOL, Basic parameter set at octet 18) and signs it again with
 * the ICK, so the tracker sees a well-formed, verifying MKPDU that breaks an MKA rule.
 */
final class Resign {
    static final int BASIC = 18;

    private Resign() {
    }

    static int icvAt(byte[] f) {
        return 18 + ((f[16] & 0xff) << 8 | (f[17] & 0xff)) - MkpduIcv.ICV_LENGTH;
    }

    static byte[] sign(byte[] f, byte[] ick) {
        int at = icvAt(f);
        System.arraycopy(MkpduIcv.compute(ick, f, 0, at), 0, f, at, MkpduIcv.ICV_LENGTH);
        return f;
    }

    static void keyServer(byte[] f, boolean on) {
        f[BASIC + 2] = (byte) (on ? f[BASIC + 2] | 0x80 : f[BASIC + 2] & ~0x80);
    }

    static void priority(byte[] f, int priority) {
        f[BASIC + 1] = (byte) priority;
    }

    static void capability(byte[] f, int capability) {
        f[BASIC + 2] = (byte) (f[BASIC + 2] & ~0x30 | capability << 4);
    }

    static void mi(byte[] f, int lastOctet) {
        f[BASIC + 4 + 8 + 11] = (byte) lastOctet;
    }

    /** Offset of the header of the first parameter set of a type after the Basic set, or -1. */
    static int param(byte[] f, int type) {
        int basicLength = (f[BASIC + 2] & 0x0f) << 8 | (f[BASIC + 3] & 0xff);
        int p = BASIC + 4 + ((basicLength + 3) & ~3);
        int end = icvAt(f);
        while (p + 4 <= end) {
            if ((f[p] & 0xff) == type) {
                return p;
            }
            int len = (f[p + 2] & 0x0f) << 8 | (f[p + 3] & 0xff);
            p += 4 + ((len + 3) & ~3);
        }
        return -1;
    }
}
