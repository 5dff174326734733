package dev.macsec.capture;

import dev.macsec.error.InputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.util.Arrays;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every kind of damage: the error names file, frame number and byte offset, and comes only after every
 * intact frame before it was delivered. The timeout guards against a reader that loops on a bad length.
 */
@Timeout(20)
class DamagedCaptureTest {
    @TempDir
    Path dir;

    /** Three good frames, then whatever the test appends. */
    private static CaptureBytes.Pcap threeGood(int snaplen) {
        CaptureBytes.Pcap pcap = new CaptureBytes.Pcap(ByteOrder.LITTLE_ENDIAN, false, 1, snaplen);
        for (int i = 0; i < 3; i++) {
            pcap.record(100 + i, 0, CaptureBytes.frame(60 + i, i));
        }
        return pcap;
    }

    private static CaptureBytes.Pcapng twoGood(ByteOrder order) {
        CaptureBytes.Pcapng ng = new CaptureBytes.Pcapng(order);
        ng.interfaceBlock(1, 0, -1, null);
        ng.enhancedPacket(0, 1, CaptureBytes.frame(60, 0), 60);
        ng.enhancedPacket(0, 2, CaptureBytes.frame(61, 1), 61);
        return ng;
    }

    private Frames expectDamage(String name, byte[] content, int goodFrames, long offset, String what) throws IOException {
        Path file = CaptureBytes.write(dir, name, content);
        for (int bufferSize : new int[]{16, 100, 1 << 20}) {
            Frames got = Frames.readAll(file, bufferSize);
            assertNotNull(got.failure(), "no error for " + name);
            assertEquals(file + ": frame " + (goodFrames + 1) + " at byte offset " + offset + ": " + what,
                    got.failure().getMessage());
            assertEquals(goodFrames, got.size(), "good frames delivered before the error");
            for (int i = 0; i < goodFrames; i++) {
                assertEquals(i + 1, got.get(i).number());
            }
        }
        return Frames.readAll(file);
    }

    private InputException expectOpenFailure(String name, byte[] content) throws IOException {
        Path file = CaptureBytes.write(dir, name, content);
        InputException e = assertThrows(InputException.class, () -> CaptureReader.open(file).close());
        assertTrue(e.getMessage().startsWith(file + ": frame 1 at byte offset 0: "), e.getMessage());
        return e;
    }

    // ---- classic pcap ----

    @Test
    void classicTruncatedRecordHeader() throws IOException {
        CaptureBytes.Pcap pcap = threeGood(262144);
        int at = pcap.size();
        pcap.raw(new byte[7]);
        Frames got = expectDamage("hdr.pcap", pcap.bytes(), 3, at, "truncated record header: 7 of 16 bytes present");
        assertArrayEquals(CaptureBytes.frame(62, 2), got.get(2).data());
    }

    @Test
    void classicTruncatedRecordBody() throws IOException {
        CaptureBytes.Pcap pcap = threeGood(262144);
        byte[] whole = pcap.bytes();
        int at = pcap.record(1, 0, CaptureBytes.frame(1000, 9));
        byte[] cut = Arrays.copyOf(pcap.bytes(), at + 16 + 10);
        expectDamage("body.pcap", cut, 3, at, "truncated record: captured length 1000 but only 10 bytes follow the record header");
        assertEquals(whole.length, at);
    }

    @Test
    void classicCapturedLengthAboveSnaplen() throws IOException {
        CaptureBytes.Pcap pcap = threeGood(128);
        int at = pcap.record(1, 0, CaptureBytes.frame(129, 1));
        pcap.record(2, 0, CaptureBytes.frame(60, 2));
        expectDamage("snap.pcap", pcap.bytes(), 3, at, "captured length 129 exceeds the snapshot length 128");
    }

    @Test
    void classicCapturedLengthAbove256KiB() throws IOException {
        CaptureBytes.Pcap pcap = threeGood(262144);
        int at = pcap.record(1, 0, new byte[0], 300_000, 300_000);
        expectDamage("huge.pcap", pcap.bytes(), 3, at, "captured length 300000 exceeds 262144");
    }

