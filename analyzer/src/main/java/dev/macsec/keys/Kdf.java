package dev.macsec.keys;

import java.nio.charset.StandardCharsets;

/**
 * The IEEE 802.1X KDF (6.2.1): NIST SP 800-108 counter mode with AES-CMAC as PRF, an 8-bit counter
 * before the fixed input, and fixed input = Label || 0x00 || Context || [L]16.
 */
public final class Kdf {
    private Kdf() {
    }

    public static byte[] derive(byte[] key, String label, byte[] context, int lengthBits) {
        return derive(key, label.getBytes(StandardCharsets.US_ASCII), context, lengthBits);
    }

    public static byte[] derive(byte[] key, byte[] label, byte[] context, int lengthBits) {
        checkLength(lengthBits);
        byte[] fixed = new byte[label.length + 1 + context.length + 2];
        System.arraycopy(label, 0, fixed, 0, label.length);
        System.arraycopy(context, 0, fixed, label.length + 1, context.length);
        fixed[fixed.length - 2] = (byte) (lengthBits >>> 8);
        fixed[fixed.length - 1] = (byte) lengthBits;
        return counterMode(key, fixed, lengthBits);
    }

    /**
     * The bare SP 800-108 counter-mode loop (r = 8, counter before the fixed input), which lets the NIST
     * CAVS vectors check the loop separately from the 802.1X encoding of label and context.
     */
    public static byte[] counterMode(byte[] key, byte[] fixedInput, int lengthBits) {
        checkLength(lengthBits);
        int blocks = (lengthBits + 127) / 128;
        if (blocks > 255) {
            throw new IllegalArgumentException("an 8-bit counter gives at most 255 blocks, asked for " + blocks);
        }
        AesCmac prf = new AesCmac(key);
        byte[] stream = new byte[blocks * AesCmac.MAC_LENGTH];
        for (int i = 1; i <= blocks; i++) {
            prf.reset();
            prf.update((byte) i);
            prf.update(fixedInput, 0, fixedInput.length);
            prf.doFinal(stream, (i - 1) * AesCmac.MAC_LENGTH);
        }
        byte[] out = new byte[lengthBits / 8];
        System.arraycopy(stream, 0, out, 0, out.length);
        java.util.Arrays.fill(stream, (byte) 0);
        return out;
    }

    private static void checkLength(int lengthBits) {
        if (lengthBits <= 0 || lengthBits % 8 != 0 || lengthBits > 0xffff) {
            throw new IllegalArgumentException("KDF output length must be a positive multiple of 8 bits, got " + lengthBits);
        }
    }
}
