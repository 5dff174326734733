package dev.macsec.analysis;

import java.util.List;

/**
 * The MKA side of a run, per connectivity association: who took part, what happened when, which keys were
 * learned (named, never shown), and which rules were broken.
 */
public record MkaSummary(long mkpdus, long icvVerified, long icvFailed, long icvNoKey, List<Ca> cas) {

    public static final MkaSummary NONE = new MkaSummary(0, 0, 0, 0, List.of());

    /** Error-level findings across all CAs: what makes the run exit 1. */
    public long errors() {
        return cas.stream().flatMap(ca -> ca.findings().stream()).filter(f -> "ERROR".equals(f.severity())).count();
    }

    /**
     * @param ckn          the CA's CKN (hex; not secret)
     * @param keyName      the keys-file entry whose CAK verified its MKPDUs, or null
     * @param participants who sent MKPDUs in this CA, in order of their first
     * @param timeline     events in capture order
     * @param findings     rule violations
     * @param learnedKeys  SAKs and distributed CAKs learned, e.g. "SAK KN 1 AN 0 GCM-AES-128 for 2 SC(s) (frame 12)"
     */
    public record Ca(String ckn, String keyName, List<Participant> participants, List<Event> timeline,
                     List<Finding> findings, List<String> learnedKeys) {
    }

    /**
     * @param sci       hex
     * @param mi        hex
     * @param mac       source address of its first MKPDU
     * @param keyServer whether its latest MKPDU claimed Key Server
     * @param text      the same as one line for people
     */
    public record Participant(String sci, String mi, String mac, int priority, boolean keyServer, long mkpdus,
                              String text) {
    }

    public record Event(long frame, long timestampNanos, String kind, String text) {
    }

    public record Finding(long frame, String severity, String code, String message) {
    }
}