    @Test
    void classicHostileLengthNeverAllocates() throws IOException {
        // snaplen 0 (unknown) leaves the 256 KiB ceiling; 0xFFFFFFFF must not become a 4 GiB read
        CaptureBytes.Pcap pcap = threeGood(0);
        int at = pcap.record(1, 0, new byte[0], -1, -1);
        expectDamage("ffff.pcap", pcap.bytes(), 3, at, "captured length 4294967295 exceeds 262144");
    }

    @Test
    void classicTruncatedFileHeader() throws IOException {
        byte[] header = CaptureBytes.Pcap.ethernet().bytes();
        InputException e = expectOpenFailure("short.pcap", Arrays.copyOf(header, 20));
        assertTrue(e.getMessage().endsWith("truncated pcap file header: 20 of 24 bytes present"), e.getMessage());
    }

    @Test
    void unknownFormat() throws IOException {
        InputException e = expectOpenFailure("text.pcap", "hello, world\n".getBytes());
        assertTrue(e.getMessage().endsWith("not a pcap or pcapng file (starts with 68 65 6c 6c)"), e.getMessage());
    }

    @Test
    void emptyFile() throws IOException {
        InputException e = expectOpenFailure("empty.pcap", new byte[0]);
        assertTrue(e.getMessage().endsWith("empty file"), e.getMessage());
    }

    @Test
    void missingFile() {
        Path file = dir.resolve("absent.pcap");
        InputException e = assertThrows(InputException.class, () -> CaptureReader.open(file));
        assertEquals(file + ": no such file", e.getMessage());
    }

    @Test
    void truncatedGzipDeliversWhatDecompressed() throws IOException {
        CaptureBytes.Pcap pcap = CaptureBytes.Pcap.ethernet();
        for (int i = 0; i < 40; i++) {
            pcap.record(i, 0, CaptureBytes.frame(1000, i)); // random bytes: barely compressible
        }
        byte[] gz = CaptureBytes.gzip(pcap.bytes());
        Path file = CaptureBytes.write(dir, "cut.pcap.gz", Arrays.copyOf(gz, gz.length / 2));
        Frames got = Frames.readAll(file);
        assertNotNull(got.failure());
        int good = got.size();
        assertTrue(good > 5 && good < 35, "frames before the cut: " + good);
        for (int i = 0; i < good; i++) {
            assertArrayEquals(CaptureBytes.frame(1000, i), got.get(i).data());
        }
        String prefix = file + ": frame " + (good + 1) + " at byte offset " + (24 + good * 1016L) + ": ";
        assertTrue(got.failure().getMessage().startsWith(prefix), got.failure().getMessage());
        assertTrue(got.failure().getMessage().contains("compressed data damaged"), got.failure().getMessage());
    }

    @Test
    void damagedGzipHeader() throws IOException {
        InputException e = expectOpenFailure("bad.gz", new byte[]{0x1F, (byte) 0x8B, 99, 0, 0, 0, 0, 0, 0, 0, 0});
        assertTrue(e.getMessage().contains("not a valid gzip stream"), e.getMessage());
    }

    // ---- pcapng ----

    @Test
    void pcapngZeroBlockLengthDoesNotLoop() throws IOException {
        CaptureBytes.Pcapng ng = twoGood(ByteOrder.LITTLE_ENDIAN);
        int at = ng.rawBlock(6, 0, new byte[0], 0);
        expectDamage("zero.pcapng", ng.bytes(), 2, at, "enhanced packet block total length 0 is below the minimum 12");
    }

    @Test
    void pcapngBlockLengthNotMultipleOfFour() throws IOException {
        CaptureBytes.Pcapng ng = twoGood(ByteOrder.BIG_ENDIAN);
        int at = ng.rawBlock(6, 42, new byte[30], 42);
        expectDamage("odd.pcapng", ng.bytes(), 2, at, "enhanced packet block total length 42 is not a multiple of 4");
    }

