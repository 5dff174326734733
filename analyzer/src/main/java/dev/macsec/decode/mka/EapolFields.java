package dev.macsec.decode.mka;

import dev.macsec.field.Field;
import dev.macsec.field.FieldType;

import java.util.Map;

/** EAPOL header fields (IEEE 802.1X-2020 clause 11.3). */
public final class EapolFields {
    private EapolFields() {
    }

    public static final Map<Long, String> PACKET_TYPES = Map.of(
            0L, "EAP Packet",
            1L, "Start",
            2L, "Logoff",
            3L, "Key",
            4L, "Encapsulated ASF Alert",
            5L, "MKA",
            6L, "Announcement (Generic)",
            7L, "Announcement (Specific)",
            8L, "Announcement Req");

    public static final Field EAPOL = Field.declare("eapol", "802.1X Authentication", FieldType.PROTOCOL, 0,
            "EAPOL header (IEEE 802.1X clause 11.3)");
    public static final Field VERSION = Field.named("eapol.version", "Version", FieldType.UINT_DEC, 1,
            Map.of(1L, "802.1X-2001", 2L, "802.1X-2004", 3L, "802.1X-2010"), "Protocol version of the EAPOL header");
    public static final Field TYPE = Field.named("eapol.type", "Type", FieldType.UINT_DEC, 1, PACKET_TYPES, "EAPOL packet type");
    public static final Field LEN = Field.declare("eapol.len", "Length", FieldType.UINT_DEC, 2, "Length of the packet body");
    public static final Field KEYDES_TYPE = Field.named("eapol.keydes.type", "Key Descriptor Type", FieldType.UINT_DEC, 1,
            Map.of(1L, "RC4 Descriptor", 2L, "EAPOL RSN Key", 254L, "EAPOL WPA Key"), "Descriptor type of an EAPOL-Key body");
    public static final Field BODY = Field.declare("eapol.body", "Packet Body", FieldType.BYTES, 0,
            "Packet body not decoded further (Key, ASF alert, announcement, the body of a Start or Logoff)");
}
