package dev.macsec.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.macsec.capture.CaptureReader;
import dev.macsec.counter.Counter;
import dev.macsec.keys.KeysFile;
import dev.macsec.secy.Verdict;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.OptionalLong;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The benchmarks' capture: every frame must verify with the keys written beside it, read back through our reader. */
class SyntheticCaptureTest {
    @ParameterizedTest(name = "{0} verify threads")
    @ValueSource(ints = {1, 2})
    void everyFrameVerifiesWithItsKeysFile(int threads, @TempDir Path dir) throws IOException {
        Path capture = dir.resolve("synthetic.pcap");
        Path keysFile = SyntheticCapture.write(capture, 3_001);
        assertEquals(SyntheticCapture.keysFileFor(capture), keysFile);
        AnalysisOptions options = new AnalysisOptions(AnalysisOptions.defaults().validateFrames(), true, 0,
                AnalysisOptions.defaults().profile(), 0, false, threads);
        long[] wireBytes = new long[3];
        try (Analyzer analyzer = new Analyzer(options, KeysFile.load(keysFile)); CaptureReader reader = CaptureReader.open(capture)) {
            analyzer.analyze(reader, r -> {
                int size = r.capturedLength();
                wireBytes[size == 64 ? 0 : size == 512 ? 1 : 2] += size;
            });
            AnalysisSummary summary = analyzer.finish();
            assertEquals(Map.of(Verdict.OK, 3_001L), summary.verdicts());
            assertEquals(OptionalLong.of(3_001), summary.counters().receiveSc(0x0200000000010001L, Counter.IN_PKTS_OK));
        }
        // 64, 512 and 1500 octets on the wire, in turn
        assertEquals(1_001 * 64L, wireBytes[0]);
        assertEquals(1_000 * 512L, wireBytes[1]);
        assertEquals(1_000 * 1500L, wireBytes[2]);
    }
}
