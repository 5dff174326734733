package dev.macsec.decode.eap;

import dev.macsec.field.Field;
import dev.macsec.field.FieldType;

import java.util.HashMap;
import java.util.Map;

/**
 * RADIUS (RFC 2865, accounting RFC 2866, EAP RFC 3579) header and the attributes of an 802.1X authentication, with
 * Microsoft's MS-MPPE keys (RFC 2548). Attribute fields are Wireshark's names in lower case
 * ({@code radius.user_name}), Wireshark's spelling ({@code radius.User_Name}) accepted too.
 */
public final class RadiusFields {
    private RadiusFields() {
    }

    public static final int ACCESS_REQUEST = 1;
    public static final int ACCESS_ACCEPT = 2;
    public static final int ACCESS_REJECT = 3;
    public static final int ACCOUNTING_REQUEST = 4;
    public static final int ACCOUNTING_RESPONSE = 5;
    public static final int ACCESS_CHALLENGE = 11;

    public static final int ATTR_USER_NAME = 1;
    public static final int ATTR_STATE = 24;
    public static final int ATTR_VENDOR_SPECIFIC = 26;
    public static final int ATTR_CALLED_STATION_ID = 30;
    public static final int ATTR_CALLING_STATION_ID = 31;
    public static final int ATTR_EAP_MESSAGE = 79;
    public static final int ATTR_MESSAGE_AUTHENTICATOR = 80;
    public static final long VENDOR_MICROSOFT = 311;
    public static final int VENDOR_TYPE_MPPE_SEND_KEY = 16;
    public static final int VENDOR_TYPE_MPPE_RECV_KEY = 17;

    public static final Map<Long, String> CODES = Map.of(1L, "Access-Request", 2L, "Access-Accept", 3L, "Access-Reject",
            4L, "Accounting-Request", 5L, "Accounting-Response", 11L, "Access-Challenge", 12L, "Status-Server",
            13L, "Status-Client", 40L, "Disconnect-Request", 43L, "CoA-Request");

    public static final Field RADIUS = Field.declare("radius", "RADIUS Protocol", FieldType.PROTOCOL, 0,
            "RADIUS packet (RFC 2865) on UDP 1812/1813 (or the old 1645/1646)");
    public static final Field CODE = Field.named("radius.code", "Code", FieldType.UINT_DEC, 1, CODES, "RADIUS Code");
    public static final Field ID = Field.declare("radius.id", "Identifier", FieldType.UINT_DEC, 1,
            "Identifier matching a response to its request");
    public static final Field LENGTH = Field.declare("radius.length", "Length", FieldType.UINT_DEC, 2,
            "RADIUS length, header included");
    public static final Field AUTHENTICATOR = Field.declare("radius.authenticator", "Authenticator", FieldType.BYTES, 16,
            "Request Authenticator (random) or Response Authenticator (MD5 under the shared secret, RFC 2865 3)");
    public static final Field AVP = Field.declare("radius.avp", "AVP", FieldType.PROTOCOL, 0, "One attribute");
    public static final Field AVP_TYPE = Field.declare("radius.avp.type", "Type", FieldType.UINT_DEC, 1, "Attribute type");
    public static final Field AVP_LENGTH = Field.declare("radius.avp.length", "Length", FieldType.UINT_DEC, 1,
            "Attribute length, type and length octets included");
    public static final Field AVP_VENDOR_ID = Field.declare("radius.avp.vendor_id", "Vendor ID", FieldType.UINT_DEC, 4,
            "SMI Network Management Private Enterprise Code of a Vendor-Specific attribute (311: Microsoft)");
    public static final Field AVP_VENDOR_TYPE = Field.declare("radius.avp.vendor_type", "Type", FieldType.UINT_DEC, 1,
            "Vendor type of a vendor attribute");
    public static final Field AVP_VENDOR_LEN = Field.declare("radius.avp.vendor_len", "Length", FieldType.UINT_DEC, 1,
            "Vendor length of a vendor attribute");

    /** How an attribute's value is read. */
    public enum Kind { STRING, UINT32, IPV4, IPV6, BYTES }

    /** A decoded attribute: its field and how its value is read. */
    public record Attribute(Field field, Kind kind) {
    }

