package dev.macsec.conformance.suite;

import dev.macsec.conformance.device.SaConfig;
import dev.macsec.conformance.device.SecYConfig;
import dev.macsec.conformance.generator.GeneratedFrame;
import dev.macsec.conformance.generator.Packets;
import dev.macsec.conformance.generator.TrafficGenerator;
import dev.macsec.conformance.link.Frame;
import dev.macsec.counter.ScCounters;
import dev.macsec.counter.SecYCounters;
import dev.macsec.secy.Deviation;
import dev.macsec.secy.ReceiveProfile;
import dev.macsec.secy.ReceiveSa;
import dev.macsec.secy.ReceiveSecY;
import dev.macsec.secy.RxFrame;
import dev.macsec.secy.ValidateFrames;
import dev.macsec.secy.Verdict;
import dev.macsec.suite.CipherSuite;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.function.UnaryOperator;

/**
 * One receive case: the device's SecY and receive SAs, the frames the tester sends, then the verdict.
 * The same frames go to our {@link ReceiveSecY} under the IEEE profile (what 802.1AE prescribes) and the
 * LINUX profile; the device's counters and the echoes it answered are compared with both:
 * <ul>
 * <li>device = IEEE: pass;</li>
 * <li>device != IEEE, device = LINUX: {@link KnownDeviationFailure} naming the {@link Deviation}s that make
 * the difference;</li>
 * <li>otherwise: {@link ConformanceFailure}.</li>
 * </ul>
 * Whether LINUX matched the device on every counter is published as report entry {@code macsec.linuxProfile}.
 * Each case ends with a valid echo on AN {@value Harness#SENTINEL_AN}, whose answer proves the device has
 * handled all the frames before it (it is fed to the emulations too).
 */
public final class ReceiveCase {
    private final Harness h;
    private final String clause;
    private final String name;
    private final CipherSuite suite;
    private SecYConfig cfg;
    private final List<SaConfig> rxSas = new ArrayList<>();
    private final TrafficGenerator gen;
    private final List<GeneratedFrame> frames = new ArrayList<>();
    private boolean octets;
    private String optionalFeature;
    private boolean saConfigured;
    private final java.util.Set<Integer> untagged = new java.util.HashSet<>();

    ReceiveCase(Harness h, String clause, String name, String title, CipherSuite suite, ValidateFrames vf) {
        this.h = h;
        this.clause = clause;
        this.name = name;
        this.suite = suite;
        this.cfg = SecYConfig.defaults(suite).withValidateFrames(vf);
        this.gen = h.generator(suite, clause + "-" + name);
        h.label(clause, name, suite, vf, title);
    }

    /** Starts a case: clause ("10.6.2"), case name ("replay-late"), the clause's title for reports. */
    public static ReceiveCase of(Harness h, String clause, String name, String title, CipherSuite suite, ValidateFrames vf) {
        return new ReceiveCase(h, clause, name, title, suite, vf);
    }

    public ReceiveCase secY(UnaryOperator<SecYConfig> change) {
        cfg = change.apply(cfg);
        return this;
    }

    /** A receive SA on the tester's SC (AN 0..2); without any, AN 0 from PN 1. */
    public ReceiveCase rxSa(int an, long lowestPn, boolean active) {
        if (an == Harness.SENTINEL_AN) {
            throw new IllegalArgumentException("AN 3 is the closing echo's");
        }
        rxSas.add(new SaConfig(an, lowestPn, Harness.testerKey(suite, an), active));
        saConfigured = true;
        return this;
    }

    /** Compare InOctetsValidated/InOctetsDecrypted too (the octet cases). */
    public ReceiveCase examineOctets() {
        octets = true;
        return this;
    }

    /** A device may refuse this case's configuration: the case is then skipped as unsupported. */
    public ReceiveCase optional(String feature) {
        optionalFeature = feature;
        return this;
    }

    public ReceiveCase send(Function<TrafficGenerator, List<GeneratedFrame>> build) {
        frames.addAll(build.apply(gen));
        return this;
    }

    public ReceiveCase send(Function<TrafficGenerator.Spec, TrafficGenerator.Spec> spec, int count) {
        for (int i = 0; i < count; i++) {
            frames.add(spec.apply(gen.frame()).build());
        }
        return this;
    }

