package dev.macsec.mka.actor;

import dev.macsec.decode.mka.EapolDecoder;
import dev.macsec.decode.mka.Mkpdu;
import dev.macsec.field.Dissection;
import dev.macsec.keys.CakEntry;
import dev.macsec.mka.protocol.MkaTimers;
import dev.macsec.secy.Verdict;
import org.junit.jupiter.api.Test;

import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;
import java.util.HexFormat;
import java.util.List;
import java.util.function.BooleanSupplier;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Two Java participants on a simulated wire with a manual clock: they must secure the link with each other. */
class TwoParticipantsTest {
    private static final HexFormat HEX = HexFormat.of();
    static final byte[] MAC_A = HEX.parseHex("525400000001");
    static final byte[] MAC_B = HEX.parseHex("525400000002");
    static final CakEntry CAK128 = new CakEntry(1, HEX.parseHex("6162636465"),
            HEX.parseHex("0123456789abcdef0123456789abcdef"), "test");
    static final CakEntry CAK256 = new CakEntry(2, HEX.parseHex("00112233445566778899aabbccddeeff00112233445566778899aabbccddeeff"),
            HEX.parseHex("00112233445566778899aabbccddeeff00112233445566778899aabbccddeeff"), null);

    /** A wire between two participants: every frame either sends goes to the other, in order, at once. */
    static final class Wire {
        final MkaClock.Manual clock = new MkaClock.Manual(0);
        final MkaParticipant a;
        final MkaParticipant b;
        int framesAtoB;
        int framesBtoA;
        boolean cutAtoB;
        final List<byte[]> sent = new java.util.ArrayList<>();

        Wire(MkaParticipant a, MkaParticipant b) {
            this.a = a;
            this.b = b;
        }

        void pump(List<byte[]> fromA, List<byte[]> fromB) {
            Deque<Object[]> q = new ArrayDeque<>();
            fromA.forEach(f -> q.add(new Object[] {a, f}));
            fromB.forEach(f -> q.add(new Object[] {b, f}));
            for (int answered = 0; !q.isEmpty(); answered++) {
                // two participants answering each other's news forever is a livelock, not a slow exchange
                assertTrue(answered < 1000, "participants still answering each other after 1000 frames");
                Object[] e = q.poll();
                MkaParticipant from = (MkaParticipant) e[0];
                MkaParticipant to = from == a ? b : a;
                if (from == a && cutAtoB) {
                    continue;
                }
                sent.add((byte[]) e[1]);
                if (from == a) {
                    framesAtoB++;
                } else {
                    framesBtoA++;
                }
                to.receive((byte[]) e[1], clock.millis()).forEach(f -> q.add(new Object[] {to, f}));
            }
        }

        /** Steps 100 ms at a time until {@code done} or {@code limitMs}; returns the simulated time taken. */
        long runUntil(BooleanSupplier done, long limitMs) {
            long start = clock.millis();
            while (!done.getAsBoolean()) {
                if (clock.millis() - start > limitMs) {
                    return -1;
                }
                long now = clock.millis();
                pump(a.tick(now), b.tick(now));
                clock.advance(100);
            }
            return clock.millis() - start;
        }
    }

    static MkaParticipant participant(CakEntry cak, byte[] mac, int priority, long seed) {
        return new MkaParticipant(ActorConfig.of(cak, mac).withPriority(priority).withSeed(seed));
    }

    static byte[] ethernet(byte[] dst, byte[] src, String payload) {
        byte[] p = payload.getBytes();
        byte[] f = new byte[14 + p.length];
        System.arraycopy(dst, 0, f, 0, 6);
        System.arraycopy(src, 0, f, 6, 6);
        f[12] = 0x08;
        f[13] = 0x00;
        System.arraycopy(p, 0, f, 14, p.length);
        return f;
    }

