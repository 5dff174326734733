package dev.macsec.keys;

import java.util.Arrays;

/**
 * The IEEE 802.1X key hierarchy: ICK and KEK from a CAK (9.3.3), CAK and CKN from an EAP MSK (6.2.2),
 * and SAK derivation by a Key Server (9.8.1). All keys are returned as fresh arrays owned by the caller.
 */
public final class KeyHierarchy {
    public static final String LABEL_ICK = "IEEE8021 ICK";
    public static final String LABEL_KEK = "IEEE8021 KEK";
    public static final String LABEL_SAK = "IEEE8021 SAK";
    public static final String LABEL_EAP_CAK = "IEEE8021 EAP CAK";
    public static final String LABEL_EAP_CKN = "IEEE8021 EAP CKN";

    /** The CKN is always 128 bits when derived from EAP, whatever the CAK length. */
    public static final int EAP_CKN_BITS = 128;

    private KeyHierarchy() {
    }

    /** ICK = KDF(CAK, "IEEE8021 ICK", Keyid, |CAK|). */
    public static byte[] ick(byte[] cak, byte[] ckn) {
        requireCak(cak);
        return Kdf.derive(cak, LABEL_ICK, keyId(ckn), cak.length * 8);
    }

    /** KEK = KDF(CAK, "IEEE8021 KEK", Keyid, |CAK|). */
    public static byte[] kek(byte[] cak, byte[] ckn) {
        requireCak(cak);
        return Kdf.derive(cak, LABEL_KEK, keyId(ckn), cak.length * 8);
    }

    /** Keyid: the first 16 octets of the CKN, with zero octets appended if the CKN is shorter. */
    public static byte[] keyId(byte[] ckn) {
        return Arrays.copyOf(ckn, 16);
    }

    /**
     * CAK = KDF(MSK[0..n-1], "IEEE8021 EAP CAK", lower MAC || higher MAC, n*8), n = 16 or 32 octets.
     * The two MAC addresses are put in numerical order, so either side computes the same CAK.
     */
    public static byte[] cakFromMsk(byte[] msk, byte[] mac1, byte[] mac2, int cakBits) {
        byte[] key = mskKey(msk, cakBits);
        byte[] out = Kdf.derive(key, LABEL_EAP_CAK, macPair(mac1, mac2), cakBits);
        Arrays.fill(key, (byte) 0);
        return out;
    }

    /** CKN = KDF(MSK[0..n-1], "IEEE8021 EAP CKN", EAP Session-Id || lower MAC || higher MAC, 128). */
    public static byte[] cknFromMsk(byte[] msk, byte[] sessionId, byte[] mac1, byte[] mac2, int cakBits) {
        byte[] key = mskKey(msk, cakBits);
        byte[] macs = macPair(mac1, mac2);
        byte[] context = Arrays.copyOf(sessionId, sessionId.length + macs.length);
        System.arraycopy(macs, 0, context, sessionId.length, macs.length);
        byte[] out = Kdf.derive(key, LABEL_EAP_CKN, context, EAP_CKN_BITS);
        Arrays.fill(key, (byte) 0);
        return out;
    }

    /**
     * SAK = KDF(CAK, "IEEE8021 SAK", KS-nonce || MI-value list || KN, sakBits), KN as 32 bits big-endian.
     * The MI-value list is the MIs of the live participants as the Key Server lists them.
     */
    public static byte[] sak(byte[] cak, byte[] ksNonce, byte[] miValueList, long kn, int sakBits) {
        requireCak(cak);
        if (kn < 0 || kn > 0xffffffffL) {
            throw new IllegalArgumentException("KN is a 32-bit number, got " + kn);
        }
        byte[] context = Arrays.copyOf(ksNonce, ksNonce.length + miValueList.length + 4);
        System.arraycopy(miValueList, 0, context, ksNonce.length, miValueList.length);
        int p = ksNonce.length + miValueList.length;
        context[p] = (byte) (kn >>> 24);
        context[p + 1] = (byte) (kn >>> 16);
        context[p + 2] = (byte) (kn >>> 8);
        context[p + 3] = (byte) kn;
        return Kdf.derive(cak, LABEL_SAK, context, sakBits);
    }

    /** Lower MAC address || higher MAC address, compared as unsigned octet strings. */
    public static byte[] macPair(byte[] mac1, byte[] mac2) {
        if (mac1.length != 6 || mac2.length != 6) {
            throw new IllegalArgumentException("MAC addresses are 6 octets");
        }
        boolean firstLower = Arrays.compareUnsigned(mac1, mac2) <= 0;
        byte[] out = new byte[12];
        System.arraycopy(firstLower ? mac1 : mac2, 0, out, 0, 6);
        System.arraycopy(firstLower ? mac2 : mac1, 0, out, 6, 6);
        return out;
    }

    private static byte[] mskKey(byte[] msk, int cakBits) {
        if (cakBits != 128 && cakBits != 256) {
            throw new IllegalArgumentException("a CAK is 128 or 256 bits, asked for " + cakBits);
        }
        if (msk.length < cakBits / 8) {
            throw new IllegalArgumentException("a " + cakBits + "-bit CAK needs an MSK of at least " + cakBits / 8
                    + " octets, got " + msk.length);
        }
        return Arrays.copyOf(msk, cakBits / 8);
    }

    private static void requireCak(byte[] cak) {
        if (cak.length != 16 && cak.length != 32) {
            throw new IllegalArgumentException("a CAK is 16 or 32 octets, got " + cak.length);
        }
    }
}
