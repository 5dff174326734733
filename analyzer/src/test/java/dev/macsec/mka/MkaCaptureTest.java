package dev.macsec.mka;

import dev.macsec.crypto.SaKey;
import dev.macsec.field.Bytes;
import dev.macsec.field.Severity;
import dev.macsec.keys.KeysFile;
import dev.macsec.secy.ReceiveProfile;
import dev.macsec.secy.ReceiveSecY;
import dev.macsec.secy.RxFrame;
import dev.macsec.secy.ValidateFrames;
import dev.macsec.secy.Verdict;
import dev.macsec.suite.CipherSuite;
import dev.macsec.testing.ProjectFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The tracker on real MKA traffic: wpa_supplicant between two Linux devices, and the MACsec_Lab stories. */
class MkaCaptureTest {
    static final KeysFile LINUX = KeysFile.load(ProjectFiles.pcap("linux-dut/keys.json"));
    static final KeysFile LAB = KeysFile.load(ProjectFiles.pcap("macsec_lab/keys-macsec.json"));
    /** Only the CAKs: every SAK must come from the MKPDUs. */
    static final KeysFile LINUX_CAK = new KeysFile(List.of(), LINUX.caks(), List.of());
    static final KeysFile LAB_CAK = new KeysFile(List.of(), LAB.caks(), List.of());
    static final long A = 0x02000000000a0001L;
    static final long B = 0x02000000000b0001L;
    static final long C = 0x02000000000c0001L;

    static byte[] hex(String s) {
        return HexFormat.of().parseHex(s);
    }

    static long count(MkaRun run, String code) {
        return run.codes().stream().filter(code::equals).count();
    }

    static void noErrors(MkaRun run) {
        List<Finding> errors = run.tracker.findings().stream().filter(f -> f.severity() == Severity.ERROR).toList();
        assertTrue(errors.isEmpty(), errors.toString());
    }

    @Test
    void linuxDutEveryIcvVerifiesAndTheSakDecryptsAllDataFrames() throws IOException {
        MkaRun run = MkaRun.of("linux-dut/mka.pcap", LINUX_CAK);
        assertEquals(36, run.outcomes.size());
        assertTrue(run.icvs().stream().allMatch(IcvStatus.VERIFIED::equals), run.icvs().toString());
        assertTrue(run.outcomes.values().stream().allMatch(o -> "mka.pcap pre-shared CAK".equals(o.keyName())));

        assertEquals(1, run.learned.size());
        LearnedSak sak = run.learned.get(0);
        assertEquals(3, sak.frameNumber());
        assertEquals(1, sak.keyNumber());
        assertEquals(0, sak.an());
        assertEquals(CipherSuite.GCM_AES_128, sak.suite());
        assertEquals(1, sak.confidentialityOffsetCode(), "wpa_supplicant: confidentiality, offset 0");
        assertEquals(0, sak.confidentialityOffset());
        assertEquals("f86af28530c8c924cf95c4d1", sak.keyServerMi().hex());
        assertEquals(0x52540000000a0001L, sak.keyServerSci());
        assertEquals(List.of(0x52540000000a0001L, 0x52540000000b0001L), sak.liveScis());
        SaKey expected = SaKey.of(CipherSuite.GCM_AES_128, hex("cdeb2e70e64250b2365aa4f63b2da88e"));
        sak.keys().values().forEach(k -> assertEquals(expected, k));
        assertFalse(sak.toString().contains("cdeb2e70"));

        // the analyzer's use of it: a SecY holding only the learned key verifies every data frame
        assertEquals(30, run.data.size());
        assertTrue(run.data.values().stream().allMatch(Verdict.OK::equals), run.data.toString());
        ConnectivityAssociation ca = run.onlyCa();
        assertEquals(30, ca.dataFrames());
        assertEquals(30, ca.dataFramesVerified());
        // the session as tshark decodes it ('tshark -r mka.pcap -Y eapol -T fields -e frame.number -e mka.sci
        // -e mka.key_server -e mka.peer_mi -e mka.distributed_an -e mka.key_number -e mka.latest_key_tx
        // -e mka.latest_key_rx -e mka.latest_key_number'): frame 1 is ...0a0001's first MKPDU and frame 2
        // ...0b0001's (the latter lists the former as potential peer); in frame 3 ...0a0001 lists ...0b0001 in its
        // Live Peer List, says Key Server and distributes KN 1 on AN 0; it reports KN 1 tx and rx in frame 5, and
        // ...0b0001 does in frame 7 (frame 6: rx only); every other MKPDU repeats
        assertEquals(List.of("1 peer_joined", "1 cak_selected", "2 peer_joined", "2 cak_selected", "3 peer_live",
                "3 peer_live", "3 key_server_elected", "3 sak_distributed", "5 sak_installed", "7 sak_installed",
                "7 sak_in_use"), ca.timeline().stream().map(e -> e.frameNumber() + " " + e.kind()).toList());
        assertEquals("52540000000a0001", Names.sci(ca.keyServer().orElseThrow().sci()));
        // wpa_supplicant's 2.004 s hellos are within tolerance, no delay protection, nobody lost: a clean session
        assertEquals(List.of(), run.tracker.findings());
    }

