package dev.macsec.capture;

import dev.macsec.error.InputException;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Copies of what a reader delivered, for assertions. */
record Frames(List<Frame> frames, InputException failure) {

    record Frame(long number, byte[] data, int originalLength, long timestampNanos, int linkType, int interfaceId,
                 long fileOffset) {
        int capturedLength() {
            return data.length;
        }
    }

    static Frames readAll(Path file) throws IOException {
        return readAll(file, CaptureReaders.DEFAULT_BUFFER_SIZE);
    }

    /** Reads to the end, keeping the InputException (if any) instead of throwing it. */
    static Frames readAll(Path file, int bufferSize) throws IOException {
        List<Frame> out = new ArrayList<>();
        try (CaptureReader r = CaptureReaders.open(file, bufferSize)) {
            try {
                while (r.next()) {
                    out.add(new Frame(r.frameNumber(),
                            Arrays.copyOfRange(r.data(), r.offset(), r.offset() + r.capturedLength()),
                            r.originalLength(), r.timestampNanos(), r.linkType(), r.interfaceId(), r.fileOffset()));
                }
            } catch (InputException e) {
                // the reader must stay failed rather than resynchronise on garbage
                try {
                    r.next();
                    throw new AssertionError("next() after a failure returned normally");
                } catch (InputException again) {
                    if (!again.getMessage().equals(e.getMessage())) {
                        throw new AssertionError("second failure differs: " + again.getMessage());
                    }
                }
                return new Frames(out, e);
            }
            if (r.next()) {
                throw new AssertionError("next() after end of file returned true");
            }
        }
        return new Frames(out, null);
    }

    int size() {
        return frames.size();
    }

    Frame get(int i) {
        return frames.get(i);
    }
}
