package dev.macsec.conformance.suite;

import dev.macsec.conformance.device.SaConfig;
import dev.macsec.conformance.device.SecYConfig;
import dev.macsec.conformance.generator.GeneratedFrame;
import dev.macsec.conformance.generator.Packets;
import dev.macsec.conformance.generator.TrafficGenerator;
import dev.macsec.conformance.link.Frame;
import dev.macsec.conformance.plan.PlanText;
import dev.macsec.conformance.plan.ProsePlan;
import dev.macsec.counter.Counter;
import dev.macsec.counter.SecYCounters;
import dev.macsec.decode.SecTag;
import dev.macsec.secy.ReceiveProfile;
import dev.macsec.secy.ReceiveSecY;
import dev.macsec.secy.RxFrame;
import dev.macsec.secy.ValidateFrames;
import dev.macsec.secy.Verdict;
import dev.macsec.suite.CipherSuite;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ArgumentsSource;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.OptionalLong;

/**
 * IEEE 802.1AE-2018 transmit (clauses 9, 10.5, 10.7.21-23): the device answers our echo requests and its
 * frames must carry the configured SCI, AN and E/C bits, verify with its SAK, use strictly increasing PNs
 * from the configured start (across 2^32 for XPN), never show the payload in clear when confidentiality is
 * on, and be counted.
 */
@DisplayName("802.1AE transmit")
@ExtendWith(ConformanceExtension.class)
public class TransmitSuite {
    private static final int TX_AN = 2;
    private static final int ECHOES = 4;

    @DisplayName("802.1AE-10.5-transmit-confidentiality")
    @ParameterizedTest(name = "{0}")
    @ArgumentsSource(Arguments802.Suites.class)
    void encrypted(CipherSuite s, Harness h) {
        transmit(h, s, true, "confidentiality");
    }

    @DisplayName("802.1AE-10.5-transmit-integrity-only")
    @ParameterizedTest(name = "{0}")
    @ArgumentsSource(Arguments802.Suites.class)
    void integrityOnly(CipherSuite s, Harness h) {
        transmit(h, s, false, "integrity-only");
    }

