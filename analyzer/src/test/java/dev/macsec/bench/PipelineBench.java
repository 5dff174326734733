package dev.macsec.bench;

import dev.macsec.analysis.AnalysisOptions;
import dev.macsec.analysis.AnalysisSummary;
import dev.macsec.analysis.Analyzer;
import dev.macsec.capture.CaptureReader;
import dev.macsec.keys.KeysFile;
import dev.macsec.secy.ReceiveProfile;
import dev.macsec.secy.ValidateFrames;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Whole library pipeline (read + decode + verify + counters) over a generated capture, per thread count.
 * Usage: {@code PipelineBench CAPTURE.pcap [runs] [threads...]}; generate the capture with {@link GenerateCapture}.
 */
public final class PipelineBench {
    private PipelineBench() {
    }

    public static void main(String[] args) throws IOException {
        Path capture = Path.of(args[0]);
        int runs = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        int[] threads = {1, 2};
        if (args.length > 2) {
            threads = new int[args.length - 2];
            for (int i = 2; i < args.length; i++) {
                threads[i - 2] = Integer.parseInt(args[i]);
            }
        }
        KeysFile keys = KeysFile.load(Path.of(capture.toString().replaceAll("\\.pcap$", "") + ".keys.json"));
        System.out.printf(Locale.ROOT, "capture %s (%.0f MB)%n", capture, Files.size(capture) / 1e6);
        for (int t : threads) {
            double best = 0;
            for (int run = 0; run < runs; run++) {
                AnalysisOptions options = new AnalysisOptions(ValidateFrames.STRICT, true, 0, ReceiveProfile.IEEE, 0, false, t);
                long start = System.nanoTime();
                AnalysisSummary summary;
                try (Analyzer analyzer = new Analyzer(options, keys); CaptureReader reader = CaptureReader.open(capture)) {
                    analyzer.analyze(reader, r -> { });
                    summary = analyzer.finish();
                }
                double seconds = (System.nanoTime() - start) / 1e9;
                double fps = summary.run().frames() / seconds;
                best = Math.max(best, fps);
                long ok = summary.verdicts().getOrDefault(dev.macsec.secy.Verdict.OK, 0L);
                System.out.printf(Locale.ROOT, "threads=%d run=%d frames=%d ok=%d %.3f s %,.0f frames/s%n", t, run + 1,
                        summary.run().frames(), ok, seconds, fps);
            }
            System.out.printf(Locale.ROOT, "threads=%d best %,.0f frames/s%n", t, best);
        }
    }
}
