package dev.macsec.mka;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.macsec.decode.FrameDecoder;
import dev.macsec.decode.mka.Mkpdu;
import dev.macsec.decode.mka.ParameterSet;
import dev.macsec.field.Bytes;
import dev.macsec.field.Dissection;
import dev.macsec.field.Severity;
import dev.macsec.keys.CakEntry;
import dev.macsec.keys.KeyWrap;
import dev.macsec.keys.KeysFile;
import dev.macsec.mka.actor.MkpduEncoder;
import dev.macsec.testing.ProjectFiles;
import dev.macsec.capture.PcapWriter;
import dev.macsec.cli.Main;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * The Key Server of the lab's pairwise CA distributes a second CAK (a group CAK) under its KEK; the same real
 * MKPDUs then run in the CA that CAK names. Given only the first CAK, the tracker must follow both CAs.
 */
class DistributedCakTest {
    static final KeysFile LAB = MkaCaptureTest.LAB_CAK;
    static final CakEntry PAIRWISE = LAB.caks().get(0);
    static final byte[] GROUP_CKN = HexFormat.of().parseHex("67726f75702d63616b2d3031");
    static final byte[] GROUP_CAK_128 = HexFormat.of().parseHex("f0e1d2c3b4a5968778695a4b3c2d1e0f");
    static final byte[] GROUP_CAK_256 = HexFormat.of().parseHex(
            "00112233445566778899aabbccddeeff0f1e2d3c4b5a69788796a5b4c3d2e1f0");
    static final long SECOND = 1_000_000_000L;
    static List<byte[]> handshake;

    final FrameDecoder decoder = new FrameDecoder();
    final MkaTracker tracker = new MkaTracker(LAB, MkaTrackerOptions.DEFAULT);
    long number;
    double seconds;

    @BeforeAll
    static void load() throws IOException {
        handshake = Frames.read(ProjectFiles.pcap("macsec_lab/mka-handshake.pcap"));
    }

    Mkpdu decode(byte[] frame) {
        decoder.decode(1, frame, 0, frame.length, new Dissection());
        return decoder.lastMkpdu();
    }

    MkpduOutcome feed(byte[] frame) {
        seconds += 0.3;
        return tracker.onMkpdu(++number, (long) (seconds * SECOND), MkaRun.u48(frame, 6), MkaRun.u48(frame, 0),
                decode(frame));
    }

    /** {@code m} with another MN, CKN and parameter sets, signed with {@code ick}. */
    static byte[] rebuild(Mkpdu m, byte[] frame, long mn, byte[] ckn, List<ParameterSet> sets, byte[] ick) {
        Mkpdu edited = new Mkpdu(m.version(), m.keyServerPriority(), m.keyServer(), m.macsecDesired(),
                m.macsecCapability(), m.sci(), m.actorMi(), mn, m.algorithmAgility(), new Bytes(ckn), sets,
                new Bytes(new byte[0]), null, -1);
        return MkpduEncoder.encode(edited, Arrays.copyOfRange(frame, 6, 12), ick);
    }

    /** The clean lab handshake in the pairwise CA; returns the Key Server's last MKPDU and its frame. */
    byte[] pairwiseHandshake() {
        byte[] last = null;
        for (byte[] f : handshake.subList(0, 6)) {
            assertEquals(IcvStatus.VERIFIED, feed(f).icv());
            if (decode(f).keyServer()) {
                last = f;
            }
        }
        return last;
    }

    /** The Key Server's next MKPDU in the pairwise CA with a Distributed CAK set added. */
    byte[] distribution(byte[] keyServerFrame, ParameterSet.DistributedCak set) {
        Mkpdu m = decode(keyServerFrame);
        List<ParameterSet> sets = new ArrayList<>(m.parameterSets().stream()
                .filter(s -> !(s instanceof ParameterSet.DistributedSak)).toList());
        sets.add(set);
        return rebuild(m, keyServerFrame, m.actorMn() + 10, PAIRWISE.ckn(), sets, PAIRWISE.ick());
    }

