package dev.macsec.mka;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.macsec.decode.FrameDecoder;
import dev.macsec.decode.mka.Mkpdu;
import dev.macsec.field.Dissection;
import dev.macsec.keys.CakEntry;
import dev.macsec.keys.KeysFile;
import dev.macsec.testing.Fuzz;
import dev.macsec.testing.Mutator;
import dev.macsec.testing.ProjectFiles;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The tracker never throws on MKPDUs whose ICV verifies but whose contents are hostile: real MKPDUs with random
 * octets of their parameter sets changed (Distributed SAK and CAK bodies, peer lists, SAK Use, lengths) and signed
 * again with the CA's ICK, so that every change reaches the rules and the key unwrapping instead of stopping at the
 * ICV check. The decoder's own fuzzing is {@code DecoderFuzzTest}.
 * <p>
 * Then, for this target's share of the fuzzing budget ({@link Fuzz}), whole MKA sessions with stacked mutations,
 * some signed again and some left with a failing ICV, frames dropped, repeated and reordered, timestamps jumping,
 * data frames and EAP-Successes between them, under keychains that hold the right CAK, only a wrong CAK under the
 * right CKN (every MKPDU of the CA fails its ICV), both, or nothing.
 */
class MkaTrackerFuzzTest {
    record Source(String pcap, KeysFile keys) {
    }

    @Test
    void resignedMutatedMkpdusNeverThrow() throws IOException {
        List<Source> sources = List.of(
                new Source("macsec_lab/mka-handshake.pcap", MkaCaptureTest.LAB_CAK),
                new Source("macsec_lab/mka-rekey.pcap", MkaCaptureTest.LAB_CAK),
                new Source("macsec_lab/mka-multi-peer.pcap", MkaCaptureTest.LAB_CAK),
                new Source("linux-dut/mka.pcap", MkaCaptureTest.LINUX_CAK));
        Random random = new Random(0x888E);
        FrameDecoder decoder = new FrameDecoder();
        long fed = 0;
        for (Source source : sources) {
            byte[] ick = source.keys().caks().get(0).ick();
            List<byte[]> frames = new ArrayList<>();
            for (byte[] f : Frames.read(ProjectFiles.pcap(source.pcap()))) {
                if (f.length > Resign.BASIC + 4 && (f[12] & 0xff) == 0x88 && (f[13] & 0xff) == 0x8e) {
                    frames.add(f);
                }
            }
            for (int round = 0; round < 300; round++) {
                MkaTracker tracker = new MkaTracker(source.keys(), MkaTrackerOptions.DEFAULT);
                long number = 0;
                for (byte[] original : frames) {
                    byte[] f = original.clone();
                    if (random.nextInt(3) == 0) {
                        int icvAt = Resign.icvAt(f);
                        for (int flips = 1 + random.nextInt(4); flips > 0; flips--) {
                            // past the Basic set's SCI/MI: the sets and their lengths, not the CA's identity
                            int from = Resign.BASIC + 4;
                            int at = from + random.nextInt(Math.max(1, Math.min(icvAt, f.length) - from));
                            f[at] = (byte) random.nextInt(256);
                        }
                        int icvAfter = Resign.icvAt(f);
                        if (icvAfter > 0 && icvAfter + 16 <= f.length) {
                            Resign.sign(f, ick);
                        }
                    }
                    decoder.decode(1, f, 0, f.length, new Dissection());
                    Mkpdu pdu = decoder.lastMkpdu();
                    if (pdu == null) {
                        continue;
                    }
                    long frameNumber = ++number;
                    long ts = frameNumber * 500_000_000L;
                    assertDoesNotThrow(() -> tracker.onMkpdu(frameNumber, ts, MkaRun.u48(f, 6), MkaRun.u48(f, 0), pdu),
                            () -> source.pcap() + " " + HexFormat.of().formatHex(f));
                    fed++;
                }
                long last = number;
                assertDoesNotThrow(() -> tracker.finish(last * 500_000_000L));
                tracker.cas().forEach(ca -> ca.timeline().forEach(TimelineEvent::toString));
            }
        }
        assertTrue(fed > 10_000, "MKPDUs fed: " + fed);
    }

    private static List<byte[]> mkpdus(String pcap) throws IOException {
        List<byte[]> frames = new ArrayList<>();
        for (byte[] f : Frames.read(ProjectFiles.pcap(pcap))) {
            if (f.length > Resign.BASIC + 4 && (f[12] & 0xff) == 0x88 && (f[13] & 0xff) == 0x8e) {
                frames.add(f);
            }
        }
        return frames;
    }

