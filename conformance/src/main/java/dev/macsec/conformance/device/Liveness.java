package dev.macsec.conformance.device;

import java.util.Optional;

/**
 * Capability of a device that can tell it has gone away (its process ended) before a command times out, so
 * that a run stops waiting on it at once.
 */
public interface Liveness {
    /** Why the device is gone, empty while it runs. */
    Optional<String> gone();
}
