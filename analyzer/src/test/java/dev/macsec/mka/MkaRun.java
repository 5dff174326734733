package dev.macsec.mka;

import dev.macsec.capture.CaptureReader;
import dev.macsec.crypto.SaKey;
import dev.macsec.decode.FrameDecoder;
import dev.macsec.decode.SecTag;
import dev.macsec.decode.mka.Mkpdu;
import dev.macsec.field.Dissection;
import dev.macsec.keys.KeysFile;
import dev.macsec.secy.ReceiveProfile;
import dev.macsec.secy.ReceiveSecY;
import dev.macsec.secy.RxFrame;
import dev.macsec.secy.ValidateFrames;
import dev.macsec.secy.Verdict;
import dev.macsec.testing.ProjectFiles;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Drives an {@link MkaTracker} over a capture the way the analyzer does: MKPDUs through the real decoder,
 * and MACsec data frames through a {@link ReceiveSecY} holding only the SAKs the tracker learned.
 */
final class MkaRun {
    final MkaTracker tracker;
    final Map<Long, MkpduOutcome> outcomes = new LinkedHashMap<>();
    final Map<Long, Verdict> data = new LinkedHashMap<>();
    final List<LearnedSak> learned = new ArrayList<>();
    ReceiveSecY secy;

    private MkaRun(KeysFile keys) {
        tracker = new MkaTracker(keys, MkaTrackerOptions.DEFAULT);
    }

    static MkaRun of(String pcap, KeysFile keys) throws IOException {
        return of(ProjectFiles.pcap(pcap), keys, 0);
    }

    /** @param co confidentiality offset (octets) for the receiving SecY */
    static MkaRun of(Path pcap, KeysFile keys, int co) throws IOException {
        return of(keys, co, pcap);
    }

    /** Several captures one after the other, numbered on as the analyzer numbers several input files. */
    static MkaRun of(KeysFile keys, int co, Path... pcaps) throws IOException {
        MkaRun run = new MkaRun(keys);
        FrameDecoder decoder = new FrameDecoder();
        long last = 0;
        long number = 0;
        for (Path pcap : pcaps) {
            try (CaptureReader r = CaptureReader.open(pcap)) {
                while (r.next()) {
                    byte[] f = java.util.Arrays.copyOfRange(r.data(), r.offset(), r.offset() + r.capturedLength());
                    last = Math.max(last, r.timestampNanos());
                    run.frame(decoder, ++number, r.timestampNanos(), f, co);
                }
            }
        }
        run.tracker.finish(last);
        return run;
    }

    void frame(FrameDecoder decoder, long number, long ts, byte[] f, int co) {
        decoder.decode(1, f, 0, f.length, new Dissection());
        Mkpdu pdu = decoder.lastMkpdu();
        long dst = u48(f, 0);
        long src = u48(f, 6);
        int type = (f[12] & 0xff) << 8 | (f[13] & 0xff);
        if (pdu != null) {
            MkpduOutcome o = tracker.onMkpdu(number, ts, src, dst, pdu);
            outcomes.put(number, o);
            for (LearnedSak l : o.learned()) {
                learned.add(l);
                if (secy == null) {
                    secy = new ReceiveSecY(new ReceiveSecY.Config(l.suite(), ValidateFrames.STRICT, true, 0, co),
                            ReceiveProfile.IEEE);
                }
                for (Map.Entry<Long, SaKey> e : l.keys().entrySet()) {
                    secy.addSc(e.getKey()).installSa(l.an(), e.getValue(), l.lowestPn());
                }
            }
        } else if (type == 0x888e && f.length >= 22 && f[15] == 0 && f[18] == 3) {
            tracker.onEapSuccess(number, src, dst);
        } else if (type == SecTag.ETHERTYPE) {
            RxFrame rx = RxFrame.of(f);
            Verdict v = secy == null ? Verdict.NOT_USING_SA : secy.receive(rx);
            data.put(number, v);
            SecTag tag = rx.secTag();
            long pn = v == Verdict.OK ? rx.pn() : tag.pn();
            tracker.onDataFrame(number, ts, tag.sci(), tag.an(), pn, v == Verdict.OK);
        }
    }

    static long u48(byte[] b, int off) {
        long v = 0;
        for (int i = 0; i < 6; i++) {
            v = v << 8 | (b[off + i] & 0xff);
        }
        return v;
    }

    List<IcvStatus> icvs() {
        return outcomes.values().stream().map(MkpduOutcome::icv).toList();
    }

    ConnectivityAssociation onlyCa() {
        if (tracker.cas().size() != 1) {
            throw new AssertionError("expected one CA, got " + tracker.cas());
        }
        return tracker.cas().get(0);
    }

    List<String> kinds() {
        return onlyCa().timeline().stream().map(TimelineEvent::kind).toList();
    }

    List<String> codes() {
        return tracker.findings().stream().map(Finding::code).toList();
    }

    void print() {
        tracker.cas().forEach(ca -> {
            System.out.println(ca);
            ca.timeline().forEach(e -> System.out.println("  " + e));
        });
        tracker.findings().forEach(f -> System.out.println("  " + f));
        learned.forEach(l -> System.out.println("  " + l));
        System.out.println("  data " + data);
    }
}
