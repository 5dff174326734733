package dev.macsec.capture;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.nio.ByteOrder;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PcapngReaderTest {
    static final long T0 = 1_700_000_000L;

    @TempDir
    Path dir;

    static ByteOrder order(String name) {
        return name.equals("BIG_ENDIAN") ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN;
    }

    /**
     * Four interfaces with different link types and resolutions: default (10^-6), 10^-9, 10^-3 with an
     * if_tsoffset, and 2^-20; frames interleaved between them.
     */
    static CaptureBytes.Pcapng multiInterface(ByteOrder order) {
        CaptureBytes.Pcapng ng = new CaptureBytes.Pcapng(order);
        ng.interfaceBlock(1, 262144, -1, null);
        ng.interfaceBlock(113, 262144, 9, null);
        ng.interfaceBlock(276, 0, 3, 100L);
        ng.interfaceBlock(1, 65535, 0x80 | 20, null);
        ng.enhancedPacket(0, T0 * 1_000_000L + 123_456, CaptureBytes.frame(60, 0), 60);
        ng.enhancedPacket(1, T0 * 1_000_000_000L + 123_456_789, CaptureBytes.frame(77, 1), 100);
        ng.enhancedPacket(2, T0 * 1_000L + 5, CaptureBytes.frame(1500, 2), 1500);
        // 2^-20 s units: half a second plus one unit (953.67431640625 ns, floored)
        ng.enhancedPacket(3, (T0 << 20) + (1 << 19) + 1, CaptureBytes.frame(3, 3), 3);
        ng.enhancedPacket(0, T0 * 1_000_000L + 999_999, CaptureBytes.frame(64, 4), 64);
        return ng;
    }

    @ParameterizedTest
    @ValueSource(strings = {"LITTLE_ENDIAN", "BIG_ENDIAN"})
    void interfacesLinkTypesAndTimestampResolutions(String orderName) throws IOException {
        Path file = CaptureBytes.write(dir, "multi.pcapng", multiInterface(order(orderName)).bytes());
        Frames got = Frames.readAll(file);
        assertNull(got.failure());
        assertEquals(5, got.size());
        long s = T0 * 1_000_000_000L;
        assertFrame(got.get(0), 0, 1, s + 123_456_000L, 60, 60);
        assertFrame(got.get(1), 1, 113, s + 123_456_789L, 77, 100);
        assertFrame(got.get(2), 2, 276, s + 5_000_000L + 100_000_000_000L, 1500, 1500);
        assertFrame(got.get(3), 3, 1, s + 500_000_953L, 3, 3);
        assertFrame(got.get(4), 0, 1, s + 999_999_000L, 64, 64);
        for (int i = 0; i < 5; i++) {
            assertArrayEquals(CaptureBytes.frame(got.get(i).capturedLength(), i), got.get(i).data());
            assertEquals(i + 1, got.get(i).number());
        }
    }

    @Test
    void formatIsPcapng() throws IOException {
        Path file = CaptureBytes.write(dir, "f.pcapng", multiInterface(ByteOrder.LITTLE_ENDIAN).bytes());
        try (CaptureReader r = CaptureReader.open(file)) {
            assertEquals(CaptureFormat.PCAPNG, r.format());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"LITTLE_ENDIAN", "BIG_ENDIAN"})
    void simpleAndObsoletePacketBlocks(String orderName) throws IOException {
        CaptureBytes.Pcapng ng = new CaptureBytes.Pcapng(order(orderName));
        ng.interfaceBlock(1, 100, -1, null);
        ng.interfaceBlock(113, 0, 9, null);
        int spb = ng.simplePacket(CaptureBytes.frame(60, 0), 60);
        // the SPB holds only min(original length, snaplen) bytes
        ng.simplePacket(CaptureBytes.frame(100, 1), 1400);
        int pb = ng.obsoletePacket(1, T0 * 1_000_000_000L + 7, CaptureBytes.frame(42, 2), 42);
        Frames got = Frames.readAll(CaptureBytes.write(dir, "spb.pcapng", ng.bytes()));
        assertNull(got.failure());
        assertEquals(3, got.size());
        assertFrame(got.get(0), 0, 1, 0, 60, 60);
        assertEquals(spb, got.get(0).fileOffset());
        assertFrame(got.get(1), 0, 1, 0, 100, 1400);
        assertArrayEquals(CaptureBytes.frame(100, 1), got.get(1).data());
        assertFrame(got.get(2), 1, 113, T0 * 1_000_000_000L + 7, 42, 42);
        assertArrayEquals(CaptureBytes.frame(42, 2), got.get(2).data());
        assertEquals(pb, got.get(2).fileOffset());
    }

    @Test
    void unknownAndUninterpretedBlocksAreSkipped() throws IOException {
        CaptureBytes.Pcapng ng = new CaptureBytes.Pcapng(ByteOrder.LITTLE_ENDIAN);
        ng.block(0x0BAD_CAFE, new byte[40]);
        ng.interfaceBlock(1, 0, -1, null);
        ng.block(4, new byte[16]); // name resolution block
        ng.enhancedPacket(0, 1, CaptureBytes.frame(60, 0), 60);
        ng.block(5, new byte[24]); // interface statistics block
        ng.block(0x4000_0BAD, new byte[3 << 20]); // custom block bigger than the read buffer
        ng.block(0x0000_0BAD, new byte[0]);
        ng.enhancedPacket(0, 2, CaptureBytes.frame(61, 1), 61);
        for (int bufferSize : new int[]{32, 4096, 1 << 20}) {
            Frames got = Frames.readAll(CaptureBytes.write(dir, "unknown.pcapng", ng.bytes()), bufferSize);
            assertNull(got.failure(), () -> got.failure().getMessage());
            assertEquals(2, got.size());
            assertArrayEquals(CaptureBytes.frame(61, 1), got.get(1).data());
            assertEquals(2, got.get(1).number());
        }
    }

    @Test
    void sectionsResetInterfacesAndMayChangeByteOrder() throws IOException {
        CaptureBytes.Pcapng ng = new CaptureBytes.Pcapng(ByteOrder.LITTLE_ENDIAN);
        ng.interfaceBlock(1, 0, -1, null);
        ng.interfaceBlock(113, 0, -1, null);
        ng.enhancedPacket(1, 1_000_000, CaptureBytes.frame(50, 0), 50);
        ng.section(ByteOrder.BIG_ENDIAN);
        ng.interfaceBlock(276, 0, 9, null);
        ng.enhancedPacket(0, 2_000_000_000L, CaptureBytes.frame(51, 1), 51);
        ng.section(ByteOrder.LITTLE_ENDIAN);
        ng.interfaceBlock(1, 0, -1, null);
        ng.enhancedPacket(0, 3_000_000, CaptureBytes.frame(52, 2), 52);
        Frames got = Frames.readAll(CaptureBytes.write(dir, "sections.pcapng", ng.bytes()));
        assertNull(got.failure());
        assertEquals(3, got.size());
        assertFrame(got.get(0), 1, 113, 1_000_000_000L, 50, 50);
        assertFrame(got.get(1), 0, 276, 2_000_000_000L, 51, 51);
        assertFrame(got.get(2), 0, 1, 3_000_000_000L, 52, 52);
        for (int i = 0; i < 3; i++) {
            assertArrayEquals(CaptureBytes.frame(50 + i, i), got.get(i).data());
        }
    }

    @Test
    void interfaceIdsRestartInANewSection() throws IOException {
        CaptureBytes.Pcapng ng = new CaptureBytes.Pcapng(ByteOrder.LITTLE_ENDIAN);
        ng.interfaceBlock(1, 0, -1, null);
        ng.interfaceBlock(1, 0, -1, null);
        ng.enhancedPacket(1, 1, CaptureBytes.frame(50, 0), 50);
        ng.section(ByteOrder.LITTLE_ENDIAN);
        ng.interfaceBlock(1, 0, -1, null);
        int bad = ng.enhancedPacket(1, 1, CaptureBytes.frame(50, 0), 50);
        Path file = CaptureBytes.write(dir, "reset.pcapng", ng.bytes());
        Frames got = Frames.readAll(file);
        assertEquals(1, got.size());
        assertEquals(file + ": frame 2 at byte offset " + bad
                + ": enhanced packet block refers to interface 1 but the section has 1 interface(s)", got.failure().getMessage());
    }

    @ParameterizedTest
    @CsvSource({"LITTLE_ENDIAN,16", "BIG_ENDIAN,1048576"})
    void gzipPcapng(String orderName, int bufferSize) throws IOException {
        CaptureBytes.Pcapng ng = multiInterface(order(orderName));
        Frames plain = Frames.readAll(CaptureBytes.write(dir, "p.pcapng", ng.bytes()));
        Frames gz = Frames.readAll(CaptureBytes.write(dir, "p.pcapng.gz", CaptureBytes.gzip(ng.bytes())), bufferSize);
        assertNull(gz.failure());
        assertEquals(plain.size(), gz.size());
        for (int i = 0; i < plain.size(); i++) {
            assertArrayEquals(plain.get(i).data(), gz.get(i).data());
            assertEquals(plain.get(i).timestampNanos(), gz.get(i).timestampNanos());
            assertEquals(plain.get(i).linkType(), gz.get(i).linkType());
            assertEquals(plain.get(i).fileOffset(), gz.get(i).fileOffset());
        }
    }

    @Test
    void largePacketBlocksWithTinyBuffer() throws IOException {
        CaptureBytes.Pcapng ng = new CaptureBytes.Pcapng(ByteOrder.BIG_ENDIAN);
        ng.interfaceBlock(1, 0, 9, null);
        int[] sizes = {262144, 1, 65535, 7};
        for (int i = 0; i < sizes.length; i++) {
            ng.enhancedPacket(0, i, CaptureBytes.frame(sizes[i], i), sizes[i]);
        }
        Frames got = Frames.readAll(CaptureBytes.write(dir, "large.pcapng", ng.bytes()), 16);
        assertNull(got.failure());
        assertEquals(sizes.length, got.size());
        for (int i = 0; i < sizes.length; i++) {
            assertArrayEquals(CaptureBytes.frame(sizes[i], i), got.get(i).data());
            assertEquals(i, got.get(i).timestampNanos());
        }
    }

    @Test
    void sectionWithoutPacketsEndsCleanly() throws IOException {
        CaptureBytes.Pcapng ng = new CaptureBytes.Pcapng(ByteOrder.LITTLE_ENDIAN);
        ng.interfaceBlock(1, 0, -1, null);
        try (CaptureReader r = CaptureReader.open(CaptureBytes.write(dir, "none.pcapng", ng.bytes()))) {
            assertFalse(r.next());
            assertFalse(r.next());
        }
    }

    static void assertFrame(Frames.Frame f, int interfaceId, int linkType, long nanos, int capLen, int origLen) {
        assertEquals(interfaceId, f.interfaceId(), "interface of frame " + f.number());
        assertEquals(linkType, f.linkType(), "link type of frame " + f.number());
        assertEquals(nanos, f.timestampNanos(), "timestamp of frame " + f.number());
        assertEquals(capLen, f.capturedLength(), "captured length of frame " + f.number());
        assertEquals(origLen, f.originalLength(), "original length of frame " + f.number());
        assertTrue(f.number() > 0);
    }
}
