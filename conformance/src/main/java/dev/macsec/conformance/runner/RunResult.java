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
    public long count(CaseResult.Status s) {
        return cases.stream().filter(c -> c.status() == s).count();
    }

    /** 0 all passed, 1 any conformance failure (known deviations included), 2 any harness error. */
    public int exitCode() {
        if (count(CaseResult.Status.ERROR) > 0 || cases.isEmpty()) {
            return 2;
        }
        return count(CaseResult.Status.FAILED) + count(CaseResult.Status.KNOWN_DEVIATION) > 0 ? 1 : 0;
    }

    public String summaryLine() {
        long failed = count(CaseResult.Status.FAILED);
        long known = count(CaseResult.Status.KNOWN_DEVIATION);
        return String.format("%d cases: %d passed, %d failed (%d of them known deviations, %d other), %d skipped, "
                        + "%d harness errors; %.1f s", cases.size(), count(CaseResult.Status.PASSED), failed + known, known,
                failed, count(CaseResult.Status.SKIPPED), count(CaseResult.Status.ERROR), millis / 1000.0);
    }
}
