package dev.macsec.conformance.runner;

import java.util.List;
import java.util.Map;

/**
 * The outcome of one case (one parameterized invocation).
 *
 * @param clause         802.1AE clause, e.g. 10.6.2
 * @param caseName       clause and case, e.g. 10.6.2-replay-window-0
 * @param cipherSuite    e.g. GCM-AES-128
 * @param validateFrames strict/check/disabled, or "-"
 * @param verdict        the verdict
 * @param deviations     for KNOWN_DEVIATION: the Deviation names of the declared profile that explain it
 * @param linuxProfile   "agrees" when the emulation of the receive profile the device file declares predicted the
 *                       device's counters exactly, else "differs: ..." (null without a declared profile)
 * @param message        why it did not pass (expected vs seen, the observable not reported, the capability
 *                       lacking, the harness problem), null when passed
 * @param durationMillis wall time of the case
 * @param pcap           the frames the case exchanged (a pcap file), null when it exchanged none
 * @param observations   what an interop case saw, by matrix column (pair, keyServer, secured, pings, rekey,
 *                       framesVerified, findings, ...); empty for conformance cases
 */
public record CaseResult(String clause, String caseName, String displayName, String cipherSuite,
                         String validateFrames, Verdict verdict, List<String> deviations, String linuxProfile,
                         String message, long durationMillis, String pcap, Map<String, String> observations) {
    /** Report entries under this prefix are an interop case's {@link #observations}. */
    public static final String OBSERVATION = "macsec.interop.";

    public CaseResult {
        observations = Map.copyOf(observations);
    }

    /** A case's verdict, as a certification lab reports it. */
    public enum Verdict {
        /** Every expected observable was seen, as the test plan states it. */
        PASS("pass"),
        /** The device departed from the standard and nothing the device file declares explains it. */
        FAIL("FAIL"),
        /** A departure that the receive profile the device file declares explains, difference by difference. */
        KNOWN_DEVIATION("known deviation"),
        /** The case needs an optional capability the device file or the device says it lacks (the reason says which). */
        NOT_APPLICABLE("not applicable"),
        /** An expected observable the device cannot report (named in the message): never a silent pass. */
        INCONCLUSIVE("inconclusive"),
        /** The harness could not run the case: device unreachable, configuration refused, link failure. */
        HARNESS_ERROR("harness error");

        private final String label;

        Verdict(String label) {
            this.label = label;
        }

        /** How report.md and the progress lines name it. */
        public String label() {
            return label;
        }

        /** Whether this verdict lets the run's exit code stay 0. */
        public boolean acceptable() {
            return this == PASS || this == NOT_APPLICABLE;
        }
    }
}
