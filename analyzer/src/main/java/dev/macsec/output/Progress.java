package dev.macsec.output;

import java.io.Flushable;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.util.Locale;
import java.util.function.LongSupplier;

/**
 * A progress line on stderr for runs that take over a second: frames, MB/s and ETA, redrawn in place.
 * Shown only when stderr is a terminal (the launcher says so in {@code macsec.stderr.tty}, which Java
 * cannot tell by itself) and not suppressed by {@code --quiet}.
 *
 * <p>When stdout goes to that same terminal ({@code macsec.stdout.tty}), a line of output written after the progress
 * line would start where the progress line ends. So there the line is only drawn while no output flows (no frame shown
 * since the last check, 4096 frames ago; a sparse {@code -Y} or {@code -T summary}), everything shown before it is
 * flushed first, and it is cleared before the next frame is shown ({@link #beforeOutput}).
 */
public final class Progress {
    private static final long START_AFTER_NANOS = 1_000_000_000L;
    private static final long REDRAW_NANOS = 250_000_000L;

    private final PrintStream err;
    private final boolean enabled;
    private final long totalBytes;
    private final Flushable sharedOut;
    private final LongSupplier clock;
    private final long startNanos;
    private long lastDraw;
    private boolean drawn;
    private boolean outputSinceCheck;

    /**
     * @param sharedOut the output stream when it writes to the terminal the progress line is drawn on, else null
     */
    public Progress(PrintStream err, boolean enabled, long totalBytes, Flushable sharedOut) {
        this(err, enabled, totalBytes, sharedOut, System::nanoTime);
    }

    Progress(PrintStream err, boolean enabled, long totalBytes, Flushable sharedOut, LongSupplier clock) {
        this.err = err;
        this.enabled = enabled;
        this.totalBytes = totalBytes;
        this.sharedOut = sharedOut;
        this.clock = clock;
        this.startNanos = clock.getAsLong();
    }

    public static boolean stderrIsTerminal() {
        return "1".equals(System.getProperty("macsec.stderr.tty"));
    }

    /** Whether stdout writes to the terminal stderr is on (the launcher tells, as for stderr). */
    public static boolean stdoutSharesTheTerminal() {
        return "1".equals(System.getProperty("macsec.stdout.tty"));
    }

    /** Cheap enough to call per frame: it only looks at the clock every 4096 frames. */
    public void update(long frames, long bytesRead) {
        if (!enabled || (frames & 0xFFF) != 0) {
            return;
        }
        if (outputSinceCheck) {
            outputSinceCheck = false;
            return;
        }
        long now = clock.getAsLong();
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
        if (sharedOut != null && !drawn) {
            try {
                sharedOut.flush();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        err.print(String.format(Locale.ROOT, "\r%,d frames, %.1f MB/s%s%s   ", frames, mbPerSecond, percent, eta));
        err.flush();
        drawn = true;
    }

    /** To be called before a frame's output is written: on a shared terminal the progress line makes way for it. */
    public void beforeOutput() {
        if (sharedOut != null) {
            outputSinceCheck = true;
            finish();
        }
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
