package dev.macsec.cli;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EarlyWarmUpTest {
    @TempDir
    static Path dir;

    private static String file(String name, long size) throws IOException {
        Path p = dir.resolve(name);
        try (RandomAccessFile f = new RandomAccessFile(p.toFile(), "rw")) {
            f.setLength(size); // sparse: nothing is written
        }
        return p.toString();
    }

    @Test
    void aLargeCaptureWithKeysIsWorthWarmingUpFor() throws IOException {
        String big = file("big.pcap", EarlyWarmUp.MIN_CAPTURE_BYTES);
        assertTrue(EarlyWarmUp.worthwhile(new String[] {"analyze", big, "--keys", "k.json", "-T", "summary"}));
        assertTrue(EarlyWarmUp.worthwhile(new String[] {"analyze", "--sak=00112233445566778899aabbccddeeff", big}));
        assertTrue(EarlyWarmUp.worthwhile(new String[] {"analyze", "--cak", "01:02", big}));
    }

    @Test
    void smallCapturesOtherCommandsAndRunsWithoutKeysAreNot() throws IOException {
        String big = file("big2.pcap", EarlyWarmUp.MIN_CAPTURE_BYTES);
        String half = file("half.pcap", EarlyWarmUp.MIN_CAPTURE_BYTES / 2 - 1);
        assertFalse(EarlyWarmUp.worthwhile(new String[] {"analyze", half, "--keys", "k.json"}));
        assertTrue(EarlyWarmUp.worthwhile(new String[] {"analyze", half, half, dir.resolve("half.pcap").toString(), "--keys", "k"}));
        assertFalse(EarlyWarmUp.worthwhile(new String[] {"analyze", big}));
        assertFalse(EarlyWarmUp.worthwhile(new String[] {"capture", "-i", "eth0", "--keys", "k.json", "-w", big}));
        assertFalse(EarlyWarmUp.worthwhile(new String[] {"analyze", "no/such/file.pcap", "\0bad", "--keys", "k.json"}));
        assertFalse(EarlyWarmUp.worthwhile(new String[] {}));
    }
}
