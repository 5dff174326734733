package dev.macsec.conformance.runner;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * {@code macsec} as a child process of a test, the way a lab runs it: this JVM's java, the test class path (the
 * project's classes and every jar), and the project root when the build gave one.
 */
final class MacsecChild {
    private MacsecChild() {
    }

    /** The command line running {@code macsec <args>} with {@code jvmOptions} before the class path. */
    static List<String> command(List<String> jvmOptions, String... args) {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "--enable-native-access=ALL-UNNAMED"));
        cmd.addAll(jvmOptions);
        String root = System.getProperty("macsec.root");
        if (root != null && !root.isBlank()) {
            cmd.add("-Dmacsec.root=" + root);
        }
        cmd.addAll(List.of("-cp", System.getProperty("surefire.test.class.path", System.getProperty("java.class.path")),
                "dev.macsec.cli.Main"));
        cmd.addAll(List.of(args));
        return cmd;
    }

    /**
     * Starts {@code cmd} with its standard error in {@code stderr}, killed if it still runs after {@code limit}: a run
     * that hangs waiting on a device must not hang the build (its output then ends, and so does the test's reading).
     */
    static Process startWithin(List<String> cmd, Path stderr, Duration limit) throws IOException {
        Process p = new ProcessBuilder(cmd).redirectError(stderr.toFile()).start();
        Thread.ofVirtual().start(() -> {
            try {
                if (!p.waitFor(limit.toMillis(), TimeUnit.MILLISECONDS)) {
                    p.destroyForcibly();
                }
            } catch (InterruptedException stop) {
                Thread.currentThread().interrupt();
            }
        });
        return p;
    }
}