    @Test
    void labHandshake() throws IOException {
        MkaRun run = MkaRun.of("macsec_lab/mka-handshake.pcap", LAB_CAK);
        assertEquals(6, run.outcomes.size());
        assertTrue(run.icvs().stream().allMatch(IcvStatus.VERIFIED::equals));
        LearnedSak sak = run.learned.get(0);
        assertEquals(List.of(1L, 0), List.of(sak.keyNumber(), sak.an()));
        assertEquals(List.of(A, B), sak.liveScis());
        assertEquals(SaKey.of(CipherSuite.GCM_AES_128, hex("a1a2a3a4a5a6a7a8a9aaabacadaeafb0")), sak.keys().get(B));
        assertTrue(run.kinds().containsAll(List.of("key_server_elected", "sak_distributed", "sak_installed", "sak_in_use")));
        noErrors(run);
        // the lab sets Delay Protect in every SAK Use but sends MKPDUs every 2 s, not every 0.5 s
        assertEquals(2, count(run, Rules.HELLO_INTERVAL.code()));
    }

    @Test
    void labEapDerivedCakFromTheMskAlone() throws IOException {
        KeysFile mskOnly = new KeysFile(List.of(), List.of(), LAB.msks());
        MkaRun run = MkaRun.of("macsec_lab/mka-after-eap.pcap", mskOnly);
        assertEquals(6, run.outcomes.size());
        assertTrue(run.icvs().stream().allMatch(IcvStatus.VERIFIED::equals), run.icvs().toString());
        assertEquals("3a4c35b14d5ffb90dd69687cf15fac47", run.onlyCa().ckn());
        assertTrue(run.onlyCa().keyName().startsWith("from MSK#1"));
        assertEquals(SaKey.of(CipherSuite.GCM_AES_128, hex("b1b2b3b4b5b6b7b8b9babbbcbdbebfc0")),
                run.learned.get(0).keys().get(A));
        noErrors(run);
    }

    @Test
    void labRekeyNewAnAndKn() throws IOException {
        MkaRun run = MkaRun.of("macsec_lab/mka-rekey.pcap", LAB_CAK);
        assertEquals(1, run.learned.size());
        LearnedSak sak = run.learned.get(0);
        assertEquals(List.of(2L, 1), List.of(sak.keyNumber(), sak.an()));
        assertEquals(SaKey.of(CipherSuite.GCM_AES_128, hex("c1c2c3c4c5c6c7c8c9cacbcccdcecfd0")), sak.keys().get(A));
        assertTrue(run.onlyCa().timeline().stream().anyMatch(e -> e.kind().equals(TimelineEvent.REKEY)
                && e.text().equals("rekey from KN 1 (AN 0) to KN 2 (AN 1)") && e.frameNumber() == 4));
        // data on the new SAK verifies both ways; frame 2 used SAK#1, distributed before the capture began
        assertEquals(Map.of(2L, Verdict.NOT_USING_SA, 7L, Verdict.OK, 8L, Verdict.OK), run.data);
        assertEquals(0, count(run, Rules.AN_SEQUENCE.code()));
        assertEquals(0, count(run, Rules.DATA_AN_NOT_DISTRIBUTED.code()));
        noErrors(run);
    }

