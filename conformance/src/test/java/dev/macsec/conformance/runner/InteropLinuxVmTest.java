package dev.macsec.conformance.runner;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.io.IOException;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The interop matrix ({@code --suite interop}) in one VM: every pair of our participant, wpa_supplicant and mkad,
 * and the group CA. Tagged {@code interop} too, so that {@code -DexcludedGroups=interop} leaves it out.
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
    void matrix() {
        assertEquals(13, r.cases().size(), r.summaryLine());
    }
}
