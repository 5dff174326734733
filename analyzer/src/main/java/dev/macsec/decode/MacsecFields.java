package dev.macsec.decode;

import dev.macsec.field.Field;
import dev.macsec.field.FieldType;

/**
 * The 802.1AE SecTAG, secure data and ICV. Filter names are the lower-case forms of Wireshark's macsec.*, and
 * Wireshark's own spelling is an alias of each. Wireshark 4.0 has no field for the SCI as a whole, the SL's reserved
 * bits, the implicit SCI, the secure or encrypted data and its length; and its macsec.SL is the whole SL octet
 * where ours masks the reserved bits off (they differ only when those bits are set, which is itself flagged).
 */
public final class MacsecFields {
    private MacsecFields() {
    }

    public static final Field MACSEC = Field.declare("macsec", "802.1AE Security tag", FieldType.PROTOCOL, 0,
            "MACsec SecTAG, secure data and ICV (IEEE 802.1AE-2018 clause 9)");
    /** The six TCI bits, shifted down as Wireshark shows them (TCI octet >> 2). */
    public static final Field TCI = Field.bits("macsec.tci", "TCI", FieldType.UINT_HEX, 1, 0xFC,
            "Tag control information: V, ES, SC, SCB, E, C")
            .wiresharkAlias("macsec.TCI");
    public static final Field TCI_V = Field.bits("macsec.tci.v", "VER", FieldType.UINT_HEX, 1, 0x80, "Version bit (must be 0)")
            .wiresharkAlias("macsec.TCI.V");
    public static final Field TCI_ES = Field.bits("macsec.tci.es", "ES", FieldType.BOOLEAN, 1, 0x40,
            "End station: the SCI is the source MAC with port 1")
            .wiresharkAlias("macsec.TCI.ES");
    public static final Field TCI_SC = Field.bits("macsec.tci.sc", "SC", FieldType.BOOLEAN, 1, 0x20, "An explicit SCI is present")
            .wiresharkAlias("macsec.TCI.SC");
    public static final Field TCI_SCB = Field.bits("macsec.tci.scb", "SCB", FieldType.BOOLEAN, 1, 0x10, "Single copy broadcast (EPON)")
            .wiresharkAlias("macsec.TCI.SCB");
    public static final Field TCI_E = Field.bits("macsec.tci.e", "E", FieldType.BOOLEAN, 1, 0x08, "Encryption: the user data is encrypted")
            .wiresharkAlias("macsec.TCI.E");
    public static final Field TCI_C = Field.bits("macsec.tci.c", "C", FieldType.BOOLEAN, 1, 0x04,
            "Changed text: the user data differs from what was submitted (set with E)")
            .wiresharkAlias("macsec.TCI.C");
    public static final Field AN = Field.bits("macsec.an", "AN", FieldType.UINT_HEX, 1, 0x03, "Association number")
            .wiresharkAlias("macsec.AN");
    public static final Field SL = Field.bits("macsec.sl", "Short length", FieldType.UINT_DEC, 1, 0x3F,
            "Number of secure data octets when fewer than 48, else 0")
            .wiresharkAlias("macsec.SL");
    public static final Field SL_RESERVED = Field.bits("macsec.sl.reserved", "Short length reserved bits", FieldType.UINT_HEX, 1, 0xC0,
            "The two reserved bits of the SL octet (must be 0)");
    public static final Field PN = Field.declare("macsec.pn", "Packet number", FieldType.UINT_DEC, 4,
            "Packet number (for XPN suites the low 32 bits)")
            .wiresharkAlias("macsec.PN");
    public static final Field SCI = Field.declare("macsec.sci", "SCI", FieldType.UINT_HEX, 8,
            "Secure channel identifier: system identifier (MAC) and port");
    public static final Field SCI_SYSTEM = Field.declare("macsec.sci.system_identifier", "System Identifier", FieldType.MAC, 6,
            "MAC address part of the SCI")
            .wiresharkAlias("macsec.SCI.system_identifier");
    public static final Field SCI_PORT = Field.declare("macsec.sci.port_identifier", "Port Identifier", FieldType.UINT_DEC, 2,
            "Port number part of the SCI")
            .wiresharkAlias("macsec.SCI.port_identifier");
    public static final Field SCI_IMPLICIT = Field.declare("macsec.sci.implicit", "[SCI is implicit]", FieldType.BOOLEAN, 0,
            "Generated: SC is clear, so the SCI is the source MAC address with port 1 (802.1AE 9.9)");
    public static final Field ETYPE = Field.named("macsec.etype", "Ethertype", FieldType.UINT_HEX, 2, EthernetFields.ETHERTYPES,
            "EtherType of the user data (visible only when not encrypted)");
    public static final Field SECURE_DATA = Field.declare("macsec.secure_data", "Secure Data", FieldType.BYTES, 0,
            "User data protected for integrity only (E clear)");
    public static final Field ENCRYPTED_DATA = Field.declare("macsec.encrypted_data", "Encrypted Data", FieldType.BYTES, 0,
            "User data encrypted (E set); readable only after decryption");
    public static final Field SECURE_DATA_LEN = Field.declare("macsec.secure_data_len", "[Secure data length]", FieldType.UINT_DEC, 2,
            "Generated: octets between the SecTAG and the ICV");
    public static final Field ICV = Field.declare("macsec.icv", "ICV", FieldType.BYTES, 16, "Integrity check value (16 octets)")
            .wiresharkAlias("macsec.ICV");
}
