package dev.macsec.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.macsec.testing.ProjectFiles;
import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A SAK given without SCI/AN that does not verify is a verification failure, not a missing key: a CI gate must fail
 * on it. macsec-lab-integrity-only.pcap: 7 integrity-only (E=0, C=0) frames of SCs 02000000000a0001 (4) and
 * 02000000000b0001 (3), all verifying under the lab's SAK a1a2...b0 (macsec_lab/keys.json). Under another SAK,
 * 802.1AE-2018 10.6.4: validateFrames Strict drops them as InPktsNotValid; Check counts C=0 frames InPktsInvalid
 * and delivers them.
 */
class WrongSakTest {
    static final String CAPTURE = ProjectFiles.pcap("macsec_lab/macsec-lab-integrity-only.pcap").toString();
    static final String WRONG = "000102030405060708090a0b0c0d0e0f";

    @Test
    void theLabKeyVerifiesEveryFrame() {
        AnalyzeCommandTest.Result r = AnalyzeCommandTest.run("analyze", CAPTURE, "--sak", "a1a2a3a4a5a6a7a8a9aaabacadaeafb0",
                "-T", "summary");
        assertEquals(0, r.exit(), r.out());
        assertTrue(r.out().contains("Verdicts: OK 7"), r.out());
    }

    @Test
    void strictDropsThemAsNotValidAndExitsOne() {
        AnalyzeCommandTest.Result r = AnalyzeCommandTest.run("analyze", CAPTURE, "--sak", WRONG, "-q");
        assertEquals(1, r.exit(), r.out());
        assertEquals(7, r.out().lines().filter(l -> l.endsWith("[ICV FAIL]")).count(), r.out());
        assertFalse(r.out().contains("NO KEY"), r.out());
        assertTrue(r.out().contains("Verdicts: NOT_VALID 7"), r.out());
        assertTrue(r.out().contains("Receive SC 02000000000a0001: InPktsNotValid=4"), r.out());
        assertTrue(r.out().contains("Receive SC 02000000000b0001: InPktsNotValid=3"), r.out());
        assertTrue(r.out().contains("Result: FINDINGS — 7 MACsec frame(s) failed verification"), r.out());
    }

    @Test
    void checkCountsThemInvalidAndStillExitsOne() throws IOException {
        AnalyzeCommandTest.Result r = AnalyzeCommandTest.run("analyze", CAPTURE, "--sak", WRONG, "--validate", "check", "-q");
        assertEquals(1, r.exit(), r.out());
        assertEquals(7, r.out().lines().filter(l -> l.endsWith("[ICV FAIL (delivered: validateFrames Check)]")).count(),
                r.out());
        assertTrue(r.out().contains("Verdicts: INVALID 7"), r.out());
        assertTrue(r.out().contains("SA AN 0: InPktsInvalid=4"), r.out());
        assertFalse(r.out().contains("Result: OK"), r.out());

        AnalyzeCommandTest.Result json = AnalyzeCommandTest.run("analyze", CAPTURE, "--sak", WRONG, "--validate", "check",
                "-T", "json");
        assertEquals(1, json.exit());
        List<String> lines = json.out().lines().toList();
        ObjectMapper mapper = new ObjectMapper();
        for (int i = 0; i < 7; i++) {
            assertEquals("INVALID", mapper.readTree(lines.get(i)).get("verdict").asText(), lines.get(i));
        }
        assertTrue(mapper.readTree(lines.get(7)).get("findings").asBoolean());
    }
}
