package dev.macsec.secy;

import static dev.macsec.secy.Peer.ENCRYPT;
import static dev.macsec.secy.Peer.INTEGRITY;
import static dev.macsec.secy.Peer.frame;
import static dev.macsec.secy.Peer.key;
import static dev.macsec.secy.Peer.rx;
import static dev.macsec.secy.Peer.sa;
import static dev.macsec.secy.Peer.sc;
import static dev.macsec.secy.Peer.secy;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.macsec.counter.Counter;
import dev.macsec.decode.SecTag;
import dev.macsec.suite.CipherSuite;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Every receive rule of IEEE 802.1AE-2018 10.6, profile ieee, with frames from our own transmit code. */
class ReceiveSecYTest {
    private static final ReceiveProfile IEEE = ReceiveProfile.IEEE;

    @ParameterizedTest
    @EnumSource(CipherSuite.class)
    void validFramesAreOkAndDecrypted(CipherSuite suite) {
        ReceiveSecY s = Peer.secy(suite, ValidateFrames.STRICT, true, 0, IEEE, 1);
        RxFrame f = RxFrame.of(frame(key(suite), ENCRYPT, 1));
        assertEquals(Verdict.OK, s.receive(f));
        assertArrayEquals(Peer.plain(100), Arrays.copyOf(f.out(), f.outLength()));
        assertEquals(Verdict.OK, rx(s, frame(key(suite), INTEGRITY, 2)));
        assertEquals(2, sc(s, Counter.IN_PKTS_OK));
        assertEquals(2, sa(s, 0, Counter.IN_PKTS_OK));
        assertEquals(100, sc(s, Counter.IN_OCTETS_DECRYPTED));
        assertEquals(100, sc(s, Counter.IN_OCTETS_VALIDATED));
        assertEquals(3, s.sc(Peer.SCI).sa(0).nextPn());
    }

    @Test
    void untaggedFrames() {
        ReceiveSecY strict = Peer.secy(CipherSuite.GCM_AES_128, ValidateFrames.STRICT, true, 0, IEEE, 1);
        assertEquals(Verdict.NO_TAG, rx(strict, Peer.plain(60)));
        assertEquals(1, secy(strict, Counter.IN_PKTS_NO_TAG));
        ReceiveSecY check = Peer.secy(CipherSuite.GCM_AES_128, ValidateFrames.CHECK, true, 0, IEEE, 1);
        RxFrame f = RxFrame.of(Peer.plain(60));
        assertEquals(Verdict.UNTAGGED, check.receive(f));
        assertEquals(1, secy(check, Counter.IN_PKTS_UNTAGGED));
        assertEquals(72, f.outLength());
    }

    @ParameterizedTest
    @EnumSource(CipherSuite.class)
    void badTags(CipherSuite suite) {
        ReceiveSecY s = Peer.secy(suite, ValidateFrames.CHECK, true, 0, IEEE, 1);
        byte[] v = frame(key(suite), ENCRYPT, 1);
        v[14] |= (byte) SecTag.TCI_V;
        assertEquals(Verdict.BAD_TAG, rx(s, v));
        byte[] esAndSc = frame(key(suite), ENCRYPT | SecTag.TCI_ES, 1);
        assertEquals(Verdict.BAD_TAG, rx(s, esAndSc));
        byte[] truncated = Arrays.copyOf(frame(key(suite), ENCRYPT, 1), 18);
        assertEquals(Verdict.BAD_TAG, rx(s, truncated));
        assertEquals(3, secy(s, Counter.IN_PKTS_BAD_TAG));
        assertEquals(0, sc(s, Counter.IN_PKTS_OK) + sc(s, Counter.IN_PKTS_NOT_VALID));
        // 9.12: PN 0 is a bad tag except for XPN, where the low half may be zero
        byte[] pnZero = frame(key(suite), ENCRYPT, suite.xpn() ? 0x1_0000_0000L : 0);
        assertEquals(suite.xpn() ? Verdict.OK : Verdict.BAD_TAG, rx(s, pnZero));
        assertEquals(suite.xpn() ? 3 : 4, secy(s, Counter.IN_PKTS_BAD_TAG));
    }

