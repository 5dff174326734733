package dev.macsec.conformance.runner;

import java.util.List;

/**
 * The outcome of one case (one parameterized invocation).
 *
 * @param clause         802.1AE clause, e.g. 10.6.2
 * @param caseName       clause and case, e.g. 10.6.2-replay-window-0
 * @param cipherSuite    e.g. GCM-AES-128
 * @param validateFrames strict/check/disabled, or "-"
 * @param status         the verdict
 * @param deviations     for KNOWN_DEVIATION: the Deviation names that explain it
 * @param linuxProfile   "agrees" when the emulation of the receive profile the device file declares predicted the
 *                       device's counters exactly, else "differs: ..." (null without a declared profile)
 * @param message        failure or skip reason (expected vs seen), null when passed
 * @param durationMillis wall time of the case
 * @param pcap           the frames the case exchanged (a pcap file), null when it exchanged none
 */
public record CaseResult(String clause, String caseName, String displayName, String cipherSuite,
                         String validateFrames, Status status, List<String> deviations, String linuxProfile,
                         String message, long durationMillis, String pcap) {
    public enum Status { PASSED, KNOWN_DEVIATION, FAILED, ERROR, SKIPPED }
}
