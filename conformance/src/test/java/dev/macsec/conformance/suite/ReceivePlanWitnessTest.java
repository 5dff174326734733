package dev.macsec.conformance.suite;

import dev.macsec.conformance.plan.ExpectedResult;
import dev.macsec.conformance.plan.PlanCase;
import dev.macsec.conformance.plan.TestPlan;
import dev.macsec.secy.ReceiveProfile;
import dev.macsec.secy.ValidateFrames;
import dev.macsec.suite.CipherSuite;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The two witnesses check each other: every run of the receive plan (each case under each cipher suite it applies
 * to and each validateFrames mode it names) is built from the plan's recipe and fed to our receive emulation with
 * the IEEE profile, and its counters and deliveries must be exactly what the plan, written by hand from the standard,
 * states. A disagreement names the case, the run and the counter: one of the two is wrong, and the clause decides.
 */
class ReceivePlanWitnessTest {
    private static final byte[] DEVICE_MAC = HexFormat.of().parseHex("525400000002");

    /**
     * Runs where the plan states the standard and the emulation is known to depart from it, each with the clause and
     * why: they must still disagree (when the emulation is fixed, the entry goes).
     */
    static final Map<String, String> EMULATION_DEPARTS = Map.of(
            "802.1AE-9.9-implicit-sci",
            "9.9: with SC=0 and ES=0 the SCI is the single peer's (ES=1 is what says the source MAC names it); the "
                    + "IEEE profile forms it from the source MAC and counts frame 3 InPktsNoSCI");

    @Test
    void everyRunOfThePlanIsWhatTheEmulationDoes() {
        TestPlan plan = TestPlan.receive();
        List<String> disagreements = new ArrayList<>();
        Map<String, Integer> departing = new LinkedHashMap<>();
        int runs = 0;
        for (PlanCase c : plan.cases()) {
            for (PlanCase.Run r : c.runs(List.of(CipherSuite.values()))) {
                if (!c.appliesTo(r.suite())) {
                    continue;
                }
                runs++;
                List<String> d = disagreements(plan, c, r.suite(), r.validateFrames(), ReceiveProfile.IEEE);
                if (EMULATION_DEPARTS.containsKey(c.id())) {
                    departing.merge(c.id(), d.isEmpty() ? 0 : 1, Integer::sum);
                    continue;
                }
                d.forEach(x -> disagreements.add(c.id() + " [" + r.suite().standardName() + ", validateFrames "
                        + r.validateFrames().name().toLowerCase() + "]: " + x));
            }
        }
        assertEquals(194, runs, "runs of the receive plan over the four cipher suites");
        assertEquals(List.of(), disagreements, "plan (802.1AE as written) vs the IEEE receive emulation");
        for (String id : EMULATION_DEPARTS.keySet()) {
            assertTrue(departing.getOrDefault(id, 0) > 0, id + " no longer departs from the plan: remove it from "
                    + "EMULATION_DEPARTS (" + EMULATION_DEPARTS.get(id) + ")");
        }
    }

    /** What tells the plan and an emulation apart on one run, by counter (flat key) and echoes answered. */
    static List<String> disagreements(TestPlan plan, PlanCase c, CipherSuite s, ValidateFrames v, ReceiveProfile profile) {
        PlanEmulation.Frames frames = PlanEmulation.frames(plan, c,
                Harness.generator(s, PlanEmulation.seedName(c), DEVICE_MAC));
        ExpectedResult expected = plan.expected(c, s, v);
        PlanEmulation.Outcome want = new PlanEmulation.Outcome(expected.counters(), frames.echoes(expected.delivered()));
        PlanEmulation.Outcome got = PlanEmulation.emulate(plan, c, s, v, profile, frames);
        return ReceiveCase.differences(got, want, null);
    }
}
