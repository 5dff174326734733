package dev.macsec.conformance.mka;

import dev.macsec.conformance.suite.ConformanceFailure;

import java.util.Objects;
import java.util.function.Supplier;

/**
 * Expectations about the device in the MKA cases: a miss is a {@link ConformanceFailure} (a verdict on the
 * device), never a plain AssertionError, which the runner would report as a harness error.
 */
final class Expect {
    private Expect() {
    }

    static void that(boolean condition, Supplier<String> message) {
        if (!condition) {
            throw new ConformanceFailure(message.get());
        }
    }

    static void that(boolean condition, String message) {
        if (!condition) {
            throw new ConformanceFailure(message);
        }
    }

    // numbers compare by value whatever their boxed types (an int count against a long expectation)
    static void equal(long expected, long actual, String what) {
        if (expected != actual) {
            throw new ConformanceFailure(what + ": expected " + expected + ", got " + actual);
        }
    }

    static void equal(long expected, long actual, Supplier<String> what) {
        if (expected != actual) {
            throw new ConformanceFailure(what.get() + ": expected " + expected + ", got " + actual);
        }
    }

    static void equal(Object expected, Object actual, String what) {
        if (!Objects.equals(expected, actual)) {
            throw new ConformanceFailure(what + ": expected " + expected + ", got " + actual);
        }
    }

    static void equal(Object expected, Object actual, Supplier<String> what) {
        if (!Objects.equals(expected, actual)) {
            throw new ConformanceFailure(what.get() + ": expected " + expected + ", got " + actual);
        }
    }
}
