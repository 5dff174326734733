package dev.macsec.secy;

import dev.macsec.counter.Counter;
import dev.macsec.crypto.CipherCache;
import dev.macsec.crypto.MacsecGcm;
import dev.macsec.crypto.SaKey;
import dev.macsec.decode.SecTag;
import dev.macsec.suite.CipherSuite;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/** Test frames protected by our own transmit code, from a peer with SCI 020000000001/1. */
final class Peer {
    static final long SCI = 0x0200000000010001L;
    static final int ENCRYPT = SecTag.TCI_SC | SecTag.TCI_E | SecTag.TCI_C;
    static final int INTEGRITY = SecTag.TCI_SC;

    private Peer() {
    }

    /**
     * The analyzer's parallel path: two threads verify alternate frames, then the SecY applies them in capture
     * order. Returns the verdicts in frame order, for comparison with a sequential {@code receive}.
     */
    static List<Verdict> verifyOnTwoThreadsThenApply(ReceiveSecY secy, List<RxFrame> work) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < 2; t++) {
                int start = t;
                done.add(pool.submit(() -> {
                    CipherCache cache = new CipherCache();
                    for (int i = start; i < work.size(); i += 2) {
                        secy.verify(work.get(i), cache);
                    }
                }));
            }
            for (Future<?> d : done) {
                d.get();
            }
        } finally {
            pool.shutdown();
        }
        List<Verdict> actual = new ArrayList<>();
        for (RxFrame f : work) {
            actual.add(secy.apply(f));
        }
        return actual;
    }

    static SaKey key(CipherSuite suite) {
        byte[] sak = new byte[suite.keyLength()];
        for (int i = 0; i < sak.length; i++) {
            sak[i] = (byte) (0x30 + i);
        }
        return SaKey.of(suite, sak, 0x00000002, HexFormat.of().parseHex("9ca1b2c3d4e5f60718293a4b"));
    }

    static byte[] plain(int userLength) {
        byte[] p = new byte[12 + userLength];
        byte[] hdr = HexFormat.of().parseHex("525400000002020000000001");
        System.arraycopy(hdr, 0, p, 0, 12);
        p[12] = 0x08;
        for (int i = 14; i < p.length; i++) {
            p[i] = (byte) i;
        }
        return p;
    }

    static byte[] frame(SaKey key, int tci, int an, long pn, int userLength) {
        byte[] plain = plain(userLength);
        byte[] out = new byte[FrameProtection.protectedLength(plain.length, true)];
        int n = FrameProtection.protect(new MacsecGcm(key), plain, 0, plain.length, SCI, tci, an, pn, 0, out, 0);
        return java.util.Arrays.copyOf(out, n);
    }

    static byte[] frame(SaKey key, int tci, long pn) {
        return frame(key, tci, 0, pn, 100);
    }

    static ReceiveSecY secy(CipherSuite suite, ValidateFrames vf, boolean replay, long window, ReceiveProfile profile,
                            long nextPn) {
        ReceiveSecY s = new ReceiveSecY(new ReceiveSecY.Config(suite, vf, replay, window, 0), profile);
        s.addSc(SCI).installSa(0, key(suite), nextPn);
        return s;
    }

    static Verdict rx(ReceiveSecY s, byte[] frame) {
        return s.receive(RxFrame.of(frame));
    }

    static long sc(ReceiveSecY s, Counter counter) {
        return s.sc(SCI).counters().get(counter).orElseThrow();
    }

    static long sa(ReceiveSecY s, int an, Counter counter) {
        return s.sc(SCI).sa(an).counters().get(counter).orElseThrow();
    }

    static long secy(ReceiveSecY s, Counter counter) {
        return s.counters().secY(counter).orElseThrow();
    }
}
