package dev.macsec.mka;

import dev.macsec.capture.CaptureReader;
import dev.macsec.decode.FrameDecoder;
import dev.macsec.decode.mka.Mkpdu;
import dev.macsec.field.Dissection;
import dev.macsec.field.Severity;
import dev.macsec.keys.CakEntry;
import dev.macsec.keys.KeysFile;
import dev.macsec.testing.ProjectFiles;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * One MKA rule per test: the lab's real MKPDUs, replayed, reordered or edited and signed again with the ICK
 * (so the ICV still verifies), must raise exactly the finding the rule names.
 */
class MkaRulesTest {
    static final KeysFile LAB = MkaCaptureTest.LAB_CAK;
    static final byte[] ICK = LAB.caks().get(0).ick();
    static final long SECOND = 1_000_000_000L;
    static List<byte[]> handshake;
    static List<byte[]> rekey;

    final FrameDecoder decoder = new FrameDecoder();
    final List<MkpduOutcome> outcomes = new ArrayList<>();
    MkaTracker tracker;
    long number;

    @BeforeAll
    static void load() throws IOException {
        handshake = Frames.read(ProjectFiles.pcap("macsec_lab/mka-handshake.pcap"));
        rekey = Frames.read(ProjectFiles.pcap("macsec_lab/mka-rekey.pcap"));
    }

    /** Handshake frame {@code n} (1-based), a copy to edit. */
    static byte[] hs(int n) {
        return handshake.get(n - 1).clone();
    }

    MkpduOutcome feed(byte[] frame, double seconds) {
        if (tracker == null) {
            tracker = new MkaTracker(LAB, MkaTrackerOptions.DEFAULT);
        }
        decoder.decode(1, frame, 0, frame.length, new Dissection());
        Mkpdu pdu = decoder.lastMkpdu();
        assertNotNull(pdu);
        MkpduOutcome o = tracker.onMkpdu(++number, (long) (seconds * SECOND), MkaRun.u48(frame, 6),
                MkaRun.u48(frame, 0), pdu);
        outcomes.add(o);
        return o;
    }

    /** The clean handshake, one MKPDU every {@code step} seconds (0.4 s keeps within the bounded hello time). */
    void handshake(double step) {
        for (int i = 1; i <= 6; i++) {
            assertTrue(feed(hs(i), i * step).icv() != IcvStatus.FAILED);
        }
    }

    List<Finding> findings(String code) {
        return tracker.findings().stream().filter(f -> f.code().equals(code)).toList();
    }

    @Test
    void cleanHandshakeAtBoundedHelloHasNoFindings() {
        handshake(0.2);
        tracker.finish((long) (2.4 * SECOND));
        assertEquals(List.of(), tracker.findings());
    }

    @Test
    void replayedMkpduHasALowerMn() {
        handshake(0.4);
        MkpduOutcome o = feed(hs(1), 2.5);
        assertEquals(IcvStatus.VERIFIED, o.icv());
        List<Finding> f = findings(Rules.MN_NOT_INCREASING.code());
        assertEquals(1, f.size());
        assertEquals(Severity.ERROR, f.get(0).severity());
        assertEquals(7, f.get(0).frameNumber());
        assertTrue(f.get(0).message().contains("SCI 02000000000a0001 (MI aa01aa02aa03aa04aa05aa06) sent MN 1 after MN 3"),
                f.get(0).message());
        assertEquals(o.findings(), f);
    }

    @Test
    void secondKeyServerThatIsNotTheElectedOne() {
        for (int i = 1; i <= 3; i++) {
            feed(hs(i), i * 0.4);
        }
        byte[] b = hs(4); // node-b with its Live Peer List now claims Key Server
        Resign.keyServer(b, true);
        assertEquals(IcvStatus.VERIFIED, feed(Resign.sign(b, ICK), 1.6).icv());
        assertEquals(1, findings(Rules.SECOND_KEY_SERVER.code()).size());
        assertEquals(Severity.ERROR, findings(Rules.SECOND_KEY_SERVER.code()).get(0).severity());
        Finding notElected = findings(Rules.KEY_SERVER_NOT_ELECTED.code()).get(0);
        assertTrue(notElected.message().contains("SCI 02000000000b0001 (MI bb01bb02bb03bb04bb05bb06) (priority 32) claims"
                + " Key Server, but its live peer SCI 02000000000a0001"), notElected.message());
    }

