package dev.macsec.secy;

import static dev.macsec.secy.Peer.ENCRYPT;
import static dev.macsec.secy.Peer.INTEGRITY;
import static dev.macsec.secy.Peer.frame;
import static dev.macsec.secy.Peer.key;
import static dev.macsec.secy.Peer.rx;
import static dev.macsec.secy.Peer.sa;
import static dev.macsec.secy.Peer.sc;
import static dev.macsec.secy.Peer.secy;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.macsec.counter.Counter;
import dev.macsec.crypto.MacsecGcm;
import dev.macsec.decode.SecTag;
import dev.macsec.suite.CipherSuite;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Each Linux deviation: ieee vs ieee+that switch vs the whole linux profile. */
class ReceiveProfileTest {
    private static final CipherSuite XPN = CipherSuite.GCM_AES_XPN_128;
    private static final CipherSuite GCM = CipherSuite.GCM_AES_128;

    private static ReceiveProfile only(Deviation d) {
        return ReceiveProfile.IEEE.with(d, true);
    }

    @Test
    void profilesByName() {
        assertEquals(ReceiveProfile.LINUX, ReceiveProfile.byName("Linux"));
        assertEquals(ReceiveProfile.LINUX_6_1, ReceiveProfile.byName("linux"), "linux is an alias of linux-6.1");
        assertEquals(ReceiveProfile.LINUX_6_1, ReceiveProfile.byName("linux-6.1"));
        assertEquals(ReceiveProfile.LINUX_6_12, ReceiveProfile.byName("LINUX-6.12"));
        assertEquals("linux-6.12", ReceiveProfile.LINUX_6_12.name());
        assertEquals(ReceiveProfile.IEEE, ReceiveProfile.byName("ieee"));
        assertEquals(null, ReceiveProfile.byName("bsd"));
    }

    @ParameterizedTest
    @EnumSource(value = CipherSuite.class, names = {"GCM_AES_XPN_128", "GCM_AES_XPN_256"})
    void d1FirstFrameAfterTheWrapIsDelayed(CipherSuite suite) {
        for (ReceiveProfile p : new ReceiveProfile[] {ReceiveProfile.IEEE, only(Deviation.XPN_COMPARES_LOW_32_BITS), ReceiveProfile.LINUX}) {
            ReceiveSecY s = Peer.secy(suite, ValidateFrames.STRICT, true, 0, p, 0xFFFF_FFF0L);
            Verdict v = rx(s, frame(key(suite), ENCRYPT, 0x1_0000_0001L));
            assertEquals(p == ReceiveProfile.IEEE ? Verdict.OK : Verdict.DELAYED, v, p.name());
            assertEquals(0x1_0000_0002L, s.sc(Peer.SCI).sa(0).nextPn(), p.name());
            assertEquals(Verdict.OK, rx(s, frame(key(suite), ENCRYPT, 0x1_0000_0002L)), p.name());
        }
    }

    @Test
    void d2RecoveryFromNextPnBreaksAnInWindowFrame() {
        for (ReceiveProfile p : new ReceiveProfile[] {ReceiveProfile.IEEE, only(Deviation.XPN_RECOVERS_FROM_NEXT_PN), ReceiveProfile.LINUX}) {
            ReceiveSecY s = Peer.secy(XPN, ValidateFrames.STRICT, true, 16, p, 0xFFFF_FFF8L);
            rx(s, frame(key(XPN), ENCRYPT, 0x1_0000_0000L));
            Verdict v = rx(s, frame(key(XPN), ENCRYPT, 0x0_FFFF_FFFFL));
            assertEquals(p == ReceiveProfile.IEEE ? Verdict.OK : Verdict.NOT_VALID, v, p.name());
            assertEquals(p == ReceiveProfile.IEEE ? 0 : 1, sc(s, Counter.IN_PKTS_NOT_VALID), p.name());
        }
    }

