package dev.macsec.secy;

/**
 * One way a receive implementation departs from IEEE 802.1AE-2018 as written. A {@link ReceiveProfile}
 * switches a set of these on; the SecY engine is the same for every profile. The Linux entries describe
 * drivers/net/macsec.c as in Linux 6.1 (macsec_handle_frame, macsec_decrypt, macsec_post_decrypt).
 */
public enum Deviation {
    /**
     * XPN: Delayed/Late decisions compare only the low 32 bits of PN and of the lowest acceptable PN (Late
     * also needs both in the same half of the 32-bit space), so the first in-order frame after PN 0x1_00000000
     * counts InPktsDelayed instead of InPktsOK. Departs from 10.6.5 (64-bit PN comparison). Linux deviation 1.
     */
    XPN_COMPARES_LOW_32_BITS,
    /**
     * XPN: the upper 32 PN bits are recovered from the next PN (incremented when the received low half is
     * below next PN's and in the other half) rather than from the lowest acceptable PN, so PN 0x0_FFFFFFFF
     * arriving after 0x1_00000000 inside the replay window is decrypted as 0x1_FFFFFFFF and fails NotValid.
     * Departs from 10.6.2. Linux deviation 2.
     */
    XPN_RECOVERS_FROM_NEXT_PN,
    /**
     * Non-XPN: next PN is updated with 32-bit arithmetic, so after PN 0xFFFFFFFF it stays where it was
     * (not 0x1_00000000) and a fresh PN 0xFFFFFFFD inside the window is accepted where 10.6.5 makes it Late.
     * Departs from 10.6.5 (nextPN = PN + 1). Linux deviation 3.
     */
    NEXT_PN_32_BIT_WRAP,
    /**
     * validateFrames Disabled: frames with C=0 are not checked and are then treated like frames that failed
     * the check: Unchecked (or Delayed when below the lowest acceptable PN), next PN not advanced, no octets
     * counted. Departs from 10.6.4/10.6.5 where such frames are accepted, advance next PN and count
     * InOctetsValidated. Linux deviation 4.
     */
    DISABLED_FRAMES_NOT_ACCEPTED,
    /**
     * InOctetsValidated/InOctetsDecrypted count every frame that reaches the post-validation step
     * (whatever its verdict: OK, Delayed, Invalid, NotValid) when validateFrames is not Disabled. The amount is
     * the secure data length, as 10.7.9 says (measured on Linux 6.1 in qemu by the conformance suite, case
     * 10.7.9-octets). Departs from 10.7.9, which counts only frames validated (OK). Linux deviation 5.
     */
    OCTETS_BEFORE_VERDICT,
    /**
     * No receive SA (or one not in use): only the receive SC's InPktsNotUsingSA/InPktsUnusedSA move, never
     * the SA's own. Departs from 10.7.10 (per-SA counters). Linux deviation 5.
     */
    NO_PER_SA_UNUSED_COUNTERS,
    /**
     * The SCI is looked up before the SecTAG is checked (9.12), so a malformed SecTAG with an unknown SCI
     * counts InPktsNoSCI/InPktsUnknownSCI instead of InPktsBadTag. Departs from 10.6.1's order. Linux deviation 5.
     */
    SCI_LOOKUP_BEFORE_TAG_CHECK,
    /**
     * SC=0 and ES=0: the SCI is that of the single (active) receive SC whatever the source MAC, instead of
     * the source MAC with port 1 (9.9). Linux deviation 6.
     */
    IMPLICIT_SCI_IS_THE_SINGLE_SC,
    /**
     * SL is only compared with the secure data length: an SL of 48..63 that equals it passes the SecTAG check,
     * where 9.12 allows a nonzero SL only below 48 (macsec_validate_skb). Found by the conformance suite,
     * case 9.12-bad-tag-sl-48-or-more.
     */
    SHORT_LENGTH_48_TO_63_ACCEPTED,
    /**
     * A frame that ends inside the SecTAG is dropped before any counter moves (pskb_may_pull fails in
     * macsec_handle_frame), instead of counting InPktsBadTag. Found by the conformance suite, case
     * 9.12-bad-tag-truncated.
     */
    TRUNCATED_SECTAG_NOT_COUNTED,
    /**
     * With replayProtect off, a valid frame below the lowest acceptable PN counts InPktsOK instead of
     * InPktsDelayed (10.6.5). Observed on Linux 6.1 in qemu (conformance case 10.6.2-replay-off-delayed);
     * the cause is not located in the source this profile was written from.
     */
    REPLAY_OFF_NEVER_DELAYED
}