    @Test
    void pcapngTrailingLengthDiffers() throws IOException {
        CaptureBytes.Pcapng ng = twoGood(ByteOrder.LITTLE_ENDIAN);
        int at = ng.rawBlock(6, 32 + 64, epbBody(ng, 0, 64, 64), 100);
        expectDamage("trailer.pcapng", ng.bytes(), 2, at, "block trailing length 100 differs from the leading 96");
    }

    @Test
    void pcapngTrailingLengthDiffersOnSkippedBlock() throws IOException {
        CaptureBytes.Pcapng ng = twoGood(ByteOrder.LITTLE_ENDIAN);
        int at = ng.rawBlock(0x0BAD, 28, new byte[16], 24);
        expectDamage("skip-trailer.pcapng", ng.bytes(), 2, at, "block trailing length 24 differs from the leading 28");
    }

    @Test
    void pcapngBlockLongerThanTheFile() throws IOException {
        CaptureBytes.Pcapng ng = twoGood(ByteOrder.LITTLE_ENDIAN);
        int at = ng.rawBlock(0x0BAD, 0x7FFF_FFF0, new byte[16], 0);
        expectDamage("long.pcapng", ng.bytes(), 2, at, "truncated block: total length 2147483632 but only 28 bytes remain");
    }

    @Test
    void pcapngTruncatedPacketBlock() throws IOException {
        CaptureBytes.Pcapng ng = twoGood(ByteOrder.LITTLE_ENDIAN);
        int at = ng.enhancedPacket(0, 3, CaptureBytes.frame(500, 2), 500);
        byte[] cut = Arrays.copyOf(ng.bytes(), at + 100);
        expectDamage("cut.pcapng", cut, 2, at, "truncated block: total length " + (32 + 500 + 16) + " but only 100 bytes remain");
    }

    @Test
    void pcapngTruncatedBlockHeader() throws IOException {
        CaptureBytes.Pcapng ng = twoGood(ByteOrder.LITTLE_ENDIAN);
        int at = ng.size();
        ng.raw(new byte[]{6, 0, 0, 0, 64});
        expectDamage("cuthdr.pcapng", ng.bytes(), 2, at, "truncated block header: 5 of 12 bytes present");
    }

    @Test
    void pcapngHugePacketBlockIsRefusedWithoutBuffering() throws IOException {
        CaptureBytes.Pcapng ng = twoGood(ByteOrder.LITTLE_ENDIAN);
        int at = ng.rawBlock(6, 0x4000_0000, new byte[20], 0x4000_0000);
        expectDamage("hugeblock.pcapng", ng.bytes(), 2, at, "enhanced packet block total length 1073741824 exceeds 8388608");
    }

    @Test
    void pcapngCapturedLengthBeyondTheBlock() throws IOException {
        CaptureBytes.Pcapng ng = twoGood(ByteOrder.LITTLE_ENDIAN);
        int at = ng.rawBlock(6, 32 + 64, epbBody(ng, 0, 65, 64), 96);
        expectDamage("room.pcapng", ng.bytes(), 2, at, "captured length 65 exceeds the 64 bytes the block has room for");
    }

    @Test
    void pcapngCapturedLengthAbove256KiB() throws IOException {
        CaptureBytes.Pcapng ng = twoGood(ByteOrder.BIG_ENDIAN);
        int at = ng.enhancedPacket(0, 3, new byte[300_000], 300_000);
        expectDamage("huge.pcapng", ng.bytes(), 2, at, "captured length 300000 exceeds 262144");
    }

    @Test
    void pcapngUnknownInterface() throws IOException {
        CaptureBytes.Pcapng ng = twoGood(ByteOrder.LITTLE_ENDIAN);
        int at = ng.enhancedPacket(3, 3, CaptureBytes.frame(60, 3), 60);
        expectDamage("iface.pcapng", ng.bytes(), 2, at,
                "enhanced packet block refers to interface 3 but the section has 1 interface(s)");
    }

