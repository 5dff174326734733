package dev.macsec.conformance.runner;

import dev.macsec.conformance.suite.ConformanceExtension;
import dev.macsec.conformance.suite.ConformanceFailure;
import dev.macsec.conformance.suite.InconclusiveFailure;
import dev.macsec.conformance.suite.KnownDeviationFailure;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.reporting.ReportEntry;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Turns JUnit events of the suite into {@link CaseResult}s, and prints one line per case. */
final class ResultCollector implements TestExecutionListener {
    private final Map<String, Map<String, String>> entries = new ConcurrentHashMap<>();
    private final Map<String, Long> starts = new ConcurrentHashMap<>();
    private final List<CaseResult> results = Collections.synchronizedList(new ArrayList<>());
    private final java.io.PrintStream progress;
    private volatile String device;

    ResultCollector(java.io.PrintStream progress) {
        this.progress = progress;
    }

    List<CaseResult> results() {
        return List.copyOf(results);
    }

    String device() {
        return device;
    }

    @Override
    public void executionStarted(TestIdentifier id) {
        starts.put(id.getUniqueId(), System.nanoTime());
    }

    @Override
    public void reportingEntryPublished(TestIdentifier id, ReportEntry entry) {
        entries.computeIfAbsent(id.getUniqueId(), k -> new ConcurrentHashMap<>()).putAll(entry.getKeyValuePairs());
        String d = entry.getKeyValuePairs().get("macsec.device");
        if (d != null) {
            device = d;
        }
    }

    @Override
    public void executionSkipped(TestIdentifier id, String reason) {
        if (id.isTest()) {
            add(id, CaseResult.Verdict.NOT_APPLICABLE, List.of(), reason);
        }
    }

    @Override
    public void executionFinished(TestIdentifier id, TestExecutionResult r) {
        if (!id.isTest() && r.getStatus() == TestExecutionResult.Status.SUCCESSFUL) {
            return;
        }
        Throwable t = r.getThrowable().orElse(null);
        if (t instanceof org.junit.jupiter.api.extension.ParameterResolutionException && t.getCause() != null) {
            // the harness could not be opened: its reason, not JUnit's wrapping of it
            t = t.getCause();
        }
        CaseResult.Verdict s;
        List<String> devs = List.of();
        if (r.getStatus() == TestExecutionResult.Status.SUCCESSFUL) {
            s = CaseResult.Verdict.PASS;
        } else if (r.getStatus() == TestExecutionResult.Status.ABORTED) {
            s = CaseResult.Verdict.NOT_APPLICABLE;
        } else if (t instanceof InconclusiveFailure) {
            s = CaseResult.Verdict.INCONCLUSIVE;
        } else if (t instanceof KnownDeviationFailure k) {
            s = CaseResult.Verdict.KNOWN_DEVIATION;
            devs = k.deviations().stream().map(Enum::name).toList();
        } else if (t instanceof ConformanceFailure) {
            s = CaseResult.Verdict.FAIL;
        } else {
            // a harness problem (device unreachable, refused configuration, link) or a broken test:
            // never a verdict on the device
            s = CaseResult.Verdict.HARNESS_ERROR;
        }
        add(id, s, devs, t == null ? null : t.getClass().getSimpleName() + ": " + t.getMessage());
    }

    private static Map<String, String> observations(Map<String, String> entries) {
        Map<String, String> o = new java.util.TreeMap<>();
        entries.forEach((k, v) -> {
            if (k.startsWith(CaseResult.OBSERVATION)) {
                o.put(k.substring(CaseResult.OBSERVATION.length()), v);
            }
        });
        return o;
    }

    private void add(TestIdentifier id, CaseResult.Verdict s, List<String> devs, String message) {
        Map<String, String> e = entries.getOrDefault(id.getUniqueId(), Map.of());
        Long t0 = starts.get(id.getUniqueId());
        long ms = t0 == null ? 0 : (System.nanoTime() - t0) / 1_000_000;
        String clause = e.getOrDefault("macsec.clause", "?");
        String name = e.getOrDefault("macsec.case", id.getLegacyReportingName());
        CaseResult c = new CaseResult(clause, name, id.getDisplayName(), e.getOrDefault("macsec.cipherSuite", "?"),
                e.getOrDefault("macsec.validateFrames", "-"), s, devs, e.get("macsec.linuxProfile"), message, ms,
                e.get(ConformanceExtension.ENTRY_PCAP), observations(e));
        results.add(c);
        if (progress != null) {
            progress.printf("%-16s %-40s %-16s %-9s %s%n", s.label(), name, c.cipherSuite(), c.validateFrames(),
                    devs.isEmpty() ? "" : String.join(",", devs));
        }
    }
}
