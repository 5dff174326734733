package dev.macsec.conformance.link;

import java.io.IOException;
import java.time.Duration;

/** A bidirectional Ethernet link to a device under test. */
public interface FrameLink extends AutoCloseable {

    /** Transmits {@code len} octets of {@code frame} from {@code off} as one Ethernet frame. */
    void send(byte[] frame, int off, int len) throws IOException;

    default void send(byte[] frame) throws IOException {
        send(frame, 0, frame.length);
    }

    /**
     * The next received frame, waiting at most {@code timeout}.
     *
     * @return the frame, or {@code null} if none came in time (or, for a finite source, none is left)
     */
    Frame receive(Duration timeout) throws IOException;

    /**
     * Discards whatever is queued (stale frames from a previous case).
     *
     * @return how many frames were discarded
     */
    default int drain() throws IOException {
        int n = 0;
        while (receive(Duration.ofMillis(1)) != null) {
            n++;
        }
        return n;
    }

    @Override
    void close();
}