    @Test
    void pcapngPacketBeforeAnyInterface() throws IOException {
        CaptureBytes.Pcapng ng = new CaptureBytes.Pcapng(ByteOrder.LITTLE_ENDIAN);
        int at = ng.enhancedPacket(0, 1, CaptureBytes.frame(60, 0), 60);
        expectDamage("noidb.pcapng", ng.bytes(), 0, at,
                "enhanced packet block refers to interface 0 but the section has no interface description block");
    }

    @Test
    void pcapngSimplePacketBeforeAnyInterface() throws IOException {
        CaptureBytes.Pcapng ng = new CaptureBytes.Pcapng(ByteOrder.BIG_ENDIAN);
        int at = ng.simplePacket(CaptureBytes.frame(60, 0), 60);
        expectDamage("nospb.pcapng", ng.bytes(), 0, at,
                "simple packet block refers to interface 0 but the section has no interface description block");
    }

    @Test
    void pcapngPacketBlockBeforeSectionHeader() throws IOException {
        // a file that starts with an EPB has no pcapng magic at all
        CaptureBytes.Pcapng ng = twoGood(ByteOrder.LITTLE_ENDIAN);
        byte[] all = ng.bytes();
        int firstEpb = 28 + interfaceBlockLength(ng);
        InputException e = expectOpenFailure("epbfirst.pcapng", Arrays.copyOfRange(all, firstEpb, all.length));
        assertTrue(e.getMessage().endsWith("not a pcap or pcapng file (starts with 06 00 00 00)"), e.getMessage());
    }

    @Test
    void pcapngBadByteOrderMagic() throws IOException {
        CaptureBytes.Pcapng ng = twoGood(ByteOrder.LITTLE_ENDIAN);
        int at = ng.rawBlock(0x0A0D0D0A, 28, ByteBuffer.allocate(16).putInt(0x12345678).array(), 28);
        expectDamage("bom.pcapng", ng.bytes(), 2, at,
                "section header block byte-order magic 12 34 56 78 is neither 1a2b3c4d nor 4d3c2b1a");
    }

    @Test
    void pcapngUnsupportedVersion() throws IOException {
        CaptureBytes.Pcapng ng = twoGood(ByteOrder.LITTLE_ENDIAN);
        byte[] body = ng.buffer(16).putInt(0x1A2B3C4D).putShort((short) 2).putShort((short) 0).putLong(-1).array();
        int at = ng.rawBlock(0x0A0D0D0A, 28, body, 28);
        expectDamage("version.pcapng", ng.bytes(), 2, at, "unsupported pcapng version 2.0");
    }

    @Test
    void pcapngOptionOverrunsInterfaceBlock() throws IOException {
        CaptureBytes.Pcapng ng = twoGood(ByteOrder.LITTLE_ENDIAN);
        byte[] body = ng.buffer(16).putShort((short) 1).putShort((short) 0).putInt(0)
                .putShort((short) 9).putShort((short) 200).putInt(0).array();
        int at = ng.block(1, body);
        ng.enhancedPacket(1, 3, CaptureBytes.frame(60, 3), 60);
        expectDamage("option.pcapng", ng.bytes(), 2, at, "interface description option 9 length 200 overruns the block");
    }

    private static byte[] epbBody(CaptureBytes.Pcapng ng, int interfaceId, int capLen, int dataBytes) {
        return ng.buffer(20 + dataBytes).putInt(interfaceId).putInt(0).putInt(3).putInt(capLen).putInt(capLen).array();
    }

    private static int interfaceBlockLength(CaptureBytes.Pcapng ng) {
        CaptureBytes.Pcapng probe = new CaptureBytes.Pcapng(ByteOrder.LITTLE_ENDIAN);
        int start = probe.size();
        probe.interfaceBlock(1, 0, -1, null);
        return probe.size() - start;
    }
}