    public TrafficGenerator generator() {
        return gen;
    }

    /** What one receiver made of the case: counters by flat name and the echo sequence numbers answered. */
    record Outcome(Map<String, Long> counters, TreeSet<Integer> answered) {
    }

    public void run() {
        if (!saConfigured) {
            rxSa(0, 1, true);
        }
        List<SaConfig> all = new ArrayList<>(rxSas);
        all.add(SaConfig.of(Harness.SENTINEL_AN, 1, Harness.testerKey(suite, Harness.SENTINEL_AN)));
        SaConfig tx = SaConfig.of(0, 1, Harness.deviceKey(suite));
        h.setUp(h.setup(cfg, tx, all), optionalFeature);

        GeneratedFrame closing = gen.frame().an(Harness.SENTINEL_AN).pn(1).note("closing echo").build();
        ReceiveSecY replies = new ReceiveSecY(new ReceiveSecY.Config(suite, ValidateFrames.STRICT, false, 0, 0),
                ReceiveProfile.IEEE);
        replies.addSc(h.deviceSci(cfg.port())).installSa(0, Harness.deviceKey(suite), 1);
        TreeSet<Integer> seen = new TreeSet<>();
        List<Frame> got = h.exchange(frames, closing, data -> {
            int s = replySeq(replies, data);
            if (s >= 0) {
                seen.add(s);
            }
            return s == closing.echoSeq();
        });
        SecYCounters c = h.counters();
        // an untagged frame reaches the Uncontrolled Port whatever the SecY does, and a host may answer it from
        // there: 802.1AE says nothing about that, so its echo is not judged
        for (GeneratedFrame f : frames) {
            if (f.plaintext().length == f.length() && java.util.Arrays.equals(f.data(), f.plaintext())) {
                untagged.add(f.echoSeq());
            }
        }
        seen.removeAll(untagged);
        Outcome device = new Outcome(flatten(c), seen);

        List<GeneratedFrame> fed = new ArrayList<>(frames);
        fed.add(closing);
        Outcome ieee = emulate(ReceiveProfile.IEEE, fed);
        Outcome linux = emulate(ReceiveProfile.LINUX, fed);

        List<String> linuxDiff = differences(device, linux, false);
        h.publish("macsec.linuxProfile", linuxDiff.isEmpty() ? "agrees" : "differs: " + String.join("; ", linuxDiff));
        List<String> ieeeDiff = differences(device, ieee, !octets);
        String report = table(device, ieee, linux) + "\n" + framesText(fed, got);
        h.attach(report, framesText(fed, got));
        if (ieeeDiff.isEmpty()) {
            return;
        }
        String head = clause + "-" + name + " [" + suite.standardName() + ", validateFrames "
                + SecYConfig.name(cfg.validateFrames()) + "]: the device departs from IEEE 802.1AE-2018 " + clause
                + "\n  expected vs seen: " + String.join("; ", ieeeDiff) + "\n";
        if (linuxDiff.isEmpty()) {
            List<Deviation> why = attribute(fed, ieee, linux);
            h.publish("macsec.deviations", KnownDeviationFailure.names(why));
            throw new KnownDeviationFailure(why, head + report);
        }
        throw new ConformanceFailure(head + report);
    }

    /** The deviations that, alone, turn the IEEE outcome into a different one; else those LINUX needs. */
    private List<Deviation> attribute(List<GeneratedFrame> fed, Outcome ieee, Outcome linux) {
        List<Deviation> alone = new ArrayList<>();
        for (Deviation d : Deviation.values()) {
            if (!differences(emulate(ReceiveProfile.IEEE.with(d, true), fed), ieee, !octets).isEmpty()) {
                alone.add(d);
            }
        }
        if (!alone.isEmpty()) {
            return alone;
        }
        List<Deviation> needed = new ArrayList<>();
        for (Deviation d : Deviation.values()) {
            if (!differences(emulate(ReceiveProfile.LINUX.with(d, false), fed), linux, !octets).isEmpty()) {
                needed.add(d);
            }
        }
        return needed;
    }

