package dev.macsec.conformance.runner;

import dev.macsec.suite.CipherSuite;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The harness cleans up after itself with a real VM: on Ctrl-C (SIGINT to {@code macsec conformance}) no
 * qemu and no temp directory stays behind, and a VM that dies mid-run turns the remaining cases into harness
 * errors with a clear reason, at once, instead of each waiting out its timeouts.
 */
@Tag("vm")
class HarnessCleanupLinuxVmTest {
    /** A progress line of one case: it starts with its verdict's label. */
    private static final String CASE_LINE = "^(" + String.join("|", java.util.Arrays.stream(CaseResult.Verdict.values())
            .map(CaseResult.Verdict::label).toList()) + ") .*";

    private static List<ProcessHandle> qemus(ProcessHandle parent) {
        return parent.descendants().filter(h -> h.info().command().map(c -> c.contains("qemu")).orElse(false)).toList();
    }

    @Test
    void sigintLeavesNoVmAndNoTempFiles(@TempDir Path dir) throws Exception {
        Path tmp = Files.createDirectories(dir.resolve("tmp"));
        Path out = dir.resolve("out.txt");
        List<String> cmd = MacsecChild.command(List.of("-Djava.io.tmpdir=" + tmp), "conformance", "--cipher-suites",
                "gcm-aes-128", "--no-html", "--report", dir.resolve("report").toString());
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(out.toFile()).start();
        List<ProcessHandle> vms = List.of();
        try {
            // booted and running cases: the first case's line is out
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(180);
            while (System.nanoTime() < deadline && p.isAlive()
                    && Files.readAllLines(out).stream().noneMatch(l -> l.matches(CASE_LINE))) {
                Thread.sleep(200);
            }
            vms = qemus(p.toHandle());
            assertTrue(p.isAlive(), "macsec conformance ended before it was interrupted:\n" + Files.readString(out));
            assertEquals(1, vms.size(), "one qemu while the suite runs: " + vms);
            assertTrue(Files.list(tmp).anyMatch(f -> f.getFileName().toString().startsWith("macsec-dut-")),
                    "the VM's temp dir exists while it runs");

            new ProcessBuilder("kill", "-INT", Long.toString(p.pid())).start().waitFor();
            assertTrue(p.waitFor(20, TimeUnit.SECONDS), "macsec conformance did not stop within 20 s of SIGINT");
            for (ProcessHandle vm : vms) {
                vm.onExit().get(5, TimeUnit.SECONDS);
                assertFalse(vm.isAlive(), "qemu " + vm.pid() + " outlived the run");
            }
            try (Stream<Path> left = Files.list(tmp)) {
                List<String> names = left.map(f -> f.getFileName().toString()).filter(n -> n.startsWith("macsec"))
                        .toList();
                assertEquals(List.of(), names, "temp files left behind");
            }
            // the cases that ran are reported
            String summary = Files.readString(dir.resolve("report/summary.json"));
            assertTrue(summary.contains("\"interrupted\" : true"), summary);
            assertTrue(Files.readString(dir.resolve("report/report.md")).startsWith("# Conformance report"));
        } finally {
            p.destroyForcibly();
            vms.forEach(ProcessHandle::destroyForcibly);
        }
    }

    @Test
    void aVmThatDiesTurnsTheRestIntoHarnessErrorsAtOnce(@TempDir Path dir) throws IOException {
        long[] killedAt = {0};
        int[] lines = {0};
        List<ProcessHandle> killed = new ArrayList<>();
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        // kills qemu (as a crash would) once three cases are done
        PrintStream progress = new PrintStream(new OutputStream() {
            @Override
            public void write(int b) {
                log.write(b);
                if (b == '\n' && ++lines[0] == 3) {
                    killed.addAll(qemus(ProcessHandle.current()));
                    killed.forEach(ProcessHandle::destroyForcibly);
                    killed.forEach(h -> h.onExit().join());
                    killedAt[0] = System.nanoTime();
                }
            }
        }, true, StandardCharsets.UTF_8);
        RunResult r = ConformanceRunner.run(new ConformanceRunner.Options(null, "802.1ae",
                List.of(CipherSuite.GCM_AES_128), dir.resolve("r"), false, progress));
        long afterKillMillis = (System.nanoTime() - killedAt[0]) / 1_000_000;
        String text = log.toString(StandardCharsets.UTF_8);
        // a harness that never came up says why in its first case
        String firstError = r.cases().stream().filter(c -> c.verdict() == CaseResult.Verdict.HARNESS_ERROR).findFirst()
                .map(CaseResult::message).orElse("none");
        assertEquals(1, killed.size(), "one qemu killed; first harness error: " + firstError + "\n" + text);

        List<CaseResult> before = r.cases().subList(0, 3);
        List<CaseResult> after = r.cases().subList(3, r.cases().size());
        assertTrue(before.stream().noneMatch(c -> c.verdict() == CaseResult.Verdict.HARNESS_ERROR), text);
        assertTrue(after.size() > 10, text);
        List<CaseResult> notErrors = after.stream().filter(c -> c.verdict() != CaseResult.Verdict.HARNESS_ERROR
                && c.verdict() != CaseResult.Verdict.NOT_APPLICABLE).toList();
        assertEquals(List.of(), notErrors, "every case after the VM died is a harness error");
        for (CaseResult c : after) {
            if (c.verdict() == CaseResult.Verdict.HARNESS_ERROR) {
                assertTrue(c.message().contains("VM (qemu)") || c.message().contains("unreachable"),
                        c.caseName() + ": " + c.message());
            }
        }
        assertTrue(after.stream().skip(1).filter(c -> c.verdict() == CaseResult.Verdict.HARNESS_ERROR)
                        .allMatch(c -> c.message().contains("device lost earlier in the run")),
                "later cases name the earlier loss:\n" + text);
        // the case that was running may wait out one timeout; the rest must not
        assertTrue(afterKillMillis < 45_000, "the rest of the run took " + afterKillMillis + " ms after the VM died");
        assertEquals(2, r.exitCode());
        assertEquals(List.of(), qemus(ProcessHandle.current()), "no qemu left");
        assertTrue(Files.readString(dir.resolve("r/report.md")).contains("harness error"));
    }
}
