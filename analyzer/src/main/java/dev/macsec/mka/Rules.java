package dev.macsec.mka;

import dev.macsec.decode.mka.MkaExperts;
import dev.macsec.field.ExpertGroup;
import dev.macsec.field.ExpertInfo;
import dev.macsec.field.Severity;

/** The MKA rules that need a session's history (IEEE 802.1X-2020 clause 9): what the tracker's findings report. */
public final class Rules {
    private Rules() {
    }

    public static final ExpertInfo ICV_FAILED = declare("mka.icv_failed", ExpertGroup.CHECKSUM, Severity.ERROR,
            "9.4.1", "The MKPDU's ICV verifies under no CAK with its CKN: a receiver discards it");
    /**
     * The decoder's code: the tracker reports the same defect for its CA (at WARN, its own severity since the first
     * release, kept so that findings read as before).
     */
    public static final ExpertInfo ICV_MISSING = MkaExperts.ICV_MISSING;
    public static final ExpertInfo UNKNOWN_CKN = declare("mka.unknown_ckn", ExpertGroup.DECRYPTION, Severity.WARN,
            "9.3.1", "No CAK in the keychain has the MKPDU's CKN: it cannot be verified");
    public static final ExpertInfo CAK_FALLBACK = declare("mka.cak_fallback", ExpertGroup.SECURITY, Severity.NOTE,
            "9.3", "A participant uses a CAK other than the first of the keychain's entries for its CKN");
    public static final ExpertInfo CKN_MISMATCH = declare("mka.ckn_mismatch", ExpertGroup.SECURITY, Severity.WARN,
            "9.3.1", "Two participants use different CKNs and never see each other");
    public static final ExpertInfo WRONG_CAK = declare("mka.wrong_cak", ExpertGroup.SECURITY, Severity.ERROR,
            "9.4.1", "No MKPDU with this CKN verified: the keychain's CAK is not the one in use");
    public static final ExpertInfo MN_NOT_INCREASING = declare("mka.mn_not_increasing", ExpertGroup.SEQUENCE,
            Severity.ERROR, "9.4.2", "A participant's Message Number went down");
    public static final ExpertInfo MN_REPEATED = declare("mka.mn_repeated", ExpertGroup.SEQUENCE, Severity.WARN,
            "9.4.2", "A participant sent the same Message Number twice");
    public static final ExpertInfo MI_CHANGED = declare("mka.mi_changed", ExpertGroup.SEQUENCE, Severity.NOTE,
            "9.4.2", "An SCI changed its Member Identifier (a restarted participant)");
    public static final ExpertInfo HELLO_INTERVAL = declare("mka.hello_interval", ExpertGroup.SEQUENCE,
            Severity.WARN, "9.4.3", "A participant sent no MKPDU for longer than the MKA Hello Time allows");
    public static final ExpertInfo PEER_LOST = declare("mka.peer_lost", ExpertGroup.SEQUENCE, Severity.WARN,
            "9.4.3", "A participant sent no MKPDU for the MKA Life Time: its peers drop it");
    public static final ExpertInfo KEY_SERVER_NOT_ELECTED = declare("mka.key_server_not_elected",
            ExpertGroup.PROTOCOL, Severity.ERROR, "9.5",
            "A participant claims Key Server without the highest priority (or lowest SCI on a tie)");
    public static final ExpertInfo SECOND_KEY_SERVER = declare("mka.second_key_server", ExpertGroup.PROTOCOL,
            Severity.ERROR, "9.5", "Two live participants claim Key Server at once");
    public static final ExpertInfo SAK_FROM_NON_KEY_SERVER = declare("mka.sak_from_non_key_server",
            ExpertGroup.SECURITY, Severity.ERROR, "9.8", "A SAK distributed by a participant that is not Key Server");
    public static final ExpertInfo SAK_UNWRAP_FAILED = declare("mka.sak_unwrap_failed", ExpertGroup.DECRYPTION,
            Severity.ERROR, "9.8", "The Distributed SAK does not unwrap under the KEK (RFC 3394 check fails)");
    public static final ExpertInfo CAK_FROM_NON_KEY_SERVER = declare("mka.cak_from_non_key_server",
            ExpertGroup.SECURITY, Severity.ERROR, "9.12", "A CAK distributed by a participant that is not Key Server");
    public static final ExpertInfo CAK_UNWRAP_FAILED = declare("mka.cak_unwrap_failed", ExpertGroup.DECRYPTION,
            Severity.ERROR, "9.12", "The Distributed CAK does not unwrap under the KEK");
    public static final ExpertInfo UNKNOWN_CIPHER_SUITE = declare("mka.unknown_cipher_suite", ExpertGroup.PROTOCOL,
            Severity.ERROR, "9.7", "A SAK distributed for a cipher suite the analyzer does not know");
    public static final ExpertInfo AN_SEQUENCE = declare("mka.an_sequence", ExpertGroup.SEQUENCE, Severity.WARN,
            "9.9", "A new SAK's Association Number is not the next one");
    public static final ExpertInfo KN_NOT_INCREASING = declare("mka.kn_not_increasing", ExpertGroup.SEQUENCE,
            Severity.WARN, "9.8", "A new SAK's Key Number does not increase");
    public static final ExpertInfo SAK_NOT_ACKNOWLEDGED = declare("mka.sak_not_acknowledged", ExpertGroup.PROTOCOL,
            Severity.WARN, "9.10", "A live peer never reported the distributed SAK in its SAK Use");
    public static final ExpertInfo SAK_USE_AN_MISMATCH = declare("mka.sak_use_an_mismatch", ExpertGroup.PROTOCOL,
            Severity.ERROR, "9.10", "A SAK Use reports a KN on an AN other than the one distributed");
    public static final ExpertInfo SSCI_MISMATCH = declare("mka.ssci_mismatch", ExpertGroup.PROTOCOL, Severity.WARN,
            "9.8.2", "The announced SSCI is not the one the SCI order assigns");
    public static final ExpertInfo DATA_AN_NOT_DISTRIBUTED = declare("mka.data_an_not_distributed",
            ExpertGroup.PROTOCOL, Severity.WARN, "9.10", "A data frame uses an AN no SAK was distributed for");
    public static final ExpertInfo PN_BELOW_LOWEST_ACCEPTABLE = declare("mka.pn_below_lowest_acceptable",
            ExpertGroup.SEQUENCE, Severity.WARN, "9.10",
            "A data frame's PN is below the Lowest Acceptable PN its SAK Use announced");
    public static final ExpertInfo CAPABILITY_MISMATCH = declare("mka.capability_mismatch", ExpertGroup.PROTOCOL,
            Severity.WARN, "9.6", "A participant desires MACsec but a live peer is not MACsec capable");
    public static final ExpertInfo TOO_MANY_PARTICIPANTS = declare("mka.too_many_participants",
            ExpertGroup.COMMENT, Severity.WARN, "", "More participants than the analyzer follows in one CA");
    public static final ExpertInfo FINDINGS_SUPPRESSED = declare("mka.findings_suppressed", ExpertGroup.COMMENT,
            Severity.NOTE, "", "More findings of one rule than are listed");

    private static ExpertInfo declare(String code, ExpertGroup group, Severity severity, String clause,
                                      String summary) {
        return ExpertInfo.declare(code, group, severity, clause.isEmpty() ? "" : "802.1X-2020 " + clause, summary);
    }
}
