package dev.macsec.counter;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * A snapshot of one SecY's 802.1AE counters (10.7): the SecY's own, each receive SC's with its SAs', and the transmit
 * SC's with its SAs'. The emulated SecYs and the devices under test both give their counters as this; what one does
 * not report is absent. Each counter sits in a managed object that keeps it ({@link Counter#in}), so that a device
 * adapter cannot file, say, {@link Counter#IN_PKTS_LATE} under an SA.
 *
 * @param secY       the SecY's counters
 * @param receiveScs the receive SCs by SCI, in the order their producer lists them
 * @param transmitSc the transmit SC, empty when the producer has no transmit side
 */
public record SecYCounters(CounterValues secY, Map<Long, ScCounters> receiveScs, Optional<ScCounters> transmitSc) {
    /** Nothing reported. */
    public static final SecYCounters NONE = new SecYCounters(CounterValues.NONE, Map.of(), Optional.empty());

    public SecYCounters {
        if (!secY.within(Counter.Scope.SECY)) {
            throw new IllegalArgumentException("not SecY counters: " + secY);
        }
        receiveScs.forEach((sci, sc) -> {
            if (!sc.within(Counter.Scope.RECEIVE_SC, Counter.Scope.RECEIVE_SA)) {
                throw new IllegalArgumentException(String.format("not receive SC/SA counters (SCI %016x): %s", sci, sc));
            }
        });
        if (transmitSc.isPresent() && !transmitSc.get().within(Counter.Scope.TRANSMIT_SC, Counter.Scope.TRANSMIT_SA)) {
            throw new IllegalArgumentException("not transmit SC/SA counters: " + transmitSc.get());
        }
        receiveScs = Collections.unmodifiableMap(new LinkedHashMap<>(receiveScs));
    }

    public OptionalLong secY(Counter c) {
        return secY.get(c);
    }

    /** A receive SC's counter; empty when the SC or the counter is not reported. */
    public OptionalLong receiveSc(long sci, Counter c) {
        ScCounters sc = receiveScs.get(sci);
        return sc == null ? OptionalLong.empty() : sc.get(c);
    }

    /** A receive SA's counter; empty when the SC, the SA or the counter is not reported. */
    public OptionalLong receiveSa(long sci, int an, Counter c) {
        ScCounters sc = receiveScs.get(sci);
        return sc == null ? OptionalLong.empty() : sc.sa(an, c);
    }

    public OptionalLong transmitSc(Counter c) {
        return transmitSc.map(sc -> sc.get(c)).orElse(OptionalLong.empty());
    }

    public OptionalLong transmitSa(int an, Counter c) {
        return transmitSc.map(sc -> sc.sa(an, c)).orElse(OptionalLong.empty());
    }

    /** A receive SC counter summed over the receive SCs that report it; empty when none does. */
    public OptionalLong receiveScTotal(Counter c) {
        long sum = 0;
        boolean any = false;
        for (ScCounters sc : receiveScs.values()) {
            OptionalLong v = sc.get(c);
            if (v.isPresent()) {
                sum += v.getAsLong();
                any = true;
            }
        }
        return any ? OptionalLong.of(sum) : OptionalLong.empty();
    }
}
