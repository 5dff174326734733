package dev.macsec.decode;

import dev.macsec.field.ExpertGroup;
import dev.macsec.field.ExpertInfo;
import dev.macsec.field.Severity;

import java.util.Locale;

/**
 * The SecTAG validity conditions of IEEE 802.1AE-2018 clause 9.12. A frame that breaks any of them is
 * counted as a bad tag by a receiving SecY; the analyzer reports each broken rule by name and keeps the frame.
 */
public enum SecTagRule {
    /** The frame ends before the SecTAG does. */
    TRUNCATED_SECTAG("SecTAG truncated", "the frame ends inside the SecTAG", "9.3"),
    /** 9.12: the MPDU must hold the SecTAG and the ICV. */
    TOO_SHORT_FOR_ICV("Too short for ICV", "the frame is too short to hold the SecTAG and a 16-octet ICV", "9.12"),
    /** 9.12 a): the version bit V is 0. */
    VERSION_NOT_ZERO("V bit set", "the V (version) bit is 1; only version 0 exists", "9.12 a)"),
    /** 9.12 b): ES set implies SC clear. */
    ES_AND_SC("ES and SC both set", "ES (end station) is set together with SC (explicit SCI)", "9.12 b)"),
    /** 9.12 c): SCB set implies SC clear. */
    SCB_AND_SC("SCB and SC both set", "SCB (single copy broadcast) is set together with SC (explicit SCI)", "9.12 c)"),
    /** 9.12 d): bits 7 and 8 of the SL octet are reserved and zero. */
    SL_RESERVED_BITS("SL reserved bits set", "the two reserved bits of the SL octet are not zero", "9.12 d)"),
    /** 9.12 e): SL nonzero means fewer than 48 octets of secure data, exactly SL of them. */
    SHORT_LENGTH_MISMATCH("SL mismatch", "SL is nonzero but the secure data is not exactly SL octets, or SL is 48 or more", "9.12 e)"),
    /** 9.12 e): SL zero means at least 48 octets of secure data. */
    SHORT_WITHOUT_SL("Short frame without SL", "fewer than 48 octets of secure data but SL is zero", "9.12 e)"),
    /** 9.12 f): PN nonzero for the non-XPN cipher suites. */
    PN_ZERO("PN is zero", "the packet number is 0, which no non-XPN SA ever sends", "9.12 f)");

    private final String title;
    private final String description;
    private final String clause;
    private final ExpertInfo expert;

    SecTagRule(String title, String description, String clause) {
        this.title = title;
        this.description = description;
        this.clause = clause;
        // a broken 9.12 rule makes the frame a bad tag, whatever the rule: one code per rule, all errors
        this.expert = ExpertInfo.declare("sectag." + name().toLowerCase(Locale.ROOT), ExpertGroup.MALFORMED,
                Severity.ERROR, "802.1AE-2018 " + clause, title + ": " + description);
    }

    /** The expert code the decoder raises when a frame breaks this rule, e.g. {@code sectag.es_and_sc}. */
    public ExpertInfo expert() {
        return expert;
    }

    /** Where IEEE 802.1AE-2018 states the rule, e.g. {@code 9.12 b)}. */
    public String clause() {
        return clause;
    }

    /** Short name shown in one-line views, e.g. {@code BAD TAG: ES and SC both set}. */
    public String title() {
        return title;
    }

    public String description() {
        return description;
    }

    public int bit() {
        return 1 << ordinal();
    }

    public boolean in(int mask) {
        return (mask & bit()) != 0;
    }
}
