package dev.macsec.capture;

import dev.macsec.testing.ProjectFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

class PcapWriterTest {
    @TempDir
    Path dir;

    private static final int FRAMES = 3000; // more than one 1 MiB buffer of output

    @ParameterizedTest
    @EnumSource(TimestampPrecision.class)
    void writtenFramesReadBackAndOpenInTshark(TimestampPrecision precision) throws Exception {
        Path file = dir.resolve("out-" + precision + ".pcap");
        long t0 = 1_700_000_000_123_456_789L;
        try (PcapWriter w = PcapWriter.create(file, precision, 1, 65535)) {
            for (int i = 0; i < FRAMES; i++) {
                byte[] frame = CaptureBytes.frame(60 + (i % 1441), i);
                // a slice in the middle of a bigger array, and every 7th frame recorded as truncated
                byte[] padded = new byte[frame.length + 10];
                System.arraycopy(frame, 0, padded, 5, frame.length);
                w.write(padded, 5, frame.length, t0 + i * 1_001L, i % 7 == 0 ? frame.length + 100 : frame.length);
            }
            assertEquals(FRAMES, w.frames());
        }
        Frames got = Frames.readAll(file);
        assertNull(got.failure());
        assertEquals(FRAMES, got.size());
        for (int i = 0; i < FRAMES; i++) {
            Frames.Frame f = got.get(i);
            byte[] frame = CaptureBytes.frame(60 + (i % 1441), i);
            assertArrayEquals(frame, f.data(), "frame " + (i + 1));
            assertEquals(i % 7 == 0 ? frame.length + 100 : frame.length, f.originalLength());
            long ts = t0 + i * 1_001L;
            assertEquals(ts - ts % precision.nanosPerUnit(), f.timestampNanos());
            assertEquals(1, f.linkType());
        }
        TsharkAgreementTest.assertAgrees(file, true);
    }

    @Test
    void copiesAReaderFrameByFrameIdentically() throws Exception {
        Path source = ProjectFiles.pcap("linux-dut/mka.pcap");
        Path copy = dir.resolve("copy.pcap");
        try (CaptureReader r = CaptureReader.open(source); PcapWriter w = PcapWriter.create(copy)) {
            while (r.next()) {
                w.write(r);
            }
        }
        Frames a = Frames.readAll(source);
        Frames b = Frames.readAll(copy);
        assertEquals(a.size(), b.size());
        for (int i = 0; i < a.size(); i++) {
            assertArrayEquals(a.get(i).data(), b.get(i).data());
            assertEquals(a.get(i).timestampNanos(), b.get(i).timestampNanos());
            assertEquals(a.get(i).originalLength(), b.get(i).originalLength());
        }
        List<Tshark.Frame> t = Tshark.frames(copy);
        assertEquals(a.size(), t.size());
    }

    @Test
    void emptyCaptureIsValid() throws Exception {
        Path file = dir.resolve("empty.pcap");
        PcapWriter.create(file).close();
        assertEquals(24, Files.size(file));
        assertEquals(0, Frames.readAll(file).size());
        assertEquals(0, Tshark.frames(file).size());
    }

    @Test
    void flushMakesFramesVisibleBeforeClose() throws IOException {
        Path file = dir.resolve("flush.pcap");
        try (PcapWriter w = PcapWriter.create(file)) {
            w.write(new byte[60], 0, 60, 1_000_000_000L);
            w.flush();
            assertEquals(24 + 16 + 60, Files.size(file));
            assertEquals(1, Frames.readAll(file).size());
        }
    }

    @Test
    void refusesWhatPcapCannotHold() throws IOException {
        try (PcapWriter w = PcapWriter.create(dir.resolve("bad.pcap"), TimestampPrecision.MICROS, 1, 100)) {
            assertThrows(IllegalArgumentException.class, () -> w.write(new byte[101], 0, 101, 0));
            assertThrows(IllegalArgumentException.class, () -> w.write(new byte[10], 0, 10, 0, 9));
            assertThrows(IllegalArgumentException.class, () -> w.write(new byte[10], 0, 10, -1));
            assertThrows(IndexOutOfBoundsException.class, () -> w.write(new byte[10], 5, 10, 0));
        }
        assertThrows(IllegalArgumentException.class,
                () -> PcapWriter.create(dir.resolve("x.pcap"), TimestampPrecision.NANOS, 1, 300_000));
    }

    @Test
    void aWriteErrorNamesTheFile() throws IOException {
        Path full = Path.of("/dev/full"); // every write fails with ENOSPC
        assumeTrue(Files.isWritable(full), "no /dev/full here");
        PcapWriter w = PcapWriter.create(full);
        w.write(new byte[60], 0, 60, 0);
        IOException e = assertThrows(IOException.class, w::close);
        assertTrue(e.getMessage().startsWith("/dev/full: cannot write: "), e.getMessage());
    }
}
