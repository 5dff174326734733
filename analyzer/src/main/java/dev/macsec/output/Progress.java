package dev.macsec.output;

import java.io.PrintStream;
import java.util.Locale;

/**
 * A progress line on stderr for runs that take over a second: frames, MB/s and ETA, redrawn in place.
 * Shown only when stderr is a terminal (the launcher says so in {@code macsec.stderr.tty}, which Java
 * cannot tell by itself) and not suppressed by {@code --quiet}.
 */
public final class Progress {
    private static final long START_AFTER_NANOS = 1_000_000_000L;
    private static final long REDRAW_NANOS = 250_000_000L;

    private final PrintStream err;
    private final boolean enabled;
    private final long totalBytes;
    private final long startNanos = System.nanoTime();
    private long lastDraw;
    private boolean drawn;

    public Progress(PrintStream err, boolean enabled, long totalBytes) {
        this.err = err;
        this.enabled = enabled;
        this.totalBytes = totalBytes;
    }

    public static boolean stderrIsTerminal() {
        return "1".equals(System.getProperty("macsec.stderr.tty"));
    }

    /** Cheap enough to call per frame: it only looks at the clock every 4096 frames. */
    public void update(long frames, long bytesRead) {
        if (!enabled || (frames & 0xFFF) != 0) {
            return;
        }
        long now = System.nanoTime();
        if (now - startNanos < START_AFTER_NANOS || now - lastDraw < REDRAW_NANOS) {
            return;
        }
        lastDraw = now;
        double seconds = (now - startNanos) / 1e9;
        double mbPerSecond = bytesRead / 1e6 / seconds;
        String eta = "";
        if (totalBytes > 0 && bytesRead > 0 && bytesRead < totalBytes) {
            double remaining = (totalBytes - bytesRead) / (bytesRead / seconds);
            eta = String.format(Locale.ROOT, ", ETA %ds", (long) Math.ceil(remaining));
        }
        String percent = totalBytes > 0 ? String.format(Locale.ROOT, " (%.0f%%)", 100.0 * bytesRead / totalBytes) : "";
        err.print(String.format(Locale.ROOT, "\r%,d frames, %.1f MB/s%s%s   ", frames, mbPerSecond, percent, eta));
        err.flush();
        drawn = true;
    }

    /** Clears the line so that what follows starts clean. */
    public void finish() {
        if (drawn) {
            err.print("\r" + " ".repeat(70) + "\r");
            err.flush();
            drawn = false;
        }
    }
}
