package dev.macsec.conformance.suite;

import dev.macsec.suite.CipherSuite;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Which runs the receive suite makes of its plan: all, or the cases a run names ({@code macsec.conformance.cases}). */
class ReceiveSuiteRunsTest {
    private static final List<CipherSuite> ALL = List.of(CipherSuite.values());

    @Test
    void everyRunOfThePlanOrTheNamedCases() {
        assertEquals(194, ReceiveSuite.PlanRuns.runs(ALL, null).size());
        var some = ReceiveSuite.PlanRuns.runs(List.of(CipherSuite.GCM_AES_128),
                List.of("802.1AE-10.6-valid-accepted", "802.1AE-10.6.2-xpn-across-2^32"));
        // three modes of one; the XPN-only case once, to be reported not applicable to GCM-AES-128
        assertEquals(List.of("802.1AE-10.6-valid-accepted GCM-AES-128 strict", "802.1AE-10.6-valid-accepted GCM-AES-128 check",
                "802.1AE-10.6-valid-accepted GCM-AES-128 disabled", "802.1AE-10.6.2-xpn-across-2^32 GCM-AES-128 strict"),
                some.stream().map(a -> a.get()[0] + " " + a.get()[1] + " " + a.get()[2]).toList());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ReceiveSuite.PlanRuns.runs(ALL, List.of("10.6-valid-accepted")));
        assertEquals("no case 10.6-valid-accepted in the plan", e.getMessage());
    }
}
