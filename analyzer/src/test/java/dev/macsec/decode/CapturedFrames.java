package dev.macsec.decode;

import dev.macsec.capture.CaptureReader;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Every frame of a capture in memory, read with the project's capture reader, for tests over small captures. */
public final class CapturedFrames {
    public record Frame(FrameMeta meta, byte[] data) {
    }

    public record Capture(int linkType, List<Frame> frames) {
    }

    private CapturedFrames() {
    }

    public static Capture read(Path file) throws IOException {
        List<Frame> frames = new ArrayList<>();
        int linkType = -1;
        try (CaptureReader r = CaptureReader.open(file)) {
            while (r.next()) {
                linkType = r.linkType();
                frames.add(new Frame(FrameMeta.ofNanos(r.frameNumber(), r.timestampNanos(), r.originalLength(), r.capturedLength()),
                        Arrays.copyOfRange(r.data(), r.offset(), r.offset() + r.capturedLength())));
            }
        }
        return new Capture(linkType, frames);
    }
}