    @Test
    void keyServerWithTheWorsePriority() {
        feed(hs(1), 0.4);
        feed(hs(2), 0.8);
        byte[] a = hs(3);
        Resign.priority(a, 64); // node-b has 32: node-a may not be Key Server
        feed(Resign.sign(a, ICK), 1.2);
        assertEquals(1, findings(Rules.KEY_SERVER_NOT_ELECTED.code()).size());
        assertEquals(0, findings(Rules.SECOND_KEY_SERVER.code()).size());
    }

    @Test
    void keychainFallsBackToTheSecondCakSharingTheCkn() {
        CakEntry right = LAB.caks().get(0);
        CakEntry wrong = new CakEntry(1, right.ckn(), HexFormat.of().parseHex("ffeeddccbbaa99887766554433221100"), "old pair");
        CakEntry renamed = new CakEntry(2, right.ckn(), right.cak(), "current pair");
        tracker = new MkaTracker(new KeysFile(List.of(), List.of(wrong, renamed), List.of()), MkaTrackerOptions.DEFAULT);
        handshake(0.4);
        assertTrue(outcomes.stream().allMatch(o -> o.icv() == IcvStatus.VERIFIED && o.keyName().equals("current pair")));
        assertEquals(1, outcomes.get(2).learned().size());
        assertEquals(2, findings(Rules.CAK_FALLBACK.code()).size()); // once per participant
        assertEquals(Severity.NOTE, findings(Rules.CAK_FALLBACK.code()).get(0).severity());
        assertEquals(0, findings(Rules.ICV_FAILED.code()).size());
    }

    @Test
    void unknownCknStillTracksTheSessionButLearnsNothing() {
        tracker = new MkaTracker(KeysFile.EMPTY, MkaTrackerOptions.DEFAULT);
        handshake(0.4);
        assertTrue(outcomes.stream().allMatch(o -> o.icv() == IcvStatus.NO_KEY && o.keyName() == null));
        assertTrue(outcomes.stream().allMatch(o -> o.learned().isEmpty()));
        assertEquals(1, findings(Rules.UNKNOWN_CKN.code()).size());
        assertTrue(findings(Rules.UNKNOWN_CKN.code()).get(0).message().contains("CKN 4d41435345432d4c41422d434b4e3031"));
        List<String> kinds = tracker.cas().get(0).timeline().stream().map(TimelineEvent::kind).toList();
        assertTrue(kinds.containsAll(List.of("key_server_elected", "sak_distributed", "sak_in_use")), kinds.toString());
    }

    @Test
    void alteredMkpduFailsItsIcvAndChangesNothing() {
        feed(hs(1), 0.4);
        feed(hs(2), 0.8);
        byte[] a = hs(3);
        a[Resign.icvAt(a) - 1] ^= 1; // not signed again
        MkpduOutcome o = feed(a, 1.2);
        assertEquals(IcvStatus.FAILED, o.icv());
        assertTrue(o.learned().isEmpty());
        assertEquals(Severity.ERROR, o.findings().get(0).severity());
        assertEquals(Rules.ICV_FAILED.code(), o.findings().get(0).code());
        assertTrue(tracker.cas().get(0).keyServer().isEmpty());
    }

    @Test
    void sakThatDoesNotUnwrap() {
        feed(hs(1), 0.4);
        feed(hs(2), 0.8);
        byte[] a = hs(3);
        int ds = Resign.param(a, 4);
        a[ds + 4 + 4 + 5] ^= 0x40; // inside the wrapped key
        MkpduOutcome o = feed(Resign.sign(a, ICK), 1.2);
        assertEquals(IcvStatus.VERIFIED, o.icv());
        assertTrue(o.learned().isEmpty());
        assertEquals(1, findings(Rules.SAK_UNWRAP_FAILED.code()).size());
        assertEquals(Severity.ERROR, findings(Rules.SAK_UNWRAP_FAILED.code()).get(0).severity());
    }

    @Test
    void rekeyThatSkipsAnAn() {
        tracker = new MkaTracker(LAB, MkaTrackerOptions.DEFAULT);
        byte[] a = rekey.get(3).clone(); // A MN=5 distributes KN 2: AN 1 becomes AN 3
        int ds = Resign.param(a, 4);
        a[ds + 1] = (byte) (a[ds + 1] & 0x3f | 3 << 6);
        feed(rekey.get(0).clone(), 0.4);
        feed(rekey.get(2).clone(), 0.8);
        feed(Resign.sign(a, ICK), 1.2);
        List<Finding> f = findings(Rules.AN_SEQUENCE.code());
        assertEquals(1, f.size(), tracker.findings().toString());
        assertTrue(f.get(0).message().contains("KN 2 with AN 3 after KN 1 on AN 0: the next SAK takes the next AN (1)"),
                f.get(0).message());
        // the Key Server's own SAK Use (same MKPDU, left as sent) and then node-b report KN 2 on AN 1
        assertEquals(1, findings(Rules.SAK_USE_AN_MISMATCH.code()).size());
        feed(rekey.get(4).clone(), 1.6);
        assertEquals(2, findings(Rules.SAK_USE_AN_MISMATCH.code()).size());
        assertTrue(findings(Rules.SAK_USE_AN_MISMATCH.code()).get(1).message().startsWith("SCI 02000000000b0001"));
    }