    static ParameterSet.DistributedCak wrapped(byte[] kek, byte[] cak, byte[] ckn) {
        return new ParameterSet.DistributedCak(new Bytes(KeyWrap.wrap(kek, cak)), new Bytes(ckn));
    }

    /** The lab handshake again, in the group CA: CKN, ICV and any Distributed SAK under the group CAK's keys. */
    List<MkpduOutcome> groupHandshake(CakEntry group) {
        List<MkpduOutcome> out = new ArrayList<>();
        for (byte[] f : handshake.subList(0, 6)) {
            Mkpdu m = decode(f);
            List<ParameterSet> sets = new ArrayList<>();
            for (ParameterSet s : m.parameterSets()) {
                if (s instanceof ParameterSet.DistributedSak ds) {
                    byte[] sak = ((KeyWrap.Result.Unwrapped) KeyWrap.unwrap(PAIRWISE.kek(), ds.wrappedSak().octets())).key();
                    s = new ParameterSet.DistributedSak(ds.an(), ds.confidentialityOffset(), ds.keyNumber(),
                            ds.cipherSuite(), ds.cipherSuiteExplicit(), new Bytes(KeyWrap.wrap(group.kek(), sak)));
                }
                sets.add(s);
            }
            out.add(feed(rebuild(m, f, m.actorMn(), group.ckn(), sets, group.ick())));
        }
        return out;
    }

    List<Finding> findings(String code) {
        return tracker.findings().stream().filter(f -> f.code().equals(code)).toList();
    }

    @Test
    void aDistributedCakIsLearnedAndTheCaItNamesIsFollowedWithItsSaks() {
        byte[] ks = pairwiseHandshake();
        MkpduOutcome o = feed(distribution(ks, wrapped(PAIRWISE.kek(), GROUP_CAK_128, GROUP_CKN)));

        assertEquals(IcvStatus.VERIFIED, o.icv());
        assertEquals(1, o.learnedCaks().size());
        LearnedCak learned = o.learnedCaks().get(0);
        assertArrayEquals(GROUP_CKN, learned.cak().ckn());
        assertArrayEquals(GROUP_CAK_128, learned.cak().cak());
        assertEquals(128, learned.cak().keyBits());
        assertFalse(learned.cak().toString().contains(HexFormat.of().formatHex(GROUP_CAK_128)), "no key bytes in text");
        ConnectivityAssociation pairwise = tracker.cas().get(0);
        assertEquals(List.of(learned), pairwise.learnedCaks());
        assertTrue(pairwise.timeline().stream().anyMatch(e -> e.kind().equals(TimelineEvent.CAK_DISTRIBUTED)
                && e.text().contains("128-bit CAK with CKN " + HexFormat.of().formatHex(GROUP_CKN))), pairwise.timeline().toString());

        CakEntry group = new CakEntry(0, GROUP_CKN, GROUP_CAK_128, null);
        List<MkpduOutcome> inGroup = groupHandshake(group);
        for (MkpduOutcome g : inGroup) {
            assertEquals(IcvStatus.VERIFIED, g.icv());
            assertTrue(g.keyName().startsWith("distributed by SCI 02000000000a0001"), g.keyName());
        }
        ConnectivityAssociation groupCa = tracker.cas().get(1);
        assertEquals(HexFormat.of().formatHex(GROUP_CKN), groupCa.ckn());
        assertEquals(1, groupCa.learnedSaks().size(), "the SAK distributed in the group CA is learned too");
        assertEquals(pairwise.learnedSaks().get(0).keys().values().iterator().next().keyBytes().length,
                groupCa.learnedSaks().get(0).keys().values().iterator().next().keyBytes().length);
        assertEquals(List.of(), findings(Rules.UNKNOWN_CKN.code()));
        assertEquals(List.of(), findings(Rules.ICV_FAILED.code()));
    }