    private int replySeq(ReceiveSecY replies, byte[] data) {
        RxFrame rf = RxFrame.of(data);
        Verdict v = replies.receive(rf);
        if (!v.delivered() || rf.outLength() <= 0) {
            return -1;
        }
        return Packets.echoReplySeq(rf.out(), rf.outOffset(), rf.outLength());
    }

    Outcome emulate(ReceiveProfile profile, List<GeneratedFrame> fed) {
        ReceiveSecY r = new ReceiveSecY(new ReceiveSecY.Config(suite, cfg.validateFrames(), cfg.replayProtect(),
                cfg.replayWindow(), cfg.confidentialityOffset()), profile);
        var sc = r.addSc(Harness.TESTER_SCI);
        for (SaConfig sa : rxSas) {
            ReceiveSa s = sc.installSa(sa.an(), sa.key(), sa.nextPn());
            s.inUse(sa.active());
        }
        sc.installSa(Harness.SENTINEL_AN, Harness.testerKey(suite, Harness.SENTINEL_AN), 1);
        TreeSet<Integer> answered = new TreeSet<>();
        for (GeneratedFrame f : fed) {
            if (untagged.contains(f.echoSeq())) {
                r.receive(RxFrame.of(f.data()));
                continue;
            }
            RxFrame rf = RxFrame.of(f.data());
            Verdict v = r.receive(rf);
            if (v.delivered() && rf.outLength() > 0
                    && Arrays.equals(rf.out(), rf.outOffset(), rf.outOffset() + rf.outLength(), f.plaintext(), 0,
                    f.plaintext().length)) {
                answered.add(f.echoSeq());
            }
        }
        return new Outcome(flatten(r.counters()), answered);
    }

    /** The receive counters of the SecY and of the tester's SC, flat: "secy.", "rxsc.", "rxsa&lt;AN&gt;." + name. */
    private static Map<String, Long> flatten(SecYCounters c) {
        Map<String, Long> m = new LinkedHashMap<>();
        c.secY().values().forEach((k, v) -> {
            if (k.received()) {
                m.put("secy." + k.managedObject(), v);
            }
        });
        ScCounters sc = c.receiveScs().get(Harness.TESTER_SCI);
        if (sc != null) {
            sc.sc().values().forEach((k, v) -> m.put("rxsc." + k.managedObject(), v));
            sc.sas().forEach((an, sa) -> sa.values().forEach((k, v) -> m.put("rxsa" + an + "." + k.managedObject(), v)));
        }
        return m;
    }

    /** Differences of {@code device} from {@code model} on the counters both have, and the echoes answered. */
    private static List<String> differences(Outcome device, Outcome model, boolean packetsOnly) {
        List<String> d = new ArrayList<>();
        for (var e : model.counters().entrySet()) {
            if (packetsOnly && e.getKey().contains("Octets")) {
                continue;
            }
            Long seen = device.counters().get(e.getKey());
            if (seen != null && !Objects.equals(seen, e.getValue())) {
                d.add(e.getKey() + " expected " + e.getValue() + ", seen " + seen);
            }
        }
        if (!device.answered().equals(model.answered())) {
            d.add("echoes answered: expected " + model.answered() + ", seen " + device.answered());
        }
        return d;
    }

    private static String table(Outcome device, Outcome ieee, Outcome linux) {
        StringBuilder s = new StringBuilder(String.format("  %-28s %10s %10s %10s%n", "counter", "802.1AE", "device",
                "linux-prof"));
        for (var e : ieee.counters().entrySet()) {
            Long seen = device.counters().get(e.getKey());
            Long lx = linux.counters().get(e.getKey());
            if (e.getValue() == 0 && (seen == null || seen == 0) && (lx == null || lx == 0)) {
                continue;
            }
            String mark = seen != null && !seen.equals(e.getValue()) ? "  <-- differs" : "";
            s.append(String.format("  %-28s %10d %10s %10s%s%n", e.getKey(), e.getValue(), seen == null ? "-" : seen,
                    lx == null ? "-" : lx, mark));
        }
        s.append("  (counters zero everywhere omitted)\n");
        s.append("  echoes answered: 802.1AE ").append(ieee.answered()).append(", device ").append(device.answered())
                .append(", linux-prof ").append(linux.answered()).append('\n');
        return s.toString();
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
