package dev.macsec.conformance.suite;

import dev.macsec.conformance.device.SaConfig;
import dev.macsec.conformance.device.SecYConfig;
import dev.macsec.conformance.generator.GeneratedFrame;
import dev.macsec.conformance.generator.TrafficGenerator;
import dev.macsec.conformance.plan.CaseSetup;
import dev.macsec.conformance.plan.Counters802;
import dev.macsec.conformance.plan.PlanCase;
import dev.macsec.conformance.plan.TestPlan;
import dev.macsec.secy.ReceiveProfile;
import dev.macsec.secy.ReceiveSa;
import dev.macsec.secy.ReceiveSecY;
import dev.macsec.secy.RxFrame;
import dev.macsec.secy.ValidateFrames;
import dev.macsec.secy.Verdict;
import dev.macsec.suite.CipherSuite;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * A plan case made concrete for one run: the device's SecY and receive SAs from the plan's setup, the frames from its
 * recipe (and the closing echo), and what our receive emulation makes of them under a {@link ReceiveProfile}. The
 * suite and the plan's own test build a case's frames here, the one place a recipe becomes frames.
 */
public final class PlanEmulation {
    private PlanEmulation() {
    }

    /** What one receiver made of a run: counters by flat key ({@link Counters802}) and the echo numbers answered. */
    public record Outcome(Map<String, Long> counters, TreeSet<Integer> answered) {
    }

    /** The frames of a run: the case's, then the closing echo, last. */
    public record Frames(List<GeneratedFrame> caseFrames, GeneratedFrame closing) {
        public List<GeneratedFrame> all() {
            List<GeneratedFrame> l = new ArrayList<>(caseFrames);
            l.add(closing);
            return l;
        }

        /** The echo numbers of the frames the plan says are answered (positions 1..n), the closing echo's included. */
        public TreeSet<Integer> echoes(List<Integer> positions) {
            TreeSet<Integer> s = new TreeSet<>();
            positions.forEach(p -> s.add(caseFrames.get(p - 1).echoSeq()));
            s.add(closing.echoSeq());
            return s;
        }
    }

    public static SecYConfig secY(PlanCase c, CipherSuite s, ValidateFrames v) {
        CaseSetup.SecY y = c.setup().secy() == null ? new CaseSetup.SecY(null, null, null) : c.setup().secy();
        return SecYConfig.defaults(s).withValidateFrames(v).withReplay(y.replayProtectOrDefault(), y.replayWindowOrDefault())
                .withConfidentialityOffset(y.confidentialityOffsetOrDefault());
    }

    /** The case's receive SAs with the tester's keys, the closing echo's last. */
    public static List<SaConfig> rxSas(TestPlan plan, PlanCase c, CipherSuite s) {
        List<SaConfig> l = new ArrayList<>();
        for (CaseSetup.RxSa sa : c.setup().rxSas()) {
            l.add(new SaConfig(sa.an(), sa.lowestPnValue(), Harness.testerKey(s, sa.an()), sa.inUseOrDefault()));
        }
        CaseSetup.RxSa z = plan.closingEcho().setup();
        l.add(new SaConfig(z.an(), z.lowestPnValue(), Harness.testerKey(s, z.an()), z.inUseOrDefault()));
        return l;
    }

    /** Builds the run's frames with {@code g}, in order (the generator numbers their echoes). */
    public static Frames frames(TestPlan plan, PlanCase c, TrafficGenerator g) {
        List<GeneratedFrame> l = new ArrayList<>();
        for (var f : c.frames()) {
            l.add(f.build(g));
        }
        GeneratedFrame closing = plan.closingFrame(c).build(g);
        return new Frames(l, closing);
    }

    /** The generator seed of a case: its name without the standard, as before the plan existed (same frames). */
    public static String seedName(PlanCase c) {
        return c.shortName();
    }

    /** Feeds {@code frames} to a receive SecY configured as the run's device, under {@code profile}. */
    public static Outcome emulate(TestPlan plan, PlanCase c, CipherSuite s, ValidateFrames v, ReceiveProfile profile,
                                  Frames frames) {
        SecYConfig cfg = secY(c, s, v);
        ReceiveSecY r = new ReceiveSecY(new ReceiveSecY.Config(s, cfg.validateFrames(), cfg.replayProtect(),
                cfg.replayWindow(), cfg.confidentialityOffset()), profile);
        var sc = r.addSc(Harness.TESTER_SCI);
        for (SaConfig sa : rxSas(plan, c, s)) {
            ReceiveSa x = sc.installSa(sa.an(), sa.key(), sa.nextPn());
            x.inUse(sa.active());
        }
        TreeSet<Integer> answered = new TreeSet<>();
        for (GeneratedFrame f : frames.all()) {
            RxFrame rf = RxFrame.of(f.data());
            Verdict verdict = r.receive(rf);
            if (isUntagged(f)) {
                continue;
            }
            if (verdict.delivered() && rf.outLength() > 0
                    && Arrays.equals(rf.out(), rf.outOffset(), rf.outOffset() + rf.outLength(), f.plaintext(), 0,
                    f.plaintext().length)) {
                answered.add(f.echoSeq());
            }
        }
        return new Outcome(Counters802.flatten(r.counters(), Harness.TESTER_SCI), answered);
    }

    /** A frame sent without a SecTAG: what a receiver delivers is the frame itself. */
    static boolean isUntagged(GeneratedFrame f) {
        return f.plaintext().length == f.length() && Arrays.equals(f.data(), f.plaintext());
    }
}
