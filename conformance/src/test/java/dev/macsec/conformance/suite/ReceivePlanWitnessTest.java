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
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The two witnesses check each other: every run of the receive plan (each case under each cipher suite it applies
 * to and each validateFrames mode it names) is built from the plan's recipe and fed to our receive emulation with
 * the IEEE profile, and its counters and deliveries must be exactly what the plan, written by hand from the standard,
 * states. A disagreement names the case, the run and the counter: one of the two is wrong, and the clause decides.
 */
class ReceivePlanWitnessTest {
    private static final byte[] DEVICE_MAC = HexFormat.of().parseHex("525400000002");

    @Test
    void everyRunOfThePlanIsWhatTheEmulationDoes() {
        TestPlan plan = TestPlan.receive();
        List<String> disagreements = new ArrayList<>();
        int runs = 0;
        for (PlanCase c : plan.cases()) {
            for (PlanCase.Run r : c.runs(List.of(CipherSuite.values()))) {
                if (!c.appliesTo(r.suite())) {
                    continue;
                }
                runs++;
                List<String> d = disagreements(plan, c, r.suite(), r.validateFrames(), ReceiveProfile.IEEE);
                d.forEach(x -> disagreements.add(c.id() + " [" + r.suite().standardName() + ", validateFrames "
                        + r.validateFrames().name().toLowerCase() + "]: " + x));
            }
        }
        assertEquals(194, runs, "runs of the receive plan over the four cipher suites");
        assertEquals(List.of(), disagreements, "plan (802.1AE as written) vs the IEEE receive emulation");
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
