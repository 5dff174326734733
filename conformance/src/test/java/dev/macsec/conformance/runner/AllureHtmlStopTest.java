package dev.macsec.conformance.runner;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A JVM that renders the HTML report and is stopped with SIGTERM (as a CI timeout stops it) takes the allure
 * process with it. The allure here is a stand-in script that writes its PID and sleeps, run by the real
 * {@link AllureHtml#generate} in a child JVM.
 */
class AllureHtmlStopTest {
    /** The child JVM: renders a report with whatever allure $ALLURE_HOME holds. */
    public static void main(String[] args) {
        AllureHtml.generate(Path.of(args[0]), Path.of(args[1]), System.out);
    }

    @Test
    void stoppingTheJvmStopsAllureToo(@TempDir Path dir) throws Exception {
        Path home = Files.createDirectories(dir.resolve("allure/bin"));
        Path pidFile = dir.resolve("allure.pid");
        Path script = home.resolve("allure");
        Files.writeString(script, "#!/bin/sh\necho $$ > " + pidFile + "\nexec sleep 120\n");
        Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwxr-xr-x"));
        Path results = Files.createDirectories(dir.resolve("results"));

        ProcessBuilder b = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
                System.getProperty("surefire.test.class.path", System.getProperty("java.class.path")),
                AllureHtmlStopTest.class.getName(), results.toString(), dir.resolve("html").toString())
                .redirectErrorStream(true).redirectOutput(dir.resolve("child.out").toFile());
        b.environment().put("ALLURE_HOME", dir.resolve("allure").toString());
        Process child = b.start();
        Optional<ProcessHandle> allure = Optional.empty();
        try {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (System.nanoTime() < deadline && (!Files.exists(pidFile) || Files.readString(pidFile).isBlank())) {
                Thread.sleep(50);
            }
            assertTrue(Files.exists(pidFile), "the stand-in allure never started: " + Files.readString(dir.resolve("child.out")));
            long allurePid = Long.parseLong(Files.readString(pidFile).strip());
            allure = ProcessHandle.of(allurePid);
            assertTrue(allure.isPresent() && allure.get().isAlive(), "allure runs while the report is rendered");

            child.destroy(); // SIGTERM: the JVM runs its shutdown hooks
            assertTrue(child.waitFor(20, TimeUnit.SECONDS), "the JVM stopped");
            allure.get().onExit().get(10, TimeUnit.SECONDS);
            assertFalse(allure.get().isAlive(), "allure was stopped with the JVM");
        } finally {
            child.destroyForcibly();
            allure.ifPresent(ProcessHandle::destroyForcibly); // a failed run leaves no stray process either
        }
    }
}
