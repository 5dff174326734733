package dev.macsec.cli;

import dev.macsec.analysis.WarmUp;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;

/**
 * Starts {@link WarmUp} before picocli has parsed the command line, when the command looks like an analysis of
 * a large capture with keys. picocli's own start-up (~250 ms) and the keys file keep one core busy while the other
 * idles; that is when the JIT can compile the verify path for free. The guess only looks at the arguments: a wrong
 * guess costs a bounded amount of CPU on a daemon thread and nothing else, so it needs no exactness.
 */
final class EarlyWarmUp {
    /** About 100,000 mixed-size frames: below this a run is short enough that warming up would cost more than it saves. */
    static final long MIN_CAPTURE_BYTES = 64L << 20;
    static final int FRAMES = Integer.getInteger("macsec.warmUpFrames", 20_000);

    private EarlyWarmUp() {
    }

    static void startIfWorthwhile(String[] args) {
        if (FRAMES > 0 && Runtime.getRuntime().availableProcessors() >= 2 && worthwhile(args)) {
            WarmUp.start(FRAMES);
        }
    }

    /** An {@code analyze} with keys whose capture files add up to at least {@link #MIN_CAPTURE_BYTES}. */
    static boolean worthwhile(String[] args) {
        if (args.length < 2 || !args[0].equals("analyze")) {
            return false;
        }
        boolean keys = false;
        long bytes = 0;
        for (String a : args) {
            if (a.startsWith("--keys") || a.startsWith("--sak") || a.startsWith("--cak")) {
                keys = true;
            } else if (!a.startsWith("-")) {
                bytes += fileSize(a);
            }
        }
        return keys && bytes >= MIN_CAPTURE_BYTES;
    }

    private static long fileSize(String arg) {
        try {
            Path p = Path.of(arg);
            return Files.isRegularFile(p) ? Files.size(p) : 0;
        } catch (InvalidPathException | IOException | SecurityException e) {
            return 0;
        }
    }
}