    private static KeysFile keychain(SplittableRandom r, KeysFile right) {
        List<CakEntry> caks = new ArrayList<>();
        byte[] wrongCak = new byte[16];
        r.nextBytes(wrongCak);
        CakEntry first = right.caks().get(0);
        CakEntry wrong = new CakEntry(1, first.ckn(), wrongCak, null);
        switch (r.nextInt(4)) {
            case 0 -> caks.addAll(right.caks());
            case 1 -> caks.add(wrong);
            case 2 -> {
                caks.add(wrong);
                caks.addAll(right.caks());
            }
            default -> {
            }
        }
        return new KeysFile(List.of(), caks, r.nextBoolean() ? right.msks() : List.of());
    }

    @Test
    void mutatedSessionsUnderEveryKeychainNeverThrow() throws IOException {
        KeysFile lab = new KeysFile(List.of(), MkaCaptureTest.LAB.caks(), MkaCaptureTest.LAB.msks());
        List<Source> sources = new ArrayList<>();
        for (String pcap : List.of("mka-handshake", "mka-rekey", "mka-multi-peer", "mka-co30", "mka-xpn", "mka-delay-protect",
                "mka-after-eap", "session-full")) {
            sources.add(new Source("macsec_lab/" + pcap + ".pcap", lab));
        }
        sources.add(new Source("linux-dut/mka.pcap", MkaCaptureTest.LINUX_CAK));
        List<List<byte[]>> sessions = new ArrayList<>();
        List<byte[]> all = new ArrayList<>();
        for (Source source : sources) {
            sessions.add(mkpdus(source.pcap()));
            all.addAll(sessions.get(sessions.size() - 1));
        }
        FrameDecoder decoder = new FrameDecoder();
        Fuzz.run("mka", 300, c -> {
            SplittableRandom r = c.random;
            int which = r.nextInt(sources.size());
            Source source = sources.get(which);
            List<byte[]> session = sessions.get(which);
            KeysFile keys = keychain(r, source.keys());
            byte[] ick = source.keys().caks().get(0).ick();
            MkaTracker tracker = new MkaTracker(keys, MkaTrackerOptions.DEFAULT);
            java.io.ByteArrayOutputStream fed = new java.io.ByteArrayOutputStream();
            long ts = r.nextLong(0, 1L << 40);
            int length = r.nextInt(1, 3 * session.size() + 2);
            long frameNumber = 0;
            for (int i = 0; i < length; i++) {
                byte[] f = session.get(r.nextInt(4) == 0 ? r.nextInt(session.size()) : i % session.size()).clone();
                if (r.nextInt(3) == 0) {
                    f = Mutator.mutate(f, r, all, r.nextInt(4) == 0 ? 0 : Resign.BASIC);
                    int icvAt = f.length >= Resign.BASIC ? Resign.icvAt(f) : -1;
                    if (r.nextBoolean() && icvAt > Resign.BASIC && icvAt + 16 <= f.length) {
                        Resign.sign(f, ick);
                    }
                }
                fed.writeBytes(f);
                c.input("mkpdus", fed.toByteArray());
                ts += r.nextInt(8) == 0 ? r.nextLong(-5_000_000_000L, 60_000_000_000L) : r.nextLong(0, 2_000_000_000L);
                frameNumber++;
                long src = f.length >= 12 ? MkaRun.u48(f, 6) : r.nextLong(1L << 48);
                long dst = f.length >= 12 ? MkaRun.u48(f, 0) : r.nextLong(1L << 48);
                switch (r.nextInt(12)) {
                    case 0 -> tracker.onEapSuccess(frameNumber++, src, dst);
                    case 1 -> tracker.onDataFrame(frameNumber++, ts, r.nextBoolean() ? src << 16 | 1 : r.nextLong(),
                            r.nextInt(4), r.nextLong(0, 1L << 33), r.nextBoolean());
                    default -> {
                    }
                }
                decoder.decode(1, f, 0, f.length, new Dissection());
                Mkpdu pdu = decoder.lastMkpdu();
                if (pdu != null) {
                    tracker.onMkpdu(frameNumber, ts, src, dst, pdu);
                }
            }
            tracker.finish(ts);
            tracker.cas().forEach(ca -> ca.timeline().forEach(TimelineEvent::toString));
            tracker.findings().forEach(Finding::toString);
        });
    }
}
