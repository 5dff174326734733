package dev.macsec.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.macsec.testing.ProjectFiles;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class AnalyzeCommandTest {
    static final String STATIC_SA = ProjectFiles.pcap("linux-dut/static-sa.pcap").toString();
    static final String KEYS = ProjectFiles.pcap("linux-dut/keys.json").toString();

    record Result(int exit, String out, String err) {
    }

    static Result run(String... args) {
        CommandLine cli = Main.commandLine();
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        int exit = cli.execute(args);
        return new Result(exit, out.toString(), err.toString());
    }

    @Test
    void textViewShowsDecryptedTrafficAndSummary() {
        Result r = run("analyze", STATIC_SA, "--keys", KEYS, "-q");
        assertEquals(0, r.exit(), r.err());
        assertTrue(r.out().contains("AN=0 PN=1 SCI=0200000000010001 → IPv4 ICMP echo request 10.99.0.1 → 10.99.0.2"), r.out());
        assertTrue(r.out().contains("Receive SC 0200000000010001: InPktsOK=3"), r.out());
        assertTrue(r.out().contains("Result: OK"), r.out());
        assertFalse(r.out().contains("ffeeddccbbaa99887766554433221100"), "a key was printed");
    }

    @Test
    void jsonSummaryNamesEachMkaParticipantField() throws IOException {
        Result r = run("analyze", ProjectFiles.pcap("linux-dut/mka.pcap").toString(), "--keys",
                ProjectFiles.pcap("linux-dut/mka-cak.json").toString(), "-T", "json");
        assertEquals(0, r.exit(), r.err());
        List<String> lines = r.out().lines().toList();
        JsonNode ca = new ObjectMapper().readTree(lines.get(lines.size() - 1)).get("mka").get("cas").get(0);
        JsonNode server = ca.get("participants").get(0);
        assertEquals("52540000000a0001", server.get("sci").asText());
        assertEquals("f86af28530c8c924cf95c4d1", server.get("mi").asText());
        assertEquals("52:54:00:00:00:0a", server.get("mac").asText());
        assertEquals(16, server.get("priority").asInt());
        assertTrue(server.get("keyServer").asBoolean());
        assertEquals(18, server.get("mkpdus").asInt());
        assertFalse(ca.get("participants").get(1).get("keyServer").asBoolean());
    }

    @Test
    void jsonIsOneObjectPerFrameThenTheSummary() throws IOException {
        Result r = run("analyze", STATIC_SA, "--keys", KEYS, "-T", "json");
        assertEquals(0, r.exit(), r.err());
        List<String> lines = r.out().lines().toList();
        assertEquals(17, lines.size());
        ObjectMapper mapper = new ObjectMapper();
        JsonNode first = mapper.readTree(lines.get(0));
        assertEquals(1, first.get("frame").asInt());
        assertEquals("MACsec", first.get("protocol").asText());
        assertEquals("OK", first.get("verdict").asText());
        assertEquals(1, first.get("layers").get("macsec").get("macsec.pn").asInt());
        // the captured frame's Ethernet header, then the decrypted frame's: an array in frame order, not a repeated key
        JsonNode eth = first.get("layers").get("eth");
        assertEquals(2, eth.size(), eth.toString());
        assertEquals("0x88e5", eth.get(0).get("eth.type").asText());
        assertEquals("0x86dd", eth.get(1).get("eth.type").asText());
        ObjectMapper strict = new ObjectMapper().enable(com.fasterxml.jackson.core.JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
        for (String line : lines) {
            strict.readTree(line); // throws on a repeated key
        }
        JsonNode summary = mapper.readTree(lines.get(16));
        assertEquals("summary", summary.get("type").asText());
        assertEquals(3, summary.get("counters").get("rxsc").get("0200000000010001").get("InPktsOK").asInt());
        assertEquals(3, summary.get("counters").get("rxsc").get("0200000000010001").get("sa").get("0").get("InPktsOK").asInt());
        assertTrue(summary.get("counters").get("secy").has("InPktsNoSCI"));
    }

    @Test
    void verificationFailuresExitOne() {
        Result r = run("analyze", STATIC_SA, "--sak", "000102030405060708090a0b0c0d0e0f", "-T", "summary");
        assertEquals(1, r.exit(), r.out() + r.err());
        assertTrue(r.out().contains("Result: FINDINGS"), r.out());
    }

    @Test
    void filterSelectsFramesAndDetailTreeShowsEveryLayer() {
        Result r = run("analyze", STATIC_SA, "--keys", KEYS, "-V", "-Y", "macsec.pn == 2 and ip.src == 10.99.0.1");
        assertEquals(0, r.exit(), r.err());
        assertTrue(r.out().startsWith("Frame 12:"), r.out());
        assertFalse(r.out().contains("Frame 11:"), r.out());
        assertTrue(r.out().contains("= SC: True"), r.out());
        assertTrue(r.out().contains("Verdict: OK"), r.out());
        assertTrue(r.out().contains("Internet Protocol Version 4"), r.out());
    }

    @Test
    void userErrorsAreOneLineWithExitTwo() {
        Result missing = run("analyze", "no/such.pcap");
        assertEquals(2, missing.exit());
        assertEquals("macsec: no/such.pcap: no such file", missing.err().strip());
        Result badFilter = run("analyze", STATIC_SA, "-Y", "macsec.pn >");
        assertEquals(2, badFilter.exit());
        assertTrue(badFilter.err().startsWith("macsec: display filter"), badFilter.err());
        assertEquals(1, badFilter.err().strip().lines().count());
        Result badKey = run("analyze", STATIC_SA, "--sak", "0011");
        assertEquals(2, badKey.exit());
        assertFalse(badKey.err().contains("Exception"), badKey.err());
        Result badMode = run("analyze", STATIC_SA, "--validate", "sometimes");
        assertEquals(2, badMode.exit());
        assertTrue(badMode.err().contains("--validate"), badMode.err());
    }

    @Test
    void damagedFileShowsTheGoodFramesThenTheError(@TempDir Path dir) throws IOException {
        Path cut = dir.resolve("cut.pcap");
        Files.write(cut, java.util.Arrays.copyOf(Files.readAllBytes(Path.of(STATIC_SA)), 700));
        Path decrypted = dir.resolve("out.pcap");
        Result r = run("analyze", cut.toString(), "--keys", KEYS, "-w", decrypted.toString());
        assertEquals(2, r.exit());
        assertEquals(4, r.out().lines().filter(l -> l.contains(" MACsec ") && l.contains("AN=0")).count(), r.out());
        assertTrue(r.err().contains("frame 5 at byte offset 580"), r.err());
        assertEquals(4, tshark(decrypted, "frame.number").size(), "the -w file stays valid with the frames before the damage");
        // the summary says the figures stop at the damage instead of "Result: OK"
        assertTrue(r.out().contains("== Summary: 4 frames"), r.out());
        assertTrue(r.out().contains("Result: INCOMPLETE — the run stopped at an error, the figures cover the frames before"
                + " it: " + cut + ": frame 5 at byte offset 580"), r.out());
        assertFalse(r.out().contains("Result: OK"), r.out());

        Result json = run("analyze", cut.toString(), "--keys", KEYS, "-T", "json");
        assertEquals(2, json.exit());
        List<String> lines = json.out().lines().toList();
        JsonNode summary = new ObjectMapper().readTree(lines.get(lines.size() - 1));
        assertTrue(summary.get("inputError").asText().contains("frame 5 at byte offset 580"), summary.toString());
        JsonNode complete = new ObjectMapper().readTree(run("analyze", STATIC_SA, "--keys", KEYS, "-T", "json").out()
                .lines().reduce((a, b) -> b).orElseThrow());
        assertTrue(complete.get("inputError").isNull(), complete.toString());
    }

    @Test
    void decryptedPcapOpensInTshark(@TempDir Path dir) throws IOException {
        Path decrypted = dir.resolve("decrypted.pcap");
        Result r = run("analyze", STATIC_SA, "--keys", KEYS, "-w", decrypted.toString(), "-T", "summary");
        assertEquals(0, r.exit(), r.err());
        List<String> protocols = tshark(decrypted, "_ws.col.Protocol");
        assertEquals(16, protocols.size());
        assertFalse(protocols.contains("MACsec"), protocols.toString());
        assertEquals(8, protocols.stream().filter(p -> p.equals("ICMP")).count(), protocols.toString());
        assertTrue(protocols.contains("ARP"), protocols.toString());
    }

    /** tshark's reading of {@code fields} in every frame of {@code file}, tab-separated, a line per frame. */
    static List<String> tshark(Path file, String... fields) throws IOException {
        List<String> command = new java.util.ArrayList<>(List.of("tshark", "-r", file.toString(), "-T", "fields"));
        for (String field : fields) {
            command.add("-e");
            command.add(field);
        }
        Process p = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        try {
            assertTrue(p.waitFor(60, TimeUnit.SECONDS), "tshark did not finish");
        } catch (InterruptedException e) {
            throw new IOException(e);
        }
        assertEquals(0, p.exitValue(), "tshark failed on " + file);
        return out.lines().toList();
    }
}
