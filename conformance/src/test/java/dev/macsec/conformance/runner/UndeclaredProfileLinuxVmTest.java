package dev.macsec.conformance.runner;

import dev.macsec.suite.CipherSuite;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue #17: a known deviation exists only where the device file declares the profile that explains it. The same
 * Linux 6.1 VM as {@code ConformanceSuiteLinuxVmTest}, through a copy of {@code conformance/devices/linux-vm.yaml}
 * without its {@code profile: linux-6.1}: the cases that are known deviations there (one per documented deviation shown
 * with GCM-AES-128) are plain failures here, and a case Linux passes still passes.
 */
@Tag("vm")
class UndeclaredProfileLinuxVmTest {
    @Test
    void withoutADeclaredProfileEveryDepartureIsAFailure(@TempDir Path dir) throws IOException {
        Path declared = dev.macsec.conformance.suite.ConformanceParameters.defaultDeviceFile();
        String yaml = Files.readString(declared);
        String withoutProfile = yaml.replaceAll("(?m)^profile: linux[-0-9.]*\n", "");
        assertTrue(!withoutProfile.equals(yaml), "the reference device file declares a linux profile");
        Path undeclared = Files.writeString(dir.resolve("linux-vm-no-profile.yaml"), withoutProfile);
        List<String> departing = List.of("802.1AE-10.7.9-octets", "802.1AE-10.6.1-sa-not-in-use",
                "802.1AE-9.12-bad-tag-truncated", "802.1AE-10.6.5-pn-32-bit-wrap");
        List<String> cases = new java.util.ArrayList<>(departing);
        cases.add("802.1AE-10.6-valid-accepted");
        RunResult r = ConformanceRunner.run(new ConformanceRunner.Options(undeclared, "802.1ae",
                List.of(CipherSuite.GCM_AES_128), dir.resolve("r"), false, System.out, cases));
        Map<String, Map<CaseResult.Verdict, Integer>> byCase = new TreeMap<>();
        for (CaseResult c : r.cases()) {
            byCase.computeIfAbsent(c.caseName(), k -> new TreeMap<>()).merge(c.verdict(), 1, Integer::sum);
        }
        assertEquals(0, r.count(CaseResult.Verdict.KNOWN_DEVIATION), "no profile declared, no known deviation: " + byCase);
        assertEquals(0, r.count(CaseResult.Verdict.HARNESS_ERROR), byCase.toString());
        for (String id : departing) {
            assertTrue(byCase.containsKey(id) && byCase.get(id).containsKey(CaseResult.Verdict.FAIL),
                    id + " fails without the profile: " + byCase.get(id));
        }
        assertEquals(Map.of(CaseResult.Verdict.PASS, 3), byCase.get("802.1AE-10.6-valid-accepted"),
                "a case Linux passes (strict, check, disabled)");
        assertEquals(1, r.exitCode());
    }
}