    static void assertDataFlows(MkaParticipant from, MkaParticipant to, String text) {
        byte[] plain = ethernet(to.config().mac(), from.config().mac(), text);
        byte[] wire = from.protect(plain);
        assertNotNull(wire, "no transmit SA in use");
        assertEquals(0x88, wire[12] & 0xFF);
        assertEquals(0xE5, wire[13] & 0xFF);
        MkaParticipant.Received r = to.unprotect(wire);
        assertEquals(Verdict.OK, r.verdict());
        assertArrayEquals(plain, r.plain());
    }

    @Test
    void lowerPriorityBecomesKeyServerAndBothSecureTheLink() {
        MkaParticipant a = participant(CAK128, MAC_A, 16, 1);
        MkaParticipant b = participant(CAK128, MAC_B, 32, 2);
        Wire w = new Wire(a, b);
        long took = w.runUntil(() -> a.secured() && b.secured(), 10_000);
        assertTrue(took >= 0, () -> "not secured: " + a + " / " + b + "\n" + a.events() + "\n" + b.events());
        assertTrue(took < 1000, "with immediate answers to news, securing takes well under a hello: " + took);
        assertTrue(a.isKeyServer());
        assertFalse(b.isKeyServer());
        assertEquals(a.sci(), b.keyServerSci());
        assertEquals(a.sci(), a.keyServerSci());
        assertEquals(1, a.latestKey().kn());
        assertEquals(0, a.latestKey().an());
        assertEquals(a.mi(), b.latestKey().keyServerMi());
        assertEquals(a.latestKey().kn(), b.latestKey().kn());
        assertEquals(1, a.livePeers().size());
        assertEquals(b.mi(), a.livePeers().get(0).mi());
        assertDataFlows(a, b, "hello from A");
        assertDataFlows(b, a, "hello from B");
    }

    @Test
    void priority255NeverClaimsKeyServerEvenWithLivePeers() {
        // 802.1X-2020 9.5.1: Key Server Priority 255 is a participant that never becomes Key Server, so its Key Server
        // flag stays clear once it has live peers and no Key Server is elected, not only while another one is
        MkaParticipant a = participant(CAK128, MAC_A, 255, 21);
        MkaParticipant b = participant(CAK128, MAC_B, 255, 22);
        Wire w = new Wire(a, b);
        assertEquals(-1, w.runUntil(() -> false, 8_000));
        assertEquals(1, a.livePeers().size());
        assertFalse(a.secured());
        int withPeers = 0;
        for (byte[] f : w.sent) {
            Mkpdu m = EapolDecoder.decode(f, 0, 0, 14, f.length, new Dissection());
            assertFalse(m.keyServer(), "an MKPDU of priority 255 claims Key Server");
            withPeers += m.livePeers().isEmpty() ? 0 : 1;
        }
        assertTrue(withPeers >= 4, "MKPDUs sent with live peers: " + withPeers);
    }

    @Test
    void equalPrioritiesAreDecidedByTheLowerSci() {
        MkaParticipant a = participant(CAK256, MAC_B, 7, 3);
        MkaParticipant b = participant(CAK256, MAC_A, 7, 4);
        Wire w = new Wire(a, b);
        assertTrue(w.runUntil(() -> a.secured() && b.secured(), 10_000) >= 0);
        assertTrue(b.isKeyServer(), "52:54:00:00:00:01 has the lower SCI");
        assertEquals(b.sci(), a.keyServerSci());
        assertDataFlows(a, b, "256-bit CAK");
    }

