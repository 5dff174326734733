package dev.macsec.cli;

import static dev.macsec.cli.AnalyzeCommandTest.run;
import static dev.macsec.cli.AnalyzeCommandTest.tshark;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.macsec.testing.ProjectFiles;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** -Y against tshark's -Y: the same frames, the same times. */
class TimeAndFilterTest {
    static final String MKA = ProjectFiles.pcap("linux-dut/mka.pcap").toString();

    /** tshark's frame numbers for {@code tshark -r file -Y filter}. */
    static List<String> tsharkFrames(String file, String filter, String field) throws IOException {
        Process p = new ProcessBuilder("tshark", "-r", file, "-Y", filter, "-T", "fields", "-e", field)
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        List<String> lines = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8).lines().toList();
        try {
            assertEquals(0, p.waitFor(), "tshark -Y " + filter);
        } catch (InterruptedException e) {
            throw new IOException(e);
        }
        return lines;
    }

    static List<String> ourFrames(String... args) throws IOException {
        AnalyzeCommandTest.Result r = run(args);
        assertTrue(r.exit() <= 1, r.err());
        List<String> frames = new ArrayList<>();
        for (String line : r.out().lines().toList()) {
            JsonNode o = new ObjectMapper().readTree(line);
            if (o.has("frame")) {
                frames.add(o.get("frame").asText());
            }
        }
        return frames;
    }

    @Test
    void theTimeColumnCountsFromTheFirstFrameOfTheCaptureWhateverTheFilterShows() throws IOException {
        String filter = "frame.number == 12";
        List<String> theirs = tsharkFrames(AnalyzeCommandTest.STATIC_SA, filter, "frame.time_relative");
        assertEquals(1, theirs.size());
        double expected = Double.parseDouble(theirs.get(0));
        assertTrue(expected > 0.5, "frame 12 is not at the start: " + expected);
        AnalyzeCommandTest.Result r = run("analyze", AnalyzeCommandTest.STATIC_SA, "--keys", AnalyzeCommandTest.KEYS, "-q", "-Y", filter);
        String line = r.out().lines().findFirst().orElseThrow();
        double ours = Double.parseDouble(line.trim().split(" +")[1]);
        assertEquals(expected, ours, 0.5e-6, line);
    }

    /** tshark takes mka.sci as a byte string: 16 hex digits, or colon-separated; so do we, as well as 0x. */
    @Test
    void anSciIsAcceptedAsPrinted() throws IOException {
        List<String> expected = tsharkFrames(MKA, "mka.sci == 52540000000a0001", "frame.number");
        assertFalse(expected.isEmpty());
        for (String sci : new String[] {"52540000000a0001", "52:54:00:00:00:0a:00:01", "0x52540000000a0001"}) {
            assertEquals(expected, ourFrames("analyze", MKA, "-q", "-T", "json", "-Y", "mka.sci == " + sci), sci);
        }
        // tshark 4.0 has no macsec.sci, but it splits the SCI into the MAC and the port
        List<String> macsec = tsharkFrames(AnalyzeCommandTest.STATIC_SA,
                "macsec.SCI.system_identifier == 02:00:00:00:00:01 and macsec.SCI.port_identifier == 1", "frame.number");
        assertFalse(macsec.isEmpty());
        assertEquals(macsec, ourFrames("analyze", AnalyzeCommandTest.STATIC_SA, "-q", "-T", "json", "-Y",
                "macsec.sci == 0200000000010001"));
        // a value that is neither stays an error
        AnalyzeCommandTest.Result bad = run("analyze", MKA, "-q", "-Y", "mka.sci == 52540000000a00zz");
        assertEquals(Main.EXIT_USAGE, bad.exit());
        assertTrue(bad.err().contains("is not a valid value for mka.sci"), bad.err());
    }

    @Test
    void theHelpSaysHowSeveralFilesAreCombined() {
        AnalyzeCommandTest.Result help = run("analyze", "--help");
        String text = help.out().replaceAll("\\s+", " ");
        assertTrue(text.contains("read one after the other in the order given, not merged by time"), help.out());
    }
}
