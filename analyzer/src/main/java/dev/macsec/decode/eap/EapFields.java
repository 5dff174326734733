package dev.macsec.decode.eap;

import dev.macsec.field.Field;
import dev.macsec.field.FieldType;

import java.util.Map;

/** EAP (RFC 3748) and the outer header of the TLS-based methods (EAP-TLS RFC 5216, PEAP, EAP-TTLS RFC 5281, FAST). */
public final class EapFields {
    private EapFields() {
    }

    public static final int REQUEST = 1;
    public static final int RESPONSE = 2;
    public static final int SUCCESS = 3;
    public static final int FAILURE = 4;

    public static final int TYPE_IDENTITY = 1;
    public static final int TYPE_NOTIFICATION = 2;
    public static final int TYPE_NAK = 3;
    public static final int TYPE_TLS = 13;
    public static final int TYPE_TTLS = 21;
    public static final int TYPE_PEAP = 25;
    public static final int TYPE_FAST = 43;

    public static final Map<Long, String> CODES = Map.of(1L, "Request", 2L, "Response", 3L, "Success", 4L, "Failure",
            5L, "Initiate", 6L, "Finish");
    public static final Map<Long, String> TYPES = Map.ofEntries(
            Map.entry(1L, "Identity"), Map.entry(2L, "Notification"), Map.entry(3L, "Legacy Nak (Response Only)"),
            Map.entry(4L, "MD5-Challenge EAP (EAP-MD5-CHALLENGE)"), Map.entry(5L, "One-Time Password EAP (EAP-OTP)"),
            Map.entry(6L, "Generic Token Card EAP (EAP-GTC)"), Map.entry(13L, "TLS EAP (EAP-TLS)"),
            Map.entry(17L, "Cisco Wireless EAP / Lightweight EAP (EAP-LEAP)"), Map.entry(18L, "GSM Subscriber Modules Authentication Protocol (EAP-SIM)"),
            Map.entry(21L, "Tunneled TLS EAP (EAP-TTLS)"), Map.entry(23L, "UMTS Authentication and Key Agreement EAP (EAP-AKA)"),
            Map.entry(25L, "Protected EAP (EAP-PEAP)"), Map.entry(26L, "MS-CHAP-v2 EAP (EAP-MS-CHAP-v2)"),
            Map.entry(43L, "Flexible Authentication via Secure Tunneling EAP (EAP-FAST)"),
            Map.entry(50L, "EAP-AKA Prime (EAP-AKA')"), Map.entry(52L, "EAP Password (EAP-PWD)"),
            Map.entry(254L, "Expanded Type"), Map.entry(255L, "Experimental type"));

