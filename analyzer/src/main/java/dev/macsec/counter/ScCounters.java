package dev.macsec.counter;

import java.util.Collections;
import java.util.Map;
import java.util.OptionalLong;
import java.util.TreeMap;

/**
 * The counters of one secure channel and of its SAs, receive or transmit.
 *
 * @param sc  the SC's own counters
 * @param sas the counters of each SA the SC has, by AN (0 to 3, ascending); an SA not there is not reported
 */
public record ScCounters(CounterValues sc, Map<Integer, CounterValues> sas) {
    public ScCounters {
        java.util.Objects.requireNonNull(sc);
        TreeMap<Integer, CounterValues> copy = new TreeMap<>();
        sas.forEach((an, v) -> {
            if (an < 0 || an > 3) {
                throw new IllegalArgumentException("AN must be 0..3: " + an);
            }
            copy.put(an, java.util.Objects.requireNonNull(v));
        });
        sas = Collections.unmodifiableMap(copy);
    }

    public ScCounters(CounterValues sc) {
        this(sc, Map.of());
    }

    /** From the values a device reported: the SC's, and each SA's by AN. */
    public static ScCounters of(Map<Counter, Long> sc, Map<Integer, ? extends Map<Counter, Long>> sas) {
        Map<Integer, CounterValues> perSa = new TreeMap<>();
        sas.forEach((an, v) -> perSa.put(an, new CounterValues(v)));
        return new ScCounters(new CounterValues(sc), perSa);
    }

    public OptionalLong get(Counter c) {
        return sc.get(c);
    }

    /** An SA's counter; empty when the SA or the counter is not reported. */
    public OptionalLong sa(int an, Counter c) {
        CounterValues v = sas.get(an);
        return v == null ? OptionalLong.empty() : v.get(c);
    }

    /** Whether the SC's counters and its SAs' are all of the given scopes. */
    boolean within(Counter.Scope scScope, Counter.Scope saScope) {
        if (!sc.within(scScope)) {
            return false;
        }
        for (CounterValues v : sas.values()) {
            if (!v.within(saScope)) {
                return false;
            }
        }
        return true;
    }
}
