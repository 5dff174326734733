package dev.macsec.conformance.runner;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.macsec.conformance.mka.MkadSource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The interop matrix ({@code --suite interop}) in one VM: every pair of our participant, wpa_supplicant 2.10 and
 * MKAdaemon in every cipher suite both negotiate, the Key Server on each side, and a group CA of three. The expected
 * verdicts are what the implementations' own sources say they do: wpa_supplicant sends MKA version 1
 * (ieee802_1x_kay_i.h MKA_VERSION_ID) and mkad discards every version but 3 (mka_mkpdu_verify), so that pair never
 * secures; mkad's Key Server rekeys only at PN exhaustion (mka_kay_params.c), so its rekey cannot be exercised.
 * Tagged {@code interop} too: {@code -DexcludedGroups=interop} leaves it out (about 6 minutes here).
 */
@Tag("vm")
@Tag("interop")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class InteropLinuxVmTest {
    private static final Path DIR = Paths.get("target", "conformance-interop");
    private RunResult r;

    @BeforeAll
    void run() throws IOException {
        r = ConformanceRunner.run(new ConformanceRunner.Options(null, "interop", List.of(), DIR, false, System.out));
        System.out.println(r.summaryLine());
        System.out.println(ReportIndex.interopMatrix(r.cases()));
    }

    @Test
    void everyPairIsJudgedAsTheImplementationsSourcesPredict() {
        Map<String, CaseResult.Verdict> seen = new TreeMap<>();
        r.cases().forEach(c -> seen.put(c.caseName() + " " + c.cipherSuite(), c.verdict()));
        Map<String, CaseResult.Verdict> expected = new TreeMap<>();
        String p = "802.1X-9-interop-pair-";
        // without MKAdaemon's source the image has no mkad: its cells are not applicable, saying why
        boolean mkad = MkadSource.obtainable();
        expected.put(p + "ours-wpa_supplicant-ks-ours GCM-AES-128", CaseResult.Verdict.PASS);
        expected.put(p + "ours-wpa_supplicant-ks-wpa_supplicant GCM-AES-128", CaseResult.Verdict.PASS);
        for (String s : List.of("GCM-AES-128", "GCM-AES-256", "GCM-AES-XPN-128", "GCM-AES-XPN-256")) {
            expected.put(p + "ours-mkad-ks-ours " + s, mkad ? CaseResult.Verdict.PASS : CaseResult.Verdict.NOT_APPLICABLE);
            expected.put(p + "ours-mkad-ks-mkad " + s,
                    mkad ? CaseResult.Verdict.INCONCLUSIVE : CaseResult.Verdict.NOT_APPLICABLE);
        }
        CaseResult.Verdict wpaMkad = mkad ? CaseResult.Verdict.FAIL : CaseResult.Verdict.NOT_APPLICABLE;
        expected.put(p + "wpa_supplicant-mkad-ks-wpa_supplicant GCM-AES-128", wpaMkad);
        expected.put(p + "wpa_supplicant-mkad-ks-mkad GCM-AES-128", wpaMkad);
        expected.put("802.1X-9-interop-group-ca GCM-AES-128", CaseResult.Verdict.PASS);
        assertEquals(expected, seen, r.cases().stream().filter(c -> c.message() != null)
                .map(c -> c.caseName() + " " + c.cipherSuite() + ": " + c.message()).toList().toString());
    }

    @Test
    void everySecuredCellCarriedDataThatVerifiesFromTheCakAlone() {
        for (CaseResult c : r.cases()) {
            Map<String, String> o = c.observations();
            String what = c.caseName() + " " + c.cipherSuite() + " " + o;
            if (c.verdict() == CaseResult.Verdict.NOT_APPLICABLE) {
                assertTrue(c.message().contains("has no mkad"), what);
                continue;
            }
            if (c.verdict() == CaseResult.Verdict.FAIL) {
                assertEquals("no", o.get("secured"), what);
                assertTrue(c.message().contains("it accepts version 3 only"), what);
                continue;
            }
            assertEquals("yes", o.get("secured"), what);
            String[] frames = o.get("framesVerified").split("/");
            assertEquals(frames[0], frames[1], what);
            assertTrue(Integer.parseInt(frames[1]) >= 12, what);
            String[] pings = o.get("pings").split("/");
            assertEquals(pings[0], pings[1], what);
            if (c.verdict() == CaseResult.Verdict.PASS && c.caseName().contains("-pair-")) {
                assertTrue(o.get("rekey").startsWith("yes"), what);
            }
        }
    }

    @Test
    void theMatrixIsInReportMdAndSummaryJson() throws IOException {
        String md = Files.readString(DIR.resolve("report.md"));
        assertTrue(md.contains("## Interop matrix\n"), md);
        assertTrue(r.device() != null && r.device().startsWith("Linux ") && r.device().endsWith("interop segment"),
                "the report names the guest: " + r.device());
        assertEquals(r.cases().stream().filter(c -> !c.observations().isEmpty()).count(),
                md.lines().filter(l -> l.startsWith("| 802.1X-9-interop-")).count());
        JsonNode summary = new ObjectMapper().readTree(DIR.resolve("summary.json").toFile());
        assertEquals("interop", summary.path("suite").asText());
        for (JsonNode c : summary.path("cases")) {
            if (!c.path("verdict").asText().equals("NOT_APPLICABLE")) {
                assertFalse(c.path("observations").path("secured").asText().isEmpty(), c.toString());
            }
        }
    }
}
