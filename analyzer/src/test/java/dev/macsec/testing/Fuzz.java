package dev.macsec.testing;

import dev.macsec.error.InputException;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HexFormat;
import java.util.SplittableRandom;

/**
 * The mutation fuzzing harness shared by the {@code *FuzzTest} classes (capture reader, frame and MKPDU decoders, MKA
 * tracker, keys file): each target runs seeded cases until its share of the time budget is spent, and any exception
 * other than {@link InputException} (the project's "bad input" answer) fails the test with the target, seed and case
 * number that reproduce it, and the input saved under {@code target/fuzz-failures/}.
 * <p>
 * System properties: {@code macsec.fuzz.seconds} the whole budget over the {@value #TARGETS} targets (default 24;
 * {@code scripts/fuzz} runs long campaigns); {@code macsec.fuzz.seed} the campaign's seed; {@code macsec.fuzz.case}
 * runs that one case alone. Case {@code i} of seed {@code s} draws from its own generator, so it is the same case
 * however long the campaign that found it ran.
 */
public final class Fuzz {
    /** The fuzz targets sharing the budget: capture reader, decoders, MKA tracker, keys file. */
    public static final int TARGETS = 4;
    public static final long SEED = Long.decode(System.getProperty("macsec.fuzz.seed", "0x15"));
    private static final String ONLY_CASE = System.getProperty("macsec.fuzz.case");
    private static final double SECONDS = Double.parseDouble(System.getProperty("macsec.fuzz.seconds", "24"));

    private Fuzz() {
    }

    /** One fuzz case: its own random source, and the input it built (kept to report a failure). */
    public static final class Case {
        public final SplittableRandom random;
        public final long number;
        private byte[] input;
        private String inputName = "input";

        Case(long number) {
            this.number = number;
            this.random = new SplittableRandom(SEED * 0x9E3779B97F4A7C15L + number);
        }

        /** Records what this case feeds the code under test, for the failure report. */
        public byte[] input(String name, byte[] bytes) {
            this.inputName = name;
            this.input = bytes;
            return bytes;
        }
    }

    @FunctionalInterface
    public interface Body {
        void run(Case c) throws Exception;
    }

    /** This target's share of the budget. */
    public static Duration budget() {
        return Duration.ofMillis((long) (SECONDS * 1000 / TARGETS));
    }

    /**
     * Runs {@code body} on cases 0, 1, 2, ... until the budget is spent (at least {@code minimumCases}), or only the
     * case named by {@code macsec.fuzz.case}; returns how many ran.
     */
    public static long run(String target, long minimumCases, Body body) {
        if (ONLY_CASE != null) {
            runOne(target, body, Long.parseLong(ONLY_CASE));
            return 1;
        }
        long deadline = System.nanoTime() + budget().toNanos();
        long n = 0;
        while (n < minimumCases || System.nanoTime() < deadline) {
            runOne(target, body, n++);
        }
        System.out.printf("fuzz %s: %,d cases in %.1f s (seed %#x), none threw anything but InputException%n",
                target, n, budget().toMillis() / 1000.0, SEED);
        return n;
    }

    private static void runOne(String target, Body body, long number) {
        Case c = new Case(number);
        try {
            body.run(c);
        } catch (InputException expected) {
            // the project's answer to bad input
        } catch (Throwable t) {
            String saved = save(target, c);
            throw new AssertionError("fuzz " + target + ": case " + number + " of seed " + String.format("%#x", SEED) + " threw "
                    + t + (saved == null ? "" : "; input " + saved) + "; reproduce with -Dmacsec.fuzz.seed="
                    + String.format("%#x", SEED) + " -Dmacsec.fuzz.case=" + number, t);
        }
    }

    private static String save(String target, Case c) {
        if (c.input == null) {
            return null;
        }
        try {
            Path dir = Path.of("target", "fuzz-failures");
            Files.createDirectories(dir);
            Path file = dir.resolve(target + "-" + Long.toHexString(SEED) + "-" + c.number + "-" + c.inputName);
            Files.write(file, c.input);
            String hex = HexFormat.of().formatHex(c.input, 0, Math.min(c.input.length, 64));
            return file.toAbsolutePath() + " (" + c.input.length + " bytes: " + hex + (c.input.length > 64 ? "..." : "") + ")";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
