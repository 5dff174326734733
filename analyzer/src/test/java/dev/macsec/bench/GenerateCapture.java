package dev.macsec.bench;

import dev.macsec.analysis.SyntheticCapture;
import java.io.IOException;
import java.nio.file.Path;

/** Writes a benchmark capture and its keys: {@code GenerateCapture OUT.pcap FRAMES} (see {@link SyntheticCapture}). */
public final class GenerateCapture {
    private GenerateCapture() {
    }

    public static void main(String[] args) throws IOException {
        SyntheticCapture.write(Path.of(args[0]), Long.parseLong(args[1]));
    }
}
