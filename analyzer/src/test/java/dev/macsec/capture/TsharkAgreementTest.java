package dev.macsec.capture;

import dev.macsec.testing.ProjectFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Our reader against Wireshark's: frame counts, lengths, timestamps and interfaces must agree. */
class TsharkAgreementTest {
    @TempDir
    Path dir;

    static Stream<Path> bundledCaptures() throws IOException {
        try (Stream<Path> files = Files.walk(ProjectFiles.root().resolve("pcaps"))) {
            List<Path> list = files.filter(Files::isRegularFile)
                    .filter(f -> f.getFileName().toString().matches(".*\\.(pcap|pcapng|cap)(\\.gz)?"))
                    .sorted().toList();
            assertTrue(list.size() >= 20, "bundled captures found: " + list.size());
            return list.stream();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("bundledCaptures")
    void bundledCaptureMatchesTshark(Path file) throws Exception {
        assertAgrees(file, true);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"LITTLE_ENDIAN", "BIG_ENDIAN"})
    void multiInterfacePcapngMatchesTshark(String orderName) throws Exception {
        CaptureBytes.Pcapng ng = PcapngReaderTest.multiInterface(PcapngReaderTest.order(orderName));
        assertAgrees(CaptureBytes.write(dir, "multi.pcapng", ng.bytes()), true);
    }

    @Test
    void sectionsObsoleteAndUnknownBlocksMatchTshark() throws Exception {
        CaptureBytes.Pcapng ng = new CaptureBytes.Pcapng(ByteOrder.BIG_ENDIAN);
        ng.interfaceBlock(1, 0, 9, null);
        ng.interfaceBlock(113, 0, -1, null);
        ng.block(0x1234, new byte[20]); // unknown type; custom blocks (0xBAD) would be frames to Wireshark
        ng.enhancedPacket(1, 1_700_000_000_000_001L, CaptureBytes.frame(80, 0), 90);
        ng.obsoletePacket(0, 1_700_000_000_123_456_789L, CaptureBytes.frame(60, 1), 60);
        ng.section(ByteOrder.LITTLE_ENDIAN);
        ng.interfaceBlock(276, 0, 3, null);
        ng.enhancedPacket(0, 1_700_000_001_001L, CaptureBytes.frame(70, 2), 70);
        assertAgrees(CaptureBytes.write(dir, "sections.pcapng", ng.bytes()), true);
    }

    @Test
    void simplePacketBlocksMatchTsharkLengths() throws Exception {
        CaptureBytes.Pcapng ng = new CaptureBytes.Pcapng(ByteOrder.LITTLE_ENDIAN);
        ng.interfaceBlock(1, 100, -1, null);
        ng.simplePacket(CaptureBytes.frame(60, 0), 60);
        ng.simplePacket(CaptureBytes.frame(100, 1), 1400);
        // tshark gives SPB frames no meaningful time of their own, so compare only lengths
        assertAgrees(CaptureBytes.write(dir, "spb.pcapng", ng.bytes()), false);
    }

    @Test
    void gzipPcapMatchesTshark() throws Exception {
        CaptureBytes.Pcap pcap = new CaptureBytes.Pcap(ByteOrder.BIG_ENDIAN, true, 1, 65535);
        for (int i = 0; i < 50; i++) {
            pcap.record(1_600_000_000L + i, i * 1000L + 7, CaptureBytes.frame(64 + 10 * i, i));
        }
        assertAgrees(CaptureBytes.write(dir, "g.pcap.gz", CaptureBytes.gzip(pcap.bytes())), true);
    }

    static void assertAgrees(Path file, boolean compareTimes) throws Exception {
        List<Tshark.Frame> expected = Tshark.frames(file);
        Frames ours = Frames.readAll(file);
        assertNull(ours.failure(), () -> ours.failure().getMessage());
        assertFalse(expected.isEmpty(), "tshark saw no frames in " + file);
        assertEquals(expected.size(), ours.size(), "frame count of " + file);
        for (int i = 0; i < expected.size(); i++) {
            Tshark.Frame t = expected.get(i);
            Frames.Frame f = ours.get(i);
            String where = file.getFileName() + " frame " + t.number();
            assertEquals(t.number(), f.number(), where);
            assertEquals(t.capturedLength(), f.capturedLength(), "captured length, " + where);
            assertEquals(t.originalLength(), f.originalLength(), "original length, " + where);
            assertEquals(t.interfaceId(), f.interfaceId(), "interface, " + where);
            if (compareTimes) {
                assertEquals(t.timestampNanos(), f.timestampNanos(), "timestamp, " + where);
            }
        }
    }
}
