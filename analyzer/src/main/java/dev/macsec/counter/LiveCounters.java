package dev.macsec.counter;

import java.util.List;

/**
 * The running counters of one managed object of an emulated SecY: counted per frame without allocating (an array
 * indexed by {@link Counter#ordinal()}), read out as {@link CounterValues} once, at the end. Not thread-safe: one
 * thread counts, as 802.1AE's ordered receive and transmit processing does.
 */
public final class LiveCounters {
    private final long[] values = new long[Counter.values().length];
    private final List<Counter> reported;

    /** @param reported the counters the object reports (the others stay absent from its snapshots) */
    public LiveCounters(List<Counter> reported) {
        this.reported = List.copyOf(reported);
    }

    /** Every counter a managed object of {@code scope} keeps. */
    public LiveCounters(Counter.Scope scope) {
        this(Counter.of(scope));
    }

    public void increment(Counter c) {
        values[c.ordinal()]++;
    }

    public void add(Counter c, long n) {
        values[c.ordinal()] += n;
    }

    public long get(Counter c) {
        return values[c.ordinal()];
    }

    public CounterValues snapshot() {
        return CounterValues.of(values, reported);
    }
}
