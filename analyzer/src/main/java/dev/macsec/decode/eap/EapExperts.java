package dev.macsec.decode.eap;

import dev.macsec.field.ExpertGroup;
import dev.macsec.field.ExpertInfo;
import dev.macsec.field.Severity;

/**
 * What is wrong in one EAP packet (RFC 3748, RFC 5216) or in an EAPOL-Start/Logoff, as the decoder sees it; the
 * authentication's outcome over several frames is judged by the analysis (the EAP session findings).
 */
public final class EapExperts {
    private EapExperts() {
    }

    public static final ExpertInfo TRUNCATED = ExpertInfo.declare("eap.truncated", ExpertGroup.MALFORMED, Severity.ERROR,
            "RFC 3748 4", "The EAP header is cut short");
    public static final ExpertInfo LEN_PAST_END = ExpertInfo.declare("eap.len_past_end", ExpertGroup.MALFORMED,
            Severity.ERROR, "RFC 3748 4", "The EAP Length runs past what carries it");
    public static final ExpertInfo LEN_TOO_SHORT = ExpertInfo.declare("eap.len_too_short", ExpertGroup.MALFORMED,
            Severity.ERROR, "RFC 3748 4", "The EAP Length is shorter than its code's header");
    public static final ExpertInfo UNKNOWN_CODE = ExpertInfo.declare("eap.unknown_code", ExpertGroup.PROTOCOL,
            Severity.WARN, "RFC 3748 4", "Unknown EAP Code");
    public static final ExpertInfo TLS_TRUNCATED = ExpertInfo.declare("eap.tls.truncated", ExpertGroup.MALFORMED,
            Severity.ERROR, "RFC 5216 3.1", "The EAP-TLS flags or TLS Message Length are cut short");
    public static final ExpertInfo TLS_LEN_SHORT = ExpertInfo.declare("eap.tls.len_short", ExpertGroup.MALFORMED,
            Severity.WARN, "RFC 5216 3.1", "The TLS Message Length is shorter than this fragment's data");
}
