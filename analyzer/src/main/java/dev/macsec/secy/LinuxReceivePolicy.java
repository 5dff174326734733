package dev.macsec.secy;

import dev.macsec.counter.Counter;
import dev.macsec.decode.SecTag;
import dev.macsec.decode.SecTagRule;
import java.util.List;
import java.util.Set;

/**
 * Linux 6.1 drivers/net/macsec.c's receive path: each hook of {@link ReceivePolicy} overridden by the {@link Deviation}
 * it is named for, when the profile switches that deviation on (any subset, see {@link ReceiveProfile#with}), and
 * the standard's otherwise.
 */
final class LinuxReceivePolicy implements ReceivePolicy {
    private static final long LOW = 0xFFFFFFFFL;

    // final fields rather than set look-ups: the ordered stage asks several of them per frame
    private final boolean truncatedSecTagNotCounted;
    private final boolean shortLength48To63Accepted;
    private final boolean sciLookupBeforeTagCheck;
    private final boolean noPerSaUnusedCounters;
    private final boolean xpnRecoversFromNextPn;
    private final boolean xpnComparesLow32Bits;
    private final boolean disabledFramesNotAccepted;
    private final boolean octetsBeforeVerdict;
    private final boolean nextPn32BitWrap;

    LinuxReceivePolicy(Set<Deviation> on) {
        truncatedSecTagNotCounted = on.contains(Deviation.TRUNCATED_SECTAG_NOT_COUNTED);
        shortLength48To63Accepted = on.contains(Deviation.SHORT_LENGTH_48_TO_63_ACCEPTED);
        sciLookupBeforeTagCheck = on.contains(Deviation.SCI_LOOKUP_BEFORE_TAG_CHECK);
        noPerSaUnusedCounters = on.contains(Deviation.NO_PER_SA_UNUSED_COUNTERS);
        xpnRecoversFromNextPn = on.contains(Deviation.XPN_RECOVERS_FROM_NEXT_PN);
        xpnComparesLow32Bits = on.contains(Deviation.XPN_COMPARES_LOW_32_BITS);
        disabledFramesNotAccepted = on.contains(Deviation.DISABLED_FRAMES_NOT_ACCEPTED);
        octetsBeforeVerdict = on.contains(Deviation.OCTETS_BEFORE_VERDICT);
        nextPn32BitWrap = on.contains(Deviation.NEXT_PN_32_BIT_WRAP);
    }

    /** {@link Deviation#TRUNCATED_SECTAG_NOT_COUNTED}: dropped before any counter moves. */
    @Override
    public boolean countsTruncatedSecTag() {
        return !truncatedSecTagNotCounted;
    }

    /** {@link Deviation#SHORT_LENGTH_48_TO_63_ACCEPTED}: SL is only compared with the secure data length. */
    @Override
    public int secTagViolations(SecTag t, int violations) {
        if (shortLength48To63Accepted && SecTagRule.SHORT_LENGTH_MISMATCH.in(violations)
                && t.shortLength() >= SecTag.SHORT_LENGTH_LIMIT && t.secureDataLength() == t.shortLength()) {
            return violations & ~SecTagRule.SHORT_LENGTH_MISMATCH.bit();
        }
        return violations;
    }

    /** {@link Deviation#SCI_LOOKUP_BEFORE_TAG_CHECK}: an unknown SCI wins over a bad tag. */
    @Override
    public boolean checksTagBeforeSciLookup() {
        return !sciLookupBeforeTagCheck;
    }

    /** {@link Deviation#NO_PER_SA_UNUSED_COUNTERS}: only the SC's counters move. */
    @Override
    public boolean countsUnusedSaOnTheSa() {
        return !noPerSaUnusedCounters;
    }

    /** {@link Deviation#XPN_RECOVERS_FROM_NEXT_PN}: the upper half from next PN, by the top bit of the low halves. */
    @Override
    public long recoverXpn(ReceiveSa sa, long low, long replayWindow) {
        if (!xpnRecoversFromNextPn) {
            return ReceivePolicy.super.recoverXpn(sa, low, replayWindow);
        }
        long next = sa.nextPn();
        long upper = next >>> 32;
        long nextLow = next & LOW;
        if (low < nextLow && !sameHalf(low, nextLow)) {
            upper++;
        }
        return (upper << 32) | low;
    }

    /** {@link Deviation#XPN_COMPARES_LOW_32_BITS}: XPN SAs compare the low halves only. */
    @Override
    public PnOrder pnOrder(ReceiveSa sa) {
        return xpnComparesLow32Bits && sa.key().suite().xpn() ? LOW_32_BITS : PnOrder.FULL;
    }

    /**
     * {@link Deviation#DISABLED_FRAMES_NOT_ACCEPTED}: Disabled, C=0: Unchecked, or Delayed below the
     * lowest acceptable PN; next PN and the octet counters stay.
     */
    @Override
    public Verdict notValidated(ReceiveSc sc, ReceiveSa sa, long pn, PnOrder order, long lowest, int userLength) {
        if (!disabledFramesNotAccepted) {
            return ReceivePolicy.super.notValidated(sc, sa, pn, order, lowest, userLength);
        }
        if (order.below(pn, lowest)) {
            sc.count(Counter.IN_PKTS_DELAYED);
            return Verdict.DELAYED;
        }
        sc.count(Counter.IN_PKTS_UNCHECKED);
        return Verdict.UNCHECKED;
    }

    /** {@link Deviation#OCTETS_BEFORE_VERDICT}: every validated frame's octets, whatever its verdict. */
    @Override
    public void countOctetsBeforeVerdict(ReceiveSc sc, SecTag t, int userLength, ValidateFrames validateFrames) {
        if (octetsBeforeVerdict && validateFrames != ValidateFrames.DISABLED) {
            sc.countOctets(t, userLength);
        }
    }

    /** {@link Deviation#OCTETS_BEFORE_VERDICT}: already counted before the verdict. */
    @Override
    public void countOctetsOfOk(ReceiveSc sc, SecTag t, int userLength) {
        if (!octetsBeforeVerdict) {
            ReceivePolicy.super.countOctetsOfOk(sc, t, userLength);
        }
    }

    /** {@link Deviation#NEXT_PN_32_BIT_WRAP}: non-XPN next PN in 32-bit arithmetic, stuck at 0xFFFFFFFF. */
    @Override
    public void advance(ReceiveSa sa, long pn) {
        if (!nextPn32BitWrap || sa.key().suite().xpn()) {
            ReceivePolicy.super.advance(sa, pn);
            return;
        }
        long n = (pn + 1) & LOW;
        if (n > sa.nextPn()) {
            sa.nextPn(n);
        }
    }

    /** Linux's lowest acceptable PN and comparisons for XPN: the low 32 bits of next PN and of the PN only. */
    private static final PnOrder LOW_32_BITS = new PnOrder() {
        @Override
        public long lowestAcceptablePn(ReceiveSa sa, long replayWindow) {
            long nextLow = sa.nextPn() & LOW;
            return nextLow >= replayWindow ? nextLow - replayWindow : 0;
        }

        @Override
        public boolean below(long pn, long lowest) {
            return (pn & LOW) < lowest;
        }

        @Override
        public boolean lateBeforeValidation(ReceiveSa sa, long pn, long lowest) {
            return below(pn, lowest) && sameHalf(sa.nextPn() & LOW, pn & LOW);
        }

        @Override
        public boolean belowIsLate(long pn, long lowest) {
            return sameHalf(pn & LOW, lowest);
        }
    };

    private static boolean sameHalf(long a, long b) {
        return ((a ^ b) & 0x80000000L) == 0;
    }
}
