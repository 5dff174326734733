package dev.macsec.analysis;

import java.util.List;

/**
 * The 802.1X authentication side of a run: what happened when (EAPOL-Start, identity, RADIUS, EAP-Success or
 * failure, Logoff), findings, and the MSKs learned from RADIUS (named, never shown unless asked).
 */
public record EapSummary(List<MkaSummary.Event> timeline, List<MkaSummary.Finding> findings, List<String> learnedKeys) {
    public static final EapSummary NONE = new EapSummary(List.of(), List.of(), List.of());

    public boolean isEmpty() {
        return timeline.isEmpty() && findings.isEmpty() && learnedKeys.isEmpty();
    }

    /** Error-level findings: what makes the run exit 1. */
    public long errors() {
        return findings.stream().filter(f -> "ERROR".equals(f.severity())).count();
    }
}