    @Test
    void labCo30() throws IOException {
        MkaRun run = MkaRun.of(ProjectFiles.pcap("macsec_lab/mka-co30.pcap"), LAB_CAK, 30);
        LearnedSak first = run.learned.get(0);
        assertEquals(List.of(3L, 2), List.of(first.keyNumber(), first.an()));
        // node-b's MKPDU comes after the distribution: its SC is learned when it reports the SAK in use
        assertEquals(1, first.unresolvedPeers());
        assertEquals(List.of(A), List.copyOf(first.keys().keySet()));
        LearnedSak late = run.learned.get(1);
        assertEquals(List.of(B), List.copyOf(late.keys().keySet()));
        assertEquals(4, late.frameNumber());
        // the lab sends code 1, which 802.1X defines as offset 0, but protected its frames with offset 30
        assertEquals(1, first.confidentialityOffsetCode());
        assertEquals(Verdict.OK, run.data.get(2L));
        noErrors(run);
        // tshark: frame 1's Live Peer List names one peer (MI bb01...06, node-b): the Key Server has one live peer and
        // distributes its SAK to it, though node-b's own first MKPDU comes later in the capture
        List<String> texts = run.onlyCa().timeline().stream().map(TimelineEvent::text).toList();
        assertTrue(texts.contains("SCI 02000000000a0001 (MI aa01aa02aa03aa04aa05aa06) (priority 16) is Key Server with"
                + " 1 live peer(s)"), texts.toString());
        assertTrue(texts.contains("SCI 02000000000a0001 (MI aa01aa02aa03aa04aa05aa06) distributed SAK KN 3 (AN 2,"
                + " GCM-AES-128, confidentiality offset code 1) to 1 live peer(s) (1 not seen in the capture before)"),
                texts.toString());
    }

    @Test
    void labXpnSaltOverrideSsciAndData() throws IOException {
        MkaRun run = MkaRun.of("macsec_lab/mka-xpn.pcap", LAB);
        LearnedSak first = run.learned.get(0);
        assertEquals(CipherSuite.GCM_AES_XPN_128, first.suite());
        assertEquals(List.of(4L, 3), List.of(first.keyNumber(), first.an()));
        assertTrue(first.saltOverridden());
        SaKey a = first.keys().get(A);
        assertEquals(2, a.ssci());
        assertEquals("020a000102000000000a0001", HexFormat.of().formatHex(a.salt()));
        SaKey b = run.learned.get(1).keys().get(B);
        assertEquals(1, b.ssci());
        noErrors(run);

        // the lab's story starts with PNs near 2^32 (SA state from before the capture): install accordingly
        ReceiveSecY secy = new ReceiveSecY(ReceiveSecY.Config.strict(CipherSuite.GCM_AES_XPN_128), ReceiveProfile.IEEE);
        secy.addSc(A).installSa(3, a, 0x1_0000_0000L);
        secy.addSc(B).installSa(3, b, 0x1_0000_0000L);
        List<byte[]> frames = Frames.read(ProjectFiles.pcap("macsec_lab/mka-xpn.pcap"));
        for (int n : new int[]{3, 4, 5}) {
            assertEquals(Verdict.OK, secy.receive(RxFrame.of(frames.get(n - 1))), "frame " + n);
        }

        // without the keys file's SAK entries, the 802.1AE 10.7.8 salt from the Key Server's MI and KN
        MkaRun standard = MkaRun.of("macsec_lab/mka-xpn.pcap", LAB_CAK);
        LearnedSak s = standard.learned.get(0);
        assertFalse(s.saltOverridden());
        // by hand: tshark reads the Key Server's MI as aa01aa02aa03aa04aa05aa06 and the distributed KN as 4
        // (frame 1, mka.actor_mi, mka.key_number); salt[95:80] = aa01 ^ 0004 = aa05, salt[79:64] = aa02 ^ 0000,
        // salt[63:0] = MI[63:0]
        assertEquals("aa05aa02aa03aa04aa05aa06", HexFormat.of().formatHex(s.keys().get(A).salt()));
        assertEquals("aa05aa02aa03aa04aa05aa06", HexFormat.of().formatHex(standard.learned.get(1).keys().get(B).salt()),
                "one salt per SAK: node-b's SC, learned later, has it too");
    }

