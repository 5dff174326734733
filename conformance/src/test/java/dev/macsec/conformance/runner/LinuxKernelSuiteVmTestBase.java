package dev.macsec.conformance.runner;

import dev.macsec.conformance.devicefile.Devices;
import dev.macsec.secy.Deviation;
import dev.macsec.secy.ReceiveProfile;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.macsec.conformance.suite.ConformanceExtension;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The 802.1AE suite, launched through the runner against one Linux kernel in qemu (one VM for the whole run), whose
 * device file declares that kernel's receive profile. Linux is known not to follow 802.1AE everywhere: the suite must
 * find every one of the profile's deviations, label it, and pass everything else; and the profile's emulation must
 * predict the kernel's counters in every case. One subclass per kernel.
 */
@Tag("vm")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class LinuxKernelSuiteVmTestBase {

    private final Path deviceFile;
    private final Path dir;
    private final ReceiveProfile profile;
    private final List<Long> pinned;
    private final String kernelRelease;
    private RunResult r;

    /**
     * @param deviceFile the kernel's device file (null: the default, linux-vm.yaml)
     * @param reportDir  where the run's reports go
     * @param profile    the receive profile that device file declares
     * @param pinned     cases, pass, known deviation, fail, not applicable, inconclusive, harness error, from a full
     *                   run against that kernel in qemu
     * @param kernelRelease how the kernel's release starts (uname -r), so that the run is known to be on that kernel
     */
    LinuxKernelSuiteVmTestBase(Path deviceFile, Path reportDir, ReceiveProfile profile, List<Long> pinned,
                               String kernelRelease) {
        this.kernelRelease = kernelRelease;
        this.deviceFile = deviceFile;
        this.dir = reportDir;
        this.profile = profile;
        this.pinned = pinned;
    }

    /** One run of the whole suite (all four cipher suites, HTML included) for every check below. */
    @BeforeAll
    void runSuite() throws IOException {
        if (deviceFile != null) {
            assertEquals(profile, Devices.receiveProfile(Devices.read(deviceFile)), deviceFile + " declares the profile");
        }
        beforeRun();
        r = ConformanceRunner.run(new ConformanceRunner.Options(deviceFile, "802.1ae", List.of(), dir, true, System.out));
        System.out.println(r.summaryLine());
        assertNotNull(r.device(), () -> "the device never came up: " + r.cases().stream()
                .filter(c -> c.verdict() == CaseResult.Verdict.HARNESS_ERROR).map(CaseResult::message).findFirst()
                .orElse(r.summaryLine()));
        assertTrue(r.device().startsWith("Linux " + kernelRelease), r.device());
    }

    /** Before the suite runs: a subclass whose kernel may be unobtainable here skips, saying why. */
    void beforeRun() throws IOException {
    }

    @Test
    void suiteFindsEveryKnownLinuxDeviationAndNothingElse() throws IOException {
        assertTrue(Files.isRegularFile(dir.resolve("summary.json")));
        assertTrue(Files.list(dir.resolve("junit")).anyMatch(p -> p.toString().endsWith(".xml")), "JUnit XML written");

        List<CaseResult> errors = r.cases().stream().filter(c -> c.verdict() == CaseResult.Verdict.HARNESS_ERROR).toList();
        assertEquals(List.of(), errors, "harness errors");
        List<CaseResult> failed = r.cases().stream().filter(c -> c.verdict() == CaseResult.Verdict.FAIL).toList();
        assertEquals(List.of(), failed.stream().map(c -> c.caseName() + " [" + c.cipherSuite() + ", " + c.validateFrames()
                + "]: " + c.message()).toList(), "failures no known deviation explains");

        Set<Deviation> found = EnumSet.noneOf(Deviation.class);
        r.cases().stream().filter(c -> c.verdict() == CaseResult.Verdict.KNOWN_DEVIATION)
                .forEach(c -> c.deviations().forEach(d -> found.add(Deviation.valueOf(d))));
        Set<Deviation> departures = profile.deviations();
        assertEquals(departures, found, "every deviation of " + profile.name() + " detected, and no other");
        // each deviation shows in the very case its documentation (macsec profiles, README) names as proof
        for (Deviation d : departures) {
            assertTrue(r.cases().stream().anyMatch(c -> c.verdict() == CaseResult.Verdict.KNOWN_DEVIATION
                            && c.caseName().equals(d.conformanceCase()) && c.deviations().contains(d.name())),
                    d + " is documented as shown by case " + d.conformanceCase() + ", which did not show it");
        }

        List<String> disagreements = r.cases().stream()
                .filter(c -> c.linuxProfile() != null && !c.linuxProfile().equals("agrees"))
                .map(c -> c.caseName() + " [" + c.cipherSuite() + ", " + c.validateFrames() + "]: " + c.linuxProfile())
                .collect(Collectors.toList());
        assertEquals(List.of(), disagreements, profile.name() + "-profile emulation vs the kernel's counters");
        assertTrue(r.cases().stream().filter(c -> c.linuxProfile() != null).count() > 100, "the emulation was compared");

        // pinned from a full run against the kernel in qemu: a case that stops passing, a deviation that appears or
        // vanishes, or a case that stops running changes one of these
        assertEquals(pinned, List.of((long) r.cases().size(),
                r.count(CaseResult.Verdict.PASS), r.count(CaseResult.Verdict.KNOWN_DEVIATION),
                r.count(CaseResult.Verdict.FAIL), r.count(CaseResult.Verdict.NOT_APPLICABLE),
                r.count(CaseResult.Verdict.INCONCLUSIVE), r.count(CaseResult.Verdict.HARNESS_ERROR)),
                "cases, pass, known deviation, fail, not applicable, inconclusive, harness error: " + r.summaryLine());
        // the only cases not applicable: Linux has no confidentiality offset, once per cipher suite
        for (CaseResult c : r.cases().stream().filter(c -> c.verdict() == CaseResult.Verdict.NOT_APPLICABLE).toList()) {
            assertEquals("802.1AE-10.5-confidentiality-offset-30", c.caseName(), c.toString());
            assertTrue(c.message().contains("confidentiality offset"), c.message());
        }
        assertEquals(4, r.cipherSuites().size());
        assertEquals(1, r.exitCode(), "Linux fails 802.1AE (known deviations): exit 1");
    }

    /** The reports a person reads: Allure grouped by clause with the outcome kinds told apart, and report.md. */
    @Test
    void reportsAreReadableByClauseWithKnownDeviationsToldApart() throws IOException {
        ObjectMapper json = new ObjectMapper();
        List<JsonNode> results = new ArrayList<>();
        try (Stream<Path> files = Files.list(dir.resolve("allure-results"))) {
            for (Path f : files.filter(f -> f.toString().endsWith("-result.json")).toList()) {
                results.add(json.readTree(f.toFile()));
            }
        }
        assertEquals(r.cases().size(), results.size(), "one Allure result per case");
        Set<String> clauses = r.cases().stream().map(CaseResult::clause).collect(Collectors.toCollection(TreeSet::new));
        assertFalse(clauses.contains("?"), "every case knows its clause: " + clauses);
        Set<String> features = new TreeSet<>();
        int knownTagged = 0;
        for (JsonNode t : results) {
            String name = t.path("name").asText();
            assertEquals(List.of(ConformanceExtension.EPIC), labels(t, "epic"), name);
            assertEquals(1, labels(t, "feature").size(), name);
            features.addAll(labels(t, "feature"));
            String story = labels(t, "story").get(0);
            String clause = labels(t, "feature").get(0).substring("Clause ".length());
            assertTrue(story.startsWith("802.1AE-" + clause + "-") || story.startsWith(clause + "-"), name + ": " + story);
            List<String> params = new ArrayList<>();
            t.path("parameters").forEach(p -> params.add(p.path("name").asText()));
            assertTrue(params.contains("cipher suite"), name + " " + params);
            if (t.path("status").asText().equals("failed")) {
                List<String> attachments = new ArrayList<>();
                t.path("attachments").forEach(a -> attachments.add(a.path("name").asText()));
                assertTrue(attachments.contains("frames.pcap") && attachments.stream().anyMatch(a -> a.startsWith("counters")),
                        name + " " + attachments);
                assertTrue(t.path("statusDetails").path("message").asText().contains("expected vs seen"), name);
                if (labels(t, "tag").contains(ConformanceExtension.TAG_KNOWN_DEVIATION)) {
                    knownTagged++;
                }
            }
        }
        assertEquals(clauses.stream().map(c -> "Clause " + c).collect(Collectors.toCollection(TreeSet::new)), features);
        assertEquals(r.count(CaseResult.Verdict.KNOWN_DEVIATION), knownTagged, "known deviations tagged");

        // the HTML report: generated, with one page of data per case and the categories applied
        Path html = dir.resolve("html");
        assertTrue(Files.isRegularFile(html.resolve("index.html")), "HTML report generated");
        try (Stream<Path> cases = Files.list(html.resolve("data/test-cases"))) {
            assertEquals(r.cases().size(), cases.count());
        }
        Map<String, Integer> categories = new TreeMap<>();
        for (JsonNode c : json.readTree(html.resolve("data/categories.json").toFile()).path("children")) {
            categories.put(c.path("name").asText(), leaves(c));
        }
        assertEquals((int) r.count(CaseResult.Verdict.KNOWN_DEVIATION), categories.get("Known deviations"), categories.toString());
        assertEquals((int) r.count(CaseResult.Verdict.FAIL), categories.getOrDefault("Conformance failures", 0), categories.toString());
        assertEquals((int) r.count(CaseResult.Verdict.HARNESS_ERROR), categories.getOrDefault("Harness errors", 0), categories.toString());
        assertEquals((int) r.count(CaseResult.Verdict.INCONCLUSIVE), categories.getOrDefault("Inconclusive", 0), categories.toString());

        // report.md: a section per clause, and expected vs seen and the pcap under every known deviation
        String md = Files.readString(dir.resolve("report.md"));
        for (String c : clauses) {
            assertTrue(md.contains("\n## Clause " + c + "\n"), c);
        }
        for (CaseResult c : r.cases()) {
            if (c.verdict() == CaseResult.Verdict.KNOWN_DEVIATION) {
                String entry = "**known deviation** `" + c.caseName() + "` [" + c.cipherSuite() + ", validateFrames "
                        + c.validateFrames() + "]: " + String.join(", ", c.deviations()) + "\n    - expected vs seen: ";
                assertTrue(md.contains(entry), entry);
                assertTrue(c.pcap() != null && Files.size(Path.of(c.pcap())) > 24, c.caseName());
                assertTrue(Path.of(c.pcap()).getFileName().toString().startsWith(c.caseName().replaceAll("[^A-Za-z0-9_.-]+", "_")),
                        c.pcap());
            }
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

    private static int leaves(JsonNode n) {
        if (!n.has("children")) {
            return 1;
        }
        int k = 0;
        for (JsonNode c : n.path("children")) {
            k += leaves(c);
        }
        return k;
    }
}
