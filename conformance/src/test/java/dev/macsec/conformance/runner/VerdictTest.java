package dev.macsec.conformance.runner;

import dev.macsec.conformance.suite.ConformanceFailure;
import dev.macsec.conformance.suite.InconclusiveFailure;
import dev.macsec.conformance.suite.KnownDeviationFailure;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.macsec.secy.Deviation;
import io.qameta.allure.Allure;
import io.qameta.allure.AllureLifecycle;
import io.qameta.allure.FileSystemResultsWriter;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.platform.reporting.legacy.xml.LegacyXmlReportGeneratingListener;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

import javax.xml.parsers.DocumentBuilderFactory;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

/**
 * The six verdicts of issue #17 as a lab reads them: each way a case can end maps to its own verdict, and the exit
 * code is 0 only when every applicable case passed with all its observables seen.
 */
class VerdictTest {
    /** One case per way of ending; run by the launcher below, never on its own. */
    static class Outcomes {
        @Test
        void passes() {
        }

        @Test
        void departs() {
            throw new ConformanceFailure("expected vs seen: InPktsLate expected 1, seen 0");
        }

        @Test
        void departsAsDeclared() {
            throw new KnownDeviationFailure(List.of(Deviation.values()[0]), "expected vs seen: ...");
        }

        @Test
        void lacksCapability() {
            Assumptions.assumeTrue(false, "the device cannot configure a confidentiality offset of 30");
        }

        @Test
        void cannotObserve() {
            throw new InconclusiveFailure(List.of("InPktsLate"), null);
        }

        @Test
        void harnessBroke() throws IOException {
            throw new IOException("device unreachable");
        }
    }

    private static Map<String, CaseResult> run() {
        ResultCollector collector = new ResultCollector(null);
        LauncherFactory.create().execute(LauncherDiscoveryRequestBuilder.request()
                .selectors(selectClass(Outcomes.class)).build(), collector);
        Map<String, CaseResult> byMethod = new java.util.TreeMap<>();
        collector.results().forEach(c -> byMethod.put(c.displayName().replace("()", ""), c));
        return byMethod;
    }

    @Test
    void eachEndingHasItsVerdict() {
        Map<String, CaseResult> r = run();
        assertEquals(CaseResult.Verdict.PASS, r.get("passes").verdict());
        assertEquals(CaseResult.Verdict.FAIL, r.get("departs").verdict());
        assertEquals(CaseResult.Verdict.KNOWN_DEVIATION, r.get("departsAsDeclared").verdict());
        assertEquals(List.of(Deviation.values()[0].name()), r.get("departsAsDeclared").deviations());
        assertEquals(CaseResult.Verdict.NOT_APPLICABLE, r.get("lacksCapability").verdict());
        assertTrue(r.get("lacksCapability").message().contains("confidentiality offset"), "the reason is kept");
        assertEquals(CaseResult.Verdict.INCONCLUSIVE, r.get("cannotObserve").verdict());
        assertTrue(r.get("cannotObserve").message().contains("InPktsLate"), "the unseen observable is named");
        assertEquals(CaseResult.Verdict.HARNESS_ERROR, r.get("harnessBroke").verdict());
    }

    @Test
    void exitCodeIsZeroOnlyWhenEveryApplicableCasePassedWithAllObservablesSeen() {
        Map<String, CaseResult> r = run();
        assertEquals(0, exit(r.get("passes"), r.get("lacksCapability")));
        assertEquals(1, exit(r.get("passes"), r.get("cannotObserve")), "inconclusive is never a pass");
        assertEquals(1, exit(r.get("passes"), r.get("departsAsDeclared")));
        assertEquals(1, exit(r.get("passes"), r.get("departs")));
        assertEquals(2, exit(r.get("passes"), r.get("departs"), r.get("harnessBroke")));
        assertEquals(2, exit(), "no case at all");
    }

    @Test
    void reportsCountEveryVerdict() {
        Map<String, CaseResult> r = run();
        RunResult all = new RunResult("dev", List.of("GCM-AES-128"), List.copyOf(r.values()), 1, Path.of("."));
        String md = ReportIndex.render(all, "802.1ae", false);
        Map<CaseResult.Verdict, Boolean> inHeader = new EnumMap<>(CaseResult.Verdict.class);
        String header = md.lines().filter(l -> l.startsWith("| Clause")).findFirst().orElseThrow();
        for (CaseResult.Verdict v : CaseResult.Verdict.values()) {
            inHeader.put(v, header.contains(" " + v.label() + " "));
            assertEquals(1, all.count(v), v.name());
        }
        assertTrue(inHeader.values().stream().allMatch(b -> b), header);
        assertTrue(all.summaryLine().startsWith("6 cases: 1 pass, 1 FAIL, 1 known deviation, 1 not applicable, "
                + "1 inconclusive, 1 harness error"), all.summaryLine());
    }

