package dev.macsec.decode;

import dev.macsec.field.ExpertGroup;
import dev.macsec.field.ExpertInfo;
import dev.macsec.field.Severity;

/**
 * The anomalies of the outer frame: capture, Ethernet, VLAN and SecTAG. The 802.1AE 9.12 validity rules are
 * declared by {@link SecTagRule}, one code each.
 */
public final class FrameExperts {
    private FrameExperts() {
    }

    public static final ExpertInfo NO_DATA = ExpertInfo.declare("frame.no_data", ExpertGroup.MALFORMED,
            Severity.ERROR, "", "The capture record holds no frame data");
    public static final ExpertInfo SNAPPED = ExpertInfo.declare("frame.snapped", ExpertGroup.UNDECODED,
            Severity.NOTE, "", "The frame was captured only in part (snapshot length)");
    public static final ExpertInfo TRUNCATED = ExpertInfo.declare("frame.truncated", ExpertGroup.MALFORMED,
            Severity.ERROR, "", "A header is cut short by the end of the frame");
    public static final ExpertInfo UNSUPPORTED_LINK_TYPE = ExpertInfo.declare("frame.unsupported_link_type",
            ExpertGroup.UNDECODED, Severity.WARN, "", "The capture's link type is not decoded");
    public static final ExpertInfo LLC = ExpertInfo.declare("eth.llc", ExpertGroup.UNDECODED, Severity.NOTE,
            "IEEE 802.3 3.2.6", "An 802.3 length field instead of an EtherType: the LLC frame is not decoded");
    public static final ExpertInfo TOO_MANY_VLAN_TAGS = ExpertInfo.declare("vlan.too_many_tags",
            ExpertGroup.UNDECODED, Severity.WARN, "", "More than 8 VLAN tags: not decoded further");
    public static final ExpertInfo SECTAG_SNAPPED = ExpertInfo.declare("sectag.snapped", ExpertGroup.UNDECODED,
            Severity.WARN, "802.1AE-2018 9.3", "The capture (snapshot length) ends inside the SecTAG");
    public static final ExpertInfo C_WITHOUT_E = ExpertInfo.declare("sectag.c_without_e", ExpertGroup.PROTOCOL,
            Severity.NOTE, "802.1AE-2018 9.5", "C (changed text) set without E: integrity only, modified user data");
}
