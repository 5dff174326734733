package dev.macsec.bench;

import dev.macsec.capture.CaptureReader;
import dev.macsec.capture.PcapWriter;
import dev.macsec.capture.TimestampPrecision;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.pcap4j.core.PcapHandle;
import org.pcap4j.core.Pcaps;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import java.util.concurrent.TimeUnit;

/**
 * Frames per second of reading a 1,000,000-frame classic pcap (64/512/1500-octet frames in turn, about
 * 700 MB) that sits in the page cache. Each operation is one frame: JMH's ops/s is frames/s.
 * Run with scripts/bench-reader; not part of the unit tests.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
@Warmup(iterations = 3, time = 3)
@Measurement(iterations = 5, time = 3)
public class CaptureReaderBenchmark {
    public static final int FRAMES = 1_000_000;
    private static final int[] SIZES = {64, 512, 1500};

    @Param({"" + FRAMES})
    public int frames;

    private Path dir;
    private Path file;

    @Setup(Level.Trial)
    public void generate() throws IOException {
        dir = Files.createTempDirectory(Path.of(System.getProperty("macsec.bench.dir", System.getProperty("java.io.tmpdir"))),
                "capture-bench");
        file = dir.resolve("bench.pcap");
        write(file, frames);
        // one untimed pass pulls the whole file into the page cache
        if (countOurs(file) != frames) {
            throw new IllegalStateException("generated file does not hold " + frames + " frames");
        }
    }

    /** Writes {@code frames} Ethernet frames of 64, 512 and 1500 octets in turn. */
    public static void write(Path file, int frames) throws IOException {
        byte[] payload = new byte[1500];
        new Random(1).nextBytes(payload);
        long t = 1_700_000_000_000_000_000L;
        try (PcapWriter w = PcapWriter.create(file, TimestampPrecision.MICROS, 1, 65535)) {
            for (int i = 0; i < frames; i++) {
                payload[0] = (byte) i;
                w.write(payload, 0, SIZES[i % SIZES.length], t + i * 10_000L);
            }
        }
    }

    @TearDown(Level.Trial)
    public void delete() throws IOException {
        Files.deleteIfExists(file);
        Files.deleteIfExists(dir);
    }

    @Benchmark
    @OperationsPerInvocation(FRAMES)
    public long macsecReader() throws IOException {
        return readOurs(file);
    }

    @Benchmark
    @OperationsPerInvocation(FRAMES)
    @Warmup(iterations = 1, time = 3)
    @Measurement(iterations = 3, time = 3)
    public long pcap4jOffline() throws Exception {
        long sum = 0;
        PcapHandle handle = Pcaps.openOffline(file.toString());
        try {
            byte[] raw;
            while ((raw = handle.getNextRawPacket()) != null) {
                sum += raw[0] + raw.length;
            }
        } finally {
            handle.close();
        }
        return sum;
    }

    /** Touches every frame's first byte and length so the work cannot be dropped. */
    static long readOurs(Path file) throws IOException {
        long sum = 0;
        try (CaptureReader r = CaptureReader.open(file)) {
            while (r.next()) {
                sum += r.data()[r.offset()] + r.capturedLength();
            }
        }
        return sum;
    }

    private static long countOurs(Path file) throws IOException {
        long n = 0;
        try (CaptureReader r = CaptureReader.open(file)) {
            while (r.next()) {
                n++;
            }
        }
        return n;
    }
}