    @Test
    void silentParticipantsExceedHelloAndLifeTime() {
        handshake(4); // 4 s between MKPDUs, 8 s per participant
        List<Finding> lost = findings(Rules.PEER_LOST.code());
        assertEquals(4, lost.size(), lost.toString()); // A and B lost twice each before coming back
        assertTrue(tracker.cas().get(0).timeline().stream().anyMatch(e -> e.kind().equals(TimelineEvent.PEER_LOST)));
    }

    @Test
    void wpaSupplicantHellosWithinToleranceButStretchedTheyAreLate() throws IOException {
        // no delay protection: 2 s hello; gaps of 1.6 x 2.004 s exceed 1.5 x 2 s but not the 6 s life time
        tracker = new MkaTracker(MkaCaptureTest.LINUX_CAK, MkaTrackerOptions.DEFAULT);
        try (CaptureReader r = CaptureReader.open(ProjectFiles.pcap("linux-dut/mka.pcap"))) {
            long start = -1;
            while (r.next()) {
                byte[] f = java.util.Arrays.copyOfRange(r.data(), r.offset(), r.offset() + r.capturedLength());
                start = start < 0 ? r.timestampNanos() : start;
                if ((f[12] & 0xff) == 0x88 && (f[13] & 0xff) == 0x8e) {
                    feed(f, 1.6 * (r.timestampNanos() - start) / SECOND);
                }
            }
        }
        assertEquals(36, outcomes.size());
        assertFalse(findings(Rules.HELLO_INTERVAL.code()).isEmpty());
        assertTrue(findings(Rules.HELLO_INTERVAL.code()).get(0).message().contains("MKA Hello Time 2.000 s"));
        assertEquals(0, findings(Rules.PEER_LOST.code()).size());
    }

    @Test
    void restartedParticipantChangesItsMi() {
        handshake(0.4);
        byte[] b = hs(2);
        Resign.mi(b, 0x99);
        feed(Resign.sign(b, ICK), 2.8);
        assertEquals(1, findings(Rules.MI_CHANGED.code()).size());
        assertEquals(Severity.NOTE, findings(Rules.MI_CHANGED.code()).get(0).severity());
        assertTrue(tracker.cas().get(0).timeline().stream().anyMatch(e -> e.kind().equals(TimelineEvent.MI_CHANGED)
                && e.text().contains("bb01bb02bb03bb04bb05bb06 to bb01bb02bb03bb04bb05bb99")));
    }

    @Test
    void peerWithoutMacsecCapability() {
        feed(hs(1), 0.4);
        feed(hs(2), 0.8);
        feed(hs(3), 1.2);
        byte[] b = hs(4);
        Resign.capability(b, 0);
        feed(Resign.sign(b, ICK), 1.6);
        feed(hs(5), 2.0);
        List<Finding> f = findings(Rules.CAPABILITY_MISMATCH.code());
        assertEquals(1, f.size());
        assertTrue(f.get(0).message().contains("SCI 02000000000a0001 (MI aa01aa02aa03aa04aa05aa06) desires MACsec but its"
                + " live peer SCI 02000000000b0001"), f.get(0).message());
    }

    @Test
    void peerThatNeverInstallsTheSak() {
        feed(hs(1), 0.4);
        feed(hs(2), 0.8);
        feed(hs(3), 1.2);
        byte[] b = hs(4);
        int su = Resign.param(b, 3);
        b[su + 1] = (byte) (b[su + 1] & ~0x30); // latest key neither tx nor rx
        feed(Resign.sign(b, ICK), 1.6);
        tracker.finish((long) (1.7 * SECOND));
        List<Finding> f = findings(Rules.SAK_NOT_ACKNOWLEDGED.code());
        assertEquals(1, f.size());
        assertTrue(f.get(0).message().startsWith("SCI 02000000000b0001 (MI bb01bb02bb03bb04bb05bb06) never reported SAK KN 1"));
    }

