package dev.macsec.conformance.suite;

import dev.macsec.conformance.plan.ExpectedResult;
import dev.macsec.conformance.plan.PlanCase;
import dev.macsec.conformance.plan.TestPlan;
import dev.macsec.secy.Deviation;
import dev.macsec.secy.ReceiveProfile;
import dev.macsec.secy.ValidateFrames;
import dev.macsec.suite.CipherSuite;
import org.junit.jupiter.api.Test;

import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The verdict on a device comes from the plan: a known deviation only through the receive profile its device file
 * declares, and a counter it does not report is never a silent pass. The "device" here is a Linux-like one, whose
 * behaviour the LINUX profile's emulation stands in for (its agreement with the kernel is what the VM suite checks).
 */
class ReceiveVerdictTest {
    private static final TestPlan PLAN = TestPlan.receive();
    private static final CipherSuite SUITE = CipherSuite.GCM_AES_128;

    private record Run(PlanEmulation.Outcome want, Function<ReceiveProfile, PlanEmulation.Outcome> emulate) {
    }

    private static Run run(String id) {
        PlanCase c = PLAN.byId(id);
        PlanEmulation.Frames frames = PlanEmulation.frames(PLAN, c, Harness.generator(SUITE, PlanEmulation.seedName(c),
                HexFormat.of().parseHex("525400000002")));
        ExpectedResult e = PLAN.expected(c, SUITE, ValidateFrames.STRICT);
        return new Run(new PlanEmulation.Outcome(e.counters(), frames.echoes(e.delivered())),
                p -> PlanEmulation.emulate(PLAN, c, SUITE, ValidateFrames.STRICT, p, frames));
    }

    @Test
    void aDeviceThatDepartsAsItsDeclaredProfileIsAKnownDeviationNamingIt() {
        Run r = run("802.1AE-10.6.5-pn-32-bit-wrap");
        PlanEmulation.Outcome linuxLike = r.emulate().apply(ReceiveProfile.LINUX);
        ReceiveCase.Judgement j = ReceiveCase.judge(linuxLike, r.want(), ReceiveProfile.LINUX, r.emulate());
        KnownDeviationFailure f = assertThrows(KnownDeviationFailure.class,
                () -> j.verdict("head", ReceiveProfile.LINUX, "report"));
        assertEquals(List.of(Deviation.NEXT_PN_32_BIT_WRAP), f.deviations());
        assertTrue(f.getMessage().contains("rxsc.InPktsLate expected 1, seen 0"), f.getMessage());
    }

    @Test
    void withoutADeclaredProfileTheSameDeviceFails() {
        Run r = run("802.1AE-10.6.5-pn-32-bit-wrap");
        PlanEmulation.Outcome linuxLike = r.emulate().apply(ReceiveProfile.LINUX);
        ReceiveCase.Judgement j = ReceiveCase.judge(linuxLike, r.want(), null, r.emulate());
        ConformanceFailure f = assertThrows(ConformanceFailure.class, () -> j.verdict("head", null, "report"));
        assertTrue(!(f instanceof KnownDeviationFailure), f.toString());
    }

    @Test
    void aDifferenceTheProfileDoesNotReproduceIsAFailureEvenWithAProfile() {
        Run r = run("802.1AE-10.6-valid-accepted");
        Map<String, Long> c = new LinkedHashMap<>(r.want().counters());
        c.put("rxsc.InPktsOK", c.get("rxsc.InPktsOK") - 1);
        c.put("rxsc.InPktsNotValid", 1L);
        ReceiveCase.Judgement j = ReceiveCase.judge(new PlanEmulation.Outcome(c, r.want().answered()), r.want(),
                ReceiveProfile.LINUX, r.emulate());
        ConformanceFailure f = assertThrows(ConformanceFailure.class, () -> j.verdict("head", ReceiveProfile.LINUX, "x"));
        assertTrue(!(f instanceof KnownDeviationFailure), f.getMessage());
    }

    @Test
    void aCounterTheDeviceDoesNotReportIsInconclusiveNeverAPass() {
        Run r = run("802.1AE-10.6-valid-accepted");
        assertDoesNotThrow(() -> ReceiveCase.judge(r.want(), r.want(), null, r.emulate()).verdict("h", null, "r"));
        Map<String, Long> c = new LinkedHashMap<>(r.want().counters());
        c.remove("secy.InPktsOverrun");
        ReceiveCase.Judgement j = ReceiveCase.judge(new PlanEmulation.Outcome(c, r.want().answered()), r.want(),
                ReceiveProfile.LINUX, r.emulate());
        InconclusiveFailure f = assertThrows(InconclusiveFailure.class, () -> j.verdict("h", ReceiveProfile.LINUX, "r"));
        assertEquals(List.of("secy.InPktsOverrun"), f.unseen());
    }
}
