package dev.macsec.decode.eap;

import dev.macsec.field.ExpertGroup;
import dev.macsec.field.ExpertInfo;
import dev.macsec.field.Severity;

/**
 * What is wrong in a RADIUS packet: as the decoder sees it in one frame, and as the analysis sees it under the shared
 * secret (the authenticators, which only the secret can check).
 */
public final class RadiusExperts {
    private RadiusExperts() {
    }

    public static final ExpertInfo TRUNCATED = ExpertInfo.declare("radius.truncated", ExpertGroup.MALFORMED,
            Severity.ERROR, "RFC 2865 3", "The RADIUS header is cut short");
    public static final ExpertInfo BAD_LENGTH = ExpertInfo.declare("radius.bad_length", ExpertGroup.MALFORMED,
            Severity.ERROR, "RFC 2865 3", "The RADIUS Length is below 20, above 4096 or past the UDP payload");
    public static final ExpertInfo AVP_BAD_LENGTH = ExpertInfo.declare("radius.avp.bad_length", ExpertGroup.MALFORMED,
            Severity.ERROR, "RFC 2865 5", "An attribute's length is below 2 or runs past the packet");
    public static final ExpertInfo UNKNOWN_CODE = ExpertInfo.declare("radius.unknown_code", ExpertGroup.PROTOCOL,
            Severity.WARN, "RFC 2865 3", "Unknown RADIUS Code");
    public static final ExpertInfo EAP_WITHOUT_MESSAGE_AUTHENTICATOR = ExpertInfo.declare(
            "radius.eap_without_message_authenticator", ExpertGroup.SECURITY, Severity.ERROR, "RFC 3579 3.2",
            "A packet with EAP-Message has no Message-Authenticator");
    public static final ExpertInfo BAD_MESSAGE_AUTHENTICATOR_LENGTH = ExpertInfo.declare(
            "radius.message_authenticator_length", ExpertGroup.MALFORMED, Severity.ERROR, "RFC 3579 3.2",
            "Message-Authenticator is not 16 octets");
    public static final ExpertInfo RESPONSE_AUTHENTICATOR_WRONG = ExpertInfo.declare("radius.response_authenticator_wrong",
            ExpertGroup.SECURITY, Severity.ERROR, "RFC 2865 3",
            "The Response Authenticator does not verify under the shared secret (or the secret is not this client's)");
    public static final ExpertInfo ACCOUNTING_AUTHENTICATOR_WRONG = ExpertInfo.declare(
            "radius.accounting_authenticator_wrong", ExpertGroup.SECURITY, Severity.ERROR, "RFC 2866 3",
            "The Accounting-Request's Request Authenticator does not verify under the shared secret");
    public static final ExpertInfo MESSAGE_AUTHENTICATOR_WRONG = ExpertInfo.declare(
            "radius.message_authenticator_wrong", ExpertGroup.SECURITY, Severity.ERROR, "RFC 3579 3.2",
            "The Message-Authenticator does not verify under the shared secret");
    public static final ExpertInfo NO_REQUEST = ExpertInfo.declare("radius.no_request", ExpertGroup.SEQUENCE,
            Severity.NOTE, "RFC 2865 3", "A response whose request the capture does not hold: its authenticators cannot be checked");
    public static final ExpertInfo MPPE_KEY_UNDECRYPTABLE = ExpertInfo.declare("radius.mppe_key_bad",
            ExpertGroup.DECRYPTION, Severity.ERROR, "RFC 2548 2.4.2",
            "An MS-MPPE key does not decrypt to a key of a sound length under the shared secret");
}