    @Test
    void dataOnAnAnWithoutSak() {
        handshake(0.4);
        tracker.onDataFrame(7, 3 * SECOND, 0x02000000000a0001L, 0, 1, true);
        tracker.onDataFrame(8, 3 * SECOND, 0x02000000000a0001L, 2, 1, false);
        List<Finding> f = findings(Rules.DATA_AN_NOT_DISTRIBUTED.code());
        assertEquals(1, f.size());
        assertEquals(8, f.get(0).frameNumber());
        assertEquals(2, tracker.cas().get(0).dataFrames());
        assertEquals(1, tracker.cas().get(0).dataFramesVerified());
    }

    @Test
    void differentCknsNeverBecomeLive() {
        byte[] b = hs(2); // node-b uses another CKN (same length) and the CAK it has for it
        Resign.mi(b, 0x77);
        int ckn = Resign.BASIC + 4 + 28;
        b[ckn] = 'X';
        CakEntry other = new CakEntry(2, java.util.Arrays.copyOfRange(b, ckn, ckn + 16), LAB.caks().get(0).cak(), "other");
        tracker = new MkaTracker(new KeysFile(List.of(), List.of(LAB.caks().get(0), other), List.of()),
                MkaTrackerOptions.DEFAULT);
        feed(hs(1), 0.4);
        // its potential peer list still names node-a's MI, but that is in the other CA
        assertEquals(IcvStatus.VERIFIED, feed(Resign.sign(b, other.ick()), 0.8).icv());
        tracker.finish(SECOND);
        assertEquals(2, tracker.cas().size());
        assertFalse(findings(Rules.CKN_MISMATCH.code()).isEmpty());
    }

    @Test
    void findingsPerRuleAreCapped() {
        tracker = new MkaTracker(LAB, new MkaTrackerOptions(2 * SECOND, SECOND / 2, 6 * SECOND, 1.5, 2, 16, 100, 4));
        handshake(0.4);
        for (int i = 0; i < 5; i++) {
            feed(hs(1), 2.5 + i * 0.1);
        }
        tracker.finish(3 * SECOND);
        assertEquals(2, findings(Rules.MN_NOT_INCREASING.code()).size());
        List<Finding> summary = findings(Rules.FINDINGS_SUPPRESSED.code());
        assertEquals(1, summary.size());
        assertTrue(summary.get(0).message().startsWith("3 more mka.mn_not_increasing findings"), summary.get(0).message());
    }

    /** Edited MKPDUs, signed again so they reach every rule: the tracker never throws and stays bounded. */
    @Test
    void randomlyEditedSignedMkpdusNeverThrow() {
        tracker = new MkaTracker(MkaCaptureTest.LAB, new MkaTrackerOptions(2 * SECOND, SECOND / 2, 6 * SECOND, 1.5, 5, 8, 50, 16));
        java.util.Random random = new java.util.Random(1802);
        for (int i = 0; i < 3000; i++) {
            byte[] f = hs(1 + random.nextInt(6));
            int edits = 1 + random.nextInt(4);
            for (int e = 0; e < edits; e++) {
                int at = Resign.BASIC + random.nextInt(Resign.icvAt(f) - Resign.BASIC);
                f[at] = (byte) random.nextInt(256);
            }
            Resign.sign(f, ICK);
            decoder.decode(1, f, 0, f.length, new Dissection());
            Mkpdu pdu = decoder.lastMkpdu();
            if (pdu != null) {
                tracker.onMkpdu(++number, number * SECOND / 10, MkaRun.u48(f, 6), MkaRun.u48(f, 0), pdu);
            }
            tracker.onDataFrame(++number, number * SECOND / 10, random.nextLong(), random.nextInt(4), random.nextInt(), true);
        }
        tracker.finish(number * SECOND / 10);
        assertEquals(16, tracker.cas().size());
        assertTrue(tracker.untrackedMkpdus() > 0);
        for (ConnectivityAssociation ca : tracker.cas()) {
            assertTrue(ca.participants().size() <= 8);
            assertTrue(ca.timeline().size() <= 50);
            long perRule = ca.findings().stream().map(Finding::code).distinct()
                    .filter(c -> !c.equals(Rules.FINDINGS_SUPPRESSED.code()))
                    .mapToLong(c -> ca.findings().stream().filter(x -> x.code().equals(c)).count()).max().orElse(0);
            assertTrue(perRule <= 5, "per-rule cap");
        }
    }
}
