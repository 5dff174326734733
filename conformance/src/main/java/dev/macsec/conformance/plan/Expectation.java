package dev.macsec.conformance.plan;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import java.util.List;
import java.util.Map;

/**
 * One variant of a case's expected observable results, written from the standard: counter deltas per SecY, receive
 * SC and receive SA (by AN) under their 802.1AE names, every counter not named staying 0, and the frames the device
 * delivers on its Controlled Port (by position in the case, 1 first), which it answers.
 *
 * @param when      the runs it applies to; null: every run of the case
 * @param because   the reasoning from the clauses, for a person reading the plan
 * @param delivered the frames answered (untagged frames are never judged by their answer); null: none
 */
@JsonIgnoreProperties(ignoreUnknown = false)
public record Expectation(When when, String because, Map<String, Long> secy, Map<String, Long> rxSc,
                          Map<Integer, Map<String, Long>> rxSa, List<Integer> delivered) {
    public Expectation {
        secy = secy == null ? Map.of() : Map.copyOf(secy);
        rxSc = rxSc == null ? Map.of() : Map.copyOf(rxSc);
        rxSa = rxSa == null ? Map.of() : Map.copyOf(rxSa);
        delivered = delivered == null ? List.of() : List.copyOf(delivered);
    }

    /**
     * @param validateFrames the modes it applies to; null: all the case runs under
     * @param cipherSuites   "xpn" or "non-xpn"; null: all
     */
    @JsonIgnoreProperties(ignoreUnknown = false)
    public record When(List<String> validateFrames, String cipherSuites) {
    }
}
