package dev.macsec.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.macsec.capture.CaptureReader;
import dev.macsec.capture.PcapWriter;
import dev.macsec.counter.Counter;
import dev.macsec.counter.CounterValues;
import dev.macsec.counter.SecYCounters;
import dev.macsec.crypto.SaKey;
import dev.macsec.error.InputException;
import dev.macsec.keys.KeysFile;
import dev.macsec.secy.TransmitSecY;
import dev.macsec.secy.Verdict;
import dev.macsec.suite.CipherSuite;
import dev.macsec.testing.ProjectFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.OptionalLong;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class AnalyzerTest {
    static final Path STATIC_SA = ProjectFiles.pcap("linux-dut/static-sa.pcap");
    static final KeysFile LINUX_KEYS = KeysFile.load(ProjectFiles.pcap("linux-dut/keys.json"));

    record Seen(long number, Verdict verdict, long pn, boolean plaintext) {
    }

    static List<Seen> run(Path capture, KeysFile keys, AnalysisOptions options, SecYCounters[] countersOut)
            throws IOException {
        List<Seen> seen = new ArrayList<>();
        try (Analyzer analyzer = new Analyzer(options, keys); CaptureReader reader = CaptureReader.open(capture)) {
            analyzer.analyze(reader, r -> seen.add(new Seen(r.number(), r.verdict(), r.pn(), r.hasPlaintext())));
            AnalysisSummary summary = analyzer.finish();
            if (countersOut != null) {
                countersOut[0] = summary.counters();
            }
        }
        return seen;
    }

    @Test
    void realLinuxCaptureVerifiesWithPublishedKeys() throws IOException {
        SecYCounters[] counters = new SecYCounters[1];
        List<Seen> seen = run(STATIC_SA, LINUX_KEYS, AnalysisOptions.defaults(), counters);
        assertEquals(16, seen.size());
        seen.forEach(s -> assertEquals(Verdict.OK, s.verdict(), "frame " + s.number()));
        // KEYS.md: after the run the device counted InPktsOK=3 on the host's receive SC
        assertEquals(OptionalLong.of(3), counters[0].receiveSc(0x0200000000010001L, Counter.IN_PKTS_OK));
        assertEquals(OptionalLong.of(13), counters[0].receiveSc(0x5254000000020001L, Counter.IN_PKTS_OK));
    }

    @Test
    void withoutKeysFramesAreDecodedButNotJudged() throws IOException {
        List<Seen> seen = run(STATIC_SA, KeysFile.EMPTY, AnalysisOptions.defaults(), null);
        assertEquals(16, seen.size());
        seen.forEach(s -> assertEquals(null, s.verdict()));
    }

    @Test
    void wrongSakIsNotAcceptedAndIsCountedByTheReceiveRules() throws IOException {
        // a SAK given for any SC/AN that fails is an ICV failure (802.1AE 10.6.4, Strict: InPktsNotValid), not an
        // unknown SCI: a SecY configured with that key would count it so
        KeysFile wrong = KeysFile.fromOptions(List.of("000102030405060708090a0b0c0d0e0f"), List.of());
        SecYCounters[] counters = new SecYCounters[1];
        List<Seen> seen = run(STATIC_SA, wrong, AnalysisOptions.defaults(), counters);
        seen.forEach(s -> assertEquals(Verdict.NOT_VALID, s.verdict(), "frame " + s.number()));
        assertEquals(OptionalLong.of(3), counters[0].receiveSc(0x0200000000010001L, Counter.IN_PKTS_NOT_VALID));
        assertEquals(OptionalLong.of(13), counters[0].receiveSa(0x5254000000020001L, 0, Counter.IN_PKTS_NOT_VALID));
        assertEquals(OptionalLong.of(0), counters[0].secY(Counter.IN_PKTS_NO_SCI));
    }

    @Test
    void damagedCaptureDeliversEveryGoodFrameThenNamesTheDamage(@TempDir Path dir) throws IOException {
        byte[] whole = Files.readAllBytes(STATIC_SA);
        Path cut = dir.resolve("cut.pcap");
        Files.write(cut, java.util.Arrays.copyOf(whole, 700));
        List<Long> delivered = new ArrayList<>();
        try (Analyzer analyzer = new Analyzer(AnalysisOptions.defaults().withThreads(2), LINUX_KEYS);
             CaptureReader reader = CaptureReader.open(cut)) {
            InputException e = assertThrows(InputException.class, () -> analyzer.analyze(reader, r -> delivered.add(r.number())));
            assertTrue(e.getMessage().contains("frame 5 at byte offset 580"), e.getMessage());
        }
        assertEquals(List.of(1L, 2L, 3L, 4L), delivered);
    }

    /**
     * Frames protected by our transmit SecY, with replays, reordering and corruption mixed in: verifying on
     * worker threads must give exactly the verdicts and counters of the sequential path.
     */
    @ParameterizedTest
    @EnumSource(CipherSuite.class)
    void parallelVerificationMatchesSequential(CipherSuite suite, @TempDir Path dir) throws IOException {
        Random random = new Random(42);
        byte[] sak = new byte[suite.keyLength()];
        random.nextBytes(sak);
        byte[] salt = new byte[12];
        random.nextBytes(salt);
        long sci = 0x0200000000010001L;
        SaKey key = suite.xpn() ? SaKey.of(suite, sak, 7, salt) : SaKey.of(suite, sak);
        long firstPn = suite.xpn() ? 0xFFFFFF00L : 1;
        TransmitSecY tx = new TransmitSecY(sci).installSa(1, key, firstPn).encodingSa(1);
        Path capture = dir.resolve("generated.pcap");
        int frames = 3000;
        try (PcapWriter w = PcapWriter.create(capture)) {
            List<byte[]> sent = new ArrayList<>();
            for (int i = 0; i < frames; i++) {
                int len = new int[] {64, 512, 1500}[i % 3];
                byte[] plain = new byte[len];
                random.nextBytes(plain);
                plain[12] = 0x08;
                plain[13] = 0x00;
                byte[] out = new byte[tx.maxOutputLength(len)];
                int n = tx.protect(plain, 0, len, out, 0);
                byte[] frame = java.util.Arrays.copyOf(out, n);
                if (i % 97 == 5) {
                    frame[n - 3] ^= 1; // bad ICV
                }
                sent.add(frame);
                w.write(frame, 0, frame.length, 1_000_000_000L * i);
                if (i % 50 == 49) { // a replay of an older frame
                    byte[] old = sent.get(i - 10);
                    w.write(old, 0, old.length, 1_000_000_000L * i + 1);
                }
            }
        }
        String entry = suite.xpn()
                ? "{\"saks\":[{\"sak\":\"%s\",\"cipherSuite\":\"%s\",\"sci\":\"%016x\",\"an\":1,\"ssci\":\"00000007\",\"salt\":\"%s\",\"nextPn\":%d}]}"
                        .formatted(HexFormat.of().formatHex(sak), suite.standardName(), sci, HexFormat.of().formatHex(salt), firstPn)
                : "{\"saks\":[{\"sak\":\"%s\",\"cipherSuite\":\"%s\",\"sci\":\"%016x\",\"an\":1,\"nextPn\":%d}]}"
                        .formatted(HexFormat.of().formatHex(sak), suite.standardName(), sci, firstPn);
        KeysFile keys = KeysFile.parse(entry, "test");
        AnalysisOptions summaryOnly = new AnalysisOptions(dev.macsec.secy.ValidateFrames.STRICT, true, 4,
                dev.macsec.secy.ReceiveProfile.IEEE, 0, false, 1);
        SecYCounters[] sequentialCounters = new SecYCounters[1];
        SecYCounters[] parallelCounters = new SecYCounters[1];
        List<Seen> sequential = run(capture, keys, summaryOnly, sequentialCounters);
        List<Seen> parallel = run(capture, keys, summaryOnly.withThreads(3), parallelCounters);
        assertEquals(sequential, parallel);
        assertEquals(sequentialCounters[0], parallelCounters[0]);
        CounterValues sc = sequentialCounters[0].receiveScs().get(sci).sc();
        long badIcv = frames / 97 + (frames % 97 > 5 ? 1 : 0);
        long replays = frames / 50;
        if (suite.xpn()) {
            // 802.1AE 10.6.2: XPN recovery never yields a PN below the lowest acceptable one, so an old frame is
            // recovered into the future, fails its ICV and counts NotValid rather than Late
            assertEquals(badIcv + replays, sc.get(Counter.IN_PKTS_NOT_VALID).getAsLong());
            assertEquals(0L, sc.get(Counter.IN_PKTS_LATE).getAsLong());
        } else {
            assertEquals(badIcv, sc.get(Counter.IN_PKTS_NOT_VALID).getAsLong());
            assertEquals(replays, sc.get(Counter.IN_PKTS_LATE).getAsLong());
        }
        assertEquals(frames - badIcv, sc.get(Counter.IN_PKTS_OK).getAsLong());
    }
}
