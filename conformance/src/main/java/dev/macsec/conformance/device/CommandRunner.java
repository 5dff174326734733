package dev.macsec.conformance.device;

import java.io.IOException;
import java.time.Duration;

/** Runs a POSIX shell script on a device (in a VM, over ssh, ...) and returns what it printed. */
public interface CommandRunner extends AutoCloseable {

    /**
     * Runs {@code script} with {@code sh}, stdin empty, stderr merged into stdout.
     *
     * @throws IOException if the device cannot be reached or the script does not finish within {@code timeout}
     */
    CommandResult run(String script, Duration timeout) throws IOException;

    /** One line describing where commands run (no secrets). */
    String describe();

    @Override
    default void close() {
    }

    /** Output (stdout and stderr merged) and exit status of one script. */
    record CommandResult(int exitStatus, String output) {
        public boolean ok() {
            return exitStatus == 0;
        }
    }
}
