package dev.macsec.conformance.suite;

import java.util.List;

/**
 * The case could not be judged: an observable its expected results name is one the device does not report (a counter
 * its management interface lacks, say). Not a failure of the device and never a pass: the verdict INCONCLUSIVE,
 * naming what was missing.
 */
public class InconclusiveFailure extends RuntimeException {
    /** How every message starts (report categories match on it). */
    public static final String PREFIX = "inconclusive: ";

    private final List<String> unseen;

    public InconclusiveFailure(List<String> unseen, String details) {
        super(PREFIX + "the device does not report " + String.join(", ", unseen) + (details == null ? "" : "\n" + details));
        this.unseen = List.copyOf(unseen);
    }

    /**
     * An expected observable the run could not make the implementations produce (e.g. a rekey that nothing can
     * trigger), with the reason.
     */
    public InconclusiveFailure(String notProduced) {
        super(PREFIX + notProduced);
        this.unseen = List.of();
    }

    /** The observables the device did not report. */
    public List<String> unseen() {
        return unseen;
    }
}
