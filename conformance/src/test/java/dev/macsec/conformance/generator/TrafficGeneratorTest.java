package dev.macsec.conformance.generator;

import dev.macsec.crypto.SaKey;
import dev.macsec.decode.SecTag;
import dev.macsec.decode.SecTagRule;
import dev.macsec.secy.ReceiveProfile;
import dev.macsec.secy.ReceiveSecY;
import dev.macsec.secy.RxFrame;
import dev.macsec.secy.ValidateFrames;
import dev.macsec.secy.Verdict;
import dev.macsec.suite.CipherSuite;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.util.Arrays;
import java.util.HexFormat;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every frame class the generator makes, checked with our SecTAG decoder and receive SecY (IEEE profile). */
class TrafficGeneratorTest {
    private static final HexFormat HEX = HexFormat.of();
    private static final byte[] TESTER = HEX.parseHex("525400000001");
    private static final byte[] DEVICE = HEX.parseHex("525400000002");
    private static final long SCI = 0x5254000000010001L;
    private static final byte[] SALT = HEX.parseHex("e630e81a48de86a21c66fa6d");

    private static SaKey key(CipherSuite s, int seed) {
        byte[] k = new byte[s.keyLength()];
        Arrays.fill(k, (byte) seed);
        return SaKey.of(s, k, 7, SALT);
    }

    private static TrafficGenerator gen(CipherSuite s, long seed) {
        return new TrafficGenerator(SCI, TESTER, new byte[] {10, 1, 0, 1}, DEVICE, new byte[] {10, 1, 0, 2}, seed)
                .sa(0, key(s, 1)).sa(1, key(s, 2));
    }

    private static ReceiveSecY rx(CipherSuite s, ValidateFrames v, long window, long nextPn, int offset) {
        ReceiveSecY r = new ReceiveSecY(new ReceiveSecY.Config(s, v, true, window, offset), ReceiveProfile.IEEE);
        r.addSc(SCI).installSa(0, key(s, 1), nextPn);
        return r;
    }

    private static SecTag tag(GeneratedFrame f) {
        byte[] d = f.data();
        return new SecTag().wrap(d, 6, 12, d.length);
    }

    private static int violations(CipherSuite s, GeneratedFrame f) {
        SecTag t = tag(f);
        return s.xpn() ? t.violationsForXpn() : t.violations();
    }

    @ParameterizedTest
    @EnumSource(CipherSuite.class)
    void validFramesParseAndVerify(CipherSuite s) {
        TrafficGenerator g = gen(s, 42);
        ReceiveSecY r = rx(s, ValidateFrames.STRICT, 0, 1, 0);
        for (boolean encrypt : new boolean[] {true, false}) {
            for (int data : new int[] {10, 40}) {
                GeneratedFrame f = g.frame().pn(encrypt ? data : data + 100).encrypt(encrypt).data(data).build();
                assertEquals(0, violations(s, f), f.toString());
                SecTag t = tag(f);
                assertEquals(encrypt, t.encrypted());
                assertEquals(encrypt, t.changed());
                assertEquals(SCI, t.sci());
                assertEquals(data == 10 ? 40 : 0, t.shortLength(), "SL for short frames only");
                RxFrame rf = RxFrame.of(f.data());
                assertEquals(Verdict.OK, r.receive(rf), f.toString());
                assertArrayEquals(f.plaintext(), Arrays.copyOf(rf.out(), rf.outLength()));
                assertEquals(f.echoSeq(), Packets.echoReplySeq(reply(f.plaintext()), 0, f.plaintext().length));
            }
        }
    }

    /** The request turned into a reply (type 0): what the device would send back. */
    private static byte[] reply(byte[] request) {
        byte[] r = request.clone();
        r[12 + 2 + 20] = 0;
        return r;
    }

