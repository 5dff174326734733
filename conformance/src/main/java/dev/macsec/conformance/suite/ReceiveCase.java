package dev.macsec.conformance.suite;

import dev.macsec.conformance.device.SaConfig;
import dev.macsec.conformance.device.SecYConfig;
import dev.macsec.conformance.generator.GeneratedFrame;
import dev.macsec.conformance.generator.Packets;
import dev.macsec.conformance.link.Frame;
import dev.macsec.conformance.plan.Counters802;
import dev.macsec.conformance.plan.ExpectedResult;
import dev.macsec.conformance.plan.PlanCase;
import dev.macsec.conformance.plan.PlanText;
import dev.macsec.conformance.plan.TestPlan;
import dev.macsec.counter.SecYCounters;
import dev.macsec.secy.Deviation;
import dev.macsec.secy.ReceiveProfile;
import dev.macsec.secy.ReceiveSecY;
import dev.macsec.secy.RxFrame;
import dev.macsec.secy.ValidateFrames;
import dev.macsec.secy.Verdict;
import dev.macsec.suite.CipherSuite;
import org.junit.jupiter.api.Assumptions;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;

/**
 * One run of a receive plan case against the device: its setup and frames from the {@link TestPlan}, then the verdict
 * against the plan's expected results (written from the standard, not computed):
 * <ul>
 * <li>every examined observable as the plan says: pass;</li>
 * <li>the same, but some counter the device does not report: {@link InconclusiveFailure} naming it;</li>
 * <li>a difference, and the device file declares a receive profile whose emulation ({@link ReceiveSecY} under that
 * {@link ReceiveProfile}) reproduces what the device did: {@link KnownDeviationFailure} naming the
 * {@link Deviation}s;</li>
 * <li>otherwise: {@link ConformanceFailure}. A device file without a profile never gets a known deviation.</li>
 * </ul>
 * Whether the declared profile's emulation matched the device on every observable is published as report entry
 * {@code macsec.linuxProfile}. Each run ends with the plan's closing echo, whose answer proves the device has handled
 * every frame before it (its expected counters are part of the plan's).
 */
public final class ReceiveCase {
    private final Harness h;
    private final TestPlan plan;
    private final PlanCase c;
    private final CipherSuite suite;
    private final ValidateFrames vf;

    private ReceiveCase(Harness h, TestPlan plan, PlanCase c, CipherSuite suite, ValidateFrames vf) {
        this.h = h;
        this.plan = plan;
        this.c = c;
        this.suite = suite;
        this.vf = vf;
    }

    /** Runs case {@code c} of {@code plan} under one cipher suite and validateFrames mode. */
    public static void run(Harness h, TestPlan plan, PlanCase c, CipherSuite suite, ValidateFrames vf) {
        new ReceiveCase(h, plan, c, suite, vf).run();
    }

    private void run() {
        h.labelPlanCase(c.clause(), c.id(), suite, vf, PlanText.caseMarkdown(plan, c));
        Assumptions.assumeTrue(c.appliesTo(suite), c.suiteRestriction());
        SecYConfig cfg = PlanEmulation.secY(c, suite, vf);
        PlanEmulation.Frames frames = PlanEmulation.frames(plan, c, h.generator(suite, PlanEmulation.seedName(c)));
        SaConfig tx = SaConfig.of(0, 1, Harness.deviceKey(suite));
        h.setUp(h.setup(cfg, tx, PlanEmulation.rxSas(plan, c, suite)), c.optional() ? c.capability() : null);

        GeneratedFrame closing = frames.closing();
        ReceiveSecY replies = new ReceiveSecY(new ReceiveSecY.Config(suite, ValidateFrames.STRICT, false, 0, 0),
                ReceiveProfile.IEEE);
        replies.addSc(h.deviceSci(cfg.port())).installSa(0, Harness.deviceKey(suite), 1);
        TreeSet<Integer> seen = new TreeSet<>();
        List<Frame> got = h.exchange(frames.caseFrames(), closing, data -> {
            int s = replySeq(replies, data);
            if (s >= 0) {
                seen.add(s);
            }
            return s == closing.echoSeq();
        });
        SecYCounters counters = h.counters();
        // an untagged frame reaches the Uncontrolled Port whatever the SecY does, and a host may answer it from
        // there: 802.1AE says nothing about that, so its echo is not judged
        for (GeneratedFrame f : frames.caseFrames()) {
            if (PlanEmulation.isUntagged(f)) {
                seen.remove(f.echoSeq());
            }
        }
        ExpectedResult expected = plan.expected(c, suite, vf);
        PlanEmulation.Outcome want = new PlanEmulation.Outcome(expected.counters(), frames.echoes(expected.delivered()));
        PlanEmulation.Outcome device = new PlanEmulation.Outcome(Counters802.flatten(counters, Harness.TESTER_SCI), seen);

        ReceiveProfile profile = h.session().receiveProfile();
        Judgement j = judge(device, want, profile, p -> PlanEmulation.emulate(plan, c, suite, vf, p, frames));
        if (j.profileDifferences() != null) {
            h.publish("macsec.linuxProfile", j.profileDifferences().isEmpty() ? "agrees"
                    : "differs: " + String.join("; ", j.profileDifferences()));
        }
        String report = table(device, want, j.modelled(), profile) + "\n" + framesText(frames.all(), got);
        h.attach(report, framesText(frames.all(), got));
        if (!j.deviations().isEmpty() || j.explained()) {
            h.publish("macsec.deviations", KnownDeviationFailure.names(j.deviations()));
        }
        j.verdict(c.id() + " [" + suite.standardName() + ", validateFrames " + SecYConfig.name(vf)
                + "]: the device departs from the plan (IEEE 802.1AE-2018 " + c.clause() + ")", profile, report);
    }

