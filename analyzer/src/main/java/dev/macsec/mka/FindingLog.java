package dev.macsec.mka;

import dev.macsec.field.Severity;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Findings of one CA, at most a fixed number per rule; the rest are counted so memory stays bounded. */
final class FindingLog {
    private final String ckn;
    private final int cap;
    private final List<Finding> kept = new ArrayList<>();
    private final Map<String, int[]> perRule = new HashMap<>();

    FindingLog(String ckn, int cap) {
        this.ckn = ckn;
        this.cap = cap;
    }

    /** The finding, or null when the rule's cap is reached. */
    Finding add(Severity severity, String code, long frame, String message) {
        int[] n = perRule.computeIfAbsent(code, c -> new int[1]);
        n[0]++;
        if (n[0] > cap) {
            return null;
        }
        Finding f = new Finding(severity, code, message, frame, ckn);
        kept.add(f);
        return f;
    }

    /** One summary finding per rule that went over the cap. */
    void summarize(long frame) {
        perRule.forEach((code, n) -> {
            if (n[0] > cap && !code.equals(Rules.FINDINGS_SUPPRESSED.code())) {
                kept.add(new Finding(Rules.FINDINGS_SUPPRESSED.severity(), Rules.FINDINGS_SUPPRESSED.code(),
                        (n[0] - cap) + " more " + code + " findings not listed (first " + cap + " kept)", frame, ckn));
            }
        });
        perRule.entrySet().removeIf(e -> e.getValue()[0] > cap);
    }

    List<Finding> findings() {
        return kept;
    }
}
