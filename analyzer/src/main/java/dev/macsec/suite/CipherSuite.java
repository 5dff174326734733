package dev.macsec.suite;

import java.util.Locale;

/** The MACsec cipher suites of IEEE 802.1AE-2018 clause 14, with their 64-bit Cipher Suite Identifiers. */
public enum CipherSuite {
    GCM_AES_128(0x0080C20001000001L, "GCM-AES-128", 16, false),
    GCM_AES_256(0x0080C20001000002L, "GCM-AES-256", 32, false),
    GCM_AES_XPN_128(0x0080C20001000003L, "GCM-AES-XPN-128", 16, true),
    GCM_AES_XPN_256(0x0080C20001000004L, "GCM-AES-XPN-256", 32, true);

    /** Every suite here uses a 16-octet ICV. */
    public static final int ICV_LENGTH = 16;
    public static final int SALT_LENGTH = 12;

    private final long id;
    private final String standardName;
    private final int keyLength;
    private final boolean xpn;

    CipherSuite(long id, String standardName, int keyLength, boolean xpn) {
        this.id = id;
        this.standardName = standardName;
        this.keyLength = keyLength;
        this.xpn = xpn;
    }

    public long id() {
        return id;
    }

    /** The name as the standard writes it, e.g. {@code GCM-AES-XPN-256}. */
    public String standardName() {
        return standardName;
    }

    /** SAK length in octets. */
    public int keyLength() {
        return keyLength;
    }

    /** Extended packet numbering: 64-bit PN, IV from salt and SSCI. */
    public boolean xpn() {
        return xpn;
    }

    /** The largest PN an SA of this suite may use. */
    public long maxPn() {
        return xpn ? -1L : 0xFFFFFFFFL;
    }

    /** Lookup by Cipher Suite Identifier; null when unknown. */
    public static CipherSuite byId(long id) {
        for (CipherSuite s : values()) {
            if (s.id == id) {
                return s;
            }
        }
        return null;
    }

    /** Lookup by the standard name (case-insensitive, '_' accepted for '-'); null when unknown. */
    public static CipherSuite byName(String name) {
        if (name == null) {
            return null;
        }
        String n = name.trim().toUpperCase(Locale.ROOT).replace('_', '-');
        for (CipherSuite s : values()) {
            if (s.standardName.equals(n)) {
                return s;
            }
        }
        return null;
    }

    @Override
    public String toString() {
        return standardName;
    }
}