    private static void transmit(Harness h, CipherSuite s, boolean encrypt, String name) {
        ProsePlan.Case planned = ProsePlan.transmit().byId("802.1AE-10.5-transmit-" + name);
        h.labelPlanCase(planned.clause(), planned.id(), s, null, PlanText.caseMarkdown(ProsePlan.transmit(), planned));
        // XPN: start just below 2^32 so the device's PNs must carry into the upper half
        long start = s.xpn() ? 0xFFFF_FFFEL : 1000;
        SecYConfig cfg = SecYConfig.defaults(s).withEncrypt(encrypt);
        h.setUp(h.setup(cfg, SaConfig.of(TX_AN, start, Harness.deviceKey(s)),
                List.of(SaConfig.of(0, 1, Harness.testerKey(s, 0)))), null);
        TrafficGenerator g = h.generator(s, "10.5-transmit-" + name);
        List<GeneratedFrame> requests = new ArrayList<>();
        for (int i = 1; i < ECHOES; i++) {
            requests.add(g.frame().pn(i).build());
        }
        GeneratedFrame last = g.frame().pn(ECHOES).build();
        long deviceSci = h.deviceSci(cfg.port());
        ReceiveSecY rx = new ReceiveSecY(new ReceiveSecY.Config(s, ValidateFrames.STRICT, true, 0, 0), ReceiveProfile.IEEE);
        rx.addSc(deviceSci).installSa(TX_AN, Harness.deviceKey(s), start);

        List<String> problems = new ArrayList<>();
        List<Long> pns = new ArrayList<>();
        List<Integer> answered = new ArrayList<>();
        List<GeneratedFrame> all = new ArrayList<>(requests);
        all.add(last);
        List<Frame> got = h.exchange(requests, last, data -> {
            if (data.length < 14 || ((data[12] & 0xFF) << 8 | (data[13] & 0xFF)) != SecTag.ETHERTYPE) {
                problems.add("an unprotected frame (" + data.length + " octets, EtherType "
                        + HexFormat.of().formatHex(data, 12, Math.min(14, data.length)) + ")");
                return false;
            }
            SecTag t = new SecTag().wrap(data, 6, 12, data.length);
            int v = s.xpn() ? t.violationsForXpn() : t.violations();
            if (v != 0) {
                problems.add("a SecTAG breaking 9.12 (mask " + Integer.toBinaryString(v) + ")");
            }
            if (!t.hasSci() || t.sci() != deviceSci) {
                problems.add(String.format("SCI %016x, expected %016x with SC=1 (send_sci on)", t.sci(), deviceSci));
            }
            if (t.an() != TX_AN) {
                problems.add("AN " + t.an() + ", expected " + TX_AN);
            }
            if (t.encrypted() != encrypt || t.changed() != encrypt) {
                problems.add("E=" + (t.encrypted() ? 1 : 0) + " C=" + (t.changed() ? 1 : 0) + ", expected "
                        + (encrypt ? "E=1 C=1" : "E=0 C=0"));
            }
            RxFrame rf = RxFrame.of(data);
            Verdict verdict = rx.receive(rf);
            if (verdict != Verdict.OK) {
                problems.add("our receiver's verdict " + verdict + " for PN 0x" + Long.toHexString(t.pn())
                        + " (expected OK: valid ICV, PN above the last)");
                return false;
            }
            pns.add(rf.pn());
            int seq = Packets.echoReplySeq(rf.out(), rf.outOffset(), rf.outLength());
            answered.add(seq);
            if (encrypt) {
                for (GeneratedFrame req : all) {
                    if (req.echoSeq() == seq && contains(data, Arrays.copyOfRange(req.plaintext(), 12 + Packets.ECHO_OVERHEAD,
                            req.plaintext().length))) {
                        problems.add("the echo data of request " + seq + " appears in clear in the device's frame");
                    }
                }
            }
            return seq == last.echoSeq();
        });
        for (int i = 0; i < pns.size(); i++) {
            long expected = start + i;
            if (pns.get(i) != expected) {
                problems.add("PN 0x" + Long.toHexString(pns.get(i)) + " for the device's frame " + (i + 1)
                        + ", expected 0x" + Long.toHexString(expected) + " (strictly increasing from the configured start)");
            }
        }
        if (answered.size() != ECHOES) {
            problems.add("answered echoes " + answered + ", expected all " + ECHOES);
        }
        SecYCounters c = h.counters();
        Counter out = encrypt ? Counter.OUT_PKTS_ENCRYPTED : Counter.OUT_PKTS_PROTECTED;
        // a counter the plan names and the device does not report: the case cannot pass, nor fail on it
        List<String> unseen = new ArrayList<>();
        OptionalLong scOut = c.transmitSc(out);
        if (scOut.isEmpty()) {
            unseen.add("transmit SC " + out);
        } else if (scOut.getAsLong() != pns.size()) {
            problems.add("TX SC " + out + " = " + scOut.getAsLong() + ", expected " + pns.size());
        }
        OptionalLong saOut = c.transmitSa(TX_AN, out);
        if (saOut.isPresent() && saOut.getAsLong() != pns.size()) {
            problems.add("TX SA " + out + " = " + saOut.getAsLong() + ", expected " + pns.size());
        }
        Counter other = encrypt ? Counter.OUT_PKTS_PROTECTED : Counter.OUT_PKTS_ENCRYPTED;
        OptionalLong scOther = c.transmitSc(other);
        if (scOther.isEmpty()) {
            unseen.add("transmit SC " + other);
        } else if (scOther.getAsLong() > 0) {
            problems.add("TX SC " + other + " = " + scOther.getAsLong() + ", expected 0");
        }
        StringBuilder frames = new StringBuilder("device frames (PN, echo):\n");
        for (int i = 0; i < pns.size(); i++) {
            frames.append(String.format("  0x%x -> echo %d%n", pns.get(i), answered.get(i)));
        }
        frames.append("received ").append(got.size()).append(" frame(s); counters: TX SC ").append(c.transmitSc()
                .map(tx -> tx.sc() + ", TX SA " + tx.sas()).orElse("not reported")).append('\n');
        h.attach(frames.toString(), frames.toString());
        if (!problems.isEmpty()) {
            throw new ConformanceFailure(planned.id() + " [" + s.standardName() + "]: the device's frames "
                    + "depart from IEEE 802.1AE-2018\n  " + String.join("\n  ", problems) + "\n" + frames);
        }
        if (!unseen.isEmpty()) {
            throw new InconclusiveFailure(unseen, planned.id() + " [" + s.standardName() + "]\n" + frames);
        }
    }

    private static boolean contains(byte[] hay, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= hay.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (hay[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }
}
