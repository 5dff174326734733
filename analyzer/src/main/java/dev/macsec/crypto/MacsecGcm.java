package dev.macsec.crypto;

import dev.macsec.decode.SecTag;
import java.security.GeneralSecurityException;
import java.security.NoSuchProviderException;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;

/**
 * The GCM data path of one SA for one thread (IEEE 802.1AE-2018 clause 14): builds the IV, lays out AAD and
 * encrypted data, and protects or verifies a frame between caller-supplied buffers.
 *
 * <p>One JDK {@code AES/GCM/NoPadding} Cipher per instance, created once; every frame only re-inits it.
 * Not thread-safe: give each thread its own instance (see {@link CipherCache}).
 *
 * <p>Layout: AAD = DA || SA || SecTAG || the first {@code offset} octets of the user data (integrity-only
 * prefix when E=1); the rest of the user data is encrypted. With E=0 the whole secure data is AAD and the
 * ICV is the tag over an empty plaintext. Frames here start at the DA, carry no FCS and have the SecTAG
 * right after the SA (any VLAN tag is inside the secure data).
 */
public final class MacsecGcm {
    private static final int MAC_ADDRESSES = 12;
    private static final int TAG_BITS = 128;

    private final SaKey key;
    private final Cipher cipher;
    private final byte[] iv = new byte[12];
    // The JDK refuses to re-init GCM encryption with the previous key and IV; remember the last one.
    private final byte[] lastEncryptIv = new byte[12];
    private boolean encryptedOnce;

    public MacsecGcm(SaKey key) {
        this.key = key;
        this.cipher = newJdkGcm();
    }

    /**
     * A new AES/GCM/NoPadding Cipher from the JDK's own provider, SunJCE, whose GCM the JIT replaces with the CPU's
     * AES and carry-less multiply instructions: named so that no provider installed ahead of it (Bouncy Castle's pure
     * Java GCM, say) is picked, and so that the providers listed before it (SUN, SunRsaSign, SunEC) are not
     * instantiated on the way, ~7 ms of every start.
     */
    public static Cipher newJdkGcm() {
        try {
            try {
                return Cipher.getInstance("AES/GCM/NoPadding", "SunJCE");
            } catch (NoSuchProviderException e) {
                return Cipher.getInstance("AES/GCM/NoPadding");
            }
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("this JDK has no AES/GCM/NoPadding", e);
        }
    }

    public SaKey key() {
        return key;
    }

    /** Writes the 12-octet IV for a frame into {@code dst}: SCI||PN32, or salt XOR (SSCI||PN64) for XPN. */
    public static void fillIv(SaKey key, long sci, long pn, byte[] dst) {
        if (key.suite().xpn()) {
            byte[] salt = key.saltRef();
            int ssci = key.ssci();
            for (int i = 0; i < 4; i++) {
                dst[i] = (byte) (salt[i] ^ (ssci >>> (24 - 8 * i)));
            }
            for (int i = 0; i < 8; i++) {
                dst[4 + i] = (byte) (salt[4 + i] ^ (pn >>> (56 - 8 * i)));
            }
        } else {
            for (int i = 0; i < 8; i++) {
                dst[i] = (byte) (sci >>> (56 - 8 * i));
            }
            for (int i = 0; i < 4; i++) {
                dst[8 + i] = (byte) (pn >>> (24 - 8 * i));
            }
        }
    }

    /** Octets the protected frame takes for a plaintext frame of {@code plainLength} (DA SA + user data). */
    public static int protectedLength(int plainLength, boolean explicitSci) {
        return plainLength + (explicitSci ? 16 : 8) + CipherSuite.ICV_LENGTH;
    }

    /**
     * Builds a protected frame.
     *
     * @param in         plaintext frame: DA || SA || user data (EtherType onwards)
     * @param tci        TCI bits to send (V, ES, SC, SCB, E, C as in {@link SecTag}); E selects encryption; SC
     *                   places {@code sci} in the SecTAG. The IV always uses {@code sci}.
     * @param an         association number 0..3
     * @param pn         full PN (the SecTAG carries its low 32 bits)
     * @param offset     confidentiality offset (0, 30 or 50; only with E)
     * @param out        destination, must not overlap the input; needs {@link #protectedLength} octets
     * @return the protected frame's length
     */
    public int protect(byte[] in, int inOff, int inLen, long sci, int tci, int an, long pn, int offset,
                       byte[] out, int outOff) {
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
        fillIv(key, sci, pn, iv);
        try {
            initEncrypt();
            cipher.updateAAD(out, outOff, aadEnd - outOff);
            int n = cipher.doFinal(in, inOff + MAC_ADDRESSES + clear, userLen - clear, out, aadEnd);
            return aadEnd + n - outOff;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("GCM encryption failed", e);
        }
    }

    private void initEncrypt() throws GeneralSecurityException {
        if (encryptedOnce && java.util.Arrays.equals(iv, lastEncryptIv)) {
            // Same PN again (a generator replaying a frame on purpose): step the JDK off the old IV first.
            byte[] other = iv.clone();
            other[11] ^= 1;
            cipher.init(Cipher.ENCRYPT_MODE, key.keySpec(), new GCMParameterSpec(TAG_BITS, other));
        }
        cipher.init(Cipher.ENCRYPT_MODE, key.keySpec(), new GCMParameterSpec(TAG_BITS, iv));
        System.arraycopy(iv, 0, lastEncryptIv, 0, 12);
        encryptedOnce = true;
    }

    /**
     * Verifies (and with E=1 decrypts) a protected frame whose SecTAG {@code tag} wraps.
     *
     * @param daOffset where the DA starts in {@code tag.buffer()} (the SA follows it)
     * @param sci      the SCI for the IV (explicit or implicit; ignored by the XPN suites)
     * @param pn       the full PN (for XPN, the recovered 64-bit PN)
     * @param offset   confidentiality offset configured for the SA (used only when E=1)
     * @param out      receives DA || SA || user data; needs tag.frameEnd() - daOffset octets; may not
     *                 overlap the frame
     * @return the plaintext frame's length, or -1 when the ICV does not verify
     */
    public int verify(SecTag tag, int daOffset, long sci, long pn, int offset, byte[] out, int outOff) {
        byte[] buf = tag.buffer();
        int secure = tag.secureDataOffset();
        int secureLen = tag.secureDataLength();
        if (secureLen < 0) {
            return -1;
        }
        boolean encrypt = tag.encrypted();
        int clear = encrypt ? Math.min(offset, secureLen) : secureLen;
        fillIv(key, sci, pn, iv);
        try {
            cipher.init(Cipher.DECRYPT_MODE, key.keySpec(), new GCMParameterSpec(TAG_BITS, iv));
            int et = tag.etherTypeOffset();
            if (et == daOffset + MAC_ADDRESSES) {
                // the usual case: one AAD call, the JDK buffers each call separately
                cipher.updateAAD(buf, daOffset, secure + clear - daOffset);
            } else {
                cipher.updateAAD(buf, daOffset, MAC_ADDRESSES);
                cipher.updateAAD(buf, et, secure + clear - et);
            }
            int n = cipher.doFinal(buf, secure + clear, secureLen - clear + CipherSuite.ICV_LENGTH, out,
                    outOff + MAC_ADDRESSES + clear);
            System.arraycopy(buf, daOffset, out, outOff, MAC_ADDRESSES);
            System.arraycopy(buf, secure, out, outOff + MAC_ADDRESSES, clear);
            return MAC_ADDRESSES + clear + n;
        } catch (AEADBadTagException e) {
            return -1;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("GCM decryption failed", e);
        }
    }
}
