package dev.macsec.conformance.mka;

import dev.macsec.capture.CaptureReader;
import dev.macsec.field.Bytes;
import dev.macsec.testing.ProjectFiles;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What the 802.1X suite reads off the wire, on a real session between two wpa_supplicant 2.10 (pcaps/linux-dut/mka.pcap),
 * SCI 52540000000a0001 playing the device. Every expected value is tshark 4.0's reading of the capture
 * ({@code tshark -Y eapol -T fields -e mka.sci -e mka.key_server -e mka.peer_mi -e mka.latest_key_* -e mka.old_key_*
 * -e mka.key_number}): the device is Key Server, distributes KN 1 in frames 3 and 5, announces it with latest tx/rx in frame 5,
 * then from frame 19 on as its Old Key with tx and rx (the Latest Key empty), listing 59e65eb7b00feeffdebd3a09 live.
 */
class DeviceOnTheWireTest {
    private static final HexFormat HEX = HexFormat.of();
    private static final byte[] CAK = HEX.parseHex("0123456789abcdef0123456789abcdef");
    private static final byte[] CKN = HEX.parseHex("6162636465666768696a6b6c6d6e6f707172737475767778797a303132333435");
    private static final long PEER_SCI = 0x52540000000b0001L;
    private static final Bytes DEVICE_MI = new Bytes(HEX.parseHex("f86af28530c8c924cf95c4d1"));
    private static final Bytes PEER_MI = new Bytes(HEX.parseHex("59e65eb7b00feeffdebd3a09"));
    /** Frames of SCI 52540000000a0001 (tshark). */
    private static final List<Integer> DEVICE_FRAMES = List.of(1, 3, 5, 19, 22, 26, 28, 30, 32, 34, 44, 48, 52, 54, 56,
            58, 62, 66);

    /** Feeds frames 1..{@code lastFrame}, each at its frame number as time, to a witness with {@code cak}. */
    private static DeviceOnTheWire read(byte[] cak, int lastFrame) throws IOException {
        DeviceOnTheWire w = new DeviceOnTheWire(cak, CKN, PEER_SCI);
        try (CaptureReader r = CaptureReader.open(ProjectFiles.root().resolve("pcaps/linux-dut/mka.pcap"))) {
            while (r.next() && r.frameNumber() <= lastFrame) {
                byte[] f = Arrays.copyOfRange(r.data(), r.offset(), r.offset() + r.capturedLength());
                if (f.length > 14 && (f[12] & 0xFF) == 0x88 && (f[13] & 0xFF) == 0x8E) {
                    w.observe(f, r.frameNumber());
                }
            }
        }
        return w;
    }

    @Test
    void theDevicesVerifiedMkpdusAndWhatTheySay() throws IOException {
        DeviceOnTheWire w = read(CAK, Integer.MAX_VALUE);
        assertEquals(DEVICE_FRAMES, w.said().stream().map(s -> (int) s.nanos()).toList(), "only the device's MKPDUs");
        assertEquals(0, w.icvFailed());
        DeviceOnTheWire.Said last = w.latest().orElseThrow();
        assertTrue(last.mkpdu().keyServer(), "Key Server flag");
        assertTrue(w.securedWith(PEER_MI), "lists the peer live with a key in use: " + last);
        assertEquals(new DeviceOnTheWire.KeyInUse(DEVICE_MI, 1, 0), last.keyInUse().orElseThrow(),
                "the Old Key, tx and rx, named by the device's MI and KN 1, AN 0");
        assertTrue(w.everDistributed(4), "Distributed SAK in frames 3 and 5");
        assertFalse(w.everDistributed(6), "no SAK distributed after frame 5");
        assertFalse(w.everUsedKeyFrom(PEER_MI, 0), "the peer never was Key Server");
        assertTrue(w.everUsedKeyFrom(DEVICE_MI, 0));
        assertEquals(1, (int) w.firstNotListing(PEER_MI, 0).orElseThrow().nanos(), "frame 1 lists no peer");
        assertTrue(w.firstNotListing(PEER_MI, 2).isEmpty(), "listed live in every MKPDU from frame 3 on");
        assertTrue(w.transcript(0).lines().count() == DEVICE_FRAMES.size(), w.transcript(0));
    }

    @Test
    void securedOnlyOnceTheDeviceAnnouncesTheKeyInUse() throws IOException {
        DeviceOnTheWire beforeUse = read(CAK, 4);
        assertFalse(beforeUse.securedWith(PEER_MI), "frame 3 distributes KN 1 but uses no key yet");
        DeviceOnTheWire inUse = read(CAK, 5);
        assertEquals(new DeviceOnTheWire.KeyInUse(DEVICE_MI, 1, 0), inUse.latest().orElseThrow().keyInUse().orElseThrow(),
                "frame 5: the Latest Key, tx and rx");
        assertTrue(inUse.securedWith(PEER_MI));
    }

    @Test
    void mkpdusThatDoNotVerifyAreNotTheDevicesWord() throws IOException {
        DeviceOnTheWire w = read(HEX.parseHex("ffeeddccbbaa99887766554433221100"), Integer.MAX_VALUE);
        assertEquals(List.of(), w.said());
        assertEquals(DEVICE_FRAMES.size(), w.icvFailed());
        assertFalse(w.securedWith(PEER_MI));
    }
}
