package dev.macsec.conformance.mka;

import dev.macsec.conformance.link.Frame;
import dev.macsec.conformance.link.FrameLink;
import dev.macsec.conformance.suite.Harness;
import dev.macsec.keys.CakEntry;
import dev.macsec.mka.actor.ActorConfig;
import dev.macsec.mka.actor.MkaClock;
import dev.macsec.mka.actor.MkaParticipant;
import dev.macsec.secy.Verdict;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The real-time session loop and the keychain fallback between two Java participants on an in-memory wire. */
class MkaSessionTest {
    private static final HexFormat HEX = HexFormat.of();
    private static final byte[] DEVICE_MAC = HEX.parseHex("525400000002");
    private static final byte[] DEVICE_IP = {10, 1, 0, 2};

    /** One end of an in-memory Ethernet wire. */
    private record End(BlockingQueue<byte[]> in, BlockingQueue<byte[]> out) implements FrameLink {
        @Override
        public void send(byte[] frame, int off, int len) {
            out.add(java.util.Arrays.copyOfRange(frame, off, off + len));
        }

        @Override
        public Frame receive(Duration timeout) throws java.io.IOException {
            try {
                byte[] f = in.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
                return f == null ? null : new Frame(f, 0);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new java.io.InterruptedIOException();
            }
        }

        @Override
        public void close() {
        }
    }

    private static ActorConfig fast(CakEntry cak, byte[] mac, int priority) {
        // short timers so the real-time loop finishes quickly; the logic is the same as with 2 s / 6 s
        ActorConfig c = ActorConfig.of(cak, mac).withPriority(priority).withHello(200);
        return new ActorConfig(c.cak(), c.mac(), c.port(), c.priority(), true, true, 3, 1, 200, 800, 400,
                c.sakSource(), c.cipherSuite(), false, 0, null, c.rx());
    }

    @Test
    void keychainFallsBackToThePairThePeerHoldsAndDataFlows() throws Exception {
        List<CakEntry> chain = List.of(
                new CakEntry(3, HEX.parseHex("0303"), HEX.parseHex("33333333333333333333333333333333"), "newest"),
                new CakEntry(2, HEX.parseHex("0202"), HEX.parseHex("22222222222222222222222222222222"), "previous"),
                new CakEntry(1, HEX.parseHex("0101"), HEX.parseHex("11111111111111111111111111111111"), "oldest"));
        BlockingQueue<byte[]> aToB = new LinkedBlockingQueue<>();
        BlockingQueue<byte[]> bToA = new LinkedBlockingQueue<>();
        End tester = new End(bToA, aToB);
        End device = new End(aToB, bToA);
        MkaClock clock = MkaClock.system();
        MkaParticipant devicePeer = new MkaParticipant(fast(chain.get(1), DEVICE_MAC, 32));
        MkaSession deviceSession = new MkaSession(device, clock, devicePeer, DEVICE_IP);
        AtomicReference<Exception> failed = new AtomicReference<>();
        Thread t = new Thread(() -> {
            try {
                deviceSession.runFor(Duration.ofSeconds(6));
            } catch (Exception e) {
                failed.set(e);
            }
        });
        t.start();
        MkaSession session = new MkaSession(tester, clock,
                new MkaParticipant(fast(chain.get(0), Harness.TESTER_MAC, 1)), Harness.TESTER_IP);
        KeychainPeering.Result r = KeychainPeering.run(session, session.participant().config(), chain,
                Duration.ofSeconds(2));
        assertEquals(chain.get(1), r.chosen(), r.attempts()::toString);
        assertEquals(2, r.attempts().size());
        assertTrue(r.attempts().get(0).givenUp().contains("UNKNOWN_CKN"), r.attempts()::toString);
        assertTrue(session.runUntil(() -> session.participant().secured(), Duration.ofSeconds(2)));

        // an echo request from the tester, protected; the device side answers through its SecY
        byte[] request = echoRequest();
        byte[] wire = session.participant().protect(request);
        assertNotNull(wire);
        tester.send(wire);
        assertTrue(session.runUntil(() -> session.verdict(Verdict.OK) >= 1, Duration.ofSeconds(2)), session::toString);
        byte[] reply = session.plaintextsIn().get(0);
        assertEquals(0, reply[34], "ICMP echo reply");
        assertArrayEquals(java.util.Arrays.copyOfRange(request, 26, 30), java.util.Arrays.copyOfRange(reply, 30, 34));
        t.join(10_000);
        assertNull(failed.get());
        assertEquals(1, deviceSession.echoRepliesOut());
    }

    static byte[] echoRequest() {
        byte[] f = new byte[14 + 20 + 8 + 8];
        System.arraycopy(DEVICE_MAC, 0, f, 0, 6);
        System.arraycopy(Harness.TESTER_MAC, 0, f, 6, 6);
        f[12] = 0x08;
        f[14] = 0x45;
        f[17] = (byte) (20 + 8 + 8);
        f[22] = 64;
        f[23] = 1;
        System.arraycopy(Harness.TESTER_IP, 0, f, 26, 4);
        System.arraycopy(DEVICE_IP, 0, f, 30, 4);
        f[34] = 8;
        f[38] = 0x12;
        f[40] = 1;
        return f;
    }

    @Test
    void echoReplyChecksumsAreValid() {
        byte[] req = echoRequest();
        byte[] reply = IcmpArp.reply(req, DEVICE_MAC, DEVICE_IP);
        assertNotNull(reply);
        assertEquals(0, ones(reply, 14, 20), "IPv4 header checksum");
        assertEquals(0, ones(reply, 34, reply.length - 34), "ICMP checksum");
        assertNull(IcmpArp.reply(req, DEVICE_MAC, new byte[] {10, 9, 9, 9}), "not our address");
    }

    /** The one's complement sum folded and complemented: 0 when the checksum in the range is right. */
    private static int ones(byte[] b, int off, int len) {
        long sum = 0;
        for (int i = 0; i + 1 < len; i += 2) {
            sum += (b[off + i] & 0xFF) << 8 | (b[off + i + 1] & 0xFF);
        }
        while ((sum >> 16) != 0) {
            sum = (sum & 0xFFFF) + (sum >> 16);
        }
        return (int) (~sum & 0xFFFF);
    }
}
