package dev.macsec.cli;

import static dev.macsec.cli.AnalyzeCommandTest.run;
import static dev.macsec.cli.AnalyzeCommandTest.tshark;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code -w}: whatever the readers accept is written or left out with a warning; the run always ends with its summary. */
class WriteOptionTest {
    @TempDir
    Path dir;

    /** A broadcast IPv4 frame: not MACsec, so -w writes it as captured. */
    private static final byte[] FRAME = new byte[60];

    static {
        byte[] header = {-1, -1, -1, -1, -1, -1, 2, 0, 0, 0, 0, 1, 8, 0};
        System.arraycopy(header, 0, FRAME, 0, header.length);
    }

    private static byte[] classicPcap(long[][] records) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(le(24).putInt(0xA1B2C3D4).putShort((short) 2).putShort((short) 4).putInt(0).putInt(0)
                .putInt(65535).putInt(1).array());
        for (long[] r : records) {
            // seconds, microseconds, original length
            out.writeBytes(le(16).putInt((int) r[0]).putInt((int) r[1]).putInt(FRAME.length).putInt((int) r[2]).array());
            out.writeBytes(FRAME);
        }
        return out.toByteArray();
    }

    private static ByteBuffer le(int n) {
        return ByteBuffer.allocate(n).order(ByteOrder.LITTLE_ENDIAN);
    }

    private static byte[] block(int type, byte[] body) {
        int total = 12 + body.length;
        return le(total).putInt(type).putInt(total).put(body).putInt(total).array();
    }

    private Result analyzeWriting(String name, byte[] capture) throws IOException {
        Path in = dir.resolve(name);
        Files.write(in, capture);
        Path out = dir.resolve(name + ".out.pcap");
        AnalyzeCommandTest.Result r = run("analyze", in.toString(), "-q", "-w", out.toString());
        return new Result(r, in, out);
    }

    record Result(AnalyzeCommandTest.Result run, Path in, Path out) {
    }

    private static void assertRanToTheEnd(AnalyzeCommandTest.Result r) {
        assertEquals(Main.EXIT_OK, r.exit(), r.err());
        assertFalse(r.err().contains("Exception"), r.err());
        assertFalse(r.err().contains("\tat "), r.err());
        assertTrue(r.out().contains("== Summary: 3 frames") || r.out().contains("== Summary: 2 frames"), r.out());
        assertTrue(r.out().contains("Result: OK"), r.out());
    }

    /** libpcap-style readers take a record whose original length is below its captured length; so must -w. */
    @Test
    void anOriginalLengthBelowTheCapturedOneIsRaisedToIt() throws IOException {
        Result r = analyzeWriting("origlow.pcap", classicPcap(new long[][] {{1000, 0, 60}, {1001, 0, 20}, {1002, 0, 60}}));
        assertRanToTheEnd(r.run());
        assertEquals("", r.run().err());
        assertEquals(List.of("60\t60", "60\t60", "60\t60"), tshark(r.out(), "frame.cap_len", "frame.len"));
    }

    /** A microsecond fraction of 2^32-1 on the last second a pcap can hold carries it past 2106. */
    @Test
    void aFrameWhoseTimeAPcapCannotHoldIsLeftOutWithOneWarning() throws IOException {
        Result r = analyzeWriting("bigfrac.pcap",
                classicPcap(new long[][] {{1000, 0, 60}, {0xFFFF_FFFFL, 0xFFFF_FFFFL, 60}, {1002, 0, 60}}));
        assertRanToTheEnd(r.run());
        assertEquals("macsec: warning: " + r.in() + ": frame 2: time 2106-02-07T07:39:49.967295Z is outside what a pcap"
                + " file can hold (1970 to 2106): left out of " + r.out(), r.run().err().strip());
        assertEquals(List.of("1000.000000000", "1002.000000000"), tshark(r.out(), "frame.time_epoch"));
    }

    /** An if_tsoffset close to 2^63 ns takes every frame of the interface out of range: one warning, then a count. */
    @Test
    void aPcapngOffsetOverflowingTheTimeLeavesItsFramesOutWithoutAStackTrace() throws IOException {
        long offsetSeconds = Long.MAX_VALUE / 1_000_000_000L - 5;
        byte[] options = le(16).putShort((short) 14).putShort((short) 8).putLong(offsetSeconds).putInt(0).array();
        ByteArrayOutputStream file = new ByteArrayOutputStream();
        file.writeBytes(block(0x0A0D0D0A, le(16).putInt(0x1A2B3C4D).putShort((short) 1).putShort((short) 0).putLong(-1).array()));
        file.writeBytes(block(1, le(8 + options.length).putShort((short) 1).putShort((short) 0).putInt(65535).put(options).array()));
        for (long seconds : new long[] {1000, 1001}) {
            long micros = seconds * 1_000_000;
            file.writeBytes(block(6, le(20 + FRAME.length).putInt(0).putInt((int) (micros >>> 32)).putInt((int) micros)
                    .putInt(FRAME.length).putInt(FRAME.length).put(FRAME).array()));
        }
        Result r = analyzeWriting("tsoffset.pcapng", file.toByteArray());
        assertRanToTheEnd(r.run());
        List<String> warnings = r.run().err().strip().lines().toList();
        assertEquals(2, warnings.size(), r.run().err());
        assertTrue(warnings.get(0).startsWith("macsec: warning: " + r.in() + ": frame 1: time "), warnings.get(0));
        assertEquals("macsec: warning: 1 more frame(s) with a time outside 1970 to 2106 left out of " + r.out(), warnings.get(1));
        assertEquals(List.of(), tshark(r.out(), "frame.number"));
    }

    /** -w naming an input, by its own name or through a symbolic or hard link, is refused before anything is written. */
    @Test
    void anOutputThatIsOneOfTheInputsIsRefusedAndTheInputKept() throws IOException {
        Path input = dir.resolve("in.pcap");
        Files.copy(Path.of(AnalyzeCommandTest.STATIC_SA), input);
        byte[] before = Files.readAllBytes(input);
        Path other = dir.resolve("other.pcap");
        Files.write(other, classicPcap(new long[][] {{1000, 0, 60}}));
        Path symlink = Files.createSymbolicLink(dir.resolve("symlink.pcap"), input);
        Path hardLink = Files.createLink(dir.resolve("hardlink.pcap"), input);
        Path dotted = dir.resolve("sub/../in.pcap");
        Files.createDirectory(dir.resolve("sub"));
        for (Path out : List.of(input, symlink, hardLink, dotted)) {
            AnalyzeCommandTest.Result r = run("analyze", other.toString(), input.toString(), "-q", "-w", out.toString());
            assertEquals(Main.EXIT_USAGE, r.exit(), out + ": " + r.err());
            assertEquals("macsec: -w " + out + ": that is the input file " + input + ", which it would overwrite",
                    r.err().strip());
            assertEquals("", r.out(), "nothing is analysed");
            assertTrue(java.util.Arrays.equals(before, Files.readAllBytes(input)), out + " overwrote the input");
        }
        // an existing file that is not an input is overwritten as before
        Path old = dir.resolve("old.pcap");
        Files.write(old, new byte[] {1, 2, 3});
        assertEquals(Main.EXIT_OK, run("analyze", other.toString(), "-q", "-T", "summary", "-w", old.toString()).exit());
        assertEquals(List.of("1"), tshark(old, "frame.number"));
    }
}
