package dev.macsec.crypto;

import dev.macsec.suite.CipherSuite;
import java.security.GeneralSecurityException;
import java.security.NoSuchProviderException;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;

/**
 * The GCM data path of one SA for one thread (IEEE 802.1AE-2018 clause 14): builds the IV, and seals or verifies a
 * frame between caller-supplied buffers. It knows frames only as offsets and lengths, so that it sits below the
 * SecTAG decoder; the SecTAG a protected frame carries is laid out by {@code dev.macsec.secy.FrameProtection}.
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

    /**
     * Encrypts (or, with an empty plaintext, only authenticates) one frame whose header the caller has laid out.
     *
     * @param out       holds the AAD at {@code out[aadOff, aadOff+aadLen)} (DA || SA || SecTAG || clear prefix);
     *                  receives the encrypted data and the ICV right after it
     * @param plain     the octets to encrypt, {@code plain[plainOff, plainOff+plainLen)}; must not overlap {@code out}
     * @param sci       the SCI for the IV (ignored by the XPN suites)
     * @param pn        the full PN
     * @return the octets written after the AAD: {@code plainLen} plus the ICV
     */
    public int seal(byte[] out, int aadOff, int aadLen, byte[] plain, int plainOff, int plainLen, long sci, long pn) {
        fillIv(key, sci, pn, iv);
        try {
            initEncrypt();
            cipher.updateAAD(out, aadOff, aadLen);
            return cipher.doFinal(plain, plainOff, plainLen, out, aadOff + aadLen);
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
     * Verifies (and with E=1 decrypts) a protected frame given by where its parts lie in {@code buf}.
     *
     * @param daOffset        where the DA starts (the SA follows it)
     * @param etherTypeOffset where the SecTAG's 0x88E5 EtherType starts
     * @param secureOffset    where the secure data starts (right after the SecTAG)
     * @param secureLength    octets of secure data, the ICV excluded; negative when the frame is too short for one
     * @param encrypted       the SecTAG's E bit
     * @param sci             the SCI for the IV (explicit or implicit; ignored by the XPN suites)
     * @param pn              the full PN (for XPN, the recovered 64-bit PN)
     * @param offset          confidentiality offset configured for the SA (used only when encrypted)
     * @param out             receives DA || SA || user data; needs secureOffset + secureLength + ICV - daOffset
     *                        octets; may not overlap the frame
     * @return the plaintext frame's length, or -1 when the ICV does not verify
     */
    public int verify(byte[] buf, int daOffset, int etherTypeOffset, int secureOffset, int secureLength,
                      boolean encrypted, long sci, long pn, int offset, byte[] out, int outOff) {
        if (secureLength < 0) {
            return -1;
        }
        int clear = encrypted ? Math.min(offset, secureLength) : secureLength;
        fillIv(key, sci, pn, iv);
        try {
            cipher.init(Cipher.DECRYPT_MODE, key.keySpec(), new GCMParameterSpec(TAG_BITS, iv));
            if (etherTypeOffset == daOffset + MAC_ADDRESSES) {
                // the usual case: one AAD call, the JDK buffers each call separately
                cipher.updateAAD(buf, daOffset, secureOffset + clear - daOffset);
            } else {
                cipher.updateAAD(buf, daOffset, MAC_ADDRESSES);
                cipher.updateAAD(buf, etherTypeOffset, secureOffset + clear - etherTypeOffset);
            }
            int n = cipher.doFinal(buf, secureOffset + clear, secureLength - clear + CipherSuite.ICV_LENGTH, out,
                    outOff + MAC_ADDRESSES + clear);
            System.arraycopy(buf, daOffset, out, outOff, MAC_ADDRESSES);
            System.arraycopy(buf, secureOffset, out, outOff + MAC_ADDRESSES, clear);
            return MAC_ADDRESSES + clear + n;
        } catch (AEADBadTagException e) {
            return -1;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("GCM decryption failed", e);
        }
    }
}
