package dev.macsec.counter;

import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;

/**
 * The counter values of one managed object at one moment, in {@link Counter} order. A counter the object does not
 * report (a device that omits it, a model that does not keep it) is absent: never a sentinel value.
 *
 * @param values unmodifiable, iterated in {@link Counter} order
 */
public record CounterValues(Map<Counter, Long> values) {
    public static final CounterValues NONE = new CounterValues(Map.of());

    public CounterValues {
        EnumMap<Counter, Long> copy = new EnumMap<>(Counter.class);
        values.forEach((c, v) -> copy.put(c, java.util.Objects.requireNonNull(v, c.managedObject())));
        values = Collections.unmodifiableMap(copy);
    }

    /** The values of {@code reported}, read from an array indexed by {@link Counter#ordinal()}. */
    public static CounterValues of(long[] byOrdinal, List<Counter> reported) {
        EnumMap<Counter, Long> m = new EnumMap<>(Counter.class);
        for (Counter c : reported) {
            m.put(c, byOrdinal[c.ordinal()]);
        }
        return new CounterValues(m);
    }

    /** The value, or empty when the counter is not reported. */
    public OptionalLong get(Counter c) {
        Long v = values.get(c);
        return v == null ? OptionalLong.empty() : OptionalLong.of(v);
    }

    public boolean reports(Counter c) {
        return values.containsKey(c);
    }

    public boolean isEmpty() {
        return values.isEmpty();
    }

    /** Whether every counter here is one that a managed object of {@code scope} keeps. */
    boolean within(Counter.Scope scope) {
        for (Counter c : values.keySet()) {
            if (!c.in(scope)) {
                return false;
            }
        }
        return true;
    }

    @Override
    public String toString() {
        return values.toString();
    }
}
