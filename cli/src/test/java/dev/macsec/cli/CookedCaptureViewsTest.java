package dev.macsec.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.macsec.capture.CaptureReader;
import dev.macsec.capture.PcapWriter;
import dev.macsec.capture.TimestampPrecision;
import dev.macsec.decode.LinkLayer;
import dev.macsec.testing.ProjectFiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The analysis does not depend on the view. linux-dut/mka.pcap (36 MKPDUs, 30 MACsec frames, per its KEYS.md) is
 * rewritten as a Linux cooked capture, SLL (LINKTYPE 113) and SLL2 (276), by replacing each Ethernet header with the
 * cooked header the kernel would have written (tcpdump.org's LINKTYPE_LINUX_SLL/SLL2 pages: packet type, ARPHRD_ETHER,
 * address length 6, the source MAC, the EtherType); tshark reads the result as 36 EAPOL and 30 MACsec frames. Every
 * view must then give one summary: 36 MKPDUs to MKA and 30 MACsec frames, as tshark reads it.
 */
class CookedCaptureViewsTest {
    static final String KEYS = ProjectFiles.pcap("linux-dut/mka-cak.json").toString();

    static Path cooked(Path dir, int linkType) throws IOException {
        Path out = dir.resolve("mka-" + linkType + ".pcap");
        try (CaptureReader r = CaptureReader.open(ProjectFiles.pcap("linux-dut/mka.pcap"));
             PcapWriter w = PcapWriter.create(out, TimestampPrecision.MICROS, linkType, 65535)) {
            while (r.next()) {
                byte[] e = java.util.Arrays.copyOfRange(r.data(), r.offset(), r.offset() + r.capturedLength());
                boolean multicast = (e[0] & 1) != 0;
                boolean broadcast = java.util.Arrays.equals(e, 0, 6, new byte[] {-1, -1, -1, -1, -1, -1}, 0, 6);
                int packetType = broadcast ? 1 : multicast ? 2 : 0;
                byte[] c;
                if (linkType == LinkLayer.LINKTYPE_LINUX_SLL) {
                    c = new byte[16 + e.length - 14];
                    c[1] = (byte) packetType;
                    c[3] = 1; // ARPHRD_ETHER
                    c[5] = 6;
                    System.arraycopy(e, 6, c, 6, 6);
                    System.arraycopy(e, 12, c, 14, 2);
                    System.arraycopy(e, 14, c, 16, e.length - 14);
                } else {
                    c = new byte[20 + e.length - 14];
                    System.arraycopy(e, 12, c, 0, 2);
                    c[7] = 2; // interface index
                    c[9] = 1; // ARPHRD_ETHER
                    c[10] = (byte) packetType;
                    c[11] = 6;
                    System.arraycopy(e, 6, c, 12, 6);
                    System.arraycopy(e, 14, c, 20, e.length - 14);
                }
                w.write(c, 0, c.length, r.timestampNanos());
            }
        }
        return out;
    }

    static long tsharkCount(Path file, String filter) throws IOException, InterruptedException {
        Process p = new ProcessBuilder("tshark", "-r", file.toString(), "-Y", filter, "-T", "fields", "-e", "frame.number")
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS));
        return out.lines().count();
    }

    /** The summary a text view ends with, from its "== Summary" line up to the throughput line (summary view only). */
    static String summary(String out) {
        String s = out.substring(out.indexOf("== Summary"));
        return s.lines().filter(l -> !l.startsWith("Throughput:")).reduce("", (a, b) -> a + b + "\n");
    }

    @ParameterizedTest
    @ValueSource(ints = {LinkLayer.LINKTYPE_LINUX_SLL, LinkLayer.LINKTYPE_LINUX_SLL2})
    void everyViewGivesTheSameSummary(int linkType, @TempDir Path dir) throws Exception {
        Path capture = cooked(dir, linkType);
        assertEquals(36, tsharkCount(capture, "eapol"));
        assertEquals(30, tsharkCount(capture, "macsec"));

        String plain = summary(AnalyzeCommandTest.run("analyze", capture.toString(), "--keys", KEYS, "-q").out());
        String tree = summary(AnalyzeCommandTest.run("analyze", capture.toString(), "--keys", KEYS, "-q", "-V").out());
        String brief = summary(AnalyzeCommandTest.run("analyze", capture.toString(), "--keys", KEYS, "-T", "summary").out());
        assertEquals(brief, plain);
        assertEquals(brief, tree);
        assertTrue(brief.startsWith("== Summary: 66 frames (30 MACsec, 36 MKPDUs)"), brief);
        assertTrue(brief.contains("MKA: 36 MKPDUs"), brief);
        // both stations joined the one CA, named by their MAC from the cooked header
        assertTrue(brief.contains("participant SCI 52540000000a0001"), brief);
        assertTrue(brief.contains("participant SCI 52540000000b0001"), brief);

        List<String> json = AnalyzeCommandTest.run("analyze", capture.toString(), "--keys", KEYS, "-T", "json").out()
                .lines().toList();
        JsonNode s = new ObjectMapper().readTree(json.get(json.size() - 1));
        assertEquals(30, s.get("macsecFrames").asInt());
        assertEquals(36, s.get("mkpdus").asInt());
        assertEquals(36, s.get("mka").get("mkpdus").asInt());
        assertEquals(2, s.get("mka").get("cas").get(0).get("participants").size());
    }
}
