package dev.macsec.secy;

import dev.macsec.counter.Counter;
import dev.macsec.decode.SecTag;
import java.util.List;

/**
 * The points where a receive implementation may depart from IEEE 802.1AE-2018 10.6, one hook per {@link Deviation},
 * marked {@link DepartsAs} (two for {@link Deviation#OCTETS_BEFORE_VERDICT}, which moves a count from one step to
 * another). Every default is
 * the standard as written, so {@link ReceiveSecY#apply} and these defaults together read as clause 10.6 alone;
 * {@link LinuxReceivePolicy} overrides them for the deviations a {@link ReceiveProfile} switches on.
 * <p>Hooks are called from the ordered stage, and {@link #recoverXpn} also from the parallel one:
 * implementations keep no state of their own.
 */
interface ReceivePolicy {
    /** 802.1AE-2018 as written. */
    ReceivePolicy IEEE = new ReceivePolicy() {
    };

    /** The policy of a profile: {@link #IEEE} when it switches nothing on. */
    static ReceivePolicy of(ReceiveProfile profile) {
        return profile.deviations().isEmpty() ? IEEE : new LinuxReceivePolicy(profile.deviations());
    }

    /** 9.12, 10.6.1: whether a frame that ends inside its SecTAG counts as a bad tag. */
    @DepartsAs(Deviation.TRUNCATED_SECTAG_NOT_COUNTED)
    default boolean countsTruncatedSecTag() {
        return true;
    }

    /** 9.12: the SecTAG rules a frame breaks ({@link dev.macsec.decode.SecTagRule} bits). */
    @DepartsAs(Deviation.SHORT_LENGTH_48_TO_63_ACCEPTED)
    default int secTagViolations(SecTag t, int violations) {
        return violations;
    }

    /**
     * 10.6.1, 9.12: whether a SecTAG is checked before its SCI is looked up, so that a bad tag counts as one
     * whether or not the SC is known.
     */
    @DepartsAs(Deviation.SCI_LOOKUP_BEFORE_TAG_CHECK)
    default boolean checksTagBeforeSciLookup() {
        return true;
    }

    /** 10.7.10: whether a missing or unused SA's own not-using-SA/unused-SA counters move beside the SC's. */
    @DepartsAs(Deviation.NO_PER_SA_UNUSED_COUNTERS)
    default boolean countsUnusedSaOnTheSa() {
        return true;
    }

    /**
     * 10.6.2: the full PN of a frame under an XPN key: the one nearest above the lowest acceptable PN whose low half
     * is the SecTAG's.
     */
    @DepartsAs(Deviation.XPN_RECOVERS_FROM_NEXT_PN)
    default long recoverXpn(ReceiveSa sa, long low, long replayWindow) {
        long lowest = sa.lowestPn(replayWindow);
        long upper = lowest >>> 32;
        if (low < (lowest & 0xFFFFFFFFL)) {
            upper++;
        }
        return (upper << 32) | low;
    }

    /** 10.6.2, 10.6.5: how PNs of this SA are compared with its lowest acceptable PN. */
    @DepartsAs(Deviation.XPN_COMPARES_LOW_32_BITS)
    default PnOrder pnOrder(ReceiveSa sa) {
        return PnOrder.FULL;
    }

    /**
     * 10.6.4, 10.6.5: validateFrames Disabled and C=0: the frame is not validated and is accepted as is (Unchecked,
     * next PN, octets validated). Returns the verdict; the caller delivers the frame.
     */
    @DepartsAs(Deviation.DISABLED_FRAMES_NOT_ACCEPTED)
    default Verdict notValidated(ReceiveSc sc, ReceiveSa sa, long pn, PnOrder order, long lowest, int userLength) {
        sc.count(Counter.IN_PKTS_UNCHECKED);
        advance(sa, pn);
        sc.countOctetsValidated(userLength);
        return Verdict.UNCHECKED;
    }

    /** 10.7.9: octets counted once a frame is validated, before its verdict: none. */
    @DepartsAs(Deviation.OCTETS_BEFORE_VERDICT)
    default void countOctetsBeforeVerdict(ReceiveSc sc, SecTag t, int userLength, ValidateFrames validateFrames) {
    }

    /** 10.7.9: the octets decrypted (E=1) or validated of a frame counted OK. */
    @DepartsAs(Deviation.OCTETS_BEFORE_VERDICT)
    default void countOctetsOfOk(ReceiveSc sc, SecTag t, int userLength) {
        sc.countOctets(t, userLength);
    }

    /** 10.6.5: next PN = max(next PN, PN + 1), in the SA's full PN space. */
    @DepartsAs(Deviation.NEXT_PN_32_BIT_WRAP)
    default void advance(ReceiveSa sa, long pn) {
        long n = pn + 1;
        if (n != 0 && Long.compareUnsigned(n, sa.nextPn()) > 0) {
            sa.nextPn(n);
        }
    }

    /** How a frame's PN is compared with its SA's lowest acceptable PN (10.6.2, 10.6.5); the defaults are the standard's. */
    interface PnOrder {
        /** The whole PN, as unsigned numbers. */
        PnOrder FULL = new PnOrder() {
        };

        /** 10.6.5: lowest acceptable PN = next PN - replayWindow, not below 0. */
        default long lowestAcceptablePn(ReceiveSa sa, long replayWindow) {
            return sa.lowestPn(replayWindow);
        }

        /** 10.6.5: the PN is below the lowest acceptable PN. */
        default boolean below(long pn, long lowest) {
            return Long.compareUnsigned(pn, lowest) < 0;
        }

        /** 10.6.2: with replayProtect, the frame is discarded as Late before it is validated. */
        default boolean lateBeforeValidation(ReceiveSa sa, long pn, long lowest) {
            return below(pn, lowest);
        }

        /** 10.6.5: a valid frame {@link #below} the lowest acceptable PN is Late under replayProtect (else Delayed). */
        default boolean belowIsLate(long pn, long lowest) {
            return true;
        }
    }
}
