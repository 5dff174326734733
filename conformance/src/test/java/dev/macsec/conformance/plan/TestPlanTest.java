package dev.macsec.conformance.plan;

import dev.macsec.secy.Deviation;
import dev.macsec.suite.CipherSuite;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TestPlanTest {
    /**
     * The runs of each case over the four cipher suites, as the suite ran them before the plan existed (one Java method
     * per case): the plan changes how cases are stated, not which run against a device.
     */
    @Test
    void runsAsBeforeThePlan() {
        Map<String, Integer> runs = new LinkedHashMap<>();
        for (PlanCase c : TestPlan.receive().cases()) {
            runs.put(c.shortName(), c.runs(List.of(CipherSuite.values())).size());
        }
        Map<String, Integer> before = new LinkedHashMap<>();
        for (String s : List.of("10.6-valid-accepted", "10.6.4-bad-icv", "10.6.4-corrupted-secure-data",
                "10.6-integrity-only", "10.7.9-octets", "10.6.1-an-no-sa", "10.6.1-sa-not-in-use", "10.6.1-unknown-sci",
                "10.6-untagged")) {
            before.put(s, 12);
        }
        for (String s : List.of("10.6.2-replay-window-0", "10.6.2-replay-window-N", "10.6.2-replay-off-delayed",
                "10.6.2-replay-off-window-2", "10.6.1-an-switch", "9.12-bad-tag-unknown-sci", "9.9-implicit-sci",
                "10.6-e1-c0", "10.5-confidentiality-offset-30", "10.6.4-disabled-next-pn", "9.12-bad-tag-version",
                "9.12-bad-tag-es-with-sc", "9.12-bad-tag-scb-with-sc", "9.12-bad-tag-sl-reserved",
                "9.12-bad-tag-sl-mismatch", "9.12-bad-tag-short-without-sl", "9.12-bad-tag-sl-48-or-more",
                "9.12-bad-tag-too-short-for-icv", "9.12-bad-tag-truncated")) {
            before.put(s, 4);
        }
        for (String s : List.of("10.6.2-replay-off-window-2^32-1", "10.6.2-xpn-across-2^32",
                "10.6.2-xpn-recovery-below-2^32", "10.6.5-pn-32-bit-wrap", "9.12-bad-tag-pn-zero")) {
            before.put(s, 2);
        }
        assertEquals(new java.util.TreeMap<>(before), new java.util.TreeMap<>(runs));
        assertEquals(194, runs.values().stream().mapToInt(Integer::intValue).sum());
    }

    /** Each known way Linux departs from 802.1AE names the plan case that shows it. */
    @Test
    void everyDeviationNamesAPlanCase() {
        for (Deviation d : Deviation.values()) {
            TestPlan.receive().byId(d.conformanceCase());
        }
    }

    @Test
    void aMistakeInThePlanFailsOnLoadingNamingTheCase() throws IOException {
        String plan;
        try (InputStream in = TestPlan.class.getResourceAsStream(TestPlan.RECEIVE)) {
            plan = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        String badCounter = plan.replaceFirst("rxSc: \\{InPktsOK: 3}", "rxSc: {InPktsOk: 3}");
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> TestPlan.read(
                new ByteArrayInputStream(badCounter.getBytes(StandardCharsets.UTF_8)), "p.yaml"));
        assertTrue(e.getMessage().startsWith("p.yaml: case 802.1AE-10.6-valid-accepted: rxSc has no 802.1AE counter "
                + "InPktsOk"), e.getMessage());
        String twoVariants = plan.replaceFirst("      - when: \\{validateFrames: \\[check]}\n",
                "      - when: {validateFrames: [strict, check]}\n");
        e = assertThrows(IllegalStateException.class, () -> TestPlan.read(
                new ByteArrayInputStream(twoVariants.getBytes(StandardCharsets.UTF_8)), "p.yaml"));
        assertTrue(e.getMessage().contains("802.1AE-10.6.4-bad-icv: 2 expectations apply to GCM-AES-128, strict"),
                e.getMessage());
    }
}
