package dev.macsec.mka;

import dev.macsec.field.ExpertInfo;
import dev.macsec.field.Severity;

import java.util.List;

/**
 * Where the tracker's rule families report a finding: the CA's log, and the list of findings raised by the input
 * being processed (the caller's {@link MkpduOutcome}), which is open only while the tracker handles one input.
 */
final class FindingSink {
    private List<Finding> raised;

    void open(List<Finding> sink) {
        raised = sink;
    }

    void close() {
        raised = null;
    }

    void find(ConnectivityAssociation ca, ExpertInfo rule, long frame, String message) {
        find(ca, rule.severity(), rule, frame, message);
    }

    /** A finding at a severity other than its rule's: only {@link Rules#ICV_MISSING}, reported as before. */
    void find(ConnectivityAssociation ca, Severity severity, ExpertInfo rule, long frame, String message) {
        Finding f = ca.findings.add(severity, rule.code(), frame, message);
        if (f != null && raised != null) {
            raised.add(f);
        }
    }
}