    @Test
    void d3NonXpnNextPnSticksAtTheTop() {
        for (ReceiveProfile p : new ReceiveProfile[] {ReceiveProfile.IEEE, only(Deviation.NEXT_PN_32_BIT_WRAP), ReceiveProfile.LINUX}) {
            ReceiveSecY s = Peer.secy(GCM, ValidateFrames.STRICT, true, 2, p, 0xFFFF_FFF0L);
            assertEquals(Verdict.OK, rx(s, frame(key(GCM), ENCRYPT, 0xFFFF_FFFEL)));
            assertEquals(Verdict.OK, rx(s, frame(key(GCM), ENCRYPT, 0xFFFF_FFFFL)));
            boolean ieee = p == ReceiveProfile.IEEE;
            assertEquals(ieee ? 0x1_0000_0000L : 0xFFFF_FFFFL, s.sc(Peer.SCI).sa(0).nextPn(), p.name());
            assertEquals(ieee ? Verdict.LATE : Verdict.OK, rx(s, frame(key(GCM), ENCRYPT, 0xFFFF_FFFDL)), p.name());
        }
    }

    @Test
    void d4DisabledFramesAreNotAccepted() {
        for (ReceiveProfile p : new ReceiveProfile[] {ReceiveProfile.IEEE, only(Deviation.DISABLED_FRAMES_NOT_ACCEPTED), ReceiveProfile.LINUX}) {
            ReceiveSecY s = Peer.secy(GCM, ValidateFrames.DISABLED, true, 0, p, 1);
            assertEquals(Verdict.UNCHECKED, rx(s, frame(key(GCM), INTEGRITY, 5)), p.name());
            boolean ieee = p == ReceiveProfile.IEEE;
            assertEquals(ieee ? 6 : 1, s.sc(Peer.SCI).sa(0).nextPn(), p.name());
            assertEquals(ieee ? 100 : 0, sc(s, Counter.IN_OCTETS_VALIDATED), p.name());
            assertEquals(1, sc(s, Counter.IN_PKTS_UNCHECKED), p.name());
        }
    }

    @Test
    void d5OctetsCountedBeforeTheVerdict() {
        for (ReceiveProfile p : new ReceiveProfile[] {ReceiveProfile.IEEE, only(Deviation.OCTETS_BEFORE_VERDICT), ReceiveProfile.LINUX}) {
            ReceiveSecY s = Peer.secy(GCM, ValidateFrames.CHECK, false, 0, p, 1);
            byte[] ok = frame(key(GCM), ENCRYPT, 5);
            byte[] broken = frame(key(GCM), ENCRYPT, 6);
            broken[40] ^= 1;
            byte[] invalid = frame(key(GCM), INTEGRITY, 7);
            invalid[40] ^= 1;
            assertEquals(Verdict.OK, rx(s, ok));
            assertEquals(Verdict.NOT_VALID, rx(s, broken));
            assertEquals(Verdict.INVALID, rx(s, invalid));
            assertEquals(Verdict.DELAYED, rx(s, frame(key(GCM), ENCRYPT, 3)), p.name());
            boolean ieee = p == ReceiveProfile.IEEE;
            // linux: the secure data (100 octets) of OK, NotValid and Delayed frames alike
            assertEquals(ieee ? 100 : 3 * 100, sc(s, Counter.IN_OCTETS_DECRYPTED), p.name());
            assertEquals(ieee ? 0 : 100, sc(s, Counter.IN_OCTETS_VALIDATED), p.name());
        }
    }

    @Test
    void d5NoPerSaCountersForUnusedSas() {
        for (ReceiveProfile p : new ReceiveProfile[] {ReceiveProfile.IEEE, only(Deviation.NO_PER_SA_UNUSED_COUNTERS), ReceiveProfile.LINUX}) {
            ReceiveSecY s = Peer.secy(GCM, ValidateFrames.CHECK, true, 0, p, 1);
            s.sc(Peer.SCI).sa(0).inUse(false);
            assertEquals(Verdict.NOT_USING_SA, rx(s, frame(key(GCM), ENCRYPT, 1)));
            assertEquals(Verdict.UNUSED_SA, rx(s, frame(key(GCM), INTEGRITY, 2)));
            boolean ieee = p == ReceiveProfile.IEEE;
            assertEquals(1, sc(s, Counter.IN_PKTS_NOT_USING_SA));
            assertEquals(1, sc(s, Counter.IN_PKTS_UNUSED_SA));
            assertEquals(ieee ? 1 : 0, sa(s, 0, Counter.IN_PKTS_NOT_USING_SA), p.name());
            assertEquals(ieee ? 1 : 0, sa(s, 0, Counter.IN_PKTS_UNUSED_SA), p.name());
        }
    }

