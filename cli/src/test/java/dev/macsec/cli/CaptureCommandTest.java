package dev.macsec.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.macsec.capture.CaptureReader;
import dev.macsec.testing.ProjectFiles;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pcap4j.core.PcapHandle;
import org.pcap4j.core.PcapNetworkInterface;
import org.pcap4j.core.Pcaps;

/** Live capture on the loopback interface with real injected MACsec frames (needs root, as capturing does). */
@Tag("live")
class CaptureCommandTest {
    static List<byte[]> frames = new ArrayList<>();
    /** A frame's line: number, then seconds since the first frame (LineView). */
    static final Pattern FRAME_LINE = Pattern.compile("^\\s*\\d+\\s+\\d+\\.\\d{6} ");

    @BeforeAll
    static void needsRoot() throws IOException {
        assumeTrue("root".equals(System.getProperty("user.name")), "live capture needs root");
        try (CaptureReader r = CaptureReader.open(ProjectFiles.pcap("linux-dut/static-sa.pcap"))) {
            while (r.next()) {
                frames.add(java.util.Arrays.copyOfRange(r.data(), r.offset(), r.offset() + r.capturedLength()));
            }
        }
    }

    static Process startCapture(Path out, String... extra) throws IOException {
        // a test run started in the background of a shell without job control inherits SIGINT ignored, and a JVM
        // keeps an ignored SIGINT ignored: reset it, so that the interrupt test sends what Ctrl-C sends however it runs
        List<String> cmd = new ArrayList<>(List.of("env", "--default-signal=INT",
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "--enable-native-access=ALL-UNNAMED", "-cp", System.getProperty("surefire.test.class.path",
                        System.getProperty("java.class.path")), "dev.macsec.cli.Main", "capture", "-i", "lo",
                "--bpf", "ether proto 0x88e5", "--keys", ProjectFiles.pcap("linux-dut/keys.json").toString(),
                "-w", out.toString(), "-q"));
        cmd.addAll(List.of(extra));
        return new ProcessBuilder(cmd).redirectErrorStream(true).start();
    }

    /**
     * Starts a capture and returns once it listens. The command opens the interface and sets its BPF filter before
     * it creates its -w file, so once that file exists (an inotify event, not a guess at JVM start-up time) every
     * frame sent is seen.
     */
    static Process startListening(Path out, String... extra) throws IOException, InterruptedException {
        try (WatchService watch = out.getFileSystem().newWatchService()) {
            out.getParent().register(watch, StandardWatchEventKinds.ENTRY_CREATE);
            Process p = startCapture(out, extra);
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (!Files.exists(out)) {
                assertTrue(p.isAlive(), () -> "capture ended before listening: " + output(p));
                assertTrue(System.nanoTime() < deadline, "capture not listening after 60 s");
                WatchKey key = watch.poll(1, TimeUnit.SECONDS);
                if (key != null) {
                    key.pollEvents();
                    key.reset();
                }
            }
            return p;
        }
    }

    private static String output(Process p) {
        try {
            return new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return e.toString();
        }
    }

    static void inject(List<byte[]> toSend) throws Exception {
        PcapNetworkInterface lo = Pcaps.getDevByName("lo");
        try (PcapHandle out = lo.openLive(65536, PcapNetworkInterface.PromiscuousMode.NONPROMISCUOUS, 10)) {
            for (byte[] f : toSend) {
                out.sendPacket(f);
            }
        }
    }

    @Test
    void countStopsTheCaptureAndEveryInjectedFrameDecrypts(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("live.pcap");
        Process p = startListening(out, "-c", String.valueOf(frames.size()), "--duration", "60");
        inject(frames);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), "capture did not stop at -c");
        String text = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, p.exitValue(), text);
        assertTrue(text.contains("Verdicts: OK " + frames.size()), text);
        assertTrue(text.contains("IPv4 ICMP echo request 10.99.0.1 → 10.99.0.2"), text);
        assertEquals(frames.size(), AnalyzeCommandTest.tshark(out, "frame.number").size());
    }

    @Test
    void interruptPrintsTheSummaryAndLeavesTheOutputValid(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("interrupted.pcap");
        // --duration only bounds the test if the capture never shows the frames
        Process p = startListening(out, "--duration", "60");
        inject(frames.subList(0, 5));
        // interrupted once it has shown all five frames, one line each as they are analysed
        BufferedReader lines = p.inputReader(StandardCharsets.UTF_8);
        StringBuilder text = new StringBuilder();
        for (int shown = 0; shown < 5; ) {
            String line = lines.readLine();
            assertNotNull(line, "capture ended before it showed 5 frames:\n" + text);
            text.append(line).append('\n');
            if (FRAME_LINE.matcher(line).find()) {
                shown++;
            }
        }
        new ProcessBuilder("kill", "-INT", Long.toString(p.pid())).start().waitFor();
        assertTrue(p.waitFor(30, TimeUnit.SECONDS), "capture did not stop on SIGINT");
        lines.lines().forEach(l -> text.append(l).append('\n'));
        assertTrue(text.toString().contains("== Summary: 5 frames"), text::toString);
        assertTrue(Files.size(out) > 24, "nothing written");
        assertEquals(5, AnalyzeCommandTest.tshark(out, "frame.number").size());
    }
}