    @Test
    void hellosKeepTheLinkAndRekeyMovesToTheNextAnAndKn() {
        MkaParticipant a = participant(CAK128, MAC_A, 1, 5);
        MkaParticipant b = participant(CAK128, MAC_B, 2, 6);
        Wire w = new Wire(a, b);
        assertTrue(w.runUntil(() -> a.secured() && b.secured(), 10_000) >= 0);
        int before = w.framesAtoB;
        w.runUntil(() -> false, 20_000);
        int hellos = w.framesAtoB - before;
        assertTrue(hellos >= 9 && hellos <= 12, "a hello every 2 s: " + hellos + " in 20 s");
        assertTrue(a.secured() && b.secured());
        assertDataFlows(b, a, "still secured after 20 s");

        a.rekey();
        assertTrue(w.runUntil(() -> b.latestKey().kn() == 2 && a.secured() && b.secured(), 5_000) >= 0,
                () -> b.events().toString());
        assertEquals(1, a.latestKey().an());
        assertEquals(1, b.latestKey().an());
        assertNotNull(b.oldKey(), "the old key stays until it is retired");
        assertDataFlows(a, b, "with KN 2");
        assertDataFlows(b, a, "with KN 2 back");
        w.runUntil(() -> false, MkaTimers.SAK_RETIRE_TIME + 500);
        assertNull(a.oldKey());
        assertNull(b.oldKey());
    }

    @Test
    void aSilentPeerIsDroppedAfterTheLifeTime() {
        MkaParticipant a = participant(CAK128, MAC_A, 1, 7);
        MkaParticipant b = participant(CAK128, MAC_B, 2, 8);
        Wire w = new Wire(a, b);
        assertTrue(w.runUntil(() -> a.secured() && b.secured(), 10_000) >= 0);
        a.silent(true);
        long gone = w.runUntil(() -> b.livePeers().isEmpty(), 10_000);
        // the last MKPDU from A may have come up to one hello before it went silent
        assertTrue(gone > MkaTimers.LIFE_TIME - MkaTimers.HELLO_TIME - 200 && gone <= MkaTimers.LIFE_TIME + 100,
                "dropped after " + gone + " ms");
        assertNull(b.latestKey(), "SAKs go with the last live peer");
        assertTrue(b.events().stream().anyMatch(e -> e.kind() == MkaEvent.Kind.PEER_EXPIRED));
    }

    @Test
    void wrongCakAndUnknownCknAreNeverLive() {
        CakEntry other = new CakEntry(1, CAK128.ckn(), HEX.parseHex("ffffffffffffffffffffffffffffffff"), null);
        MkaParticipant a = participant(CAK128, MAC_A, 1, 9);
        MkaParticipant b = participant(other, MAC_B, 2, 10);
        Wire w = new Wire(a, b);
        w.runUntil(() -> false, 8_000);
        assertTrue(a.livePeers().isEmpty() && a.potentialPeers().isEmpty());
        assertTrue(a.events().stream().anyMatch(e -> e.kind() == MkaEvent.Kind.ICV_FAILED));

        MkaParticipant c = participant(CAK128, MAC_A, 1, 11);
        MkaParticipant d = participant(CAK128, MAC_B, 2, 12).tamper(Faults.of(Fault.WRONG_CKN));
        Wire w2 = new Wire(c, d);
        w2.runUntil(() -> false, 8_000);
        assertTrue(c.livePeers().isEmpty() && c.potentialPeers().isEmpty());
        assertTrue(c.events().stream().anyMatch(e -> e.kind() == MkaEvent.Kind.UNKNOWN_CKN));
    }

    @Test
    void replayedMkpdusDoNotMakeAPeerLive() {
        for (Fault f : List.of(Fault.REPLAYED_MN)) {
            MkaParticipant a = participant(CAK128, MAC_A, 1, 13);
            MkaParticipant b = participant(CAK128, MAC_B, 2, 14).tamper(Faults.of(f));
            Wire w = new Wire(a, b);
            // an MN counts as recent for MKA_LIFE_TIME after we sent it, so a stale one can work only that long
            w.runUntil(() -> false, MkaTimers.LIFE_TIME * 2 + 1000);
            assertTrue(a.livePeers().isEmpty(), f + ": " + a.events());
            assertNull(a.latestKey(), f.toString());
            assertFalse(a.secured(), f.toString());
        }
    }

