package dev.macsec.capture;

import dev.macsec.decode.LinkLayer;

import java.io.Flushable;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Writes a classic pcap file (little-endian, as libpcap does on common hosts) through one reusable buffer.
 * Not thread-safe; callers that share a writer synchronize on it.
 */
public final class PcapWriter implements AutoCloseable, Flushable {
    public static final int DEFAULT_SNAPLEN = CaptureCursor.MAX_CAPTURED_LENGTH;
    private static final int BUFFER_SIZE = 1 << 20;

    private final Path path;
    private final FileChannel channel;
    private final TimestampPrecision precision;
    private final int linkType;
    private final int snaplen;
    private final byte[] buf;
    private final ByteBuffer view;
    private int used;
    private long frames;
    private boolean closed;

    private PcapWriter(Path path, FileChannel channel, TimestampPrecision precision, int linkType, int snaplen) {
        this.path = path;
        this.channel = channel;
        this.precision = precision;
        this.linkType = linkType;
        this.snaplen = snaplen;
        this.buf = new byte[Math.max(BUFFER_SIZE, PcapReader.RECORD_HEADER + snaplen)];
        this.view = ByteBuffer.wrap(buf);
    }

    /** Creates (or truncates) an Ethernet capture with nanosecond timestamps. */
    public static PcapWriter create(Path file) throws IOException {
        return create(file, TimestampPrecision.NANOS, LinkLayer.LINKTYPE_ETHERNET, DEFAULT_SNAPLEN);
    }

    public static PcapWriter create(Path file, TimestampPrecision precision, int linkType, int snaplen) throws IOException {
        if (snaplen <= 0 || snaplen > CaptureCursor.MAX_CAPTURED_LENGTH) {
            throw new IllegalArgumentException("snaplen " + snaplen + " outside 1.." + CaptureCursor.MAX_CAPTURED_LENGTH);
        }
        if (linkType < 0 || linkType > 0xFFFF) {
            throw new IllegalArgumentException("link type " + linkType);
        }
        FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING);
        PcapWriter writer = new PcapWriter(file, channel, precision, linkType, snaplen);
        writer.header();
        return writer;
    }

    private void header() {
        Bytes.putI32LE(buf, 0, precision.magic());
        Bytes.putI16LE(buf, 4, (short) 2);
        Bytes.putI16LE(buf, 6, (short) 4);
        Bytes.putI32LE(buf, 8, 0);
        Bytes.putI32LE(buf, 12, 0);
        Bytes.putI32LE(buf, 16, snaplen);
        Bytes.putI32LE(buf, 20, linkType);
        used = PcapReader.FILE_HEADER;
    }

    /** Writes one whole frame (captured length = original length). */
    public void write(byte[] b, int off, int len, long timestampNanos) throws IOException {
        write(b, off, len, timestampNanos, len);
    }

    /**
     * Writes one frame; {@code len} bytes are stored (at most the snapshot length), {@code originalLength}
     * records the length on the wire.
     */
    public void write(byte[] b, int off, int len, long timestampNanos, int originalLength) throws IOException {
        if (closed) {
            throw new IllegalStateException(path + " is closed");
        }
        if (off < 0 || len < 0 || off + len > b.length || off + len < 0) {
            throw new IndexOutOfBoundsException("slice " + off + "+" + len + " of " + b.length);
        }
        if (len > snaplen) {
            throw new IllegalArgumentException("frame of " + len + " bytes exceeds the snapshot length " + snaplen);
        }
        if (originalLength < len) {
            throw new IllegalArgumentException("original length " + originalLength + " below captured length " + len);
        }
        if (!representable(timestampNanos)) {
            throw new IllegalArgumentException("timestamp " + timestampNanos + " ns outside the pcap range (1970..2106)");
        }
        long seconds = Math.floorDiv(timestampNanos, 1_000_000_000L);
        long fraction = Math.floorMod(timestampNanos, 1_000_000_000L) / precision.nanosPerUnit();
        int record = PcapReader.RECORD_HEADER + len;
        if (buf.length - used < record) {
            drain();
        }
        int p = used;
        Bytes.putI32LE(buf, p, (int) seconds);
        Bytes.putI32LE(buf, p + 4, (int) fraction);
        Bytes.putI32LE(buf, p + 8, len);
        Bytes.putI32LE(buf, p + 12, originalLength);
        System.arraycopy(b, off, buf, p + PcapReader.RECORD_HEADER, len);
        used = p + record;
        frames++;
    }

    /**
     * Whether a classic pcap record can hold this time: its seconds are an unsigned 32-bit count since 1970, so
     * 1970-01-01 to 2106-02-07. Readers accept times outside it (a pcapng {@code if_tsoffset}, a classic record whose
     * fraction exceeds a second), which callers must then leave out rather than write wrapped.
     */
    public static boolean representable(long timestampNanos) {
        long seconds = Math.floorDiv(timestampNanos, 1_000_000_000L);
        return seconds >= 0 && seconds <= 0xFFFF_FFFFL;
    }

    /** Copies the reader's current frame, timestamp and lengths. */
    public void write(CaptureReader frame) throws IOException {
        write(frame.data(), frame.offset(), frame.capturedLength(), frame.timestampNanos(),
                Math.max(frame.originalLength(), frame.capturedLength()));
    }

    public long frames() {
        return frames;
    }

    public Path path() {
        return path;
    }

    private void drain() throws IOException {
        view.clear().limit(used);
        try {
            while (view.hasRemaining()) {
                channel.write(view);
            }
        } catch (java.nio.file.FileSystemException e) {
            throw e;
        } catch (IOException e) {
            // the channel's errors (a full disk, EIO) name no file; the user needs to know which one
            throw new IOException(path + ": cannot write: " + e.getMessage(), e);
        }
        used = 0;
    }

    @Override
    public void flush() throws IOException {
        if (!closed) {
            drain();
        }
    }

    @Override
    public void close() throws IOException {
        if (closed) {
            return;
        }
        try (channel) {
            drain();
        } finally {
            closed = true;
        }
    }
}
