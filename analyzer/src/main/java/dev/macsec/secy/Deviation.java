package dev.macsec.secy;

import dev.macsec.counter.Counter;

/**
 * One way a receive implementation departs from IEEE 802.1AE-2018 as written. A {@link ReceiveProfile}
 * switches a set of these on; the SecY engine is the same for every profile, and each deviation is one hook of
 * ReceivePolicy (whose defaults are the standard), overridden in LinuxReceivePolicy. Each constant's clause, text and
 * proof are its documentation, printed by {@code macsec profiles} and in the README ("Where Linux departs from
 * 802.1AE"). The Linux entries describe drivers/net/macsec.c as in Linux 6.1 (macsec_handle_frame,
 * macsec_decrypt, macsec_post_decrypt), each confirmed on the kernel in qemu by the conformance suite case named;
 * which kernels show each one is which {@link ReceiveProfile#KERNELS} profiles switch it on.
 */
public enum Deviation {
    XPN_COMPARES_LOW_32_BITS("10.6.5",
            "XPN: Delayed/Late decisions compare only the low 32 bits of the PN and of the lowest acceptable PN, so the "
                    + "first in-order frame after PN 0x1_00000000 counts " + Counter.IN_PKTS_DELAYED + " instead of "
                    + Counter.IN_PKTS_OK + ".",
            "802.1AE-10.6.2-xpn-across-2^32"),
    XPN_RECOVERS_FROM_NEXT_PN("10.6.2",
            "XPN: the upper 32 PN bits are recovered from next PN rather than from the lowest acceptable PN, so PN "
                    + "0x0_FFFFFFFF arriving just after 0x1_00000000 inside the window is decrypted with the wrong IV "
                    + "and fails " + Counter.IN_PKTS_NOT_VALID
                    + ", where the standard recovers 0x0_FFFFFFFF and accepts it.",
            "802.1AE-10.6.2-xpn-recovery-below-2^32"),
    NEXT_PN_32_BIT_WRAP("10.6.5",
            "Non-XPN: next PN is updated with 32-bit arithmetic, so after PN 0xFFFFFFFF it stays 0xFFFFFFFF and a fresh "
                    + "PN 0xFFFFFFFD is accepted where the standard's lowest acceptable PN makes it Late.",
            "802.1AE-10.6.5-pn-32-bit-wrap"),
    DISABLED_FRAMES_NOT_ACCEPTED("10.6.4, 10.6.5",
            "validateFrames Disabled: frames with C=0 are never checked; valid ones count " + Counter.IN_PKTS_UNCHECKED
                    + ", do not advance next PN, and the octet counters stay 0.",
            "802.1AE-10.6.4-disabled-next-pn"),
    OCTETS_BEFORE_VERDICT("10.7.9",
            Counter.IN_OCTETS_VALIDATED + "/" + Counter.IN_OCTETS_DECRYPTED
                    + " (secure data length) also count frames that then fail (NotValid, Invalid) and frames counted "
                    + "Delayed.",
            "802.1AE-10.7.9-octets"),
    NO_PER_SA_UNUSED_COUNTERS("10.7.10",
            "No receive SA, or one not in use: only the receive SC's " + Counter.IN_PKTS_NOT_USING_SA + "/"
                    + Counter.IN_PKTS_UNUSED_SA + " move, never the SA's own; " + Counter.IN_PKTS_OVERRUN
                    + " never moves either.",
            "802.1AE-10.6.1-sa-not-in-use"),
    SCI_LOOKUP_BEFORE_TAG_CHECK("10.6.1, 9.12",
            "The SCI is looked up before the SecTAG is checked, so a malformed SecTAG with an unknown SCI counts "
                    + Counter.IN_PKTS_NO_SCI + " rather than " + Counter.IN_PKTS_BAD_TAG + ".",
            "802.1AE-9.12-bad-tag-unknown-sci"),
    SHORT_LENGTH_48_TO_63_ACCEPTED("9.12",
            "SL is only compared with the secure data length: an SL of 48 to 63 that equals it passes the SecTAG "
                    + "check, where 9.12 allows a nonzero SL only below 48.",
            "802.1AE-9.12-bad-tag-sl-48-or-more"),
    TRUNCATED_SECTAG_NOT_COUNTED("9.12, 10.6.1",
            "A frame that ends inside the SecTAG is dropped before any counter moves, instead of counting "
                    + Counter.IN_PKTS_BAD_TAG + ".",
            "802.1AE-9.12-bad-tag-truncated");

    private final String clause;
    private final String text;
    private final String conformanceCase;

    Deviation(String clause, String text, String conformanceCase) {
        this.clause = clause;
        this.text = text;
        this.conformanceCase = conformanceCase;
    }

    /** The 802.1AE-2018 clause(s) departed from. */
    public String clause() {
        return clause;
    }

    /** What the implementation does instead, in one or two sentences. */
    public String text() {
        return text;
    }

    /** The id of the conformance test plan's case that shows it on a real device (a known deviation there). */
    public String conformanceCase() {
        return conformanceCase;
    }
}
