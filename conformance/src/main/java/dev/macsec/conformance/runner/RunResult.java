package dev.macsec.conformance.runner;

import java.nio.file.Path;
import java.util.List;

/**
 * A whole run.
 *
 * @param device       the device's identity line (null if it never came up)
 * @param cipherSuites the suites covered
 * @param cases        every case, in execution order
 * @param millis       wall time of the run (device start-up included)
 * @param reportDir    where the reports are
 */
public record RunResult(String device, List<String> cipherSuites, List<CaseResult> cases, long millis, Path reportDir) {
    public long count(CaseResult.Verdict s) {
        return cases.stream().filter(c -> c.verdict() == s).count();
    }

    /**
     * 0 when every applicable case passed with all its observables seen; 1 when any failed, departed as the declared
     * profile explains, or was inconclusive; 2 on any harness error (or no case at all).
     */
    public int exitCode() {
        if (count(CaseResult.Verdict.HARNESS_ERROR) > 0 || cases.isEmpty()) {
            return 2;
        }
        return cases.stream().allMatch(c -> c.verdict().acceptable()) ? 0 : 1;
    }

    public String summaryLine() {
        StringBuilder s = new StringBuilder().append(cases.size()).append(" cases:");
        String sep = " ";
        for (CaseResult.Verdict v : CaseResult.Verdict.values()) {
            s.append(sep).append(count(v)).append(' ').append(v.label());
            sep = ", ";
        }
        return s.append(String.format("; %.1f s", millis / 1000.0)).toString();
    }
}
