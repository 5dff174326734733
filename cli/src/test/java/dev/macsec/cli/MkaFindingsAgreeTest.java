package dev.macsec.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.macsec.testing.ProjectFiles;
import java.io.IOException;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.StreamSupport;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * What -V shows wrong in an MKPDU is a finding of the summary too: one source of findings. The MACsec_Lab captures
 * send their parameter sets out of the 802.1X-2020 11.11.3 order; tshark lists mka-co30's frame 1 as Basic,
 * Distributed SAK, Live Peer List, MACsec SAK Use: two sets after the Distributed SAK they should precede.
 */
class MkaFindingsAgreeTest {
    static final String KEYS = ProjectFiles.pcap("macsec_lab/keys-macsec.json").toString();
    static final Pattern EXPERT = Pattern.compile("^    \\[(WARN|ERROR|NOTE)\\] (.*) \\(offset \\d+, \\d+ octets\\) \\{((?:mka|eapol)\\.[a-z_]+)\\}$");
    static final Pattern FINDING = Pattern.compile("^      (WARN|ERROR|NOTE)\\s+frame \\d+\\s+(.*) \\{([a-z_.]+)\\}$");

    static List<String> matches(String out, Pattern p) {
        return out.lines().map(p::matcher).filter(Matcher::matches)
                .map(m -> m.group(1) + " " + m.group(2) + " {" + m.group(3) + "}").toList();
    }

    @ParameterizedTest
    @ValueSource(strings = {"mka-co30.pcap", "mka-handshake.pcap", "mka-rekey.pcap"})
    void everyMkpduAnomalyOfTheDetailViewIsASummaryFinding(String pcap) throws IOException {
        String capture = ProjectFiles.pcap("macsec_lab/" + pcap).toString();
        String tree = AnalyzeCommandTest.run("analyze", capture, "--keys", KEYS, "-V", "-q").out();
        String perFrame = tree.substring(0, tree.indexOf("== Summary"));
        List<String> shown = matches(perFrame, EXPERT);
        assertTrue(shown.stream().anyMatch(s -> s.endsWith("{mka.bad_order}")), perFrame);
        String summary = AnalyzeCommandTest.run("analyze", capture, "--keys", KEYS, "-T", "summary").out();
        List<String> findings = matches(summary, FINDING);
        for (String s : shown) {
            assertTrue(findings.contains(s), s + " missing from the summary:\n" + summary);
        }
        assertEquals(shown.size(), findings.stream().filter(f -> f.endsWith("{mka.bad_order}")).count(), summary);
    }

    @org.junit.jupiter.api.Test
    void mkaCo30HasItsTwoOutOfOrderSetsInEveryView() throws IOException {
        String capture = ProjectFiles.pcap("macsec_lab/mka-co30.pcap").toString();
        List<String> json = AnalyzeCommandTest.run("analyze", capture, "--keys", KEYS, "-T", "json").out().lines().toList();
        JsonNode findings = new ObjectMapper().readTree(json.get(json.size() - 1)).get("mka").get("cas").get(0).get("findings");
        List<String> codes = StreamSupport.stream(findings.spliterator(), false)
                .map(f -> f.get("frame").asInt() + " " + f.get("severity").asText() + " " + f.get("code").asText()).toList();
        assertEquals(List.of("1 WARN mka.bad_order", "1 WARN mka.bad_order"), codes);
    }
}
