package dev.macsec.secy;

import dev.macsec.crypto.MacsecGcm;
import dev.macsec.decode.SecTag;
import dev.macsec.suite.CipherSuite;

/**
 * Builds a protected frame (IEEE 802.1AE-2018 10.5): DA || SA || SecTAG || secure data || ICV, the SecTAG laid out
 * here and the GCM work left to {@link MacsecGcm}. Any TCI may be given, so generators can build frames a SecY
 * would never send.
 */
public final class FrameProtection {
    private static final int MAC_ADDRESSES = 12;

    private FrameProtection() {
    }

    /** Octets the protected frame takes for a plaintext frame of {@code plainLength} (DA SA + user data). */
    public static int protectedLength(int plainLength, boolean explicitSci) {
        return plainLength + (explicitSci ? 16 : 8) + CipherSuite.ICV_LENGTH;
    }

    /**
     * Builds a protected frame.
     *
     * @param gcm        the SA's cipher
     * @param in         plaintext frame: DA || SA || user data (EtherType onwards)
     * @param tci        TCI bits to send (V, ES, SC, SCB, E, C as in {@link SecTag}); E selects encryption; SC
     *                   places {@code sci} in the SecTAG. The IV always uses {@code sci}.
     * @param an         association number 0..3
     * @param pn         full PN (the SecTAG carries its low 32 bits)
     * @param offset     confidentiality offset (0, 30 or 50; only with E)
     * @param out        destination, must not overlap the input; needs {@link #protectedLength} octets
     * @return the protected frame's length
     */
    public static int protect(MacsecGcm gcm, byte[] in, int inOff, int inLen, long sci, int tci, int an, long pn,
                              int offset, byte[] out, int outOff) {
        if (inLen < MAC_ADDRESSES) {
            throw new IllegalArgumentException("a frame needs DA and SA: " + inLen + " octets");
        }
        boolean explicitSci = (tci & SecTag.TCI_SC) != 0;
        int userLen = inLen - MAC_ADDRESSES;
        System.arraycopy(in, inOff, out, outOff, MAC_ADDRESSES);
        int p = outOff + MAC_ADDRESSES;
        out[p] = (byte) (SecTag.ETHERTYPE >>> 8);
        out[p + 1] = (byte) SecTag.ETHERTYPE;
        out[p + 2] = (byte) ((tci & 0xFC) | (an & SecTag.AN_MASK));
        out[p + 3] = (byte) (userLen < SecTag.SHORT_LENGTH_LIMIT ? userLen : 0);
        for (int i = 0; i < 4; i++) {
            out[p + 4 + i] = (byte) (pn >>> (24 - 8 * i));
        }
        p += 8;
        if (explicitSci) {
            for (int i = 0; i < 8; i++) {
                out[p + i] = (byte) (sci >>> (56 - 8 * i));
            }
            p += 8;
        }
        boolean encrypt = (tci & SecTag.TCI_E) != 0;
        int clear = encrypt ? Math.min(offset, userLen) : userLen;
        System.arraycopy(in, inOff + MAC_ADDRESSES, out, p, clear);
        int aadEnd = p + clear;
        int n = gcm.seal(out, outOff, aadEnd - outOff, in, inOff + MAC_ADDRESSES + clear, userLen - clear, sci, pn);
        return aadEnd + n - outOff;
    }
}