    @ParameterizedTest
    @EnumSource(CipherSuite.class)
    void icvAndCiphertextDamageFailValidation(CipherSuite s) {
        TrafficGenerator g = gen(s, 1);
        ReceiveSecY strict = rx(s, ValidateFrames.STRICT, 0, 1, 0);
        assertEquals(Verdict.NOT_VALID, strict.receive(RxFrame.of(g.frame().pn(1).mutate(Mutation.BAD_ICV).build().data())));
        assertEquals(Verdict.NOT_VALID, strict.receive(RxFrame.of(g.frame().pn(2).mutate(Mutation.CORRUPT_SECURE_DATA).build().data())));
        ReceiveSecY check = rx(s, ValidateFrames.CHECK, 0, 1, 0);
        assertEquals(Verdict.INVALID, check.receive(RxFrame.of(g.frame().pn(1).encrypt(false).mutate(Mutation.BAD_ICV).build().data())));
    }

    @ParameterizedTest
    @EnumSource(CipherSuite.class)
    void everySecTagMutationBreaksItsRuleAndOnlyIt(CipherSuite s) {
        TrafficGenerator g = gen(s, 3);
        for (Mutation m : Mutation.values()) {
            if (m.rule() == null || (m == Mutation.PN_ZERO && s.xpn())) {
                continue;
            }
            GeneratedFrame f = g.frame().pn(5).data(m == Mutation.SL_MISMATCH ? 10 : 40).mutate(m).build();
            int v = violations(s, f);
            assertTrue(m.rule().in(v), m + " must break " + m.rule() + ": " + f.head(24));
            if (m != Mutation.TOO_SHORT_FOR_ICV && m != Mutation.TRUNCATED) {
                assertEquals(m.rule().bit(), v, m + " breaks only its own rule");
            }
            ReceiveSecY r = rx(s, ValidateFrames.CHECK, 0, 1, 0);
            assertEquals(Verdict.BAD_TAG, r.receive(RxFrame.of(f.data())), m.toString());
        }
    }

    @Test
    void resealedTagDefectsCarryAGoodIcv() {
        // with the defect undone the ICV verifies: the tag is the frame's only fault
        CipherSuite s = CipherSuite.GCM_AES_128;
        GeneratedFrame f = gen(s, 9).frame().pn(3).mutate(Mutation.SL_RESERVED).build();
        byte[] d = f.data();
        ReceiveSecY r = new ReceiveSecY(ReceiveSecY.Config.strict(s), ReceiveProfile.IEEE);
        r.addSc(SCI).installSa(0, key(s, 1), 1);
        assertEquals(Verdict.BAD_TAG, r.receive(RxFrame.of(d)));
        assertEquals(SecTagRule.SL_RESERVED_BITS.bit(), new SecTag().wrap(d, 6, 12, d.length).violations());
    }

    @ParameterizedTest
    @EnumSource(CipherSuite.class)
    void replayWindowClasses(CipherSuite s) {
        TrafficGenerator g = gen(s, 5);
        ReceiveSecY w0 = rx(s, ValidateFrames.STRICT, 0, 1, 0);
        var frames = g.sequence(0, true, 10, 10, 9, 11);
        assertEquals(Verdict.OK, w0.receive(RxFrame.of(frames.get(0).data())));
        // XPN (10.6.2): a low half below the lowest acceptable PN's belongs to the next 2^32 block, so the
        // frame is decrypted with the wrong PN and fails validation rather than being Late
        Verdict old = s.xpn() ? Verdict.NOT_VALID : Verdict.LATE;
        assertEquals(old, w0.receive(RxFrame.of(frames.get(1).data())), "replayed PN");
        assertEquals(old, w0.receive(RxFrame.of(frames.get(2).data())), "below the window");
        assertEquals(Verdict.OK, w0.receive(RxFrame.of(frames.get(3).data())));
        ReceiveSecY w4 = rx(s, ValidateFrames.STRICT, 4, 1, 0);
        var ooo = g.sequence(0, true, 10, 7, 6);
        assertEquals(Verdict.OK, w4.receive(RxFrame.of(ooo.get(0).data())));
        assertEquals(Verdict.OK, w4.receive(RxFrame.of(ooo.get(1).data())), "out of order inside the window");
        assertEquals(old, w4.receive(RxFrame.of(ooo.get(2).data())), "below the window");
    }

