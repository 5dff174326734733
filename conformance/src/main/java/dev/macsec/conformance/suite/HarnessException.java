package dev.macsec.conformance.suite;

/**
 * The harness could not run a case: the device did not answer, refused its configuration, or the link
 * failed. Never a verdict on the device's conformance (the runner exits 2, not 1).
 */
public class HarnessException extends RuntimeException {
    public HarnessException(String message, Throwable cause) {
        super(message, cause);
    }

    public HarnessException(String message) {
        super(message);
    }
}
