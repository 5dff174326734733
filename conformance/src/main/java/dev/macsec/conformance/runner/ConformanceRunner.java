package dev.macsec.conformance.runner;

import dev.macsec.conformance.plan.Clauses;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.macsec.conformance.eap.EapSuite;
import dev.macsec.conformance.interop.InteropSuite;
import dev.macsec.conformance.mka.MkaSuite;
import dev.macsec.conformance.suite.ConformanceParameters;
import dev.macsec.conformance.suite.InconclusiveFailure;
import dev.macsec.conformance.suite.ReceiveSuite;
import dev.macsec.conformance.suite.TransmitSuite;
import dev.macsec.error.InputException;
import dev.macsec.suite.CipherSuite;
import io.qameta.allure.Allure;
import io.qameta.allure.AllureLifecycle;
import io.qameta.allure.FileSystemResultsWriter;
import org.junit.platform.launcher.Launcher;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.platform.reporting.legacy.xml.LegacyXmlReportGeneratingListener;

import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

/**
 * Runs a conformance suite on the JUnit Platform, programmatically: selects the suite's classes, passes the
 * device and cipher suites as configuration parameters, and writes JUnit XML, Allure results, a JSON
 * summary and (when the Allure commandline is available) an Allure HTML report into the report directory.
 */
public final class ConformanceRunner {
    /**
     * @param deviceFile   device file; null for conformance/devices/linux-vm.yaml
     * @param suite        "802.1ae", "802.1x" or "all" (see {@link #suiteClasses})
     * @param cipherSuites the suites to cover (empty: all four)
     * @param reportDir    where reports go (created)
     * @param html         generate the Allure HTML report
     * @param progress     one line per case, or null
     * @param receiveCases the receive plan's cases to run, by id (empty: all)
     */
    public record Options(Path deviceFile, String suite, List<CipherSuite> cipherSuites, Path reportDir, boolean html,
                          PrintStream progress, List<String> receiveCases) {
        public Options(Path deviceFile, String suite, List<CipherSuite> cipherSuites, Path reportDir, boolean html,
                       PrintStream progress) {
            this(deviceFile, suite, cipherSuites, reportDir, html, progress, List.of());
        }
    }

    private ConformanceRunner() {
    }

    /**
     * The test classes of a suite: "802.1ae" (or "ieee802.1ae"), "802.1x" (or "ieee802.1x", "mka": needs the
     * linux-vm device, whose guest runs wpa_supplicant) or "all" (both).
     */
    public static List<Class<?>> suiteClasses(String suite) {
        String s = suite == null ? "802.1ae" : suite.trim().toLowerCase(java.util.Locale.ROOT);
        return switch (s) {
            case "802.1ae", "ieee802.1ae" -> List.of(ReceiveSuite.class, TransmitSuite.class);
            // pre-shared CAK, then EAP-derived CAK (each class boots the device once and shuts it down at its end)
            case "802.1x", "ieee802.1x" -> List.of(MkaSuite.class, EapSuite.class);
            // each half alone: MKA with a pre-shared CAK (device-oriented; what a manual device's operator can
            // configure), the CAK from EAP-TLS (client-oriented)
            case "mka" -> List.of(MkaSuite.class);
            case "eap" -> List.of(EapSuite.class);
            // MKA first: its VM is shut down when its class ends, before the 802.1AE suite boots the device
            case "all" -> List.of(MkaSuite.class, EapSuite.class, ReceiveSuite.class, TransmitSuite.class);
            // not part of "all": interop judges implementations against each other, not the device under test
            case "interop" -> List.of(InteropSuite.class);
            default -> throw new InputException("unknown suite '" + suite
                    + "' (known: 802.1ae, ieee802.1ae, 802.1x, ieee802.1x, mka, eap, all, interop)");
        };
    }

