package dev.macsec.capture;

import dev.macsec.decode.FrameDecoder;
import dev.macsec.decode.FrameMeta;
import dev.macsec.decode.InnerSummary;
import dev.macsec.field.Dissection;
import dev.macsec.testing.Fuzz;
import dev.macsec.testing.Mutator;
import dev.macsec.testing.ProjectFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.Stream;

/**
 * Mutated captures (every bundled pcap, the same frames as pcapng in both byte orders with several interfaces and
 * block kinds, and gzip-compressed forms mutated before or after compression) read to their end with random buffer
 * sizes, each frame read then decoded: the reader answers damage with an {@code InputException} and stays failed
 * (checked by {@link Frames#readAll}), and nothing else is thrown. Harness: {@link Fuzz}.
 */
class CaptureReaderFuzzTest {
    private static final int[] BUFFER_SIZES = {16, 100, 4096, CaptureReaders.DEFAULT_BUFFER_SIZE};

    @TempDir
    Path dir;

    static List<byte[]> corpus() throws IOException {
        List<byte[]> corpus = new ArrayList<>();
        List<Path> pcaps;
        try (Stream<Path> files = Files.walk(ProjectFiles.pcap(""))) {
            pcaps = files.filter(f -> f.toString().endsWith(".pcap")).sorted().toList();
        }
        for (Path pcap : pcaps) {
            corpus.add(Files.readAllBytes(pcap));
            Frames frames = Frames.readAll(pcap);
            for (ByteOrder order : new ByteOrder[] {ByteOrder.LITTLE_ENDIAN, ByteOrder.BIG_ENDIAN}) {
                CaptureBytes.Pcapng ng = new CaptureBytes.Pcapng(order);
                ng.interfaceBlock(frames.get(0).linkType(), 0, -1, null);
                ng.interfaceBlock(frames.get(0).linkType(), 128, 9, 1_000_000_000L);
                int i = 0;
                for (Frames.Frame f : frames.frames()) {
                    switch (i++ % 4) {
                        case 0 -> ng.enhancedPacket(0, f.timestampNanos() / 1000, f.data(), f.originalLength());
                        case 1 -> ng.enhancedPacket(1, f.timestampNanos(), f.data(), f.data().length, f.originalLength(), true);
                        case 2 -> ng.simplePacket(f.data(), f.originalLength());
                        default -> ng.obsoletePacket(0, f.timestampNanos() / 1000, f.data(), f.originalLength());
                    }
                }
                corpus.add(ng.bytes());
            }
        }
        return corpus;
    }

    @Test
    void mutatedCapturesGiveFramesOrAnInputErrorAndNothingElse() throws IOException {
        List<byte[]> corpus = corpus();
        Path file = dir.resolve("fuzz.pcap");
        FrameDecoder decoder = new FrameDecoder();
        Fuzz.run("capture", 1000, c -> {
            SplittableRandom r = c.random;
            byte[] seed = corpus.get(r.nextInt(corpus.size()));
            byte[] bytes = switch (r.nextInt(6)) {
                // keep the magic now and then, so that the mutations reach the records
                case 0, 1 -> Mutator.mutate(seed, r, corpus);
                case 2, 3 -> Mutator.mutate(seed, r, corpus, 4 + r.nextInt(Math.max(1, Math.min(seed.length, 64))));
                case 4 -> CaptureBytes.gzip(Mutator.mutate(seed, r, corpus, 4));
                default -> Mutator.mutate(CaptureBytes.gzip(seed), r, corpus, 2 + r.nextInt(10));
            };
            Files.write(file, c.input("capture.pcap", bytes));
            Frames frames = Frames.readAll(file, BUFFER_SIZES[r.nextInt(BUFFER_SIZES.length)]);
            for (Frames.Frame f : frames.frames()) {
                Dissection d = new Dissection();
                byte[] data = f.data();
                decoder.decode(FrameMeta.ofNanos(f.number(), f.timestampNanos(), f.originalLength(), data.length),
                        f.linkType(), data, 0, data.length, d);
                decoder.decodeInner(data, 0, data.length, d);
                InnerSummary.describe(d);
                d.layers().forEach(layer -> layer.children().forEach(x -> x.display()));
            }
        });
    }
}