    @Test
    void faultsProduceTheMalformationTheyName() {
        MkaParticipant a = participant(CAK128, MAC_A, 1, 15);
        for (Fault f : Fault.values()) {
            byte[] frame = a.craft(0, Faults.of(f));
            Dissection d = new Dissection();
            Mkpdu m = EapolDecoder.decode(frame, 0, 0, 14, frame.length, d);
            switch (f) {
                case BAD_BASIC_LENGTH, BAD_EAPOL_LENGTH -> assertFalse(d.experts().isEmpty(), f.toString());
                case WRONG_ALGORITHM_AGILITY -> assertEquals(0x0080C2FFL, m.algorithmAgility());
                case UNKNOWN_SET -> assertTrue(m.parameterSets().stream().anyMatch(s -> s.type() == 0x70));
                case WRONG_CKN -> assertFalse(Arrays.equals(CAK128.ckn(), m.ckn().octets()));
                case WRONG_ICV -> assertFalse(dev.macsec.keys.MkpduIcv.verify(CAK128.ick(), frame, 0, frame.length - 16,
                        frame.length - 16));
                default -> assertNotNull(m, f.toString());
            }
        }
        // a crafted frame with a wrong ICV is refused by a correct peer
        MkaParticipant b = participant(CAK128, MAC_B, 2, 16);
        b.receive(a.craft(0, Faults.of(Fault.WRONG_ICV)), 0);
        assertTrue(b.events().stream().anyMatch(e -> e.kind() == MkaEvent.Kind.ICV_FAILED));
        assertTrue(b.potentialPeers().isEmpty());
    }

    @Test
    void stalePeerMnListsAnOlderMnThanTheLatestHeard() {
        MkaParticipant a = participant(CAK128, MAC_A, 1, 17);
        MkaParticipant b = participant(CAK128, MAC_B, 2, 18);
        Wire w = new Wire(a, b);
        assertTrue(w.runUntil(() -> a.secured() && b.secured(), 10_000) >= 0);
        w.runUntil(() -> false, 5_000);
        long heard = b.livePeers().get(0).mn();
        assertTrue(heard >= 3);
        byte[] frame = b.craft(w.clock.millis(), Faults.of(Fault.STALE_PEER_MN));
        Mkpdu m = EapolDecoder.decode(frame, 0, 0, 14, frame.length, new Dissection());
        assertEquals(heard - 2, m.livePeers().get(0).mn());
        assertEquals(a.mi(), m.livePeers().get(0).mi());
    }

    @Test
    void theKeyServersConfidentialityIsWhatBothTransmit() {
        MkaParticipant a = new MkaParticipant(ActorConfig.of(CAK128, MAC_A).withPriority(1).withSeed(19L)
                .withConfidentialityOffset(ActorConfig.INTEGRITY_ONLY));
        MkaParticipant b = participant(CAK128, MAC_B, 2, 20);
        Wire w = new Wire(a, b);
        assertTrue(w.runUntil(() -> a.secured() && b.secured(), 10_000) >= 0);
        for (MkaParticipant p : List.of(a, b)) {
            byte[] f = p.protect(ethernet(MAC_A, MAC_B, "integrity only"));
            assertEquals(0, f[14] & 0x0C, "E=0, C=0");
        }
        assertDataFlows(b, a, "verifies without encryption");
        byte[] dist = a.craftRogueSak(w.clock.millis(), MkpduTamper.NONE);
        Mkpdu m = EapolDecoder.decode(dist, 0, 0, 14, dist.length, new Dissection());
        assertEquals(0, m.find(dev.macsec.decode.mka.ParameterSet.DistributedSak.class).orElseThrow()
                .confidentialityOffset(), "Confidentiality Offset 0 = not used");
        MkaParticipant c = participant(CAK128, MAC_A, 1, 21);
        assertEquals(1, c.config().confidentialityOffsetCode(), "offset 0 with confidentiality is code 1");
    }

    @Test
    void seededParticipantsAreReproducible() {
        MkaParticipant a1 = participant(CAK128, MAC_A, 1, 99);
        MkaParticipant a2 = participant(CAK128, MAC_A, 1, 99);
        assertEquals(a1.mi(), a2.mi());
        assertArrayEquals(a1.tick(0).get(0), a2.tick(0).get(0));
    }
}