    public static RunResult run(Options o) throws IOException {
        List<Class<?>> classes = suiteClasses(o.suite());
        Path dir = o.reportDir().toAbsolutePath();
        Files.createDirectories(dir);
        // a report directory used before: results of the earlier run would mix with this one's
        for (String generated : List.of("allure-results", "cases", "junit", "html")) {
            deleteTree(dir.resolve(generated));
        }
        Path allureResults = dir.resolve("allure-results");
        Files.createDirectories(allureResults);
        // the listener allure-junit5 registers takes the lifecycle current when the launcher is created
        AllureLifecycle previous = Allure.getLifecycle();
        Allure.setLifecycle(new AllureLifecycle(new FileSystemResultsWriter(allureResults)));
        List<CipherSuite> suites = o.cipherSuites() == null || o.cipherSuites().isEmpty()
                ? List.of(CipherSuite.values()) : o.cipherSuites();
        Map<String, String> params = new LinkedHashMap<>();
        if (o.deviceFile() != null) {
            params.put(ConformanceParameters.DEVICE, o.deviceFile().toAbsolutePath().toString());
        }
        params.put(ConformanceParameters.CIPHER_SUITES, String.join(",", suites.stream().map(CipherSuite::standardName).toList()));
        params.put(ConformanceParameters.OUTPUT_DIR, dir.resolve("cases").toString());
        if (o.receiveCases() != null && !o.receiveCases().isEmpty()) {
            params.put(ConformanceParameters.CASES, String.join(",", o.receiveCases()));
        }
        LauncherDiscoveryRequest request = LauncherDiscoveryRequestBuilder.request()
                .selectors(classes.stream().map(c -> selectClass(c)).toList())
                .configurationParameters(params)
                .build();
        ResultCollector collector = new ResultCollector(o.progress());
        Path junitDir = dir.resolve("junit");
        Files.createDirectories(junitDir);
        long t0 = System.nanoTime();
        List<String> suiteNames = suites.stream().map(CipherSuite::standardName).toList();
        // Ctrl-C: the cases run so far still get their summary and report.md (the VM's own hook stops it)
        Thread onInterrupt = new Thread(() -> {
            RunResult partial = new RunResult(collector.device(), suiteNames, collector.results(),
                    (System.nanoTime() - t0) / 1_000_000, dir);
            try {
                writeSummary(partial, o.suite(), dir.resolve("summary.json"), true);
                ReportIndex.write(partial, o.suite(), dir.resolve("report.md"), true);
            } catch (IOException | RuntimeException ignored) {
                // the JVM is going down: nothing better to do
            }
        }, "macsec-conformance-interrupted");
        Runtime.getRuntime().addShutdownHook(onInterrupt);
        // not closed: closing it would close System.err, and with it whatever the run has to say after the cases
        PrintWriter xmlErr = new PrintWriter(System.err, true);
        try {
            Launcher launcher = LauncherFactory.create();
            launcher.execute(request, collector, new LegacyXmlReportGeneratingListener(junitDir, xmlErr));
        } finally {
            xmlErr.flush();
            Allure.setLifecycle(previous);
            try {
                Runtime.getRuntime().removeShutdownHook(onInterrupt);
            } catch (IllegalStateException ignored) {
                // already shutting down: the hook writes the partial reports
            }
        }
        RunResult result = new RunResult(collector.device(), suiteNames, collector.results(),
                (System.nanoTime() - t0) / 1_000_000, dir);
        writeSummary(result, o.suite(), dir.resolve("summary.json"), false);
        ReportIndex.write(result, o.suite(), dir.resolve("report.md"), false);
        writeEnvironment(result, allureResults);
        writeCategories(allureResults);
        if (o.html()) {
            AllureHtml.generate(allureResults, dir.resolve("html"), o.progress());
        }
        return result;
    }

    private static void deleteTree(Path d) throws IOException {
        if (!Files.isDirectory(d, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        try (Stream<Path> s = Files.walk(d)) {
            for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }

    static void writeSummary(RunResult r, String suite, Path file, boolean interrupted) throws IOException {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("suite", suite == null ? "802.1ae" : suite);
        if (interrupted) {
            m.put("interrupted", true);
        }
        m.put("finished", Instant.now().toString());
        m.put("device", r.device());
        m.put("cipherSuites", r.cipherSuites());
        m.put("durationMillis", r.millis());
        Map<String, Long> counts = new LinkedHashMap<>();
        for (CaseResult.Verdict s : CaseResult.Verdict.values()) {
            counts.put(s.name().toLowerCase(java.util.Locale.ROOT), r.count(s));
        }
        m.put("counts", counts);
        m.put("exitCode", r.exitCode());
        Map<String, List<String>> byDeviation = new TreeMap<>();
        Map<String, Map<String, Long>> byClause = new TreeMap<>(Clauses.ORDER);
        for (CaseResult c : r.cases()) {
            for (String d : c.deviations()) {
                byDeviation.computeIfAbsent(d, k -> new ArrayList<>()).add(c.caseName() + " [" + c.cipherSuite()
                        + ", " + c.validateFrames() + "]");
            }
            byClause.computeIfAbsent(c.clause(), k -> new TreeMap<>())
                    .merge(c.verdict().name().toLowerCase(java.util.Locale.ROOT), 1L, Long::sum);
        }
        m.put("byClause", byClause);
        m.put("knownDeviations", byDeviation);
        m.put("cases", r.cases());
        new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(file.toFile(), m);
    }

    /** Allure categories, one per {@link CaseResult.Verdict} that is not a pass. */
    static void writeCategories(Path allureResults) throws IOException {
        List<Map<String, Object>> l = List.of(
                category("Known deviations", List.of("failed"), "(?s)known deviation:.*",
                        "The device departs from the standard exactly as the receive profile its device file declares predicts"),
                category("Conformance failures", List.of("failed"), "(?s)(?!known deviation:).*",
                        "The device departs from the standard and nothing its device file declares explains it"),
                category("Inconclusive", List.of("broken"), "(?s)" + InconclusiveFailure.PREFIX + ".*",
                        "An expected observable the device does not report: the case could not be judged, not passed"),
                category("Harness errors", List.of("broken"), "(?s)(?!" + InconclusiveFailure.PREFIX + ").*",
                        "The case could not be run: device unreachable, configuration refused, link failure"),
                category("Not applicable", List.of("skipped"), null,
                        "The case needs an optional capability the device file or the device says it lacks"));
        new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(
                allureResults.resolve("categories.json").toFile(), l);
    }

    private static Map<String, Object> category(String name, List<String> statuses, String messageRegex, String description) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", name);
        m.put("description", description);
        m.put("matchedStatuses", statuses);
        if (messageRegex != null) {
            m.put("messageRegex", messageRegex);
        }
        return m;
    }

    private static void writeEnvironment(RunResult r, Path allureResults) throws IOException {
        StringBuilder s = new StringBuilder();
        s.append("Device=").append(r.device() == null ? "unavailable" : r.device().replace('\n', ' ')).append('\n');
        s.append("Cipher.suites=").append(String.join(", ", r.cipherSuites())).append('\n');
        s.append("Summary=").append(r.summaryLine()).append('\n');
        Files.writeString(allureResults.resolve("environment.properties"), s.toString());
    }
}