    @Test
    void d5MalformedTagWithUnknownSciCountsNoSci() {
        for (ReceiveProfile p : new ReceiveProfile[] {ReceiveProfile.IEEE, only(Deviation.SCI_LOOKUP_BEFORE_TAG_CHECK), ReceiveProfile.LINUX}) {
            ReceiveSecY s = Peer.secy(GCM, ValidateFrames.STRICT, true, 0, p, 1);
            byte[] f = frame(key(GCM), ENCRYPT, 1);
            f[14] |= (byte) SecTag.TCI_V;
            f[27] ^= 1; // unknown SCI
            Verdict v = rx(s, f);
            boolean ieee = p == ReceiveProfile.IEEE;
            assertEquals(ieee ? Verdict.BAD_TAG : Verdict.NO_SCI, v, p.name());
            assertEquals(ieee ? 1 : 0, secy(s, Counter.IN_PKTS_BAD_TAG), p.name());
            assertEquals(ieee ? 0 : 1, secy(s, Counter.IN_PKTS_NO_SCI), p.name());
        }
    }

    @Test
    void d5UncontrolledFramesAndOverrunMoveNoCounterInEitherProfile() {
        for (ReceiveProfile p : new ReceiveProfile[] {ReceiveProfile.IEEE, ReceiveProfile.LINUX}) {
            ReceiveSecY s = Peer.secy(GCM, ValidateFrames.STRICT, true, 0, p, 1);
            assertEquals(Verdict.UNCONTROLLED, rx(s, frame(key(GCM), SecTag.TCI_SC | SecTag.TCI_E, 1)));
            assertEquals(0, secy(s, Counter.IN_PKTS_OVERRUN) + secy(s, Counter.IN_PKTS_BAD_TAG) + sc(s, Counter.IN_PKTS_OK));
        }
    }

    /**
     * 802.1AE-2018 9.9: SC=0 and ES=0 name the single peer's SCI, whatever the source MAC (ES=1 is what says the
     * source MAC names it); Linux 6.1.192 answers the conformance case so (802.1AE-9.9-implicit-sci passes on it).
     */
    @Test
    void implicitSciIsTheSingleReceiveScInEveryProfile() {
        for (ReceiveProfile p : new ReceiveProfile[] {ReceiveProfile.IEEE, ReceiveProfile.LINUX}) {
            ReceiveSecY s = Peer.secy(GCM, ValidateFrames.STRICT, true, 0, p, 1);
            // SC=0, ES=0 from source MAC 02:00:00:00:00:77, protected by a sender using the peer's SCI in the IV
            byte[] plain = Peer.plain(100);
            plain[11] = 0x77;
            byte[] f = new byte[FrameProtection.protectedLength(plain.length, false)];
            FrameProtection.protect(new MacsecGcm(key(GCM)), plain, 0, plain.length, Peer.SCI, SecTag.TCI_E | SecTag.TCI_C,
                    0, 1, 0, f, 0);
            assertEquals(Verdict.OK, rx(s, f), p.name());
        }
    }

    @Test
    void slOf48To63MatchingTheLengthIsAccepted() {
        for (ReceiveProfile p : new ReceiveProfile[] {ReceiveProfile.IEEE, only(Deviation.SHORT_LENGTH_48_TO_63_ACCEPTED), ReceiveProfile.LINUX}) {
            ReceiveSecY s = Peer.secy(GCM, ValidateFrames.STRICT, true, 0, p, 1);
            byte[] f = frame(key(GCM), INTEGRITY, 0, 1, 50);
            f[15] = (byte) (f.length - 12 - 16 - 16); // SL = the real secure data length, 50
            Verdict v = rx(s, f);
            assertEquals(p == ReceiveProfile.IEEE ? Verdict.BAD_TAG : Verdict.NOT_VALID, v, p.name());
        }
    }

