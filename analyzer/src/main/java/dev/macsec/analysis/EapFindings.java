package dev.macsec.analysis;

import dev.macsec.field.ExpertGroup;
import dev.macsec.field.ExpertInfo;
import dev.macsec.field.Severity;

/** What the analysis concludes about an 802.1X authentication over several frames (EAPOL, EAP, RADIUS, then MKA). */
public final class EapFindings {
    private EapFindings() {
    }

    /** How long after an EAP-Success MKA must have begun: a few MKA Hello Times (2 s, 802.1X-2020 Table 9-3). */
    public static final long MKA_AFTER_SUCCESS_NANOS = 10_000_000_000L;

    public static final ExpertInfo AUTH_FAILED = ExpertInfo.declare("eap.auth_failed", ExpertGroup.SECURITY,
            Severity.WARN, "RFC 3748 4.2", "Authentication failed (Access-Reject or EAP-Failure)");
    public static final ExpertInfo SUCCESS_WITHOUT_MKA = ExpertInfo.declare("eap.success_without_mka",
            ExpertGroup.SEQUENCE, Severity.WARN, "802.1X-2020 12.5",
            "EAP-Success without an MKPDU following within 10 s (or before the session or capture ended)");
    public static final ExpertInfo CKN_NOT_FROM_EAP = ExpertInfo.declare("eap.ckn_not_from_eap", ExpertGroup.SECURITY,
            Severity.WARN, "802.1X-2020 6.2.2",
            "MKPDUs of an authenticated station under a CKN other than the one its EAP session derives");
    /**
     * How long after an EAPOL-Logoff the session's CA may still show: MKPDUs and frames already on their way, about two
     * MKA Bounded Hello Times (0.5 s, 802.1X-2020 Table 9-3).
     */
    public static final long CA_AFTER_LOGOFF_NANOS = 1_000_000_000L;

    public static final ExpertInfo CA_KEPT_AFTER_LOGOFF = ExpertInfo.declare("eap.ca_kept_after_logoff",
            ExpertGroup.SECURITY, Severity.WARN, "802.1X-2020 12.5",
            "The EAP session's CA carried on after its EAPOL-Logoff: MKPDUs under the CKN its MSK derives, from one of "
                    + "its stations, more than 1 s after the Logoff");
    public static final ExpertInfo LOGOFF = ExpertInfo.declare("eapol.logoff", ExpertGroup.SEQUENCE, Severity.NOTE,
            "802.1X-2020 11.3.2", "EAPOL-Logoff: the supplicant ended its session");
}