    public static final Field EAP = Field.declare("eap", "Extensible Authentication Protocol", FieldType.PROTOCOL, 0,
            "EAP packet (RFC 3748), in EAPOL or in RADIUS EAP-Message attributes");
    public static final Field CODE = Field.named("eap.code", "Code", FieldType.UINT_DEC, 1, CODES, "EAP code (RFC 3748 4)");
    public static final Field ID = Field.declare("eap.id", "Id", FieldType.UINT_DEC, 1, "EAP Identifier");
    public static final Field LEN = Field.declare("eap.len", "Length", FieldType.UINT_DEC, 2, "EAP length, header included");
    public static final Field TYPE = Field.named("eap.type", "Type", FieldType.UINT_DEC, 1, TYPES,
            "EAP method type of a Request or Response (RFC 3748 5)");
    public static final Field IDENTITY = Field.declare("eap.identity", "Identity", FieldType.STRING, 0,
            "The identity in an EAP Identity Response (RFC 3748 5.1)");
    public static final Field NOTIFICATION = Field.declare("eap.notification", "Notification", FieldType.STRING, 0,
            "An EAP Notification's text (RFC 3748 5.2)");
    public static final Field DESIRED_TYPE = Field.named("eap.desired_type", "Desired Auth Type", FieldType.UINT_DEC, 1,
            TYPES, "A method the peer would accept instead, in a Nak (RFC 3748 5.3.1)");
    public static final Field TLS_FLAGS = Field.declare("eap.tls.flags", "EAP-TLS Flags", FieldType.UINT_HEX, 1,
            "Flags of EAP-TLS, PEAP, EAP-TTLS and EAP-FAST (RFC 5216 3.1)");
    public static final Field TLS_FLAG_L = Field.bits("eap.tls.flags.len_included", "Length Included", FieldType.BOOLEAN, 1,
            0x80, "L: the TLS Message Length follows (RFC 5216 3.1)");
    public static final Field TLS_FLAG_M = Field.bits("eap.tls.flags.more_fragments", "More Fragments", FieldType.BOOLEAN,
            1, 0x40, "M: more fragments of this TLS message follow (RFC 5216 3.1)");
    public static final Field TLS_FLAG_S = Field.bits("eap.tls.flags.start", "Start", FieldType.BOOLEAN, 1, 0x20,
            "S: EAP-TLS Start (RFC 5216 3.1)");
    public static final Field TLS_FLAG_VERSION = Field.bits("eap.tls.flags.version", "Version", FieldType.UINT_DEC, 1,
            0x07, "PEAP, EAP-TTLS and EAP-FAST version bits (0 for EAP-TLS)");
    public static final Field TLS_LEN = Field.declare("eap.tls.len", "EAP-TLS Length", FieldType.UINT_DEC, 4,
            "TLS Message Length: the whole TLS message over all its fragments (RFC 5216 3.1)");
    public static final Field TLS_DATA = Field.declare("eap.tls.data", "TLS Data", FieldType.BYTES, 0,
            "This fragment's TLS data (not reassembled here)");
    public static final Field TLS_CLIENT_RANDOM = Field.declare("eap.tls.client_random", "Client Random", FieldType.BYTES,
            32, "The ClientHello's random, when the fragment starts with it: part of the EAP-TLS Session-Id (RFC 5216 2.3)");
    public static final Field TLS_SERVER_RANDOM = Field.declare("eap.tls.server_random", "Server Random", FieldType.BYTES,
            32, "The ServerHello's random, when the fragment starts with it: part of the EAP-TLS Session-Id (RFC 5216 2.3)");
    public static final Field TLS_CIPHER_SUITE = Field.declare("eap.tls.cipher_suite", "Cipher Suite", FieldType.UINT_HEX,
            2, "The cipher suite the ServerHello chose (IANA TLS Cipher Suites): its PRF or HKDF hash derives the EAP-TLS "
                    + "keys from a TLS key log (RFC 5216 2.3, RFC 9190 2.3)");
    public static final Field TLS_SELECTED_VERSION = Field.named("eap.tls.selected_version", "Selected Version",
            FieldType.UINT_HEX, 2,
            Map.of(0x0300L, "SSL 3.0", 0x0301L, "TLS 1.0", 0x0302L, "TLS 1.1", 0x0303L, "TLS 1.2", 0x0304L, "TLS 1.3"),
            "The version the ServerHello chose: its supported_versions extension when present (TLS 1.3, RFC 8446 4.2.1), "
                    + "else its legacy version");
    public static final Field TLS = Field.declare("tls", "Transport Layer Security", FieldType.PROTOCOL, 0,
            "A TLS message completed in this EAP fragment (the EAP-TLS data is not reassembled or decrypted here)");
    public static final Field TLS_VERSION = Field.named("eap.tls.version", "Version", FieldType.UINT_HEX, 2,
            Map.of(0x0300L, "SSL 3.0", 0x0301L, "TLS 1.0", 0x0302L, "TLS 1.1", 0x0303L, "TLS 1.2", 0x0304L, "TLS 1.3"),
            "TLS version of the message completed in this frame: the ServerHello's once seen, else its record's");
    public static final Field DATA = Field.declare("eap.data", "Type-Data", FieldType.BYTES, 0,
            "Type-Data of a method not decoded further");
}
