package dev.macsec.capture;

import java.io.IOException;
import java.nio.file.Path;

/**
 * A streaming, allocation-free reader over a capture file (classic pcap or pcapng, optionally gzip-compressed).
 * The reader is a cursor: {@link #next()} moves to the next frame, and the accessors describe that frame until
 * the following call to {@code next()} or {@link #close()}. The frame bytes are
 * {@code data()[offset() .. offset() + capturedLength())}; the array is the reader's own buffer, so copy what
 * must outlive the current frame.
 *
 * <p>Damaged input is reported as an {@link dev.macsec.error.InputException} naming the file, the frame number
 * and the byte offset (in the uncompressed stream) of the offending record, and is thrown only after every
 * intact frame before it has been delivered.
 */
public interface CaptureReader extends AutoCloseable {
    /** The largest frame any reader delivers (longer records are reported as damage). */
    int MAX_FRAME_LENGTH = 262_144;

    /** Opens a capture, recognizing the format by its first bytes (not its name). */
    static CaptureReader open(Path file) throws IOException {
        return CaptureReaders.open(file, CaptureReaders.DEFAULT_BUFFER_SIZE);
    }

    /** Advances to the next frame; false at a clean end of file. */
    boolean next() throws IOException;

    /** The array holding the current frame; valid until the next call to {@link #next()}. */
    byte[] data();

    int offset();

    int capturedLength();

    /** The length of the frame on the wire (at least {@link #capturedLength()} for sane writers). */
    int originalLength();

    /** Nanoseconds since the Unix epoch; 0 when the format records no time (pcapng simple packet block). */
    long timestampNanos();

    /** The LINKTYPE_ value of the interface the frame was captured on, delivered as recorded. */
    int linkType();

    /** The pcapng interface id within its section; 0 for classic pcap. */
    int interfaceId();

    /** 1-based number of the current frame, as Wireshark counts. */
    long frameNumber();

    /** Byte offset of the current record or block in the (uncompressed) capture stream. */
    long fileOffset();

    CaptureFormat format();

    Path path();

    @Override
    void close() throws IOException;
}