    @Test
    void labMultiPeerOneSakThreeScs() throws IOException {
        MkaRun run = MkaRun.of("macsec_lab/mka-multi-peer.pcap", LAB_CAK);
        ConnectivityAssociation ca = run.onlyCa();
        assertEquals(3, ca.participants().size());
        assertEquals(A, ca.keyServer().orElseThrow().sci());
        LearnedSak sak = run.learned.get(0);
        assertEquals(List.of(A, B, C), sak.liveScis());
        assertEquals(0, sak.unresolvedPeers());
        assertEquals(Map.of(8L, Verdict.OK, 9L, Verdict.OK, 10L, Verdict.OK), run.data);
        assertTrue(ca.timeline().stream().anyMatch(e -> e.kind().equals(TimelineEvent.SAK_IN_USE)
                && e.text().contains("all 3 participants")));
        assertEquals(3, ca.timeline().stream().filter(e -> e.kind().equals(TimelineEvent.SAK_INSTALLED)).count());
        assertEquals(0, count(run, Rules.SECOND_KEY_SERVER.code()) + count(run, Rules.KEY_SERVER_NOT_ELECTED.code()));
        noErrors(run);
    }

    @Test
    void labDelayProtectFlagsTheReleasedFrame() throws IOException {
        MkaRun run = MkaRun.of("macsec_lab/mka-delay-protect.pcap", LAB_CAK);
        List<Finding> below = run.tracker.findings().stream()
                .filter(f -> f.code().equals(Rules.PN_BELOW_LOWEST_ACCEPTABLE.code())).toList();
        assertEquals(1, below.size());
        assertEquals(11, below.get(0).frameNumber());
        assertTrue(below.get(0).message().contains("PN 1 is below the lowest acceptable PN 3"), below.get(0).message());
        assertEquals(Verdict.LATE, run.data.get(11L));
        noErrors(run);
    }

    @Test
    void labSessionFull() throws IOException {
        MkaRun run = MkaRun.of("macsec_lab/session-full.pcap", LAB_CAK);
        assertEquals(7, run.data.size());
        assertTrue(run.data.values().stream().allMatch(Verdict.OK::equals), run.data.toString());
        // data keeps flowing 7-8 s after the last MKPDUs: both participants exceed MKA Life Time
        assertEquals(2, count(run, Rules.PEER_LOST.code()));
        noErrors(run);
    }

    @ParameterizedTest
    @ValueSource(strings = {"mka-handshake.pcap", "mka-after-eap.pcap", "mka-rekey.pcap", "mka-co30.pcap", "mka-xpn.pcap",
            "mka-multi-peer.pcap", "mka-delay-protect.pcap", "session-full.pcap"})
    void labEveryMkpduVerifiesAndNoErrors(String pcap) throws IOException {
        MkaRun run = MkaRun.of("macsec_lab/" + pcap, LAB);
        assertFalse(run.outcomes.isEmpty());
        assertTrue(run.icvs().stream().allMatch(IcvStatus.VERIFIED::equals), run.icvs().toString());
        assertFalse(run.learned.isEmpty());
        noErrors(run);
    }

