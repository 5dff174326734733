package dev.macsec.cli;

import dev.macsec.analysis.SyntheticCapture;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The training run behind the launcher's start-up cache (the JDK's AOT cache from JDK 25, class-data sharing before):
 * one JVM that does what typical runs do, so that later starts find the classes already loaded and linked and, with
 * the AOT cache, the JIT starts from these profiles instead of gathering its own.
 *
 * <p>What it runs matters: the profiles of the README's small MKA capture alone made a 1M-frame run ~10% slower than
 * no training at all (the JIT compiled the data path for the wrong frames), so the bulk path is trained on a capture
 * large enough for the JIT to compile the verify path from real frames. Without {@link EarlyWarmUp}, as the launcher
 * runs with the AOT cache.
 *
 * <p>Usage: {@code Training PROJECT_ROOT}. Prints nothing; exits non-zero when a step fails, so that the launcher
 * keeps no cache from a broken run.
 */
public final class Training {
    /** ~106 MB of mixed-size frames, about half a second of analysis (100k and 300k frames trained as well). */
    static final long BULK_FRAMES = 150_000;

    private Training() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 1) {
            System.err.println("usage: Training PROJECT_ROOT");
            System.exit(Main.EXIT_USAGE);
        }
        System.exit(run(Path.of(args[0])));
    }

    /** Runs the training workload with standard output discarded; 0 when every step ran cleanly. */
    static int run(Path root) throws IOException {
        PrintStream out = System.out;
        System.setOut(new PrintStream(OutputStream.nullOutputStream()));
        try {
            int readme = readmeCommand(root);
            int bulk = bulkSummary();
            return readme == Main.EXIT_OK && bulk == Main.EXIT_OK ? 0 : 1;
        } finally {
            System.setOut(out);
        }
    }

    /** The README's first command: MKA learned from a CAK, decrypted traffic, the text view and summary. */
    private static int readmeCommand(Path root) {
        Path dut = root.resolve("pcaps/linux-dut");
        return Main.run("analyze", dut.resolve("mka.pcap").toString(), "--keys", dut.resolve("mka-cak.json").toString());
    }

    /** A large capture with a SAK, {@code -T summary}: the bulk data path as the benchmark and big captures take it. */
    private static int bulkSummary() throws IOException {
        Path dir = Files.createTempDirectory("macsec-training");
        Path capture = dir.resolve("bulk.pcap");
        try {
            SyntheticCapture.write(capture, BULK_FRAMES);
            String[] args = {"analyze", capture.toString(), "--keys", SyntheticCapture.keysFileFor(capture).toString(),
                "-T", "summary", "-q"};
            return Main.run(args);
        } finally {
            Files.deleteIfExists(SyntheticCapture.keysFileFor(capture));
            Files.deleteIfExists(capture);
            Files.deleteIfExists(dir);
        }
    }
}
