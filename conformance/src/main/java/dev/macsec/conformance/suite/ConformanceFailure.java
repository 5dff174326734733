package dev.macsec.conformance.suite;

import org.opentest4j.AssertionFailedError;

/** The device did not do what IEEE 802.1AE prescribes, and no known deviation explains it. */
public class ConformanceFailure extends AssertionFailedError {
    public ConformanceFailure(String message) {
        super(message);
    }
}
