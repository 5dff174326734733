package dev.macsec.conformance.device;

import dev.macsec.error.InputException;

import java.util.Locale;

/** The four 802.1AE cipher suites, with the name iproute2 uses for each. */
public enum CipherSuite {
    GCM_AES_128("GCM-AES-128", "gcm-aes-128", 16, false, 0x0080C20001000001L),
    GCM_AES_256("GCM-AES-256", "gcm-aes-256", 32, false, 0x0080C20001000002L),
    GCM_AES_XPN_128("GCM-AES-XPN-128", "gcm-aes-xpn-128", 16, true, 0x0080C20001000003L),
    GCM_AES_XPN_256("GCM-AES-XPN-256", "gcm-aes-xpn-256", 32, true, 0x0080C20001000004L);

    private final String standardName;
    private final String iprouteName;
    private final int keyLength;
    private final boolean xpn;
    private final long referenceNumber;

    CipherSuite(String standardName, String iprouteName, int keyLength, boolean xpn, long referenceNumber) {
        this.standardName = standardName;
        this.iprouteName = iprouteName;
        this.keyLength = keyLength;
        this.xpn = xpn;
        this.referenceNumber = referenceNumber;
    }

    /** Accepts "GCM-AES-128", "gcm_aes_xpn_256", "gcm-aes-xpn-128" and the like. */
    public static CipherSuite byName(String name) {
        String n = name.trim().toUpperCase(Locale.ROOT).replace('_', '-');
        for (CipherSuite s : values()) {
            if (s.standardName.equals(n)) {
                return s;
            }
        }
        throw new InputException("unknown cipher suite '" + name
                + "' (expected GCM-AES-128, GCM-AES-256, GCM-AES-XPN-128 or GCM-AES-XPN-256)");
    }

    public String standardName() {
        return standardName;
    }

    public String iprouteName() {
        return iprouteName;
    }

    /** SAK length in octets. */
    public int keyLength() {
        return keyLength;
    }

    /** Extended (64-bit) packet numbers, with SSCI and salt. */
    public boolean xpn() {
        return xpn;
    }

    /** The 64-bit Cipher Suite Identifier of 802.1AE Table 14-1. */
    public long referenceNumber() {
        return referenceNumber;
    }
}
