package dev.macsec.conformance.device;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs each script by starting a local process that reads it on stdin, e.g. {@code sh -s} or
 * {@code ssh user@host sh -s}. The script goes through stdin so that no quoting layer mangles it.
 */
public class ProcessRunner implements CommandRunner {
    private final List<String> argv;
    private final String description;

    public ProcessRunner(List<String> argv, String description) {
        this.argv = List.copyOf(argv);
        this.description = description;
    }

    @Override
    public CommandResult run(String script, Duration timeout) throws IOException {
        Process p = new ProcessBuilder(argv).redirectErrorStream(true).start();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Thread reader = Thread.ofVirtual().start(() -> {
            try (InputStream in = p.getInputStream()) {
                in.transferTo(out);
            } catch (IOException ignored) {
                // process killed
            }
        });
        try (OutputStream stdin = p.getOutputStream()) {
            // a subshell with stdin from /dev/null, so a command reading stdin cannot eat the rest of the script
            stdin.write(("(\n" + script + "\n) </dev/null\n").getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            // the process may have exited early (e.g. ssh refused); its output says why
        }
        try {
            if (!p.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                p.destroyForcibly();
                throw new IOException(description + ": command did not finish within " + timeout.toSeconds() + " s");
            }
            reader.join(2000);
        } catch (InterruptedException e) {
            p.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new IOException(description + ": interrupted", e);
        }
        return new CommandResult(p.exitValue(), out.toString(StandardCharsets.UTF_8));
    }

    @Override
    public String describe() {
        return description;
    }

    /** Ends {@code p}: asked first, forced after 3 s; returns once it is gone (or 3 s more have passed). */
    public static void stop(Process p) {
        p.destroy();
        try {
            if (!p.waitFor(3, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                p.waitFor(3, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            p.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }
}
