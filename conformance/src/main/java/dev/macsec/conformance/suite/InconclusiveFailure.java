package dev.macsec.conformance.suite;

import java.util.List;

/**
 * The device did everything the plan expects that it showed, but could not show all of it: the observables it does
 * not report (a counter it has no such counter for) are named, and the case is not a pass.
 */
public class InconclusiveFailure extends ConformanceFailure {
    private final List<String> unseen;

    public InconclusiveFailure(List<String> unseen, String message) {
        super("inconclusive: the device does not report " + String.join(", ", unseen) + "\n" + message);
        this.unseen = List.copyOf(unseen);
    }

    /** The observables the plan states that the device did not report. */
    public List<String> unseen() {
        return unseen;
    }
}
