package dev.macsec.cli;

import dev.macsec.analysis.AnalysisSummary;
import dev.macsec.analysis.Analyzer;
import dev.macsec.analysis.FrameConsumer;
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
import dev.macsec.secy.ReceiveSecY;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.NoSuchFileException;
import java.util.List;
import java.util.Locale;

/** The shell around the analysis library shared by {@code analyze} and {@code capture}: views, filter, -w, exit code. */
final class AnalysisRun {
    /** Opens one capture source (a file, or a live interface). */
    interface Source {
        CaptureReader open() throws IOException;

        String name();
    }

    private AnalysisRun() {
    }

    static int run(AnalysisArgs args, List<Source> sources, long totalBytes, PrintWriter out, PrintWriter err) throws IOException {
        DisplayFilter filter = args.displayFilter();
        FrameView view = switch (args.format()) {
            case "json" -> new JsonView(out);
            case "summary" -> new SummaryView(out, true);
            default -> args.detail() ? new TreeView(out) : new LineView(out, true);
        };
        boolean dissect = view.needsDissection() || filter != null;
        var keys = args.keys();
        var options = args.options(dissect);
        boolean framesShown = !args.format().equals("summary");
        Progress progress = new Progress(System.err, !args.quiet() && Progress.stderrIsTerminal(), totalBytes,
                framesShown && Progress.stdoutSharesTheTerminal() ? out : null);
        String failure = null;
        RuntimeException defect = null;
        AnalysisSummary summary;
        try (Analyzer analyzer = new Analyzer(options, keys);
             DecryptedPcap decrypted = args.writeFile() == null ? null : new DecryptedPcap(args.writeFile(), args.keepFailed(), warning -> {
                 // on a line of its own, not glued to the progress line
                 progress.finish();
                 err.println("macsec: warning: " + warning);
             })) {
            long[] seen = new long[3];
            FrameConsumer consumer = r -> {
                if (seen[0]++ == 0) {
                    view.firstFrameRead(r.timestampNanos());
                }
                // record header included, so the figure tracks the file size for the ETA
                seen[1] += r.capturedLength() + 16;
                progress.update(seen[0], seen[1]);
                seen[2] = r.fileFrameNumber();
                if (filter != null && !filter.matches(r.dissection())) {
                    return;
                }
                progress.beforeOutput();
                view.frame(r);
                if (decrypted != null) {
                    decrypted.frame(r);
                }
            };
            for (Source source : sources) {
                seen[2] = 0;
                try (CaptureReader reader = source.open()) {
                    analyzer.analyze(reader, consumer);
                } catch (NoSuchFileException e) {
                    failure = source.name() + ": no such file";
                } catch (InputException e) {
                    failure = e.getMessage();
                } catch (UncheckedIOException e) {
                    throw e.getCause();
                } catch (RuntimeException e) {
                    // a defect of ours: the run still ends like one stopped by damaged input, with what it knows
                    defect = e;
                    failure = Defect.describe(e, (seen[2] == 0 ? "before the first frame of " : "after frame " + seen[2]
                            + " of ") + source.name());
                }
                if (failure != null) {
                    break;
                }
            }
            progress.finish();
            try {
                summary = analyzer.finish();
            } catch (RuntimeException e) {
                if (defect == null) {
                    defect = e;
                    failure = Defect.describe(e, "in the end-of-capture checks");
                }
                summary = analyzer.summarySoFar();
            }
            try {
                view.finish(failure == null ? summary : summary.withInputError(failure));
            } catch (RuntimeException e) {
                if (defect == null) {
                    defect = e;
                    failure = Defect.describe(e, "writing the summary");
                }
            }
            untriedKeysNote(analyzer, err);
        }
        out.flush();
        if (failure != null) {
            // everything before the damage was shown and written; now say what and where
            err.println("macsec: " + failure);
            if (defect != null) {
                Defect.trace(defect, err, Defect.debug());
            }
            return Main.EXIT_USAGE;
        }
        return summary.hasFindings() ? Main.EXIT_FINDINGS : Main.EXIT_OK;
    }

    /** Says when frames' verdicts rest on fewer keys than were given (ReceiveSecY.MAX_KEYS_PER_FRAME). */
    private static void untriedKeysNote(Analyzer analyzer, PrintWriter err) {
        long frames = analyzer.secy().framesNotTriedWithEveryKey();
        if (frames > 0) {
            err.printf(Locale.ROOT, "macsec: note: %,d frame(s) that no SAK verified were tried with %d of the up to %,d"
                    + " SAKs their SA might have, not all: one of the rest may verify them (README: Keys)%n",
                    frames, ReceiveSecY.MAX_KEYS_PER_FRAME, analyzer.secy().candidateKeysOfUntriedFrames());
        }
    }
}