    @Test
    void unknownSci() {
        CipherSuite suite = CipherSuite.GCM_AES_256;
        ReceiveSecY check = Peer.secy(suite, ValidateFrames.CHECK, true, 0, IEEE, 1);
        check.sc(Peer.SCI); // only SCI 020000000001/1 is known
        byte[] enc = frame(key(suite), ENCRYPT, 1);
        enc[27] ^= 1; // SCI port
        assertEquals(Verdict.NO_SCI, rx(check, enc));
        byte[] integ = frame(key(suite), INTEGRITY, 1);
        integ[27] ^= 1;
        RxFrame f = RxFrame.of(integ);
        assertEquals(Verdict.UNKNOWN_SCI, check.receive(f));
        assertArrayEquals(Peer.plain(100), Arrays.copyOf(f.out(), f.outLength()));
        assertEquals(1, secy(check, Counter.IN_PKTS_NO_SCI));
        assertEquals(1, secy(check, Counter.IN_PKTS_UNKNOWN_SCI));
        ReceiveSecY strict = Peer.secy(suite, ValidateFrames.STRICT, true, 0, IEEE, 1);
        assertEquals(Verdict.NO_SCI, rx(strict, integ));
        assertEquals(1, secy(strict, Counter.IN_PKTS_NO_SCI));
    }

    @ParameterizedTest
    @EnumSource(CipherSuite.class)
    void noSaOrSaNotInUse(CipherSuite suite) {
        ReceiveSecY s = Peer.secy(suite, ValidateFrames.CHECK, true, 0, IEEE, 1);
        assertEquals(Verdict.NOT_USING_SA, rx(s, frame(key(suite), ENCRYPT, 1, 1, 100)));
        assertEquals(Verdict.UNUSED_SA, rx(s, frame(key(suite), INTEGRITY, 1, 1, 100)));
        assertEquals(1, sc(s, Counter.IN_PKTS_NOT_USING_SA));
        assertEquals(1, sc(s, Counter.IN_PKTS_UNUSED_SA));
        s.sc(Peer.SCI).sa(0).inUse(false);
        assertEquals(Verdict.NOT_USING_SA, rx(s, frame(key(suite), ENCRYPT, 1)));
        assertEquals(Verdict.UNUSED_SA, rx(s, frame(key(suite), INTEGRITY, 2)));
        assertEquals(1, sa(s, 0, Counter.IN_PKTS_NOT_USING_SA));
        assertEquals(1, sa(s, 0, Counter.IN_PKTS_UNUSED_SA));
        ReceiveSecY strict = Peer.secy(suite, ValidateFrames.STRICT, true, 0, IEEE, 1);
        assertEquals(Verdict.NOT_USING_SA, rx(strict, frame(key(suite), INTEGRITY, 1, 1, 100)));
    }

    @ParameterizedTest
    @EnumSource(value = CipherSuite.class, names = {"GCM_AES_128", "GCM_AES_256"})
    void lateDelayedAndReplayWindow(CipherSuite suite) {
        ReceiveSecY s = Peer.secy(suite, ValidateFrames.STRICT, true, 0, IEEE, 1);
        assertEquals(Verdict.OK, rx(s, frame(key(suite), ENCRYPT, 5)));
        assertEquals(Verdict.LATE, rx(s, frame(key(suite), ENCRYPT, 3)));
        assertEquals(Verdict.LATE, rx(s, frame(key(suite), ENCRYPT, 5)), "replay of the same PN");
        byte[] lateAndBroken = frame(key(suite), ENCRYPT, 4);
        lateAndBroken[lateAndBroken.length - 1] ^= 1;
        assertEquals(Verdict.LATE, rx(s, lateAndBroken), "late is decided before validation");
        assertEquals(3, sc(s, Counter.IN_PKTS_LATE));
        assertEquals(0, sc(s, Counter.IN_PKTS_NOT_VALID));

        ReceiveSecY noReplay = Peer.secy(suite, ValidateFrames.STRICT, false, 0, IEEE, 1);
        rx(noReplay, frame(key(suite), ENCRYPT, 5));
        assertEquals(100, sc(noReplay, Counter.IN_OCTETS_DECRYPTED), "the in-order frame's 100 octets of user data");
        assertEquals(Verdict.DELAYED, rx(noReplay, frame(key(suite), ENCRYPT, 3)));
        assertEquals(1, sc(noReplay, Counter.IN_PKTS_DELAYED));
        assertEquals(100, sc(noReplay, Counter.IN_OCTETS_DECRYPTED), "Delayed frames add no octets");
        assertEquals(6, noReplay.sc(Peer.SCI).sa(0).nextPn(), "next PN = max(next PN, PN + 1)");

        ReceiveSecY window = Peer.secy(suite, ValidateFrames.STRICT, true, 2, IEEE, 1);
        rx(window, frame(key(suite), ENCRYPT, 5));
        assertEquals(Verdict.OK, rx(window, frame(key(suite), ENCRYPT, 4)));
        assertEquals(Verdict.OK, rx(window, frame(key(suite), ENCRYPT, 4)), "802.1AE keeps no bitmap");
        assertEquals(Verdict.LATE, rx(window, frame(key(suite), ENCRYPT, 3)));
    }

