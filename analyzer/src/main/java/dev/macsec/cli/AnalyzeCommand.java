package dev.macsec.cli;

import dev.macsec.analysis.AnalysisSummary;
import dev.macsec.analysis.Analyzer;
import dev.macsec.analysis.FrameConsumer;
import dev.macsec.analysis.FrameRecord;
import dev.macsec.capture.CaptureReader;
import dev.macsec.error.InputException;
import dev.macsec.filter.DisplayFilter;
import dev.macsec.output.DecryptedPcap;
import dev.macsec.output.FrameView;
import dev.macsec.output.JsonView;
import dev.macsec.output.LineView;
import dev.macsec.output.Progress;
import dev.macsec.output.SummaryView;
import dev.macsec.output.TreeView;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code macsec analyze}: reads captures, verifies and decrypts, emulates the receive SecY, checks MKA. */
@Command(name = "analyze", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Decode, verify and decrypt MACsec and MKA in pcap/pcapng files (gzip too).",
            "Exit status: 0 all good, 1 verification failures or MKA rule errors, 2 usage or input errors."},
        footer = {"", "Examples:",
            "  ./macsec analyze pcaps/linux-dut/mka.pcap --keys pcaps/linux-dut/keys.json",
            "  ./macsec analyze pcaps/linux-dut/mka.pcap --cak 6162636465666768696a6b6c6d6e6f707172737475767778797a303132333435:0123456789abcdef0123456789abcdef -T summary",
            "  ./macsec analyze pcaps/linux-dut/static-sa.pcap --keys pcaps/linux-dut/keys.json -Y 'macsec.verdict == \"OK\"' -V",
            "  ./macsec analyze big.pcap.gz --sak 00112233445566778899aabbccddeeff -T json > frames.ndjson",
            "  ./macsec analyze capture.pcapng --keys k.json -w decrypted.pcap   # opens in Wireshark"})
public final class AnalyzeCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "FILE", arity = "1..*", description = "capture files (pcap, pcapng, optionally gzip-compressed)")
    List<Path> files;

    @Mixin
    AnalysisArgs args;

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        for (Path f : files) {
            if (!Files.isRegularFile(f)) {
                throw new InputException(f + ": " + (Files.exists(f) ? "not a regular file" : "no such file"));
            }
        }
        DisplayFilter filter = args.displayFilter();
        FrameView view = view(out);
        boolean dissect = view.needsDissection() || filter != null;
        var keys = args.keys();
        long totalBytes = 0;
        for (Path f : files) {
            totalBytes += Files.size(f);
        }
        Progress progress = new Progress(System.err, !args.quiet && Progress.stderrIsTerminal(), totalBytes);
        InputException failure = null;
        AnalysisSummary summary;
        try (Analyzer analyzer = new Analyzer(args.options(dissect), keys);
             DecryptedPcap decrypted = args.writeFile == null ? null : new DecryptedPcap(args.writeFile, args.keepFailed)) {
            long[] seen = new long[2];
            FrameConsumer consumer = r -> {
                seen[0]++;
                seen[1] += r.capturedLength() + 16;
                progress.update(seen[0], seen[1]);
                if (filter != null && !filter.matches(r.dissection())) {
                    return;
                }
                view.frame(r);
                if (decrypted != null) {
                    decrypted.frame(r);
                }
            };
            for (Path f : files) {
                try (CaptureReader reader = CaptureReader.open(f)) {
                    analyzer.analyze(reader, consumer);
                } catch (NoSuchFileException e) {
                    failure = new InputException(f + ": no such file");
                } catch (InputException e) {
                    failure = e;
                } catch (UncheckedIOException e) {
                    throw e.getCause();
                }
                if (failure != null) {
                    break;
                }
            }
            progress.finish();
            summary = analyzer.finish();
            view.finish(summary);
        }
        if (failure != null) {
            // everything before the damage was shown and written; now say what and where
            err.println("macsec: " + failure.getMessage());
            return Main.EXIT_USAGE;
        }
        return summary.hasFindings() ? Main.EXIT_FINDINGS : Main.EXIT_OK;
    }

    private FrameView view(PrintWriter out) throws IOException {
        return switch (args.format()) {
            case "json" -> new JsonView(out);
            case "summary" -> new SummaryView(out, true);
            default -> args.detail ? new TreeView(out) : new LineView(out, true);
        };
    }
}