    @Test
    void a256BitCakWrapsTo40OctetsAndIsToldApartByTheKeyWrapCheck() {
        byte[] ks = pairwiseHandshake();
        MkpduOutcome o = feed(distribution(ks, wrapped(PAIRWISE.kek(), GROUP_CAK_256, GROUP_CKN)));

        assertEquals(1, o.learnedCaks().size());
        assertEquals(256, o.learnedCaks().get(0).cak().keyBits());
        assertArrayEquals(GROUP_CKN, o.learnedCaks().get(0).cak().ckn());
        groupHandshake(new CakEntry(0, GROUP_CKN, GROUP_CAK_256, null))
                .forEach(g -> assertEquals(IcvStatus.VERIFIED, g.icv()));
    }

    @Test
    void aRetransmittedDistributionIsLearnedOnce() {
        byte[] ks = pairwiseHandshake();
        byte[] first = distribution(ks, wrapped(PAIRWISE.kek(), GROUP_CAK_128, GROUP_CKN));
        assertEquals(1, feed(first).learnedCaks().size());
        Mkpdu m = decode(first);
        MkpduOutcome again = feed(rebuild(m, first, m.actorMn() + 1, PAIRWISE.ckn(), m.parameterSets(), PAIRWISE.ick()));
        assertEquals(List.of(), again.learnedCaks());
        assertEquals(1, tracker.cas().get(0).learnedCaks().size());
    }

    @Test
    void aCakWrappedWithAnotherKekIsAnErrorAndTeachesNothing() {
        byte[] ks = pairwiseHandshake();
        byte[] otherKek = HexFormat.of().parseHex("000102030405060708090a0b0c0d0e0f");
        MkpduOutcome o = feed(distribution(ks, wrapped(otherKek, GROUP_CAK_128, GROUP_CKN)));

        assertEquals(List.of(), o.learnedCaks());
        List<Finding> f = findings(Rules.CAK_UNWRAP_FAILED.code());
        assertEquals(1, f.size());
        assertEquals(Severity.ERROR, f.get(0).severity());
        assertTrue(f.get(0).message().contains("does not unwrap under the KEK"), f.get(0).message());
        groupHandshake(new CakEntry(0, GROUP_CKN, GROUP_CAK_128, null))
                .forEach(g -> assertEquals(IcvStatus.NO_KEY, g.icv()));
    }

    @Test
    void aSetTooShortForAWrappedCakAndACknTeachesNothingAndRaisesNoUnwrapError() {
        byte[] ks = pairwiseHandshake();
        for (int length : new int[] {0, 8, 24, 40 + 33 + 24}) {
            MkpduOutcome o = feed(distribution(ks, new ParameterSet.DistributedCak(new Bytes(new byte[Math.min(length, 24)]),
                    new Bytes(new byte[Math.max(0, length - 24)]))));
            assertEquals(List.of(), o.learnedCaks(), "length " + length);
        }
        assertEquals(List.of(), findings(Rules.CAK_UNWRAP_FAILED.code()));
    }

    @Test
    void distributedCaksAreBoundedByTheCasTheTrackerFollows() {
        MkaTracker small = new MkaTracker(LAB, new MkaTrackerOptions(2_000_000_000L, 500_000_000L, 6_000_000_000L, 1.5,
                1000, 1024, 10_000, 3));
        byte[] ks = null;
        for (byte[] f : handshake.subList(0, 6)) {
            small.onMkpdu(++number, (long) (++seconds * SECOND), MkaRun.u48(f, 6), MkaRun.u48(f, 0), decode(f));
            ks = decode(f).keyServer() ? f : ks;
        }
        int learned = 0;
        for (int i = 0; i < 10; i++) {
            byte[] cak = GROUP_CAK_128.clone();
            cak[0] = (byte) i; // ten different CAKs
            byte[] f = distribution(ks, wrapped(PAIRWISE.kek(), cak, GROUP_CKN));
            Mkpdu m = decode(f);
            byte[] next = rebuild(m, f, m.actorMn() + i, PAIRWISE.ckn(), m.parameterSets(), PAIRWISE.ick());
            learned += small.onMkpdu(++number, (long) (++seconds * SECOND), MkaRun.u48(next, 6), MkaRun.u48(next, 0),
                    decode(next)).learnedCaks().size();
        }
        assertEquals(3, learned);
        assertTrue(small.cas().get(0).timeline().stream().anyMatch(e -> e.text().contains("beyond the 3 distributed CAKs")));
    }

