package dev.macsec.conformance.runner;

import dev.macsec.conformance.suite.ConformanceFailure;
import dev.macsec.conformance.suite.InconclusiveFailure;
import dev.macsec.conformance.suite.KnownDeviationFailure;
import dev.macsec.secy.Deviation;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;

import java.io.IOException;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
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

    private static int exit(CaseResult... cases) {
        return new RunResult("dev", List.of(), List.of(cases), 1, Path.of(".")).exitCode();
    }
}
