package dev.macsec.mka;

import dev.macsec.capture.CaptureReader;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Frames of a capture as copies, through the project's own reader. */
final class Frames {
    private Frames() {
    }

    static List<byte[]> read(Path p) throws IOException {
        List<byte[]> out = new ArrayList<>();
        try (CaptureReader r = CaptureReader.open(p)) {
            while (r.next()) {
                out.add(Arrays.copyOfRange(r.data(), r.offset(), r.offset() + r.capturedLength()));
            }
        }
        return out;
    }
}
