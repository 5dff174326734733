package dev.macsec.conformance.link;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.time.Duration;
import java.util.Arrays;
import java.util.HexFormat;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The live link on the loopback interface, no VM needed: a frame injected through it is captured back once (the
 * kernel loops it back as an incoming frame; the outgoing copy is not captured), only if the BPF filter lets it
 * through, with a capture time; and an interface that does not exist is one clear error.
 */
class PcapLiveLinkLoopbackTest {
    private static final HexFormat HEX = HexFormat.of();

    private static byte[] frame(String src, int marker) {
        byte[] f = new byte[60];
        System.arraycopy(HEX.parseHex("020000009902"), 0, f, 0, 6);
        System.arraycopy(HEX.parseHex(src), 0, f, 6, 6);
        f[12] = (byte) 0x88;
        f[13] = (byte) 0xb5; // local experimental EtherType 1
        f[14] = (byte) marker;
        return f;
    }

    @Test
    void anInjectedFrameComesBackOnceThroughTheFilter() throws IOException {
        assumeTrue("root".equals(System.getProperty("user.name")), "live capture needs root");
        long before = Frame.nowMicros();
        try (PcapLiveLink link = new PcapLiveLink("lo", "ether src 02:00:00:00:99:01", 16)) {
            link.send(frame("020000009903", 1)); // another source: filtered out
            byte[] sent = frame("020000009901", 2);
            byte[] padded = Arrays.copyOf(sent, sent.length + 4);
            link.send(padded, 0, sent.length);
            Frame got = link.receive(Duration.ofSeconds(3));
            assertNotNull(got, "the injected frame was not captured");
            assertArrayEquals(sent, got.data());
            assertTrue(got.timestampMicros() >= before - 1_000_000, "capture time " + got.timestampMicros());
            assertNull(link.receive(Duration.ofMillis(300)), "captured twice, or the filtered frame came through");
            assertEquals(0, link.dropped());
        }
    }

    @Test
    void aMissingInterfaceIsOneClearError() {
        assumeTrue("root".equals(System.getProperty("user.name")), "live capture needs root");
        IOException e = org.junit.jupiter.api.Assertions.assertThrows(IOException.class,
                () -> new PcapLiveLink("nosuchif0", null, 16));
        assertTrue(e.getMessage().startsWith("cannot open nosuchif0 with libpcap: "), e.getMessage());
    }
}
