package dev.macsec.capture;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;

/**
 * A window over the capture stream held in one heap array, refilled with large reads. Records are parsed in
 * place; a record that straddles the end of the array is moved to the front (and the array grown, up to a
 * limit, when one record is larger than it) before the rest is read.
 */
final class StreamBuffer {
    byte[] buf;
    /** Start of unconsumed data. */
    int pos;
    /** End of valid data. */
    int limit;
    /** Stream offset of buf[0]. */
    private long base;
    private final int maxCapacity;
    private final FileChannel channel;
    private final InputStream gzip;
    private ByteBuffer view;
    private boolean eof;

    StreamBuffer(FileChannel channel, InputStream gzip, int capacity, int maxCapacity) {
        this.channel = channel;
        this.gzip = gzip;
        this.maxCapacity = Math.max(capacity, maxCapacity);
        this.buf = new byte[capacity];
        this.view = ByteBuffer.wrap(buf);
    }

    int available() {
        return limit - pos;
    }

    /** Stream offset of array index {@code index}. */
    long streamOffset(int index) {
        return base + index;
    }

    /**
     * Makes at least {@code n} bytes available from {@link #pos} unless the stream ends first; may move the data,
     * so callers re-read {@link #pos} and {@link #buf} afterwards.
     *
     * @return the number of bytes available (less than n only at end of stream)
     */
    int require(int n, ErrorSite where) throws IOException {
        if (limit - pos >= n) {
            return limit - pos;
        }
        if (n > maxCapacity) {
            throw new IllegalArgumentException("record of " + n + " bytes exceeds the buffer limit " + maxCapacity);
        }
        if (buf.length - pos < n) {
            makeRoom(n);
        }
        while (limit - pos < n && !eof) {
            fill(where);
        }
        return limit - pos;
    }

    /** Consumes {@code n} bytes (possibly far more than the array holds) without keeping them; returns how many. */
    long skip(long n, ErrorSite where) throws IOException {
        long skipped = 0;
        while (skipped < n) {
            if (limit == pos) {
                if (eof) {
                    break;
                }
                // everything in the array is consumed: restart it at the current stream position
                base += pos;
                pos = 0;
                limit = 0;
                fill(where);
                continue;
            }
            int step = (int) Math.min(n - skipped, limit - pos);
            pos += step;
            skipped += step;
        }
        return skipped;
    }

    private void makeRoom(int n) {
        int keep = limit - pos;
        if (buf.length < n) {
            int capacity = (int) Math.min(maxCapacity, Math.max((long) n, 2L * buf.length));
            byte[] bigger = new byte[capacity];
            System.arraycopy(buf, pos, bigger, 0, keep);
            buf = bigger;
            view = ByteBuffer.wrap(buf);
        } else {
            System.arraycopy(buf, pos, buf, 0, keep);
        }
        base += pos;
        pos = 0;
        limit = keep;
    }

    private void fill(ErrorSite where) throws IOException {
        int read;
        if (gzip != null) {
            try {
                read = gzip.read(buf, limit, buf.length - limit);
            } catch (IOException e) {
                // a damaged gzip stream is bad input, not an I/O failure
                throw where.damaged(streamOffset(pos), "compressed data damaged: " + e.getMessage());
            }
        } else {
            view.limit(buf.length).position(limit);
            read = channel.read(view);
        }
        if (read < 0) {
            eof = true;
        } else {
            limit += read;
        }
    }
}