    /**
     * A station with a wrong CAK under a CKN that is in the keychain: every MKPDU of its CA fails its ICV, so the
     * CA has no participant (a receiver discards them all), while another CA is on the link. The end-of-run check
     * for CKN mismatches once took the first participant of such a CA and crashed.
     */
    /**
     * MKAdaemon as Key Server of an XPN SAK (pcaps/mkad): its salt (from its MI and KN) and SSCIs (its greater SCI gets
     * 1, as its Live Peer List header says) are what its kernel uses, so every data frame verifies from the CAK alone;
     * tshark counts six MACsec frames. mkad reports the key in use in the Old Key slot from its first SAK Use, as the
     * CP state RETIRE makes it (802.1X-2020 12.3: oki = lki, lki = null): that is its acknowledgement, no finding.
     */
    @ParameterizedTest
    @ValueSource(strings = {"128", "256"})
    void mkadXpnSessionDecryptsFromTheCakAloneAndItsOldKeyUseAcknowledges(String bits) throws IOException {
        MkaRun run = MkaRun.of("mkad/mkad-xpn-" + bits + ".pcap",
                KeysFile.load(ProjectFiles.pcap("mkad/cak-" + bits + ".json")));
        assertTrue(run.icvs().stream().allMatch(IcvStatus.VERIFIED::equals), run.icvs().toString());
        assertEquals(1, run.learned.size());
        assertEquals(bits.equals("128") ? CipherSuite.GCM_AES_XPN_128 : CipherSuite.GCM_AES_XPN_256,
                run.learned.get(0).suite());
        assertEquals(0x5254000000020001L, run.learned.get(0).keyServerSci());
        assertEquals(6, run.data.size());
        assertTrue(run.data.values().stream().allMatch(Verdict.OK::equals), run.data.toString());
        ConnectivityAssociation ca = run.onlyCa();
        assertEquals(List.of(), ca.findings(), "mkad's SAK Use with the key in use as Old Key");
        assertTrue(ca.timeline().toString().contains("in use by all 2 participants"), ca.timeline().toString());
    }

    @Test
    void caWhoseEveryMkpduFailsItsIcvIsAFindingNotACrash() throws IOException {
        byte[] ckn = LINUX_CAK.caks().get(0).ckn();
        KeysFile wrongCak = new KeysFile(List.of(), List.of(new dev.macsec.keys.CakEntry(1, ckn, new byte[16],
                "wrong CAK")), List.of());
        MkaRun run = MkaRun.of(wrongCak, 0, ProjectFiles.pcap("linux-dut/mka.pcap"),
                ProjectFiles.pcap("macsec_lab/mka-handshake.pcap"));
        ConnectivityAssociation linux = run.tracker.cas().stream()
                .filter(ca -> ca.ckn().equals(new Bytes(ckn).hex())).findFirst().orElseThrow();
        assertEquals(36, run.icvs().stream().filter(IcvStatus.FAILED::equals).count());
        assertTrue(linux.participants().isEmpty());
        List<Finding> wrong = linux.findings().stream().filter(f -> f.code().equals(Rules.WRONG_CAK.code())).toList();
        assertEquals(1, wrong.size(), linux.findings().toString());
        assertEquals(Severity.ERROR, wrong.get(0).severity());
        assertTrue(wrong.get(0).message().contains("none of the 36 MKPDUs"), wrong.get(0).message());
        assertTrue(linux.findings().stream().noneMatch(f -> f.code().equals(Rules.CKN_MISMATCH.code())));
    }

    @Test
    void outcomeNamesKeyButNeverShowsIt() throws IOException {
        MkaRun run = MkaRun.of("macsec_lab/mka-handshake.pcap", LAB_CAK);
        String all = run.outcomes.toString() + run.tracker.findings() + run.onlyCa().timeline() + run.learned;
        for (String secret : new String[]{"a1a2a3a4", "00112233445566778899", "fe740aa3", "4adf6a4d"}) {
            assertFalse(all.contains(secret), secret);
        }
        assertEquals(Bytes.fromHex("4d41435345432d4c41422d434b4e3031").hex(), run.onlyCa().ckn());
    }
}