    @Test
    void truncatedSecTagIsNotCounted() {
        for (ReceiveProfile p : new ReceiveProfile[] {ReceiveProfile.IEEE, only(Deviation.TRUNCATED_SECTAG_NOT_COUNTED), ReceiveProfile.LINUX}) {
            ReceiveSecY s = Peer.secy(GCM, ValidateFrames.STRICT, true, 0, p, 1);
            byte[] f = java.util.Arrays.copyOf(frame(key(GCM), ENCRYPT, 1), 18);
            assertEquals(Verdict.BAD_TAG, rx(s, f), p.name());
            assertEquals(p == ReceiveProfile.IEEE ? 1L : 0L, secy(s, Counter.IN_PKTS_BAD_TAG), p.name());
        }
    }

    /**
     * replayProtect off: valid frames below next PN - replayWindow count InPktsDelayed and are delivered, the rest
     * InPktsOK, as 802.1AE 10.6.5 says and macsec_post_decrypt does (lowest_pn = next_pn - replay_window whatever
     * replay_protect). The expected counters are those Linux 6.1.192 (Debian's cloud kernel, iproute2 6.1) counted
     * for the frames of conformance cases 10.6.2-replay-off-delayed, -window-2 and -window-2^32-1 in qemu, on all
     * four cipher suites (the last on the two non-XPN ones: the kernel refuses an XPN window above 2^30-1).
     */
    @ParameterizedTest
    @EnumSource(CipherSuite.class)
    void replayOffDelaysFramesBelowTheWindow(CipherSuite suite) {
        ReceiveProfile[] profiles = suite.xpn() ? new ReceiveProfile[] {ReceiveProfile.LINUX}
                : new ReceiveProfile[] {ReceiveProfile.IEEE, ReceiveProfile.LINUX};
        for (ReceiveProfile p : profiles) {
            assertReplayOff(suite, p, 0, new long[] {10, 5, 11}, 2, 1);
            assertReplayOff(suite, p, 2, new long[] {10, 5, 8, 9, 11}, 3, 2);
            if (!suite.xpn()) {
                // what `ip link add ... replay off` without `window` configures (iproute2 6.1 sends 2^32-1)
                assertReplayOff(suite, p, 0xFFFF_FFFFL, new long[] {10, 5, 11}, 3, 0);
            }
        }
    }

    /**
     * XPN, the standard: a PN below the lowest acceptable one is taken to be 2^32 further on (10.6.2), so it does not
     * verify; Linux recovers it from next PN instead (XPN_RECOVERS_FROM_NEXT_PN) and counts it Delayed.
     */
    @ParameterizedTest
    @EnumSource(value = CipherSuite.class, names = {"GCM_AES_XPN_128", "GCM_AES_XPN_256"})
    void replayOffXpnBelowTheWindowIsNotValidInTheStandard(CipherSuite suite) {
        for (ReceiveProfile p : new ReceiveProfile[] {ReceiveProfile.IEEE, only(Deviation.XPN_RECOVERS_FROM_NEXT_PN)}) {
            ReceiveSecY s = Peer.secy(suite, ValidateFrames.STRICT, false, 2, p, 1);
            assertEquals(Verdict.OK, rx(s, frame(key(suite), ENCRYPT, 10)), p.name());
            assertEquals(p == ReceiveProfile.IEEE ? Verdict.NOT_VALID : Verdict.DELAYED,
                    rx(s, frame(key(suite), ENCRYPT, 5)), p.name());
        }
    }

    private static void assertReplayOff(CipherSuite suite, ReceiveProfile p, long window, long[] pns, long ok,
                                        long delayed) {
        ReceiveSecY s = Peer.secy(suite, ValidateFrames.STRICT, false, window, p, 1);
        for (long pn : pns) {
            Verdict v = rx(s, frame(key(suite), ENCRYPT, pn));
            assertEquals(true, v.delivered(), p.name() + " PN " + pn + ": " + v);
        }
        String what = suite + " " + p.name() + " window " + window;
        assertEquals(ok, sc(s, Counter.IN_PKTS_OK), what);
        assertEquals(delayed, sc(s, Counter.IN_PKTS_DELAYED), what);
        assertEquals(0, sc(s, Counter.IN_PKTS_LATE), what);
        assertEquals(pns[pns.length - 1] + 1, s.sc(Peer.SCI).sa(0).nextPn(), what);
    }
}
