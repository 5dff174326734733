package dev.macsec.output;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedWriter;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntPredicate;
import org.junit.jupiter.api.Test;

/** The progress line on stderr never lands inside a line of output when stdout is the same terminal. */
class ProgressTest {
    /** One terminal that stdout and stderr both write to: carriage return goes back to column 0 and overwrites. */
    static final class Terminal {
        private final List<StringBuilder> rows = new ArrayList<>(List.of(new StringBuilder()));
        private int column;
        final StringBuilder raw = new StringBuilder();

        void write(char c) {
            raw.append(c);
            StringBuilder row = rows.get(rows.size() - 1);
            if (c == '\r') {
                column = 0;
            } else if (c == '\n') {
                rows.add(new StringBuilder());
                column = 0;
            } else {
                if (column < row.length()) {
                    row.setCharAt(column, c);
                } else {
                    row.append(c);
                }
                column++;
            }
        }

        /** What the screen shows, trailing blanks of each row removed, the last (unfinished) row included. */
        List<String> screen() {
            return rows.stream().map(r -> r.toString().stripTrailing()).toList();
        }

        PrintStream stderr() {
            return new PrintStream(new OutputStream() {
                @Override
                public void write(int b) {
                    Terminal.this.write((char) b);
                }
            }, false, StandardCharsets.US_ASCII);
        }

        /** As picocli's stdout: buffered, flushed at each println. */
        PrintWriter stdout() {
            return new PrintWriter(new BufferedWriter(new Writer() {
                @Override
                public void write(char[] b, int off, int len) {
                    for (int i = 0; i < len; i++) {
                        Terminal.this.write(b[off + i]);
                    }
                }

                @Override
                public void flush() {
                }

                @Override
                public void close() {
                }
            }, 1 << 16), true);
        }
    }

    /** A clock a second per 4096 frames, so that every check may draw. */
    private static long[] clock = new long[1];

    /**
     * Runs {@code frames} frames through the progress line as AnalysisRun does, printing a line for the frames
     * {@code shown} selects; returns the terminal.
     */
    private static Terminal run(boolean stdoutOnTheTerminal, int frames, IntPredicate shown) {
        Terminal terminal = new Terminal();
        PrintWriter out = terminal.stdout();
        clock[0] = 0;
        Progress progress = new Progress(terminal.stderr(), true, 0, stdoutOnTheTerminal ? out : null, () -> clock[0]);
        for (int n = 1; n <= frames; n++) {
            clock[0] += 1_000_000_000L / 4096;
            progress.update(n, n * 100L);
            if (shown.test(n)) {
                progress.beforeOutput();
                out.println(String.format("%6d frame line", n));
            }
        }
        progress.finish();
        out.println("Result: OK");
        out.flush();
        return terminal;
    }

    private static List<String> expectedLines(int frames, IntPredicate shown) {
        List<String> lines = new ArrayList<>();
        for (int n = 1; n <= frames; n++) {
            if (shown.test(n)) {
                lines.add(String.format("%6d frame line", n));
            }
        }
        lines.add("Result: OK");
        lines.add("");
        return lines;
    }

    @Test
    void everyFrameShownOnTheSameTerminalLeavesNoProgressInTheOutput() {
        IntPredicate all = n -> true;
        Terminal t = run(true, 40_000, all);
        assertEquals(expectedLines(40_000, all), t.screen());
        assertFalse(t.raw.toString().contains("MB/s"), "drawn while the output flowed");
    }

    @Test
    void aSparseFilterOnTheSameTerminalShowsProgressBetweenIntactLines() {
        IntPredicate sparse = n -> n % 20_000 == 0;
        Terminal t = run(true, 100_000, sparse);
        assertEquals(expectedLines(100_000, sparse), t.screen());
        assertTrue(t.raw.toString().contains("MB/s"), "never drawn although nothing was shown for 20,000 frames");
    }

    @Test
    void aSummaryOnlyRunOrOutputElsewhereShowsProgressAsBefore() {
        Terminal summaryOnly = run(true, 40_000, n -> false);
        assertTrue(summaryOnly.raw.toString().contains("36,864 frames"),
                summaryOnly.raw.toString());
        assertEquals(List.of("Result: OK", ""), summaryOnly.screen());
        // stdout redirected to a file: every frame shown there, the terminal shows progress
        Terminal redirected = new Terminal();
        clock[0] = 0;
        Progress progress = new Progress(redirected.stderr(), true, 0, null, () -> clock[0]);
        for (int n = 1; n <= 40_000; n++) {
            clock[0] += 1_000_000_000L / 4096;
            progress.update(n, n * 100L);
            progress.beforeOutput();
        }
        assertTrue(redirected.raw.toString().contains("36,864 frames"), redirected.raw.toString());
    }
}
