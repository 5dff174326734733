package dev.macsec.conformance.link;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HexFormat;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

/** Two real UDP links wired back to back, recorded, and the recording read back with libpcap. */
class LinksTest {
    @TempDir
    Path dir;

    private static byte[] frame(int n) {
        byte[] f = HexFormat.of().parseHex("525400000002525400000001080045000000");
        f[f.length - 1] = (byte) n;
        return f;
    }

    @Test
    void udpLinksCarryFramesAndTheRecordingReplays() throws IOException {
        Path pcap = dir.resolve("rec.pcap");
        long backMicros;
        try (UdpLink a = UdpLink.bindLoopback(); UdpLink b = UdpLink.bindLoopback()) {
            a.connectTo(b.localPort());
            b.connectTo(a.localPort());
            try (RecordingLink rec = new RecordingLink(a, pcap)) {
                byte[] buf = new byte[64];
                System.arraycopy(frame(1), 0, buf, 5, 18);
                rec.send(buf, 5, 18);
                Frame got = b.receive(Duration.ofSeconds(2));
                assertNotNull(got);
                assertArrayEquals(frame(1), got.data());
                b.send(frame(2));
                Frame back = rec.receive(Duration.ofSeconds(2));
                assertArrayEquals(frame(2), back.data());
                backMicros = back.timestampMicros();
                assertEquals(2, rec.frames());
                assertNull(rec.receive(Duration.ofMillis(50)));
            }
        }
        try (PcapFileLink replay = new PcapFileLink(pcap)) {
            assertArrayEquals(frame(1), replay.receive(Duration.ZERO).data());
            Frame second = replay.receive(Duration.ZERO);
            assertArrayEquals(frame(2), second.data());
            assertEquals(backMicros, second.timestampMicros(), "a received frame keeps its receive time");
            assertNull(replay.receive(Duration.ZERO));
            replay.send(frame(3));
            assertEquals(1, replay.sent().size());
        }
    }
}
