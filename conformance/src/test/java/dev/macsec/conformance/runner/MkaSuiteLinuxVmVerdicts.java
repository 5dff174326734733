package dev.macsec.conformance.runner;

import dev.macsec.conformance.plan.Clauses;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.macsec.conformance.mka.MkaHarness;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What the 802.1X MKA cases with a pre-shared CAK ({@code --suite mka}) must give against wpa_supplicant 2.10 in the
 * linux-vm device: every case passes except the XPN ones, which are not applicable to this device; with every report.
 * {@link ManualOperatorMkaLinuxVmTest}'s reference run is such a run (one run serves both: the suite takes 3.5
 * minutes). The EAP cases of {@code --suite 802.1x} are {@link EapSuiteLinuxVmTest}'s.
 */
final class MkaSuiteLinuxVmVerdicts {
    private MkaSuiteLinuxVmVerdicts() {
    }

    static void assertEveryMkaCasePassesWithItsReports(RunResult r, Path dir) throws IOException {
        System.out.println(r.summaryLine() + " in " + r.millis() + " ms");

        assertEquals(List.of(), r.cases().stream().filter(c -> c.verdict() == CaseResult.Verdict.HARNESS_ERROR)
                .map(c -> c.caseName() + ": " + c.message()).toList(), "harness errors");
        List<CaseResult> xpn = r.cases().stream().filter(c -> c.caseName().contains("xpn")).toList();
        assertEquals(List.of("GCM-AES-XPN-128", "GCM-AES-XPN-256"), xpn.stream().map(CaseResult::cipherSuite).toList());
        for (CaseResult c : xpn) {
            assertEquals(CaseResult.Verdict.NOT_APPLICABLE, c.verdict(), c.toString());
            assertTrue(c.message().contains("not applicable: wpa_supplicant 2.10 cannot negotiate " + c.cipherSuite()),
                    c.message());
        }
        List<String> notPassed = r.cases().stream().filter(c -> !xpn.contains(c) && c.verdict() != CaseResult.Verdict.PASS)
                .map(c -> c.verdict() + " " + c.caseName() + ": " + c.message()).toList();
        assertEquals(List.of(), notPassed);
        // 2 peering, 4 election, rekey, liveness, 5 rejections, robustness, 3 keychain, 2 policies, integrity, 2 replay
        assertEquals(22, r.count(CaseResult.Verdict.PASS), r.summaryLine());
        assertEquals(0, r.exitCode());

        Map<String, Long> byClause = r.cases().stream().collect(Collectors.groupingBy(CaseResult::clause,
                () -> new TreeMap<>(Clauses.ORDER), Collectors.counting()));
        assertEquals(List.of("9.3", "9.4", "9.4.3", "9.5", "9.8", "11.11", "11.11.2", "12"),
                List.copyOf(byClause.keySet()), "clause labels");
        for (CaseResult c : r.cases()) {
            assertTrue(c.caseName().startsWith("802.1X-" + c.clause() + "-"), c.caseName());
            if (c.verdict() == CaseResult.Verdict.PASS) {
                assertTrue(c.pcap() != null && Files.size(Path.of(c.pcap())) > 24, c.caseName() + " pcap " + c.pcap());
            }
        }
        assertTrue(r.cases().stream().filter(c -> c.clause().equals("11.11.2"))
                .allMatch(c -> c.cipherSuite().equals("-")), "no SAK in the rejection cases");
        assertTrue(r.device() != null && r.device().contains("wpa_supplicant"), r.device());

        JsonNode summary = new ObjectMapper().readTree(dir.resolve("summary.json").toFile());
        assertEquals("mka", summary.path("suite").asText());
        assertEquals(22, summary.path("counts").path("pass").asInt());
        assertEquals(0, summary.path("counts").path("harness_error").asInt());
        String md = Files.readString(dir.resolve("report.md"));
        assertTrue(md.startsWith("# Conformance report: mka"), md);
        assertTrue(md.contains("802.1X-9.5-key-server-election-lose-sci-tie-break"), md);
        try (Stream<Path> s = Files.list(dir.resolve("junit"))) {
            Path xml = s.filter(p -> p.toString().endsWith(".xml")).findFirst().orElseThrow();
            String x = Files.readString(xml);
            assertTrue(x.contains("tests=\"24\"") && x.contains("MkaSuite"), "JUnit XML covers the 24 cases");
        }

        List<JsonNode> results = new ArrayList<>();
        try (Stream<Path> files = Files.list(dir.resolve("allure-results"))) {
            for (Path f : files.filter(f -> f.toString().endsWith("-result.json")).toList()) {
                results.add(new ObjectMapper().readTree(f.toFile()));
            }
        }
        assertEquals(24, results.size(), "one Allure result per case");
        for (JsonNode t : results) {
            assertEquals(List.of(MkaHarness.EPIC), labels(t, "epic"), t.path("name").asText());
            String feature = labels(t, "feature").get(0);
            assertTrue(labels(t, "story").get(0).startsWith("802.1X-" + feature.substring("Clause ".length()) + "-"), feature);
        }
    }

    private static List<String> labels(JsonNode result, String name) {
        List<String> l = new ArrayList<>();
        result.path("labels").forEach(x -> {
            if (x.path("name").asText().equals(name)) {
                l.add(x.path("value").asText());
            }
        });
        return l;
    }
}
