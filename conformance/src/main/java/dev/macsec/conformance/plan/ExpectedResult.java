package dev.macsec.conformance.plan;

import java.util.List;
import java.util.Map;

/**
 * What the plan expects of one run, closing echo included: every examined counter by its flat key
 * ({@link Counters802}) with its delta, and the positions of the case's frames the device must answer (1 first).
 */
public record ExpectedResult(Map<String, Long> counters, List<Integer> delivered) {
    public ExpectedResult {
        counters = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(counters));
        delivered = List.copyOf(delivered);
    }
}