    @ParameterizedTest
    @EnumSource(CipherSuite.class)
    void invalidAndNotValid(CipherSuite suite) {
        byte[] enc = frame(key(suite), ENCRYPT, 1);
        enc[40] ^= 1;
        byte[] integ = frame(key(suite), INTEGRITY, 2);
        integ[40] ^= 1;
        ReceiveSecY strict = Peer.secy(suite, ValidateFrames.STRICT, true, 0, IEEE, 1);
        assertEquals(Verdict.NOT_VALID, rx(strict, enc));
        assertEquals(Verdict.NOT_VALID, rx(strict, integ));
        assertEquals(2, sc(strict, Counter.IN_PKTS_NOT_VALID));
        assertEquals(2, sa(strict, 0, Counter.IN_PKTS_NOT_VALID));
        assertEquals(1, strict.sc(Peer.SCI).sa(0).nextPn(), "failed frames do not move next PN");
        ReceiveSecY check = Peer.secy(suite, ValidateFrames.CHECK, true, 0, IEEE, 1);
        assertEquals(Verdict.NOT_VALID, rx(check, enc), "C=1 cannot be delivered");
        RxFrame f = RxFrame.of(integ);
        assertEquals(Verdict.INVALID, check.receive(f));
        assertTrue(f.outLength() > 0);
        assertEquals(1, sc(check, Counter.IN_PKTS_INVALID));
        assertEquals(1, sa(check, 0, Counter.IN_PKTS_INVALID));
        assertEquals(0, sc(check, Counter.IN_OCTETS_VALIDATED) + sc(check, Counter.IN_OCTETS_DECRYPTED));
    }

    @ParameterizedTest
    @EnumSource(CipherSuite.class)
    void validationDisabled(CipherSuite suite) {
        ReceiveSecY s = Peer.secy(suite, ValidateFrames.DISABLED, true, 0, IEEE, 1);
        byte[] integ = frame(key(suite), INTEGRITY, 7);
        integ[40] ^= 1; // not checked, so not noticed
        assertEquals(Verdict.UNCHECKED, rx(s, integ));
        assertEquals(1, sc(s, Counter.IN_PKTS_UNCHECKED));
        assertEquals(100, sc(s, Counter.IN_OCTETS_VALIDATED));
        assertEquals(8, s.sc(Peer.SCI).sa(0).nextPn());
        assertEquals(Verdict.OK, rx(s, frame(key(suite), ENCRYPT, 8)), "C=1 is always validated");
        byte[] enc = frame(key(suite), ENCRYPT, 9);
        enc[40] ^= 1;
        assertEquals(Verdict.NOT_VALID, rx(s, enc));
    }

    @Test
    void encryptedButNotChangedGoesToTheUncontrolledPort() {
        ReceiveSecY s = Peer.secy(CipherSuite.GCM_AES_128, ValidateFrames.STRICT, true, 0, IEEE, 1);
        byte[] f = frame(key(CipherSuite.GCM_AES_128), SecTag.TCI_SC | SecTag.TCI_E, 1);
        assertEquals(Verdict.UNCONTROLLED, rx(s, f));
        assertEquals(Peer.secy(CipherSuite.GCM_AES_128, ValidateFrames.STRICT, true, 0, IEEE, 1).counters(), s.counters(),
                "no counter moved");
    }

