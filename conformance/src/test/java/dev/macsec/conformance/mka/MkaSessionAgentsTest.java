package dev.macsec.conformance.mka;

import dev.macsec.capture.CaptureReader;
import dev.macsec.conformance.link.Frame;
import dev.macsec.conformance.link.FrameLink;
import dev.macsec.mka.actor.MkaClock;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Queue;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The session loop as the EAP cases use it: no MKA participant of ours before the EAP session gives a CAK (nor after a
 * Logoff), agents that see frames first. The device's MKPDUs must still reach its observer then, or a verdict that
 * reads them (the Logoff cases: "no MKPDU under the CKN afterwards") would pass on a device that went on.
 */
class MkaSessionAgentsTest {
    private static final HexFormat HEX = HexFormat.of();
    private static final Path CAPTURE = Path.of("..", "pcaps", "linux-dut", "mka.pcap");
    /** pcaps/linux-dut/mka-cak.json: wpa_supplicant's pre-shared CAK of that capture. */
    private static final byte[] CKN = HEX.parseHex("6162636465666768696a6b6c6d6e6f707172737475767778797a303132333435");
    private static final byte[] CAK = HEX.parseHex("0123456789abcdef0123456789abcdef");
    private static final byte[] OUR_MAC = HEX.parseHex("525400000001");

    /** Delivers recorded frames, then nothing; the clock moves by the waits. */
    private record Replay(Queue<byte[]> in, List<byte[]> sent, MkaClock.Manual clock) implements FrameLink {
        @Override
        public void send(byte[] frame, int off, int len) {
            sent.add(Arrays.copyOfRange(frame, off, off + len));
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

    private static List<byte[]> frames() throws IOException {
        List<byte[]> frames = new ArrayList<>();
        try (CaptureReader r = CaptureReader.open(CAPTURE)) {
            while (r.next()) {
                frames.add(Arrays.copyOfRange(r.data(), r.offset(), r.offset() + r.capturedLength()));
            }
        }
        return frames;
    }

    /** tshark's count of the MKPDUs (EAPOL type 5) of the capture that {@code mac} sent. */
    private static int tsharkMkpdusFrom(String mac) throws IOException, InterruptedException {
        assumeTrue(Files.isExecutable(Path.of("/usr/bin/tshark")), "tshark is not installed");
        Process p = new ProcessBuilder("tshark", "-r", CAPTURE.toString(), "-Y", "eapol.type == 5 && eth.src == " + mac,
                "-T", "fields", "-e", "frame.number").redirectErrorStream(true).start();
        long n = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).lines()
                .filter(l -> l.matches("\\d+")).count();
        p.waitFor();
        return (int) n;
    }

    @Test
    void withoutAParticipantTheDevicesMkpdusStillReachTheirObserver() throws Exception {
        MkaClock.Manual clock = new MkaClock.Manual(0);
        Replay link = new Replay(new ArrayDeque<>(frames()), new ArrayList<>(), clock);
        MkaSession session = new MkaSession(link, clock, OUR_MAC, new byte[] {10, 1, 0, 1});
        // 52:54:00:00:00:0a is "us": the observer judges the other side, 52:54:00:00:00:0b
        DeviceOnTheWire wire = new DeviceOnTheWire(CAK, CKN, dev.macsec.conformance.device.Sci.of(HEX.parseHex("52540000000a"), 1));
        session.observe(wire);
        session.runFor(Duration.ofSeconds(5));
        int expected = tsharkMkpdusFrom("52:54:00:00:00:0b");
        assertTrue(expected > 0);
        assertEquals(expected, wire.said().size(), "the device's MKPDUs that verify under the CAK");
        assertEquals(0, wire.icvFailed());
        assertEquals(List.of(), link.sent(), "no participant: nothing sent");
    }

    @Test
    void anAgentSeesEveryFrameFirstAndWhatItTakesIsNotCountedAsPlaintext() throws Exception {
        List<byte[]> recorded = frames();
        MkaClock.Manual clock = new MkaClock.Manual(0);
        Replay link = new Replay(new ArrayDeque<>(recorded), new ArrayList<>(), clock);
        MkaSession session = new MkaSession(link, clock, OUR_MAC, new byte[] {10, 1, 0, 1});
        DeviceOnTheWire wire = new DeviceOnTheWire(CAK, CKN, dev.macsec.conformance.device.Sci.of(HEX.parseHex("52540000000a"), 1));
        session.observe(wire);
        List<byte[]> seen = new ArrayList<>();
        byte[] answer = {1, 2, 3};
        session.add(new LinkAgent() {
            @Override
            public List<byte[]> receive(byte[] frame, long nowMillis) {
                seen.add(frame);
                // takes every MKPDU: neither the observer nor the counters see them
                return frame.length > 15 && frame[12] == (byte) 0x88 && frame[13] == (byte) 0x8E ? List.of(answer) : null;
            }
        });
        session.runFor(Duration.ofSeconds(5));
        assertEquals(recorded.size(), seen.size(), "every frame offered to the agent");
        assertEquals(0, wire.said().size(), "what the agent took went nowhere else");
        assertEquals(0, session.mkpdusIn());
        int mkpdus = tsharkMkpdusFrom("52:54:00:00:00:0b") + tsharkMkpdusFrom("52:54:00:00:00:0a");
        assertEquals(mkpdus, link.sent().size(), "the agent's answers were sent, one per frame it took");
    }
}
