package dev.macsec.analysis;

import dev.macsec.counter.SecYCounters;
import dev.macsec.secy.Verdict;
import java.util.Map;

/**
 * The end of a run: throughput, what the emulated SecY counted (802.1AE names), verdict totals and MKA.
 *
 * @param counters   the emulated receive SecY's counters ({@link SecYCounters#NONE} when the SecY was off)
 * @param eap        the 802.1X authentication side ({@link EapSummary#NONE} when the capture holds none)
 * @param inputError what stopped the input before its end (file, frame, offset, field), or null when it was read
 *                   to the end: the figures then cover only the frames before it
 */
public record AnalysisSummary(RunStats run, Map<Verdict, Long> verdicts, SecYCounters counters,
                              MkaSummary mka, boolean secyEnabled, AnalysisOptions options, String inputError,
                              EapSummary eap) {

    public AnalysisSummary(RunStats run, Map<Verdict, Long> verdicts, SecYCounters counters, MkaSummary mka,
                           boolean secyEnabled, AnalysisOptions options, String inputError) {
        this(run, verdicts, counters, mka, secyEnabled, options, inputError, EapSummary.NONE);
    }

    /** The same summary for a run whose input stopped at {@code error}. */
    public AnalysisSummary withInputError(String error) {
        return new AnalysisSummary(run, verdicts, counters, mka, secyEnabled, options, error, eap);
    }

    /** MACsec frames that failed verification or were dropped by the receive rules. */
    public long failedFrames() {
        long n = 0;
        for (Map.Entry<Verdict, Long> e : verdicts.entrySet()) {
            switch (e.getKey()) {
                case INVALID, NOT_VALID, LATE, BAD_TAG, NO_SCI, NOT_USING_SA -> n += e.getValue();
                default -> {
                }
            }
        }
        return n;
    }

    /** Whether the run found problems a CI gate should fail on: verification failures or MKA rule errors. */
    public boolean hasFindings() {
        return failedFrames() > 0 || mka.errors() > 0 || mka.icvFailed() > 0 || eap.errors() > 0;
    }

    /**
     * @param wallNanos          time spent reading and analysing
     * @param firstTimestampNanos capture time of the first frame
     * @param lastTimestampNanos  capture time of the last frame
     */
    public record RunStats(long frames, long bytes, long macsecFrames, long mkpdus, long wallNanos,
                           long firstTimestampNanos, long lastTimestampNanos) {
        public double framesPerSecond() {
            return wallNanos == 0 ? 0 : frames * 1e9 / wallNanos;
        }

        public double megabytesPerSecond() {
            return wallNanos == 0 ? 0 : bytes / 1e6 * 1e9 / wallNanos;
        }
    }
}