    @ParameterizedTest
    @EnumSource(value = CipherSuite.class, names = {"GCM_AES_XPN_128", "GCM_AES_XPN_256"})
    void xpnRecoversTheUpperHalfFromTheLowestAcceptablePn(CipherSuite suite) {
        ReceiveSecY s = Peer.secy(suite, ValidateFrames.STRICT, true, 16, IEEE, 0xFFFF_FFF0L);
        assertEquals(Verdict.OK, rx(s, frame(key(suite), ENCRYPT, 0x1_0000_0001L)));
        assertEquals(0x1_0000_0002L, s.sc(Peer.SCI).sa(0).nextPn());
        assertEquals(Verdict.OK, rx(s, frame(key(suite), ENCRYPT, 0x0_FFFF_FFFFL)), "inside the window");
        // below the window the recovered PN is 2^32 too high: the ICV fails
        assertEquals(Verdict.NOT_VALID, rx(s, frame(key(suite), ENCRYPT, 0x0_FFFF_FFF0L)));
        assertEquals(2, sc(s, Counter.IN_PKTS_OK));
    }

    @ParameterizedTest
    @EnumSource(CipherSuite.class)
    void wildcardKeyLearnsScAndStartsTheWindowAtTheFirstPn(CipherSuite suite) {
        ReceiveSecY s = new ReceiveSecY(ReceiveSecY.Config.strict(suite), IEEE);
        s.addWildcardKey(key(suite));
        assertEquals(Verdict.OK, rx(s, frame(key(suite), ENCRYPT, 2, 100, 100)));
        ReceiveSc sc = s.sc(Peer.SCI);
        assertTrue(sc.learned());
        assertEquals(101, sc.sa(2).nextPn());
        // XPN: a PN below the window is recovered 2^32 higher (10.6.2), so it fails validation rather than Late
        assertEquals(suite.xpn() ? Verdict.NOT_VALID : Verdict.LATE, rx(s, frame(key(suite), ENCRYPT, 2, 50, 100)));
        byte[] other = frame(Peer.key(suite == CipherSuite.GCM_AES_128 ? CipherSuite.GCM_AES_256 : CipherSuite.GCM_AES_128),
                ENCRYPT, 1, 5, 100);
        // the wildcard key was tried on AN 1 and failed: an ICV failure on that SA (10.6.4), whose window is not set
        assertEquals(Verdict.NOT_VALID, rx(s, other));
        assertEquals(OptionalLong.of(1), sc.sa(1).counters().get(Counter.IN_PKTS_NOT_VALID));
        assertEquals(1, sc.sa(1).nextPn());
        assertEquals(Verdict.OK, rx(s, frame(key(suite), ENCRYPT, 1, 4, 100)), "and the right key's first frame starts it");
        assertEquals(5, sc.sa(1).nextPn());
    }

    @ParameterizedTest
    @EnumSource(CipherSuite.class)
    void parallelVerifyThenOrderedApplyEqualsSequentialReceive(CipherSuite suite) throws Exception {
        List<byte[]> frames = new ArrayList<>();
        long base = suite.xpn() ? 0xFFFF_FF00L : 1;
        for (int i = 0; i < 400; i++) {
            long pn = base + (i % 7 == 3 ? i - 5 : i) * 2L; // some reordered, crossing 2^32 for XPN
            byte[] f = frame(key(suite), i % 2 == 0 ? ENCRYPT : INTEGRITY, 0, Math.max(1, pn), 60 + i);
            if (i % 11 == 0) {
                f[f.length - 3] ^= 1;
            }
            frames.add(f);
        }
        ReceiveSecY seq = Peer.secy(suite, ValidateFrames.CHECK, true, 8, IEEE, base);
        List<Verdict> expected = new ArrayList<>();
        for (byte[] f : frames) {
            expected.add(rx(seq, f));
        }
        ReceiveSecY par = Peer.secy(suite, ValidateFrames.CHECK, true, 8, IEEE, base);
        List<RxFrame> work = new ArrayList<>();
        for (byte[] f : frames) {
            work.add(RxFrame.of(f));
        }
        List<Verdict> actual = Peer.verifyOnTwoThreadsThenApply(par, work);
        assertEquals(expected, actual);
        assertEquals(seq.counters(), par.counters());
        assertTrue(expected.contains(Verdict.OK) && expected.contains(Verdict.NOT_VALID) && expected.contains(Verdict.INVALID));
        assertEquals(!suite.xpn(), expected.contains(Verdict.LATE), "XPN never counts Late (10.6.2 recovery)");
    }
}
