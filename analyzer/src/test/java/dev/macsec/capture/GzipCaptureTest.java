package dev.macsec.capture;

import dev.macsec.error.InputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.zip.CRC32;
import java.util.zip.Deflater;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * Gzip files as RFC 1952 defines them and as gzip(1) judges them ({@code gzip -t}): members concatenated are one
 * stream, zero padding after the last member is ignored, anything else after it is an error, and a file cut short
 * or damaged says so with the compressed byte offset (issue 15 item 20).
 */
class GzipCaptureTest {
    @TempDir
    Path dir;

    private static final byte[] PCAP = threeFrames();

    private static byte[] threeFrames() {
        CaptureBytes.Pcap pcap = new CaptureBytes.Pcap(ByteOrder.LITTLE_ENDIAN, false, 1, 65535);
        for (int i = 0; i < 3; i++) {
            pcap.record(100 + i, 0, CaptureBytes.frame(60 + i, i));
        }
        return pcap.bytes();
    }

    /** One member with every optional header field (FEXTRA, FNAME, FCOMMENT, FHCRC), built from RFC 1952 2.3. */
    private static byte[] member(byte[] plain, boolean allOptionalFields) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int flags = allOptionalFields ? 2 | 4 | 8 | 16 : 0;
        out.writeBytes(new byte[]{0x1f, (byte) 0x8b, 8, (byte) flags, 1, 2, 3, 4, 0, 3});
        if (allOptionalFields) {
            out.writeBytes(new byte[]{5, 0, 'A', 'p', 2, 0, 9});
            out.writeBytes("capture.pcap\0".getBytes(StandardCharsets.ISO_8859_1));
            out.writeBytes("a comment\0".getBytes(StandardCharsets.ISO_8859_1));
            CRC32 headerCrc = new CRC32();
            headerCrc.update(out.toByteArray());
            out.write((int) headerCrc.getValue());
            out.write((int) headerCrc.getValue() >> 8);
        }
        Deflater deflater = new Deflater(Deflater.DEFAULT_COMPRESSION, true);
        deflater.setInput(plain);
        deflater.finish();
        byte[] buf = new byte[plain.length + 1024];
        int n = deflater.deflate(buf);
        deflater.end();
        out.write(buf, 0, n);
        CRC32 crc = new CRC32();
        crc.update(plain);
        writeLe32(out, crc.getValue());
        writeLe32(out, plain.length);
        return out.toByteArray();
    }

    private static void writeLe32(ByteArrayOutputStream out, long v) {
        for (int i = 0; i < 4; i++) {
            out.write((int) (v >> 8 * i));
        }
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] p : parts) {
            out.writeBytes(p);
        }
        return out.toByteArray();
    }

    private Frames read(String name, byte[] content) throws IOException {
        return Frames.readAll(CaptureBytes.write(dir, name, content));
    }

    private static void assertThreeFrames(Frames got) {
        assertEquals(3, got.size());
        for (int i = 0; i < 3; i++) {
            assertArrayEquals(CaptureBytes.frame(60 + i, i), got.get(i).data());
        }
    }

    @Test
    void membersConcatenatedAreOneStreamAsGzipDecompressesThem() throws IOException {
        int cut = 24 + 16 + 60 + 7; // inside the second record
        byte[] gz = concat(member(Arrays.copyOf(PCAP, cut), true), member(Arrays.copyOfRange(PCAP, cut, PCAP.length), false));
        Frames got = read("two.pcap.gz", gz);
        assertNull(got.failure());
        assertThreeFrames(got);
    }

    @Test
    void zeroPaddingAfterTheLastMemberIsIgnoredAsGzipDoes() throws IOException {
        Frames got = read("padded.pcap.gz", concat(member(PCAP, false), new byte[100]));
        assertNull(got.failure());
        assertThreeFrames(got);
    }

    @Test
    void trailingGarbageIsReportedWithItsOffsetAfterEveryFrame() throws IOException {
        byte[] gz = member(PCAP, true);
        Frames got = read("garbage.pcap.gz", concat(gz, "GARBAGE!".getBytes(StandardCharsets.US_ASCII)));
        assertThreeFrames(got);
        assertEquals(dir.resolve("garbage.pcap.gz") + ": frame 4 at byte offset " + PCAP.length
                + ": compressed data damaged: trailing garbage after gzip member 1 at compressed byte offset " + gz.length
                + " (not another member: damaged, or not gzip)", got.failure().getMessage());
    }

    @Test
    void garbageAfterZeroPaddingIsStillGarbage() throws IOException {
        byte[] gz = member(PCAP, false);
        Frames got = read("padded-garbage.pcap.gz", concat(gz, new byte[10], new byte[]{7}));
        assertThreeFrames(got);
        assertEquals(dir.resolve("padded-garbage.pcap.gz") + ": frame 4 at byte offset " + PCAP.length
                + ": compressed data damaged: trailing garbage after gzip member 1 at compressed byte offset " + (gz.length + 10)
                + " (after zero padding)", got.failure().getMessage());
    }

    @Test
    void aDamagedSecondMemberHeaderIsNamed() throws IOException {
        byte[] first = member(Arrays.copyOf(PCAP, 100), false);
        byte[] second = member(Arrays.copyOfRange(PCAP, 100, PCAP.length), false);
        second[2] = 7;
        Frames got = read("method.pcap.gz", concat(first, second));
        assertEquals(1, got.size());
        assertEquals(dir.resolve("method.pcap.gz") + ": frame 2 at byte offset 100: compressed data damaged: gzip member 2 at"
                + " compressed byte offset " + first.length + ": compression method 7 is not deflate (8)", got.failure().getMessage());
    }

    @Test
    void aWrongCrcIsDamageNotSilence() throws IOException {
        byte[] gz = member(PCAP, false);
        gz[gz.length - 8] ^= 1;
        Frames got = read("crc.pcap.gz", gz);
        assertThreeFrames(got);
        assertEquals(dir.resolve("crc.pcap.gz") + ": frame 4 at byte offset " + PCAP.length + ": compressed data damaged: gzip member 1:"
                + " CRC-32 of the data does not match the trailer at compressed byte offset " + (gz.length - 8) + " (data damaged)",
                got.failure().getMessage());
    }

    @Test
    void aFileOfJustTheGzipMagicSaysItIsCutShort() throws IOException {
        Path file = CaptureBytes.write(dir, "magic.gz", new byte[]{0x1f, (byte) 0x8b});
        InputException e = assertThrows(InputException.class, () -> CaptureReader.open(file));
        assertEquals(file + ": frame 1 at byte offset 0: not a valid gzip stream: gzip member 1 at compressed byte offset 0:"
                + " header cut short at compressed byte offset 2", e.getMessage());
    }

    @Test
    void aHeaderWithAWrongHeaderCrcIsRefused() throws IOException {
        byte[] gz = member(PCAP, true);
        int hcrc = 10 + 7 + "capture.pcap\0".length() + "a comment\0".length();
        gz[hcrc] ^= 1;
        Path file = CaptureBytes.write(dir, "hcrc.gz", gz);
        InputException e = assertThrows(InputException.class, () -> CaptureReader.open(file));
        assertEquals(file + ": frame 1 at byte offset 0: not a valid gzip stream: gzip member 1 at compressed byte offset 0:"
                + " header CRC does not match", e.getMessage());
    }
}