    /**
     * What a run showed against the plan.
     *
     * @param differences        observables the device reported otherwise than the plan states
     * @param unseen             observables the plan states that the device did not report
     * @param modelled           the declared profile's emulation of the run (null: no profile declared)
     * @param profileDifferences where the device departs from that emulation (null: no profile declared)
     * @param deviations         the profile's deviations that explain the differences, when it explains them all
     */
    record Judgement(List<String> differences, List<String> unseen, PlanEmulation.Outcome modelled,
                     List<String> profileDifferences, List<Deviation> deviations) {
        /** The device departs from the plan exactly as its declared profile does. */
        boolean explained() {
            return !differences.isEmpty() && profileDifferences != null && profileDifferences.isEmpty();
        }

        /** Returns on a pass; else throws the failure the run is. */
        void verdict(String head, ReceiveProfile profile, String report) {
            if (differences.isEmpty() && unseen.isEmpty()) {
                return;
            }
            String text = head + "\n  expected vs seen: "
                    + (differences.isEmpty() ? "(no difference)" : String.join("; ", differences)) + "\n";
            if (differences.isEmpty()) {
                throw new InconclusiveFailure(unseen, text + report);
            }
            if (explained()) {
                throw new KnownDeviationFailure(deviations, text + "  explained by the receive profile '" + profile.name()
                        + "' the device file declares\n" + report);
            }
            throw new ConformanceFailure(text + report);
        }
    }

    /**
     * Judges a run: {@code device} against the plan's {@code want}; where they differ, and the device file declared
     * {@code profile}, whether that profile's emulation ({@code emulate}) does what the device did on every
     * observable the plan states, and which of its deviations explain it.
     */
    static Judgement judge(PlanEmulation.Outcome device, PlanEmulation.Outcome want, ReceiveProfile profile,
                           java.util.function.Function<ReceiveProfile, PlanEmulation.Outcome> emulate) {
        List<String> unseen = new ArrayList<>();
        List<String> diff = differences(device, want, unseen);
        if (profile == null) {
            return new Judgement(diff, unseen, null, null, List.of());
        }
        PlanEmulation.Outcome modelled = emulate.apply(profile);
        List<String> profileDiff = differences(device, restrict(modelled, want), new ArrayList<>());
        List<Deviation> why = !diff.isEmpty() && profileDiff.isEmpty() ? attribute(profile, want, emulate) : List.of();
        return new Judgement(diff, unseen, modelled, profileDiff, why);
    }

