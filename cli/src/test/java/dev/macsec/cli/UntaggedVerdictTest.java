package dev.macsec.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.macsec.testing.ProjectFiles;
import java.io.IOException;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Every frame the receive SecY sees has a verdict in every view, untagged ones included. static-sa-gcm-aes-128.pcap:
 * tshark shows frames 1 and 14 as plain ICMPv6 Router Solicitations (no SecTAG) and 2-13 as MACsec. 802.1AE-2018
 * 10.6.1: a frame without a SecTAG counts InPktsNoTag and is not delivered when validateFrames is Strict, and counts
 * InPktsUntagged and is delivered otherwise.
 */
class UntaggedVerdictTest {
    static final String CAPTURE = ProjectFiles.pcap("linux-dut/static-sa-gcm-aes-128.pcap").toString();
    static final String KEYS = ProjectFiles.pcap("linux-dut/keys.json").toString();

    @ParameterizedTest
    @CsvSource({"strict, NO_TAG, InPktsNoTag, NO TAG: the Controlled Port drops it",
        "check, UNTAGGED, InPktsUntagged, UNTAGGED: delivered unprotected",
        "disabled, UNTAGGED, InPktsUntagged, UNTAGGED: delivered unprotected"})
    void untaggedFramesHaveTheirVerdictInEveryView(String mode, String verdict, String counter, String words)
            throws IOException {
        AnalyzeCommandTest.Result line = AnalyzeCommandTest.run("analyze", CAPTURE, "--keys", KEYS, "--validate", mode, "-q");
        List<String> frames = line.out().lines().filter(l -> l.contains("Router Solicitation") && !l.contains("SCI=")).toList();
        assertEquals(2, frames.size(), line.out());
        frames.forEach(l -> assertTrue(l.endsWith("Router Solicitation [" + words + "]"), l));
        assertTrue(line.out().contains("SecY: " + counter + "=2"), line.out());

        AnalyzeCommandTest.Result tree = AnalyzeCommandTest.run("analyze", CAPTURE, "--keys", KEYS, "--validate", mode,
                "-V", "-Y", "frame.number == 14");
        String analysis = tree.out().substring(tree.out().indexOf("\n[MACsec analysis]"));
        assertTrue(analysis.startsWith("\n[MACsec analysis]\n    Verdict: " + verdict + "\n    Counter incremented: "
                + counter + "\n"), tree.out());

        AnalyzeCommandTest.Result json = AnalyzeCommandTest.run("analyze", CAPTURE, "--keys", KEYS, "--validate", mode,
                "-T", "json");
        List<String> lines = json.out().lines().toList();
        ObjectMapper mapper = new ObjectMapper();
        for (int i = 0; i < 14; i++) {
            JsonNode frame = mapper.readTree(lines.get(i));
            String expected = i == 0 || i == 13 ? verdict : "OK";
            assertEquals(expected, frame.path("verdict").asText(), lines.get(i));
        }
        // with -T json the filter field says the same
        AnalyzeCommandTest.Result filtered = AnalyzeCommandTest.run("analyze", CAPTURE, "--keys", KEYS, "--validate", mode,
                "-T", "json", "-Y", "macsec.verdict == \"" + verdict + "\"");
        assertEquals(3, filtered.out().lines().count(), filtered.out());
    }
}