    /**
     * summary.json, JUnit XML and Allure each tell the six verdicts apart, as the reports of a real run are written
     * (ConformanceRunner's writers, the same listeners). JUnit XML has four outcomes only: a known deviation is a
     * failure whose message starts "known deviation:", an inconclusive case an error whose message starts
     * "inconclusive: "; Allure's categories (categories.json) put each non-passing verdict in exactly its own one.
     */
    @Test
    void summaryJunitAndAllureTellTheSixApart(@TempDir Path dir) throws Exception {
        Path junit = Files.createDirectories(dir.resolve("junit"));
        Path allure = Files.createDirectories(dir.resolve("allure-results"));
        ResultCollector collector = new ResultCollector(null);
        AllureLifecycle previous = Allure.getLifecycle();
        Allure.setLifecycle(new AllureLifecycle(new FileSystemResultsWriter(allure)));
        try {
            LauncherFactory.create().execute(LauncherDiscoveryRequestBuilder.request()
                    .selectors(selectClass(Outcomes.class)).build(), collector,
                    new LegacyXmlReportGeneratingListener(junit, new PrintWriter(new StringWriter())));
        } finally {
            Allure.setLifecycle(previous);
        }
        RunResult r = new RunResult("dev", List.of("GCM-AES-128"), collector.results(), 1, dir);
        ConformanceRunner.writeSummary(r, "802.1ae", dir.resolve("summary.json"), false);
        ConformanceRunner.writeCategories(allure);
        ObjectMapper json = new ObjectMapper();

        JsonNode summary = json.readTree(dir.resolve("summary.json").toFile());
        Map<String, String> summaryVerdicts = new TreeMap<>();
        summary.get("cases").forEach(c -> summaryVerdicts.put(c.get("displayName").asText().replace("()", ""),
                c.get("verdict").asText()));
        assertEquals(Map.of("passes", "PASS", "departs", "FAIL", "departsAsDeclared", "KNOWN_DEVIATION",
                "lacksCapability", "NOT_APPLICABLE", "cannotObserve", "INCONCLUSIVE", "harnessBroke", "HARNESS_ERROR"),
                summaryVerdicts);
        for (CaseResult.Verdict v : CaseResult.Verdict.values()) {
            assertEquals(1, summary.get("counts").get(v.name().toLowerCase(java.util.Locale.ROOT)).asLong(), v.name());
        }
        assertEquals(2, summary.get("exitCode").asInt(), "a harness error in the run");

        Map<String, String> junitOutcomes = new TreeMap<>();
        try (Stream<Path> files = Files.list(junit)) {
            for (Path f : files.filter(f -> f.toString().endsWith(".xml")).toList()) {
                NodeList cases = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(f.toFile())
                        .getElementsByTagName("testcase");
                for (int i = 0; i < cases.getLength(); i++) {
                    Element c = (Element) cases.item(i);
                    if (!c.getAttribute("classname").endsWith("$Outcomes")) {
                        continue;
                    }
                    String outcome = "pass";
                    for (String kind : List.of("failure", "error", "skipped")) {
                        NodeList n = c.getElementsByTagName(kind);
                        if (n.getLength() > 0) {
                            String message = ((Element) n.item(0)).getAttribute("message");
                            outcome = kind + (message.startsWith("known deviation:") ? " known deviation"
                                    : message.startsWith(InconclusiveFailure.PREFIX) ? " inconclusive" : "");
                        }
                    }
                    junitOutcomes.put(c.getAttribute("name").replace("()", ""), outcome);
                }
            }
        }
        assertEquals(Map.of("passes", "pass", "departs", "failure", "departsAsDeclared", "failure known deviation",
                "lacksCapability", "skipped", "cannotObserve", "error inconclusive", "harnessBroke", "error"),
                junitOutcomes);

        List<JsonNode> categories = new ArrayList<>();
        json.readTree(allure.resolve("categories.json").toFile()).forEach(categories::add);
        Map<String, String> allureCategories = new TreeMap<>();
        try (Stream<Path> files = Files.list(allure)) {
            for (Path f : files.filter(f -> f.toString().endsWith("-result.json")).toList()) {
                JsonNode t = json.readTree(f.toFile());
                String status = t.path("status").asText();
                String message = t.path("statusDetails").path("message").asText("");
                List<String> matched = new ArrayList<>();
                for (JsonNode c : categories) {
                    boolean statusMatches = false;
                    for (JsonNode st : c.get("matchedStatuses")) {
                        statusMatches |= st.asText().equals(status);
                    }
                    if (statusMatches && (!c.has("messageRegex") || message.matches(c.get("messageRegex").asText()))) {
                        matched.add(c.get("name").asText());
                    }
                }
                allureCategories.put(t.path("name").asText().replace("()", ""), status + " " + matched);
            }
        }
        assertNotNull(allureCategories.get("passes"), "Allure results written: " + allureCategories);
        assertEquals(Map.of("passes", "passed []", "departs", "failed [Conformance failures]",
                "departsAsDeclared", "failed [Known deviations]", "lacksCapability", "skipped [Not applicable]",
                "cannotObserve", "broken [Inconclusive]", "harnessBroke", "broken [Harness errors]"), allureCategories);
    }

    private static int exit(CaseResult... cases) {
        return new RunResult("dev", List.of(), List.of(cases), 1, Path.of(".")).exitCode();
    }
}
