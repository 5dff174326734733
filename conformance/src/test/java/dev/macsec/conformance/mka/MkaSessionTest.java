package dev.macsec.conformance.mka;

import dev.macsec.conformance.link.Frame;
import dev.macsec.conformance.link.FrameLink;
import dev.macsec.conformance.suite.Harness;
import dev.macsec.keys.CakEntry;
import dev.macsec.mka.actor.ActorConfig;
import dev.macsec.mka.actor.MkaClock;
import dev.macsec.mka.actor.MkaParticipant;
import dev.macsec.mka.protocol.MkaTimers;
import dev.macsec.secy.Verdict;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Queue;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The session loop and the keychain fallback between two Java participants on an in-memory wire, on simulated
 * time: one thread, a manual clock, the standard's timers (2 s hello, 6 s MKA Life Time), and no sleeping.
 */
class MkaSessionTest {
    private static final HexFormat HEX = HexFormat.of();
    private static final byte[] DEVICE_MAC = HEX.parseHex("525400000002");
    private static final byte[] DEVICE_IP = {10, 1, 0, 2};

    /**
     * The device's end of the wire. Nothing runs between the tester's calls, so when the tester waits for a frame
     * the device runs for that long (see {@link TesterEnd}); when the device in turn waits for a frame that is not
     * there, the time it waits passes on the clock.
     */
    private record DeviceEnd(Queue<byte[]> in, Queue<byte[]> out, MkaClock.Manual clock) implements FrameLink {
        @Override
        public void send(byte[] frame, int off, int len) {
            out.add(Arrays.copyOfRange(frame, off, off + len));
        }

        @Override
        public Frame receive(Duration timeout) {
            byte[] f = in.poll();
            if (f == null) {
                clock.advance(timeout.toMillis());
            }
            return f == null ? null : new Frame(f, 0);
        }

        @Override
        public void close() {
        }
    }

    /** The tester's end: waiting for a frame runs the device until it sends one or the wait is over. */
    private static final class TesterEnd implements FrameLink {
        private final Queue<byte[]> in;
        private final Queue<byte[]> out;
        private MkaSession device;

        TesterEnd(Queue<byte[]> in, Queue<byte[]> out) {
            this.in = in;
            this.out = out;
        }

        @Override
        public void send(byte[] frame, int off, int len) {
            out.add(Arrays.copyOfRange(frame, off, off + len));
        }

        @Override
        public Frame receive(Duration timeout) throws IOException {
            if (in.isEmpty()) {
                device.runUntil(() -> !in.isEmpty(), timeout);
            }
            byte[] f = in.poll();
            return f == null ? null : new Frame(f, 0);
        }

        @Override
        public void close() {
        }
    }

    @Test
    void keychainFallsBackToThePairThePeerHoldsAndDataFlows() throws Exception {
        List<CakEntry> chain = List.of(
                new CakEntry(3, HEX.parseHex("0303"), HEX.parseHex("33333333333333333333333333333333"), "newest"),
                new CakEntry(2, HEX.parseHex("0202"), HEX.parseHex("22222222222222222222222222222222"), "previous"),
                new CakEntry(1, HEX.parseHex("0101"), HEX.parseHex("11111111111111111111111111111111"), "oldest"));
        Queue<byte[]> toDevice = new ArrayDeque<>();
        Queue<byte[]> toTester = new ArrayDeque<>();
        MkaClock.Manual clock = new MkaClock.Manual(0);
        TesterEnd tester = new TesterEnd(toTester, toDevice);
        MkaSession deviceSession = new MkaSession(new DeviceEnd(toDevice, toTester, clock), clock,
                new MkaParticipant(ActorConfig.of(chain.get(1), DEVICE_MAC).withPriority(32)), DEVICE_IP);
        tester.device = deviceSession;
        MkaSession session = new MkaSession(tester, clock,
                new MkaParticipant(ActorConfig.of(chain.get(0), Harness.TESTER_MAC).withPriority(1)), Harness.TESTER_IP);

        KeychainPeering.Result r = KeychainPeering.run(session, session.participant().config(), chain,
                Duration.ofMillis(MkaTimers.LIFE_TIME));
        assertEquals(chain.get(1), r.chosen(), r.attempts()::toString);
        assertEquals(2, r.attempts().size());
        assertTrue(r.attempts().get(0).givenUp().contains("UNKNOWN_CKN"), r.attempts()::toString);
        assertTrue(session.runUntil(() -> session.participant().secured() && deviceSession.participant().secured(),
                Duration.ofMillis(MkaTimers.LIFE_TIME)), () -> session + " " + deviceSession);

        // an echo request from the tester, protected; the device side answers through its SecY
        byte[] request = echoRequest();
        byte[] wire = session.participant().protect(request);
        assertNotNull(wire);
        tester.send(wire);
        assertTrue(session.runUntil(() -> session.verdict(Verdict.OK) >= 1, Duration.ofSeconds(2)), session::toString);
        byte[] reply = session.plaintextsIn().get(0);
        assertEquals(0, reply[34], "ICMP echo reply");
        assertArrayEquals(Arrays.copyOfRange(request, 26, 30), Arrays.copyOfRange(reply, 30, 34));
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