    @ParameterizedTest
    @EnumSource(CipherSuite.class)
    void scAndSaClasses(CipherSuite s) {
        TrafficGenerator g = gen(s, 6);
        ReceiveSecY r = rx(s, ValidateFrames.STRICT, 0, 1, 0);
        assertEquals(Verdict.NOT_USING_SA, r.receive(RxFrame.of(g.frame().an(1).pn(1).build().data())), "AN with no SA");
        assertEquals(Verdict.NO_SCI, r.receive(RxFrame.of(g.frame().sci(0x0200000000090001L).pn(1).build().data())));
        assertEquals(Verdict.NO_TAG, r.receive(RxFrame.of(g.frame().untagged().build().data())));
        assertEquals(Verdict.UNCONTROLLED, r.receive(RxFrame.of(g.frame().eWithoutC().pn(2).build().data())));
        GeneratedFrame implicit = g.frame().implicitSci().pn(3).build();
        assertFalse(tag(implicit).hasSci());
        assertEquals(Verdict.OK, r.receive(RxFrame.of(implicit.data())), "SC=0: SCI from the source MAC, port 1");
        // 802.1AE 9.9: SC=0 and ES=0 name the single peer's SCI whatever the source MAC; ES=1 names the source MAC's
        GeneratedFrame fromAnotherMac = g.frame().implicitSci().source(HEX.parseHex("525400000009")).pn(4).build();
        assertEquals(Verdict.OK, r.receive(RxFrame.of(fromAnotherMac.data())));
        GeneratedFrame stranger = g.frame().endStation().source(HEX.parseHex("525400000009")).pn(5).build();
        assertEquals(Verdict.NO_SCI, r.receive(RxFrame.of(stranger.data())));
    }

    @ParameterizedTest
    @EnumSource(CipherSuite.class)
    void confidentialityOffsetLeavesTheFirstOctetsInClear(CipherSuite s) {
        GeneratedFrame f = gen(s, 8).frame().pn(1).offset(30).build();
        byte[] d = f.data();
        assertArrayEquals(Arrays.copyOfRange(f.plaintext(), 12, 42), Arrays.copyOfRange(d, 28, 58));
        assertEquals(Verdict.OK, rx(s, ValidateFrames.STRICT, 0, 1, 30).receive(RxFrame.of(d)));
        assertEquals(Verdict.NOT_VALID, rx(s, ValidateFrames.STRICT, 0, 1, 0).receive(RxFrame.of(d)));
    }

    @ParameterizedTest
    @EnumSource(value = CipherSuite.class, names = {"GCM_AES_XPN_128", "GCM_AES_XPN_256"})
    void xpnFramesCrossTwoToThe32(CipherSuite s) {
        TrafficGenerator g = gen(s, 10);
        ReceiveSecY r = rx(s, ValidateFrames.STRICT, 4, 0xFFFFFFF0L, 0);
        for (long pn : new long[] {0xFFFFFFFEL, 0xFFFFFFFFL, 0x1_00000000L, 0x1_00000001L}) {
            GeneratedFrame f = g.frame().pn(pn).build();
            assertEquals(pn & 0xFFFFFFFFL, tag(f).pn());
            RxFrame rf = RxFrame.of(f.data());
            assertEquals(Verdict.OK, r.receive(rf), f.toString());
            assertEquals(pn, rf.pn(), "upper PN bits recovered");
        }
    }

    @Test
    void sameSeedSameOctetsOtherSeedOtherPayload() {
        byte[] a = gen(CipherSuite.GCM_AES_256, 77).frame().pn(9).build().data();
        byte[] b = gen(CipherSuite.GCM_AES_256, 77).frame().pn(9).build().data();
        byte[] c = gen(CipherSuite.GCM_AES_256, 78).frame().pn(9).build().data();
        assertArrayEquals(a, b);
        assertNotEquals(HEX.formatHex(a), HEX.formatHex(c));
    }
}
