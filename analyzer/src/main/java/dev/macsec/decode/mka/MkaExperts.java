package dev.macsec.decode.mka;

import dev.macsec.field.ExpertGroup;
import dev.macsec.field.ExpertInfo;
import dev.macsec.field.Severity;

/**
 * The anomalies of EAPOL frames and MKPDUs that the decoder sees in one frame (802.1X-2020 11.11); the rules that
 * need a session's history are {@code dev.macsec.mka.Rules}.
 */
public final class MkaExperts {
    private MkaExperts() {
    }

    public static final ExpertInfo EAPOL_TRUNCATED = ExpertInfo.declare("eapol.truncated", ExpertGroup.MALFORMED,
            Severity.ERROR, "802.1X-2020 11.3", "The EAPOL header is cut short");
    public static final ExpertInfo EAPOL_UNKNOWN_VERSION = ExpertInfo.declare("eapol.unknown_version",
            ExpertGroup.PROTOCOL, Severity.WARN, "802.1X-2020 11.3.1", "Unknown EAPOL protocol version");
    public static final ExpertInfo EAPOL_UNKNOWN_TYPE = ExpertInfo.declare("eapol.unknown_type",
            ExpertGroup.UNDECODED, Severity.WARN, "802.1X-2020 11.3.2", "Unknown EAPOL packet type");
    public static final ExpertInfo EAPOL_LEN_PAST_END = ExpertInfo.declare("eapol.len_past_end",
            ExpertGroup.MALFORMED, Severity.ERROR, "802.1X-2020 11.3.3", "The EAPOL body length runs past the frame");
    public static final ExpertInfo DEST_NOT_PAE = ExpertInfo.declare("mka.dest_not_pae", ExpertGroup.PROTOCOL,
            Severity.WARN, "802.1X-2020 11.1.1", "MKPDU not sent to the PAE group address 01:80:c2:00:00:03");
    public static final ExpertInfo SHORT = ExpertInfo.declare("mka.short", ExpertGroup.MALFORMED, Severity.ERROR,
            "802.1X-2020 11.11.2", "MKPDU shorter than the Basic parameter set");
    public static final ExpertInfo NOT_MULTIPLE_OF_4 = ExpertInfo.declare("mka.not_multiple_of_4",
            ExpertGroup.MALFORMED, Severity.WARN, "802.1X-2020 11.11.3", "MKPDU length not a multiple of 4 octets");
    public static final ExpertInfo UNKNOWN_VERSION = ExpertInfo.declare("mka.unknown_version", ExpertGroup.PROTOCOL,
            Severity.WARN, "802.1X-2020 11.11.1", "Unknown MKA Version Identifier");
    public static final ExpertInfo BASIC_TRUNCATED = ExpertInfo.declare("mka.basic_truncated",
            ExpertGroup.MALFORMED, Severity.ERROR, "802.1X-2020 11.11.1", "The Basic parameter set is cut short");
    public static final ExpertInfo UNKNOWN_ALGORITHM_AGILITY = ExpertInfo.declare("mka.unknown_algorithm_agility",
            ExpertGroup.PROTOCOL, Severity.WARN, "802.1X-2020 11.11.1", "Unknown Algorithm Agility");
    public static final ExpertInfo PARAM_PAST_END = ExpertInfo.declare("mka.param_past_end", ExpertGroup.MALFORMED,
            Severity.ERROR, "802.1X-2020 11.11.1", "A parameter set's body length runs past the MKPDU");
    public static final ExpertInfo CKN_TOO_LONG = ExpertInfo.declare("mka.ckn_too_long", ExpertGroup.MALFORMED,
            Severity.ERROR, "802.1X-2020 9.3.1", "CKN longer than 32 octets");
    public static final ExpertInfo CKN_EMPTY = ExpertInfo.declare("mka.ckn_empty", ExpertGroup.PROTOCOL,
            Severity.WARN, "802.1X-2020 9.3.1", "CKN empty (1 to 32 octets required)");
    public static final ExpertInfo TRAILING = ExpertInfo.declare("mka.trailing", ExpertGroup.MALFORMED,
            Severity.ERROR, "802.1X-2020 11.11.3", "Octets after the last parameter set are neither a set nor the ICV");
    public static final ExpertInfo BAD_ICV_LENGTH = ExpertInfo.declare("mka.bad_icv_length", ExpertGroup.MALFORMED,
            Severity.ERROR, "802.1X-2020 11.11.1", "The ICV Indicator announces an ICV length other than 16");
    public static final ExpertInfo ICV_MISSING = ExpertInfo.declare("mka.icv_missing", ExpertGroup.MALFORMED,
            Severity.ERROR, "802.1X-2020 11.11.3", "The MKPDU's ICV is missing or cut short");
    public static final ExpertInfo PADDING_PAST_END = ExpertInfo.declare("mka.padding_past_end",
            ExpertGroup.MALFORMED, Severity.ERROR, "802.1X-2020 11.11.3",
            "A parameter set is not padded to a multiple of 4 octets within the MKPDU");
    public static final ExpertInfo ICV_INDICATOR_NOT_LAST = ExpertInfo.declare("mka.icv_indicator_not_last",
            ExpertGroup.PROTOCOL, Severity.ERROR, "802.1X-2020 11.11.3",
            "A parameter set follows the ICV Indicator, which must be the last");
    public static final ExpertInfo DUPLICATE_PARAM_SET = ExpertInfo.declare("mka.duplicate_param_set",
            ExpertGroup.PROTOCOL, Severity.WARN, "802.1X-2020 11.11.3", "A parameter set appears more than once");
    public static final ExpertInfo BAD_ORDER = ExpertInfo.declare("mka.bad_order", ExpertGroup.PROTOCOL,
            Severity.WARN, "802.1X-2020 11.11.3", "Parameter sets out of the order the standard encodes them in");
    public static final ExpertInfo BAD_BODY_LENGTH = ExpertInfo.declare("mka.bad_body_length",
            ExpertGroup.MALFORMED, Severity.ERROR, "802.1X-2020 11.11.1",
            "A parameter set's body length is not one its type allows");
    public static final ExpertInfo TLV_PAST_END = ExpertInfo.declare("mka.tlv_past_end", ExpertGroup.MALFORMED,
            Severity.ERROR, "802.1X-2020 11.12", "An Announcement TLV runs past its parameter set");
    public static final ExpertInfo BAD_TLV_LENGTH = ExpertInfo.declare("mka.bad_tlv_length", ExpertGroup.MALFORMED,
            Severity.WARN, "802.1X-2020 11.12.3", "The MACsec Cipher Suites TLV length is not a whole number of entries");
    public static final ExpertInfo XPN_BEFORE_V3 = ExpertInfo.declare("mka.xpn_before_v3", ExpertGroup.PROTOCOL,
            Severity.WARN, "802.1X-2020 11.11.1", "XPN parameter set in an MKPDU of version 1 or 2");
    public static final ExpertInfo UNKNOWN_PARAM_SET = ExpertInfo.declare("mka.unknown_param_set",
            ExpertGroup.UNDECODED, Severity.NOTE, "802.1X-2020 11.11.3", "Unknown parameter set type, skipped",
            MkaFields.UNKNOWN_PARAM_SET);
}
