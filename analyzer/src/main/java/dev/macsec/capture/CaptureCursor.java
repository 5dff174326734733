package dev.macsec.capture;

import dev.macsec.error.InputException;

import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.FileChannel;
import java.nio.file.Path;

/** The current-frame flyweight and the error reporting shared by both formats. */
abstract sealed class CaptureCursor implements CaptureReader, ErrorSite permits PcapReader, PcapngReader {
    /** Wireshark's own ceiling for a captured frame (WTAP_MAX_PACKET_SIZE_STANDARD). */
    static final int MAX_CAPTURED_LENGTH = CaptureReader.MAX_FRAME_LENGTH;

    final Path path;
    final StreamBuffer in;
    private final FileChannel channel;
    private final InputStream gzip;

    byte[] data;
    int offset;
    int capturedLength;
    int originalLength;
    long timestampNanos;
    int linkType;
    int interfaceId;
    long frameNumber;
    long fileOffset;

    /** Set when the stream ended or broke; later calls to next() repeat the outcome. */
    boolean finished;
    InputException failure;

    CaptureCursor(Path path, FileChannel channel, InputStream gzip, StreamBuffer in) {
        this.path = path;
        this.channel = channel;
        this.gzip = gzip;
        this.in = in;
        this.data = in.buf;
    }

    @Override
    public InputException damaged(long streamOffset, String what) {
        return new InputException(path + ": frame " + (frameNumber + 1) + " at byte offset " + streamOffset + ": " + what);
    }

    /** Records the failure so that the reader stays broken instead of resynchronising on garbage. */
    final InputException fail(long streamOffset, String what) {
        failure = damaged(streamOffset, what);
        finished = true;
        return failure;
    }

    /** The outcome of next() once the stream has ended or broken. */
    final boolean finishedOutcome() {
        if (failure != null) {
            throw failure;
        }
        return false;
    }

    final boolean endOfStream() {
        finished = true;
        return false;
    }

    @Override
    public final byte[] data() {
        return data;
    }

    @Override
    public final int offset() {
        return offset;
    }

    @Override
    public final int capturedLength() {
        return capturedLength;
    }

    @Override
    public final int originalLength() {
        return originalLength;
    }

    @Override
    public final long timestampNanos() {
        return timestampNanos;
    }

    @Override
    public final int linkType() {
        return linkType;
    }

    @Override
    public final int interfaceId() {
        return interfaceId;
    }

    @Override
    public final long frameNumber() {
        return frameNumber;
    }

    @Override
    public final long fileOffset() {
        return fileOffset;
    }

    @Override
    public final Path path() {
        return path;
    }

    @Override
    public void close() throws IOException {
        finished = true;
        try (channel) {
            if (gzip != null) {
                gzip.close();
            }
        }
    }

    @Override
    public String toString() {
        return getClass().getSimpleName() + "[" + path + ", frame " + frameNumber + "]";
    }
}
