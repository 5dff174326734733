package dev.macsec.conformance.link;

import dev.macsec.capture.CaptureReader;
import dev.macsec.error.InputException;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Replays a capture file (pcap or pcapng, through the analyzer's own reader) as the frames "received" from a device,
 * in file order and without waiting; frames sent are only recorded ({@link #sent()}). Lets a suite
 * run against a recorded session.
 */
public final class PcapFileLink implements FrameLink {
    private final Path file;
    private final CaptureReader reader;
    private final List<byte[]> sent = new ArrayList<>();
    private boolean exhausted;

    public PcapFileLink(Path file) {
        this.file = file;
        if (!Files.isReadable(file)) {
            throw new InputException(file + ": cannot read capture file");
        }
        try {
            reader = CaptureReader.open(file);
        } catch (IOException e) {
            throw new InputException(file + ": cannot read capture file: " + e.getMessage(), e);
        }
    }

    @Override
    public synchronized void send(byte[] frame, int off, int len) {
        sent.add(java.util.Arrays.copyOfRange(frame, off, off + len));
    }

    /** The next frame of the file, or null at its end (the timeout is not waited for). */
    @Override
    public synchronized Frame receive(Duration timeout) {
        if (exhausted) {
            return null;
        }
        try {
            if (!reader.next()) {
                exhausted = true;
                return null;
            }
            byte[] data = java.util.Arrays.copyOfRange(reader.data(), reader.offset(),
                    reader.offset() + reader.capturedLength());
            return new Frame(data, Math.floorDiv(reader.timestampNanos(), 1_000));
        } catch (InputException e) {
            exhausted = true;
            throw e;
        } catch (IOException e) {
            exhausted = true;
            throw new InputException(file + ": " + e.getMessage(), e);
        }
    }

    /** Frames given to {@link #send}, in order. */
    public synchronized List<byte[]> sent() {
        return Collections.unmodifiableList(new ArrayList<>(sent));
    }

    @Override
    public synchronized void close() {
        try {
            reader.close();
        } catch (IOException e) {
            // a file only read: nothing was lost
        }
    }
}