    private static final Map<Integer, Attribute> ATTRIBUTES = new HashMap<>();
    private static final Map<Integer, Attribute> MICROSOFT = new HashMap<>();

    private static Field attr(Map<Integer, Attribute> table, int type, String wireshark, String display, Kind kind,
                              String description) {
        FieldType ft = switch (kind) {
            case STRING, IPV6 -> FieldType.STRING;
            case UINT32 -> FieldType.UINT_DEC;
            case IPV4 -> FieldType.IPV4;
            case BYTES -> FieldType.BYTES;
        };
        String ours = "radius." + wireshark.toLowerCase(java.util.Locale.ROOT);
        Field f = Field.declare(ours, display, ft, kind == Kind.UINT32 || kind == Kind.IPV4 ? 4 : 0, description);
        f = f.wiresharkAlias("radius." + wireshark);
        table.put(type, new Attribute(f, kind));
        return f;
    }

    public static final Field USER_NAME = attr(ATTRIBUTES, 1, "User_Name", "User-Name", Kind.STRING, "User-Name (RFC 2865 5.1)");
    public static final Field NAS_IP_ADDRESS = attr(ATTRIBUTES, 4, "NAS_IP_Address", "NAS-IP-Address", Kind.IPV4,
            "NAS-IP-Address (RFC 2865 5.4)");
    public static final Field NAS_PORT = attr(ATTRIBUTES, 5, "NAS_Port", "NAS-Port", Kind.UINT32, "NAS-Port (RFC 2865 5.5)");
    public static final Field SERVICE_TYPE = attr(ATTRIBUTES, 6, "Service_Type", "Service-Type", Kind.UINT32,
            "Service-Type (RFC 2865 5.6)");
    public static final Field FRAMED_MTU = attr(ATTRIBUTES, 12, "Framed_MTU", "Framed-MTU", Kind.UINT32,
            "Framed-MTU (RFC 2865 5.12)");
    public static final Field REPLY_MESSAGE = attr(ATTRIBUTES, 18, "Reply_Message", "Reply-Message", Kind.STRING,
            "Reply-Message (RFC 2865 5.18)");
    public static final Field STATE = attr(ATTRIBUTES, 24, "State", "State", Kind.BYTES, "State (RFC 2865 5.24)");
    public static final Field CLASS = attr(ATTRIBUTES, 25, "Class", "Class", Kind.BYTES, "Class (RFC 2865 5.25)");
    public static final Field VENDOR_SPECIFIC = attr(ATTRIBUTES, 26, "Vendor_Specific", "Vendor-Specific", Kind.BYTES,
            "Vendor-Specific (RFC 2865 5.26)");
    public static final Field SESSION_TIMEOUT = attr(ATTRIBUTES, 27, "Session_Timeout", "Session-Timeout", Kind.UINT32,
            "Session-Timeout (RFC 2865 5.27)");
    public static final Field CALLED_STATION_ID = attr(ATTRIBUTES, 30, "Called_Station_Id", "Called-Station-Id",
            Kind.STRING, "Called-Station-Id (RFC 2865 5.30): in 802.1X, the authenticator's port MAC (RFC 3580 3.20)");
    public static final Field CALLING_STATION_ID = attr(ATTRIBUTES, 31, "Calling_Station_Id", "Calling-Station-Id",
            Kind.STRING, "Calling-Station-Id (RFC 2865 5.31): in 802.1X, the supplicant's MAC (RFC 3580 3.21)");
    public static final Field NAS_IDENTIFIER = attr(ATTRIBUTES, 32, "NAS_Identifier", "NAS-Identifier", Kind.STRING,
            "NAS-Identifier (RFC 2865 5.32)");
    public static final Field ACCT_STATUS_TYPE = attr(ATTRIBUTES, 40, "Acct_Status_Type", "Acct-Status-Type", Kind.UINT32,
            "Acct-Status-Type (RFC 2866 5.1)");
    public static final Field ACCT_DELAY_TIME = attr(ATTRIBUTES, 41, "Acct_Delay_Time", "Acct-Delay-Time", Kind.UINT32,
            "Acct-Delay-Time (RFC 2866 5.2)");
    public static final Field ACCT_SESSION_ID = attr(ATTRIBUTES, 44, "Acct_Session_Id", "Acct-Session-Id", Kind.STRING,
            "Acct-Session-Id (RFC 2866 5.5)");
    public static final Field ACCT_AUTHENTIC = attr(ATTRIBUTES, 45, "Acct_Authentic", "Acct-Authentic", Kind.UINT32,
            "Acct-Authentic (RFC 2866 5.6)");
    public static final Field ACCT_SESSION_TIME = attr(ATTRIBUTES, 46, "Acct_Session_Time", "Acct-Session-Time",
            Kind.UINT32, "Acct-Session-Time (RFC 2866 5.7)");
    public static final Field ACCT_TERMINATE_CAUSE = attr(ATTRIBUTES, 49, "Acct_Terminate_Cause", "Acct-Terminate-Cause",
            Kind.UINT32, "Acct-Terminate-Cause (RFC 2866 5.10)");
    public static final Field NAS_PORT_TYPE = attr(ATTRIBUTES, 61, "NAS_Port_Type", "NAS-Port-Type", Kind.UINT32,
            "NAS-Port-Type (RFC 2865 5.41)");
    public static final Field CONNECT_INFO = attr(ATTRIBUTES, 77, "Connect_Info", "Connect-Info", Kind.STRING,
            "Connect-Info (RFC 2869 5.11)");
    public static final Field EAP_MESSAGE = attr(ATTRIBUTES, 79, "EAP_Message", "EAP-Message", Kind.BYTES,
            "EAP-Message (RFC 3579 3.1): an EAP packet, split over several attributes when longer than 253 octets");
    public static final Field MESSAGE_AUTHENTICATOR = attr(ATTRIBUTES, 80, "Message_Authenticator",
            "Message-Authenticator", Kind.BYTES, "Message-Authenticator (RFC 3579 3.2): HMAC-MD5 under the shared secret");
    public static final Field NAS_IPV6_ADDRESS = attr(ATTRIBUTES, 95, "NAS_IPv6_Address", "NAS-IPv6-Address", Kind.IPV6,
            "NAS-IPv6-Address (RFC 3162 2.1)");
    public static final Field MS_MPPE_ENCRYPTION_POLICY = attr(MICROSOFT, 7, "MS_MPPE_Encryption_Policy",
            "MS-MPPE-Encryption-Policy", Kind.UINT32, "MS-MPPE-Encryption-Policy (RFC 2548 2.4.4)");
    public static final Field MS_MPPE_ENCRYPTION_TYPES = attr(MICROSOFT, 8, "MS_MPPE_Encryption_Types",
            "MS-MPPE-Encryption-Types", Kind.UINT32, "MS-MPPE-Encryption-Types (RFC 2548 2.4.5)");
    public static final Field MS_MPPE_SEND_KEY = attr(MICROSOFT, VENDOR_TYPE_MPPE_SEND_KEY, "MS_MPPE_Send_Key", "MS-MPPE-Send-Key",
            Kind.BYTES, "MS-MPPE-Send-Key (RFC 2548 2.4.2): salt and the encrypted key, the MSK's second half in 802.1X");
    public static final Field MS_MPPE_RECV_KEY = attr(MICROSOFT, VENDOR_TYPE_MPPE_RECV_KEY, "MS_MPPE_Recv_Key", "MS-MPPE-Recv-Key",
            Kind.BYTES, "MS-MPPE-Recv-Key (RFC 2548 2.4.3): salt and the encrypted key, the MSK's first half in 802.1X");

    /** The attribute of this type, or null when it is shown by type and length only. */
    public static Attribute attribute(int type) {
        return ATTRIBUTES.get(type);
    }

    /** The Microsoft (vendor 311) attribute of this vendor type, or null. */
    public static Attribute microsoft(int vendorType) {
        return MICROSOFT.get(vendorType);
    }

    /** Whether a UDP port is a RADIUS one: authentication 1812 and accounting 1813, or the old 1645 and 1646. */
    public static boolean isRadiusPort(int port) {
        return port == 1812 || port == 1813 || port == 1645 || port == 1646;
    }
}
