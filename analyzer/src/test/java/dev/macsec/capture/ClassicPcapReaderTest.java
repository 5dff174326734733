package dev.macsec.capture;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;
import java.nio.ByteOrder;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ClassicPcapReaderTest {
    @TempDir
    Path dir;

    @ParameterizedTest(name = "{0} nanos={1}")
    @CsvSource({"LITTLE_ENDIAN,false", "LITTLE_ENDIAN,true", "BIG_ENDIAN,false", "BIG_ENDIAN,true"})
    void readsBothByteOrdersAndResolutions(String orderName, boolean nanos) throws IOException {
        ByteOrder order = orderName.equals("BIG_ENDIAN") ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN;
        CaptureBytes.Pcap pcap = new CaptureBytes.Pcap(order, nanos, 1, 65535);
        byte[] a = CaptureBytes.frame(60, 1);
        byte[] b = CaptureBytes.frame(1514, 2);
        long fracA = nanos ? 123_456_789L : 123_456L;
        int offA = pcap.record(1_700_000_000L, fracA, a);
        // 0xF0000000 seconds checks the seconds field is read unsigned (year 2097)
        int offB = pcap.record(0xF000_0000L, 999, b, b.length, 9000);
        Path file = CaptureBytes.write(dir, "x.pcap", pcap.bytes());

        try (CaptureReader r = CaptureReader.open(file)) {
            assertEquals(CaptureFormat.PCAP, r.format());
            assertEquals(file, r.path());
            assertTrue(r.next());
            assertEquals(1, r.frameNumber());
            assertEquals(offA, r.fileOffset());
            assertEquals(1_700_000_000L * 1_000_000_000L + (nanos ? fracA : fracA * 1000), r.timestampNanos());
            assertEquals(60, r.capturedLength());
            assertEquals(60, r.originalLength());
            assertEquals(1, r.linkType());
            assertEquals(0, r.interfaceId());
            assertSlice(a, r);
            assertTrue(r.next());
            assertEquals(2, r.frameNumber());
            assertEquals(offB, r.fileOffset());
            assertEquals(0xF000_0000L * 1_000_000_000L + (nanos ? 999 : 999_000), r.timestampNanos());
            assertEquals(9000, r.originalLength());
            assertSlice(b, r);
            assertFalse(r.next());
            assertFalse(r.next());
        }
    }

    @ParameterizedTest
    @CsvSource({"113", "276", "147"})
    void deliversTheLinkTypeAsRecorded(int linkType) throws IOException {
        CaptureBytes.Pcap pcap = new CaptureBytes.Pcap(ByteOrder.LITTLE_ENDIAN, false, linkType, 262144);
        pcap.record(1, 0, CaptureBytes.frame(40, 3));
        Frames got = Frames.readAll(CaptureBytes.write(dir, "l.pcap", pcap.bytes()));
        assertEquals(1, got.size());
        assertEquals(linkType, got.get(0).linkType());
    }

    @Test
    void ignoresTheFcsBitsAboveTheLinkType() throws IOException {
        // LINKTYPE_ETHERNET with the "FCS present, 4 octets" bits set (pcap spec: bits 26..31)
        CaptureBytes.Pcap pcap = new CaptureBytes.Pcap(ByteOrder.LITTLE_ENDIAN, false, 0x2400_0001, 262144);
        pcap.record(1, 0, CaptureBytes.frame(64, 3));
        assertEquals(1, Frames.readAll(CaptureBytes.write(dir, "fcs.pcap", pcap.bytes())).get(0).linkType());
    }

    @Test
    void headerOnlyFileHasNoFrames() throws IOException {
        Frames got = Frames.readAll(CaptureBytes.write(dir, "empty.pcap", CaptureBytes.Pcap.ethernet().bytes()));
        assertEquals(0, got.size());
        assertNull(got.failure());
    }

    @Test
    void zeroLengthFramesAreFrames() throws IOException {
        CaptureBytes.Pcap pcap = CaptureBytes.Pcap.ethernet();
        pcap.record(1, 0, new byte[0]);
        pcap.record(2, 0, CaptureBytes.frame(10, 1));
        Frames got = Frames.readAll(CaptureBytes.write(dir, "z.pcap", pcap.bytes()));
        assertEquals(2, got.size());
        assertEquals(0, got.get(0).capturedLength());
        assertEquals(10, got.get(1).capturedLength());
    }

    /** A tiny window forces records to straddle refills and a record larger than the window to grow it. */
    @ParameterizedTest
    @CsvSource({"16", "100", "1000", "1048576"})
    void recordsStraddlingAndExceedingTheBuffer(int bufferSize) throws IOException {
        CaptureBytes.Pcap pcap = CaptureBytes.Pcap.ethernet();
        int[] sizes = {64, 512, 1500, 262144, 1, 9000, 64, 200_000, 1500};
        long[] offsets = new long[sizes.length];
        for (int i = 0; i < sizes.length; i++) {
            offsets[i] = pcap.record(i, i, CaptureBytes.frame(sizes[i], i));
        }
        Frames got = Frames.readAll(CaptureBytes.write(dir, "big.pcap", pcap.bytes()), bufferSize);
        assertNull(got.failure());
        assertEquals(sizes.length, got.size());
        for (int i = 0; i < sizes.length; i++) {
            assertArrayEquals(CaptureBytes.frame(sizes[i], i), got.get(i).data(), "frame " + (i + 1));
            assertEquals(offsets[i], got.get(i).fileOffset());
            assertEquals(i + 1, got.get(i).number());
        }
    }

    @Test
    void gzipIsDetectedByMagicNotByName() throws IOException {
        CaptureBytes.Pcap pcap = new CaptureBytes.Pcap(ByteOrder.BIG_ENDIAN, true, 1, 262144);
        for (int i = 0; i < 500; i++) {
            pcap.record(i, i, CaptureBytes.frame(64 + i, i));
        }
        Path plain = CaptureBytes.write(dir, "plain.pcap", pcap.bytes());
        Path gz = CaptureBytes.write(dir, "compressed.pcap", CaptureBytes.gzip(pcap.bytes()));
        Frames expected = Frames.readAll(plain);
        for (int bufferSize : new int[]{64, 1 << 20}) {
            Frames got = Frames.readAll(gz, bufferSize);
            assertNull(got.failure());
            assertEquals(500, got.size());
            for (int i = 0; i < 500; i++) {
                assertArrayEquals(expected.get(i).data(), got.get(i).data());
                assertEquals(expected.get(i).timestampNanos(), got.get(i).timestampNanos());
                assertEquals(expected.get(i).fileOffset(), got.get(i).fileOffset());
            }
        }
    }

    @Test
    void frameBytesAreTheReadersBufferUntilNext() throws IOException {
        CaptureBytes.Pcap pcap = CaptureBytes.Pcap.ethernet();
        pcap.record(1, 0, CaptureBytes.frame(100, 1));
        pcap.record(2, 0, CaptureBytes.frame(100, 2));
        try (CaptureReader r = CaptureReader.open(CaptureBytes.write(dir, "f.pcap", pcap.bytes()))) {
            assertTrue(r.next());
            byte[] first = r.data();
            assertTrue(r.next());
            assertTrue(first == r.data(), "no new array per frame");
        }
    }

    static void assertSlice(byte[] expected, CaptureReader r) {
        assertEquals(expected.length, r.capturedLength());
        for (int i = 0; i < expected.length; i++) {
            if (expected[i] != r.data()[r.offset() + i]) {
                throw new AssertionError("byte " + i + " of frame " + r.frameNumber() + " differs");
            }
        }
    }
}
