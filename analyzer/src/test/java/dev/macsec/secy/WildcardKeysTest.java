package dev.macsec.secy;

import static dev.macsec.secy.Peer.ENCRYPT;
import static dev.macsec.secy.Peer.INTEGRITY;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.macsec.counter.Counter;
import dev.macsec.crypto.MacsecGcm;
import dev.macsec.crypto.SaKey;
import dev.macsec.suite.CipherSuite;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Many wildcard SAKs cost about one verification per frame once one of them has verified an SC/AN, and at most
 * {@link ReceiveSecY#MAX_KEYS_PER_FRAME} per frame while none has (after one frame tried with all of them, within
 * {@link ReceiveSecY#SWEEP_BUDGET}), instead of keys x frames (10,000 keys on 16 frames took 3.8 s).
 */
class WildcardKeysTest {
    static final int KEYS = 10_000;
    static final CipherSuite GCM = CipherSuite.GCM_AES_128;

    static List<SaKey> randomKeys(int n, long seed) {
        Random r = new Random(seed);
        List<SaKey> keys = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            byte[] k = new byte[16];
            r.nextBytes(k);
            keys.add(SaKey.of(GCM, k));
        }
        return keys;
    }

    static byte[] frame(SaKey key, long sci, int tci, int an, long pn) {
        byte[] plain = Peer.plain(60);
        byte[] out = new byte[FrameProtection.protectedLength(plain.length, true)];
        int n = FrameProtection.protect(new MacsecGcm(key), plain, 0, plain.length, sci, tci, an, pn, 0, out, 0);
        return java.util.Arrays.copyOf(out, n);
    }

    static ReceiveSecY secy(List<SaKey> wildcards) {
        ReceiveSecY s = new ReceiveSecY(ReceiveSecY.Config.strict(GCM), ReceiveProfile.IEEE);
        wildcards.forEach(s::addWildcardKey);
        return s;
    }

    @Test
    void theRightKeyAmongThousandsIsFoundOnTheFirstFrameThenAloneIsTried() {
        List<SaKey> keys = randomKeys(KEYS, 1);
        SaKey right = SaKey.of(GCM, new byte[16]);
        keys.add(right);
        ReceiveSecY s = secy(keys);
        RxFrame first = RxFrame.of(frame(right, Peer.SCI, ENCRYPT, 0, 1));
        assertEquals(Verdict.OK, s.receive(first));
        assertEquals(KEYS + 1, first.keysTried);
        for (int pn = 2; pn <= 20; pn++) {
            RxFrame f = RxFrame.of(frame(right, Peer.SCI, ENCRYPT, 0, pn));
            assertEquals(Verdict.OK, s.receive(f));
            assertEquals(1, f.keysTried, "frame with PN " + pn);
        }
        assertEquals(0, s.framesNotTriedWithEveryKey());
    }

    @Test
    void keysThatAllFailCostAtMostTheCapPerFrameAfterTheFirst() {
        ReceiveSecY s = secy(randomKeys(KEYS, 2));
        SaKey other = SaKey.of(GCM, new byte[16]);
        List<Integer> tried = new ArrayList<>();
        for (int pn = 1; pn <= 16; pn++) {
            RxFrame f = RxFrame.of(frame(other, Peer.SCI, ENCRYPT, 0, pn));
            assertEquals(Verdict.NOT_VALID, s.receive(f));
            tried.add(f.keysTried);
        }
        assertEquals(KEYS, tried.get(0));
        assertTrue(tried.subList(1, 16).stream().allMatch(n -> n == ReceiveSecY.MAX_KEYS_PER_FRAME), tried.toString());
        assertEquals(15, s.framesNotTriedWithEveryKey());
        assertEquals(KEYS, s.candidateKeysOfUntriedFrames());
        assertEquals(OptionalLong.of(16), s.sc(Peer.SCI).sa(0).counters().get(Counter.IN_PKTS_NOT_VALID));
    }

    @Test
    void theSweepsOfAllSCsStayWithinTheBudget() {
        ReceiveSecY s = secy(randomKeys(KEYS, 3));
        SaKey other = SaKey.of(GCM, new byte[16]);
        long total = 0;
        int scs = 10;
        for (int i = 0; i < scs; i++) {
            RxFrame f = RxFrame.of(frame(other, Peer.SCI + i, ENCRYPT, 0, 1));
            assertEquals(Verdict.NOT_VALID, s.receive(f));
            total += f.keysTried;
        }
        assertTrue(total <= ReceiveSecY.SWEEP_BUDGET + (long) scs * ReceiveSecY.MAX_KEYS_PER_FRAME, "tried " + total);
        assertTrue(total >= ReceiveSecY.SWEEP_BUDGET, "tried " + total);
    }

    /** The rolling window of keys and the per-SA choice give the same verdicts whatever thread verified a frame. */
    @Test
    void parallelVerifyThenOrderedApplyEqualsSequentialReceive() throws Exception {
        List<SaKey> keys = randomKeys(200, 4);
        long[] scis = {Peer.SCI, Peer.SCI + 1, Peer.SCI + 2};
        SaKey[] own = {keys.get(3), keys.get(150), SaKey.of(GCM, new byte[16])}; // the third SC's key is none of them
        List<byte[]> frames = new ArrayList<>();
        Random r = new Random(5);
        for (int i = 0; i < 300; i++) {
            int sc = r.nextInt(3);
            byte[] f = frame(own[sc], scis[sc], i % 2 == 0 ? ENCRYPT : INTEGRITY, i % 40 < 20 ? 0 : 1, 1 + i);
            if (i % 13 == 0) {
                f[f.length - 3] ^= 1;
            }
            frames.add(f);
        }
        ReceiveSecY seq = secy(keys);
        List<Verdict> expected = new ArrayList<>();
        for (byte[] f : frames) {
            expected.add(seq.receive(RxFrame.of(f)));
        }
        ReceiveSecY par = secy(keys);
        List<RxFrame> work = frames.stream().map(RxFrame::of).toList();
        List<Verdict> actual = Peer.verifyOnTwoThreadsThenApply(par, work);
        assertEquals(expected, actual);
        assertEquals(seq.counters(), par.counters());
        assertTrue(expected.contains(Verdict.OK) && expected.contains(Verdict.NOT_VALID), expected.toString());
    }
}
