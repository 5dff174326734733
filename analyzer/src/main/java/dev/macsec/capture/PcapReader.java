package dev.macsec.capture;

import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.FileChannel;
import java.nio.file.Path;

/** Classic libpcap format: a 24-byte file header, then 16-byte record headers each followed by the frame. */
final class PcapReader extends CaptureCursor {
    static final int FILE_HEADER = 24;
    static final int RECORD_HEADER = 16;

    private final boolean swap;
    private final int nanosPerUnit;
    private final int maxCapturedLength;
    private final int snaplen;
    private final int fileLinkType;

    PcapReader(Path path, FileChannel channel, InputStream gzip, StreamBuffer in, boolean swap, TimestampPrecision precision)
            throws IOException {
        super(path, channel, gzip, in);
        this.swap = swap;
        this.nanosPerUnit = precision.nanosPerUnit();
        int have = in.require(FILE_HEADER, this);
        if (have < FILE_HEADER) {
            throw fail(0, "truncated pcap file header: " + have + " of " + FILE_HEADER + " bytes present");
        }
        byte[] b = in.buf;
        int p = in.pos;
        int major = Bytes.u16(b, p + 4, swap);
        if (major != 2) {
            throw fail(0, "unsupported pcap version " + major + "." + Bytes.u16(b, p + 6, swap));
        }
        this.snaplen = Bytes.i32(b, p + 16, swap);
        // the upper bits of the link-type word carry FCS information, not the link type
        this.fileLinkType = Bytes.i32(b, p + 20, swap) & 0xFFFF;
        this.maxCapturedLength = snaplen > 0 && snaplen < MAX_CAPTURED_LENGTH ? snaplen : MAX_CAPTURED_LENGTH;
        in.pos = p + FILE_HEADER;
        this.linkType = fileLinkType;
    }

    @Override
    public CaptureFormat format() {
        return CaptureFormat.PCAP;
    }

    @Override
    public boolean next() throws IOException {
        if (finished) {
            return finishedOutcome();
        }
        StreamBuffer in = this.in;
        int p = in.pos;
        if (in.limit - p < RECORD_HEADER) {
            int have = in.require(RECORD_HEADER, this);
            p = in.pos;
            if (have < RECORD_HEADER) {
                if (have == 0) {
                    return endOfStream();
                }
                throw fail(in.streamOffset(p),
                        "truncated record header: " + have + " of " + RECORD_HEADER + " bytes present");
            }
        }
        byte[] b = in.buf;
        int capLen = Bytes.i32(b, p + 8, swap);
        if (Integer.compareUnsigned(capLen, maxCapturedLength) > 0) {
            throw fail(in.streamOffset(p), "captured length " + Integer.toUnsignedString(capLen) + " exceeds "
                    + (maxCapturedLength < MAX_CAPTURED_LENGTH ? "the snapshot length " : "") + maxCapturedLength);
        }
        int total = RECORD_HEADER + capLen;
        if (in.limit - p < total) {
            int have = in.require(total, this);
            p = in.pos;
            b = in.buf;
            if (have < total) {
                throw fail(in.streamOffset(p), "truncated record: captured length " + capLen + " but only "
                        + (have - RECORD_HEADER) + " bytes follow the record header");
            }
        }
        long seconds = Bytes.u32(b, p, swap);
        long fraction = Bytes.u32(b, p + 4, swap);
        timestampNanos = seconds * 1_000_000_000L + fraction * nanosPerUnit;
        originalLength = Bytes.i32(b, p + 12, swap);
        capturedLength = capLen;
        data = b;
        offset = p + RECORD_HEADER;
        fileOffset = in.streamOffset(p);
        frameNumber++;
        in.pos = p + total;
        return true;
    }

    /** The snapshot length from the file header. */
    int snaplen() {
        return snaplen;
    }
}
