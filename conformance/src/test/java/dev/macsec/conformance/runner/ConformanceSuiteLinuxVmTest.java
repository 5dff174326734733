package dev.macsec.conformance.runner;

import dev.macsec.secy.Deviation;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The 802.1AE suite, launched through the runner against Linux 6.1 in qemu (one VM for the whole run).
 * Linux is known not to follow 802.1AE everywhere: the suite must find every one of those deviations,
 * label it, and pass everything else; and our LINUX-profile emulation must predict the kernel's counters
 * in every case.
 */
@Tag("vm")
class ConformanceSuiteLinuxVmTest {

    @Test
    void suiteFindsEveryKnownLinuxDeviationAndNothingElse() throws IOException {
        Path dir = Paths.get("target", "conformance-linux-vm");
        RunResult r = ConformanceRunner.run(new ConformanceRunner.Options(null, "802.1ae", List.of(), dir, false, System.out));
        System.out.println(r.summaryLine());
        assertTrue(Files.isRegularFile(dir.resolve("summary.json")));
        assertTrue(Files.list(dir.resolve("junit")).anyMatch(p -> p.toString().endsWith(".xml")), "JUnit XML written");

        List<CaseResult> errors = r.cases().stream().filter(c -> c.status() == CaseResult.Status.ERROR).toList();
        assertEquals(List.of(), errors, "harness errors");
        List<CaseResult> failed = r.cases().stream().filter(c -> c.status() == CaseResult.Status.FAILED).toList();
        assertEquals(List.of(), failed.stream().map(c -> c.caseName() + " [" + c.cipherSuite() + ", " + c.validateFrames()
                + "]: " + c.message()).toList(), "failures no known deviation explains");

        Set<Deviation> found = EnumSet.noneOf(Deviation.class);
        r.cases().stream().filter(c -> c.status() == CaseResult.Status.KNOWN_DEVIATION)
                .forEach(c -> c.deviations().forEach(d -> found.add(Deviation.valueOf(d))));
        assertEquals(EnumSet.allOf(Deviation.class), found, "every known Linux deviation detected");
        // each deviation shows in the very case its documentation (macsec profiles, README) names as proof
        for (Deviation d : Deviation.values()) {
            assertTrue(r.cases().stream().anyMatch(c -> c.status() == CaseResult.Status.KNOWN_DEVIATION
                            && c.caseName().equals(d.conformanceCase()) && c.deviations().contains(d.name())),
                    d + " is documented as shown by case " + d.conformanceCase() + ", which did not show it");
        }

        List<String> disagreements = r.cases().stream()
                .filter(c -> c.linuxProfile() != null && !c.linuxProfile().equals("agrees"))
                .map(c -> c.caseName() + " [" + c.cipherSuite() + ", " + c.validateFrames() + "]: " + c.linuxProfile())
                .collect(Collectors.toList());
        assertEquals(List.of(), disagreements, "LINUX-profile emulation vs the kernel's counters");

        assertTrue(r.count(CaseResult.Status.PASSED) > r.cases().size() / 3, "most cases pass: " + r.summaryLine());
        assertEquals(4, r.cipherSuites().size());
        assertEquals(1, r.exitCode(), "Linux fails 802.1AE (known deviations): exit 1");
    }
}
