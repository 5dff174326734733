package dev.macsec.output;

import dev.macsec.analysis.AnalysisSummary;
import dev.macsec.analysis.FrameRecord;
import dev.macsec.analysis.EapSummary;
import dev.macsec.analysis.MkaSummary;
import dev.macsec.counter.CounterValues;
import dev.macsec.counter.ScCounters;
import dev.macsec.counter.SecYCounters;
import dev.macsec.field.FieldFormat;
import dev.macsec.secy.Verdict;
import java.io.PrintWriter;
import java.util.Locale;
import java.util.Map;
import java.util.StringJoiner;

/** {@code -T summary} (and the tail of the text views): counters per SecY/SC/SA, MKA timeline and findings, throughput. */
public final class SummaryView implements FrameView {
    private final PrintWriter out;
    private final boolean throughput;

    public SummaryView(PrintWriter out, boolean throughput) {
        this.out = out;
        this.throughput = throughput;
    }

    @Override
    public boolean needsDissection() {
        return false;
    }

    @Override
    public void frame(FrameRecord frame) {
    }

    @Override
    public void finish(AnalysisSummary s) {
        AnalysisSummary.RunStats run = s.run();
        out.printf(Locale.ROOT, "== Summary: %,d frames (%,d MACsec, %,d MKPDUs), %,d octets, capture spans %.3f s%n",
                run.frames(), run.macsecFrames(), run.mkpdus(), run.bytes(),
                (run.lastTimestampNanos() - run.firstTimestampNanos()) / 1e9);
        if (!s.secyEnabled()) {
            out.println("No keys given: frames decoded only. Add --keys FILE, --sak HEX or --cak CKN:CAK to verify and decrypt.");
        } else {
            secy(s);
        }
        mka(s.mka());
        eap(s.eap());
        if (throughput) {
            out.printf(Locale.ROOT, "Throughput: %,.0f frames/s, %.1f MB/s (%.3f s)%n", run.framesPerSecond(),
                    run.megabytesPerSecond(), run.wallNanos() / 1e9);
        }
        if (s.inputError() != null) {
            out.println("Result: INCOMPLETE — the run stopped at an error, the figures cover the frames before it: "
                    + s.inputError());
        } else if (s.hasFindings()) {
            out.printf(Locale.ROOT, "Result: FINDINGS — %,d MACsec frame(s) failed verification or were dropped, %d MKA error(s), %d MKPDU ICV failure(s)%s%n",
                    s.failedFrames(), s.mka().errors(), s.mka().icvFailed(),
                    s.eap().errors() == 0 ? "" : ", " + s.eap().errors() + " 802.1X/RADIUS error(s)");
        } else {
            out.println("Result: OK");
        }
        out.flush();
    }

    private void secy(AnalysisSummary s) {
        out.printf(Locale.ROOT, "Receive SecY (profile %s, validateFrames %s, replay protect %s, window %d)%n",
                s.options().profile().name(), s.options().validateFrames().name().toLowerCase(Locale.ROOT),
                s.options().replayProtect() ? "on" : "off", s.options().replayWindow());
        StringJoiner verdicts = new StringJoiner(", ");
        for (Map.Entry<Verdict, Long> e : s.verdicts().entrySet()) {
            verdicts.add(e.getKey().name() + " " + e.getValue());
        }
        out.println("  Verdicts: " + (verdicts.length() == 0 ? "none" : verdicts));
        SecYCounters counters = s.counters();
        out.println("  SecY: " + nonZero(counters.secY()));
        for (Map.Entry<Long, ScCounters> sc : counters.receiveScs().entrySet()) {
            out.println("    Receive SC " + FieldFormat.sci(sc.getKey()) + ": " + nonZero(sc.getValue().sc()));
            for (Map.Entry<Integer, CounterValues> sa : sc.getValue().sas().entrySet()) {
                out.println("      SA AN " + sa.getKey() + ": " + nonZero(sa.getValue()));
            }
        }
    }

    private static String nonZero(CounterValues counters) {
        StringJoiner j = new StringJoiner(", ");
        counters.values().forEach((k, v) -> {
            if (v != 0) {
                j.add(k.managedObject() + "=" + v);
            }
        });
        return j.length() == 0 ? "all counters 0" : j.toString();
    }

    /** The 802.1X authentication, when the capture holds one: timeline from EAPOL-Start, keys learned, findings. */
    private void eap(EapSummary eap) {
        if (eap.isEmpty()) {
            return;
        }
        out.println("802.1X authentication (EAPOL, EAP, RADIUS):");
        for (String k : eap.learnedKeys()) {
            out.println("  learned " + k);
        }
        if (!eap.timeline().isEmpty()) {
            out.println("  timeline:");
            long first = eap.timeline().get(0).timestampNanos();
            for (MkaSummary.Event e : eap.timeline()) {
                out.printf(Locale.ROOT, "    %9.3f s  frame %-6d %s%n", (e.timestampNanos() - first) / 1e9, e.frame(), e.text());
            }
        }
        if (eap.findings().isEmpty()) {
            out.println("  findings: none");
        } else {
            out.println("  findings:");
            for (MkaSummary.Finding f : eap.findings()) {
                out.printf(Locale.ROOT, "    %-5s frame %-6d %s {%s}%n", f.severity(), f.frame(), f.message(), f.code());
            }
        }
    }

    private void mka(MkaSummary mka) {
        if (mka.mkpdus() == 0) {
            return;
        }
        out.printf(Locale.ROOT, "MKA: %d MKPDUs, ICV verified %d, failed %d, no CAK %d%n", mka.mkpdus(), mka.icvVerified(),
                mka.icvFailed(), mka.icvNoKey());
        for (MkaSummary.Ca ca : mka.cas()) {
            out.println("  CA CKN " + ca.ckn() + (ca.keyName() != null ? " (" + ca.keyName() + ")" : ""));
            for (MkaSummary.Participant p : ca.participants()) {
                out.println("    participant " + p.text());
            }
            for (String k : ca.learnedKeys()) {
                out.println("    learned " + k);
            }
            if (!ca.timeline().isEmpty()) {
                out.println("    timeline:");
                long first = ca.timeline().get(0).timestampNanos();
                for (MkaSummary.Event e : ca.timeline()) {
                    out.printf(Locale.ROOT, "      %9.3f s  frame %-6d %s%n", (e.timestampNanos() - first) / 1e9, e.frame(), e.text());
                }
            }
            if (ca.findings().isEmpty()) {
                out.println("    findings: none");
            } else {
                out.println("    findings:");
                for (MkaSummary.Finding f : ca.findings()) {
                    out.printf(Locale.ROOT, "      %-5s frame %-6d %s {%s}%n", f.severity(), f.frame(), f.message(), f.code());
                }
            }
        }
    }
}