    @Test
    void onlyTheKeyServerDistributesCaks() {
        pairwiseHandshake();
        byte[] peer = handshake.get(1); // node-b, not the Key Server
        Mkpdu m = decode(peer);
        List<ParameterSet> sets = new ArrayList<>(m.parameterSets());
        sets.add(wrapped(PAIRWISE.kek(), GROUP_CAK_128, GROUP_CKN));
        feed(rebuild(m, peer, m.actorMn() + 10, PAIRWISE.ckn(), sets, PAIRWISE.ick()));

        List<Finding> f = findings(Rules.CAK_FROM_NON_KEY_SERVER.code());
        assertEquals(1, f.size());
        assertTrue(f.get(0).message().startsWith("SCI 02000000000b0001"), f.get(0).message());
    }

    @Test
    void theCommandLineNamesTheLearnedCakByItsCknAndShowsItsValueOnlyWhenAsked(@TempDir Path dir) throws IOException {
        List<byte[]> frames = new ArrayList<>(handshake.subList(0, 6));
        byte[] ks = pairwiseHandshake();
        frames.add(distribution(ks, wrapped(PAIRWISE.kek(), GROUP_CAK_128, GROUP_CKN)));
        CakEntry group = new CakEntry(0, GROUP_CKN, GROUP_CAK_128, null);
        for (byte[] f : handshake.subList(0, 6)) {
            Mkpdu m = decode(f);
            List<ParameterSet> sets = m.parameterSets().stream()
                    .filter(set -> !(set instanceof ParameterSet.DistributedSak)).toList();
            frames.add(rebuild(m, f, m.actorMn(), GROUP_CKN, sets, group.ick()));
        }
        Path capture = dir.resolve("distributed-cak.pcap");
        try (PcapWriter w = PcapWriter.create(capture)) {
            for (int i = 0; i < frames.size(); i++) {
                w.write(frames.get(i), 0, frames.get(i).length, i * 300_000_000L);
            }
        }
        String cak = "--cak=" + HexFormat.of().formatHex(PAIRWISE.ckn()) + ":" + HexFormat.of().formatHex(PAIRWISE.cak());

        String summary = analyze(capture.toString(), cak, "-T", "summary");
        String groupCkn = HexFormat.of().formatHex(GROUP_CKN);
        assertTrue(summary.contains("learned CAK CKN " + groupCkn + " (128-bit) (frame 7)"), summary);
        assertTrue(summary.contains("ICV verified 13, failed 0, no CAK 0"), summary);
        assertTrue(summary.contains("CA CKN " + groupCkn), summary);
        assertFalse(summary.contains(HexFormat.of().formatHex(GROUP_CAK_128)), "key material only with --show-keys");

        String shown = analyze(capture.toString(), cak, "-T", "summary", "--show-keys");
        assertTrue(shown.contains("CAK CKN " + groupCkn + " (128-bit) = " + HexFormat.of().formatHex(GROUP_CAK_128)), shown);
    }

    static String analyze(String... args) {
        String[] full = new String[args.length + 2];
        full[0] = "analyze";
        full[1] = "-q";
        System.arraycopy(args, 0, full, 2, args.length);
        CommandLine cli = Main.commandLine();
        StringWriter out = new StringWriter();
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(out, true));
        cli.execute(full);
        return out.toString();
    }
}
