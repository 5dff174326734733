package dev.macsec.conformance.runner;

import dev.macsec.conformance.suite.ConformanceParameters;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The 802.1X (MKA) suite through the runner against MKAdaemon in the linux-vm device
 * ({@code conformance/devices/linux-vm-mkad.yaml}, {@code mka: mkad}): every case passes, the XPN ones included
 * (applicable here: mkad negotiates GCM-AES-XPN-128/256). About 3 minutes.
 */
@Tag("vm")
class MkaSuiteMkadLinuxVmTest {
    private static final Path DIR = Paths.get("target", "conformance-mka-mkad");

    @Test
    void mkaSuiteAgainstMkadRunsTheXpnCases() throws IOException {
        dev.macsec.conformance.mka.MkadSource.assumeObtainable();
        Path deviceFile = ConformanceParameters.defaultDeviceFile().resolveSibling("linux-vm-mkad.yaml");
        RunResult r = ConformanceRunner.run(new ConformanceRunner.Options(deviceFile, "mka", List.of(), DIR, false,
                System.out));
        System.out.println(r.summaryLine() + " in " + r.millis() + " ms");
        r.cases().forEach(c -> System.out.println("MKAD-CASE " + c.verdict() + " " + c.caseName() + " "
                + c.cipherSuite() + (c.message() == null ? "" : ": " + c.message().lines().findFirst().orElse(""))));
        assertTrue(r.device() != null && r.device().contains("MKAdaemon"), r.device());
        assertEquals(List.of(), r.cases().stream().filter(c -> c.verdict() == CaseResult.Verdict.HARNESS_ERROR)
                .map(c -> c.caseName() + ": " + c.message()).toList(), "harness errors");
        List<CaseResult> xpn = r.cases().stream().filter(c -> c.caseName().contains("xpn")).toList();
        assertEquals(List.of("GCM-AES-XPN-128", "GCM-AES-XPN-256"), xpn.stream().map(CaseResult::cipherSuite).toList());
        for (CaseResult c : xpn) {
            assertEquals(CaseResult.Verdict.PASS, c.verdict(), c.toString());
        }
        assertEquals(List.of(), r.cases().stream().filter(c -> c.verdict() != CaseResult.Verdict.PASS)
                .map(c -> c.verdict() + " " + c.caseName() + ": " + c.message()).toList());
        // the 22 cases wpa_supplicant passes, and both XPN cases
        assertEquals(24, r.count(CaseResult.Verdict.PASS), r.summaryLine());
        assertEquals(0, r.exitCode());
    }
}
