package dev.macsec.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.macsec.capture.CaptureReader;
import dev.macsec.testing.ProjectFiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
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
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "--enable-native-access=ALL-UNNAMED", "-cp", System.getProperty("surefire.test.class.path",
                        System.getProperty("java.class.path")), "dev.macsec.cli.Main", "capture", "-i", "lo",
                "--bpf", "ether proto 0x88e5", "--keys", ProjectFiles.pcap("linux-dut/keys.json").toString(),
                "-w", out.toString(), "-q"));
        cmd.addAll(List.of(extra));
        return new ProcessBuilder(cmd).redirectErrorStream(true).start();
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
        Process p = startCapture(out, "-c", String.valueOf(frames.size()), "--duration", "60");
        Thread.sleep(2500); // JVM start and libpcap open
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
        Process p = startCapture(out);
        Thread.sleep(2500);
        inject(frames.subList(0, 5));
        Thread.sleep(1000);
        new ProcessBuilder("kill", "-INT", Long.toString(p.pid())).start().waitFor();
        assertTrue(p.waitFor(30, TimeUnit.SECONDS), "capture did not stop on SIGINT");
        String text = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(text.contains("== Summary: 5 frames"), text);
        assertTrue(Files.size(out) > 24, "nothing written");
        assertEquals(5, AnalyzeCommandTest.tshark(out, "frame.number").size());
    }
}