    /**
     * The deviations of {@code profile} that, alone, change what the standard's emulation makes of the run; else those
     * the profile cannot do without. Names why the device departs; the verdict itself never comes from an emulation.
     */
    private static List<Deviation> attribute(ReceiveProfile profile, PlanEmulation.Outcome want,
                                             java.util.function.Function<ReceiveProfile, PlanEmulation.Outcome> emulate) {
        PlanEmulation.Outcome ieee = restrict(emulate.apply(ReceiveProfile.IEEE), want);
        List<Deviation> alone = new ArrayList<>();
        for (Deviation d : profile.deviations()) {
            if (!differences(restrict(emulate.apply(ReceiveProfile.IEEE.with(d, true)), want), ieee, null).isEmpty()) {
                alone.add(d);
            }
        }
        if (!alone.isEmpty()) {
            return alone;
        }
        PlanEmulation.Outcome all = restrict(emulate.apply(profile), want);
        List<Deviation> needed = new ArrayList<>();
        for (Deviation d : profile.deviations()) {
            if (!differences(restrict(emulate.apply(profile.with(d, false)), want), all, null).isEmpty()) {
                needed.add(d);
            }
        }
        return needed;
    }

    /** {@code o} on the observables the plan examines only. */
    private static PlanEmulation.Outcome restrict(PlanEmulation.Outcome o, PlanEmulation.Outcome want) {
        Map<String, Long> m = new LinkedHashMap<>();
        want.counters().keySet().forEach(k -> m.put(k, o.counters().getOrDefault(k, 0L)));
        return new PlanEmulation.Outcome(m, o.answered());
    }

    private int replySeq(ReceiveSecY replies, byte[] data) {
        RxFrame rf = RxFrame.of(data);
        Verdict v = replies.receive(rf);
        if (!v.delivered() || rf.outLength() <= 0) {
            return -1;
        }
        return Packets.echoReplySeq(rf.out(), rf.outOffset(), rf.outLength());
    }

    /**
     * Differences of {@code seen} from {@code expected} on every counter {@code expected} states, and the echoes
     * answered; a counter {@code seen} lacks goes to {@code unseen} (null: it counts as 0).
     */
    static List<String> differences(PlanEmulation.Outcome seen, PlanEmulation.Outcome expected, List<String> unseen) {
        List<String> d = new ArrayList<>();
        for (var e : expected.counters().entrySet()) {
            Long got = seen.counters().get(e.getKey());
            if (got == null) {
                if (unseen != null) {
                    unseen.add(e.getKey());
                    continue;
                }
                got = 0L;
            }
            if (!Objects.equals(got, e.getValue())) {
                d.add(e.getKey() + " expected " + e.getValue() + ", seen " + got);
            }
        }
        if (!seen.answered().equals(expected.answered())) {
            d.add("echoes answered: expected " + expected.answered() + ", seen " + seen.answered());
        }
        return d;
    }

    private static String table(PlanEmulation.Outcome device, PlanEmulation.Outcome plan, PlanEmulation.Outcome profile,
                                ReceiveProfile p) {
        String pn = p == null ? "" : (p.name() + "-prof");
        StringBuilder s = new StringBuilder(String.format("  %-28s %10s %10s %10s%n", "counter", "plan", "device", pn));
        for (var e : plan.counters().entrySet()) {
            Long seen = device.counters().get(e.getKey());
            Long modelled = profile == null ? null : profile.counters().get(e.getKey());
            if (e.getValue() == 0 && (seen != null && seen == 0) && (modelled == null || modelled == 0)) {
                continue;
            }
            String mark = seen == null ? "  <-- not reported" : !seen.equals(e.getValue()) ? "  <-- differs" : "";
            s.append(String.format("  %-28s %10d %10s %10s%s%n", e.getKey(), e.getValue(), seen == null ? "-" : seen,
                    profile == null ? "" : modelled == null ? "-" : modelled, mark));
        }
        s.append("  (counters zero everywhere omitted)\n");
        s.append("  echoes answered: plan ").append(plan.answered()).append(", device ").append(device.answered());
        if (profile != null) {
            s.append(", ").append(pn).append(' ').append(profile.answered());
        }
        return s.append('\n').toString();
    }

    private static String framesText(List<GeneratedFrame> sent, List<Frame> got) {
        StringBuilder s = new StringBuilder("  frames sent:\n");
        int i = 1;
        for (GeneratedFrame f : sent) {
            s.append(String.format("   %2d. echo %d: %s, %d octets: %s...%n", i++, f.echoSeq(), f.label(), f.length(),
                    f.head(32)));
        }
        s.append("  frames received: ").append(got.size()).append('\n');
        for (Frame f : got) {
            s.append(String.format("       %d octets: %s...%n", f.length(),
                    java.util.HexFormat.of().formatHex(f.data(), 0, Math.min(32, f.length()))));
        }
        return s.toString();
    }
}
