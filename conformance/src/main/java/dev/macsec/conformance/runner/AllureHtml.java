package dev.macsec.conformance.runner;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;

/**
 * Renders Allure results to HTML with the Allure commandline that the build unpacks into
 * conformance/target/allure-commandline (or $ALLURE_HOME, or {@code allure} on the PATH).
 */
final class AllureHtml {
    private AllureHtml() {
    }

    static boolean generate(Path results, Path html, PrintStream progress) {
        Path allure = find();
        if (allure == null) {
            if (progress != null) {
                progress.println("allure commandline not found (build the conformance module, or set ALLURE_HOME): "
                        + "no HTML report; results are in " + results);
            }
            return false;
        }
        // The allure script starts a JVM of its own: when ours is stopped (SIGTERM, a CI timeout) neither stays behind.
        // The hook is in place before the start, and waits for it to return, so no stop can fall between the two.
        AtomicReference<Process> started = new AtomicReference<>();
        Thread reaper = new Thread(() -> {
            synchronized (started) {
                Process running = started.get();
                if (running != null) {
                    running.descendants().forEach(ProcessHandle::destroyForcibly);
                    running.destroyForcibly();
                }
            }
        }, "macsec-allure-stop");
        Runtime.getRuntime().addShutdownHook(reaper);
        try {
            Process p;
            synchronized (started) {
                p = new ProcessBuilder(allure.toString(), "generate", "--clean", "-o", html.toString(), results.toString())
                        .redirectErrorStream(true).redirectOutput(results.resolveSibling("allure-generate.log").toFile())
                        .start();
                started.set(p);
            }
            if (!p.waitFor(3, TimeUnit.MINUTES)) {
                p.destroyForcibly();
                throw new IOException("allure generate did not finish within 3 minutes");
            }
            if (p.exitValue() != 0) {
                throw new IOException("allure generate failed (exit " + p.exitValue() + "), see "
                        + results.resolveSibling("allure-generate.log"));
            }
            if (progress != null) {
                progress.println("HTML report: " + html.resolve("index.html") + " (serve the directory over HTTP to view it)");
            }
            return true;
        } catch (IOException e) {
            if (progress != null) {
                progress.println("no HTML report: " + e.getMessage());
            }
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } finally {
            try {
                Runtime.getRuntime().removeShutdownHook(reaper);
            } catch (IllegalStateException shuttingDown) {
                // the hook is running: it stops allure
            }
        }
    }

    static Path find() {
        List<Path> c = new ArrayList<>();
        String home = System.getenv("ALLURE_HOME");
        if (home != null) {
            c.add(Paths.get(home, "bin", "allure"));
        }
        String root = System.getProperty("macsec.root");
        List<Path> bases = new ArrayList<>();
        if (root != null) {
            bases.add(Paths.get(root, "conformance", "target", "allure-commandline"));
        }
        for (Path d = Paths.get("").toAbsolutePath(); d != null; d = d.getParent()) {
            bases.add(d.resolve("conformance/target/allure-commandline"));
            bases.add(d.resolve("target/allure-commandline"));
        }
        for (Path b : bases) {
            if (Files.isDirectory(b)) {
                try (Stream<Path> s = Files.list(b)) {
                    s.map(x -> x.resolve("bin/allure")).filter(Files::isExecutable).forEach(c::add);
                } catch (IOException ignored) {
                    // not readable: try the next
                }
            }
        }
        for (Path p : c) {
            if (Files.isExecutable(p)) {
                return p;
            }
        }
        return null;
    }
}
