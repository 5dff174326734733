package dev.macsec.capture;

import java.io.IOException;
import java.io.InputStream;
import java.util.zip.CRC32;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;
import java.util.zip.ZipException;

/**
 * A gzip file (RFC 1952) decompressed as a stream, member after member as gzip does. Written instead of using
 * {@link java.util.zip.GZIPInputStream}, which says "null" for a file cut inside its header and drops without a word
 * whatever follows a member that is not another member (a damaged second member and its frames among it). Here
 * every failure is an {@link IOException} whose message says what and at which compressed byte offset; bytes after
 * the last member are an error unless they are all zero (padding, which gzip ignores too).
 */
final class GzipStream extends InputStream {
    private static final int FHCRC = 2;
    private static final int FEXTRA = 4;
    private static final int FNAME = 8;
    private static final int FCOMMENT = 16;
    private static final int RESERVED_FLAGS = 0xE0;

    private final InputStream raw;
    private final byte[] in;
    private int inPos;
    private int inLimit;
    /** Compressed offset of {@code in[0]}. */
    private long inBase;
    private boolean rawEof;
    private final Inflater inflater = new Inflater(true);
    private final CRC32 crc = new CRC32();
    private final CRC32 headerCrc = new CRC32();
    private int member;
    private boolean done;
    private IOException failure;

    /** Reads the first member's header, so that a file that is not gzip fails here. */
    GzipStream(InputStream raw, int bufferSize) throws IOException {
        this.raw = raw;
        this.in = new byte[bufferSize];
        if (!readHeader()) {
            throw new ZipException("empty file");
        }
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        int n = read(one, 0, 1);
        return n < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        if (failure != null) {
            // the reader asks again after an error; the stream's state is past the damage, the answer is the same
            throw failure;
        }
        if (len == 0) {
            return 0;
        }
        try {
            return inflate(b, off, len);
        } catch (IOException e) {
            failure = e;
            throw e;
        }
    }

    private int inflate(byte[] b, int off, int len) throws IOException {
        while (!done) {
            if (inflater.needsInput()) {
                if (inPos == inLimit && !fill()) {
                    throw new ZipException("gzip member " + member + ": compressed data cut short at compressed byte offset "
                            + offset());
                }
                inflater.setInput(in, inPos, inLimit - inPos);
                inPos = inLimit;
            }
            int n;
            try {
                n = inflater.inflate(b, off, len);
            } catch (DataFormatException e) {
                throw new ZipException("gzip member " + member + ": invalid deflate data before compressed byte offset "
                        + offset() + (e.getMessage() == null ? "" : " (" + e.getMessage() + ")"));
            }
            if (n > 0) {
                crc.update(b, off, n);
                return n;
            }
            if (inflater.finished()) {
                inPos -= inflater.getRemaining();
                endMember();
            } else if (inflater.needsDictionary()) {
                throw new ZipException("gzip member " + member + ": deflate data asks for a preset dictionary, which gzip never uses");
            }
        }
        return -1;
    }

    @Override
    public void close() throws IOException {
        inflater.end();
        raw.close();
    }

    private void endMember() throws IOException {
        long at = offset();
        long storedCrc = u32();
        long storedSize = u32();
        if (storedSize < 0) {
            throw new ZipException("gzip member " + member + ": trailer cut short at compressed byte offset " + offset());
        }
        if (storedCrc != crc.getValue()) {
            throw new ZipException("gzip member " + member + ": CRC-32 of the data does not match the trailer at compressed byte offset "
                    + at + " (data damaged)");
        }
        if (storedSize != (inflater.getBytesWritten() & 0xffffffffL)) {
            throw new ZipException("gzip member " + member + ": length does not match the trailer at compressed byte offset " + at);
        }
        if (!readHeader()) {
            done = true;
        }
    }

    /** The next member's header; false at the end of the file (or of its zero padding). */
    private boolean readHeader() throws IOException {
        long start = offset();
        int id1 = next();
        if (id1 < 0) {
            return false;
        }
        if (id1 == 0 && member > 0 && restIsZero()) {
            return false;
        }
        int id2 = next();
        if (id1 != 0x1f || id2 != 0x8b) {
            throw new ZipException(member == 0 ? "not gzip" : "trailing garbage after gzip member " + member
                    + " at compressed byte offset " + start + " (not another member: damaged, or not gzip)");
        }
        member++;
        headerCrc.reset();
        headerCrc.update(0x1f);
        headerCrc.update(0x8b);
        int method = headerByte(start);
        if (method != 8) {
            throw new ZipException("gzip member " + member + " at compressed byte offset " + start
                    + ": compression method " + method + " is not deflate (8)");
        }
        int flags = headerByte(start);
        if ((flags & RESERVED_FLAGS) != 0) {
            throw new ZipException("gzip member " + member + " at compressed byte offset " + start
                    + ": reserved flag bits set (0x" + Integer.toHexString(flags) + ")");
        }
        for (int i = 0; i < 6; i++) {
            headerByte(start); // MTIME, XFL, OS
        }
        if ((flags & FEXTRA) != 0) {
            int xlen = headerByte(start) | headerByte(start) << 8;
            for (int i = 0; i < xlen; i++) {
                headerByte(start);
            }
        }
        if ((flags & FNAME) != 0) {
            while (headerByte(start) != 0) {
                // the original file name: not needed
            }
        }
        if ((flags & FCOMMENT) != 0) {
            while (headerByte(start) != 0) {
                // a comment: not needed
            }
        }
        if ((flags & FHCRC) != 0) {
            int expected = (int) (headerCrc.getValue() & 0xffff);
            int stored = next();
            int high = next();
            if (stored < 0 || high < 0) {
                throw headerCutShort(start);
            }
            if ((stored | high << 8) != expected) {
                throw new ZipException("gzip member " + member + " at compressed byte offset " + start + ": header CRC does not match");
            }
        }
        inflater.reset();
        crc.reset();
        return true;
    }

    private int headerByte(long start) throws IOException {
        int b = next();
        if (b < 0) {
            throw headerCutShort(start);
        }
        headerCrc.update(b);
        return b;
    }

    private ZipException headerCutShort(long start) {
        return new ZipException("gzip member " + member + " at compressed byte offset " + start
                + ": header cut short at compressed byte offset " + offset());
    }

    /** After a zero byte following a member: true when nothing but zeros follows, to the end of the file. */
    private boolean restIsZero() throws IOException {
        while (true) {
            while (inPos < inLimit) {
                if (in[inPos] != 0) {
                    throw new ZipException("trailing garbage after gzip member " + member + " at compressed byte offset "
                            + offset() + " (after zero padding)");
                }
                inPos++;
            }
            if (!fill()) {
                return true;
            }
        }
    }

    private long u32() throws IOException {
        long v = 0;
        for (int i = 0; i < 4; i++) {
            int b = next();
            if (b < 0) {
                return -1;
            }
            v |= (long) b << (8 * i);
        }
        return v;
    }

    private int next() throws IOException {
        if (inPos == inLimit && !fill()) {
            return -1;
        }
        return in[inPos++] & 0xff;
    }

    /** Refills {@link #in} once everything in it is consumed (by us or handed to the inflater); false at end of file. */
    private boolean fill() throws IOException {
        if (rawEof) {
            return false;
        }
        inBase += inLimit;
        inPos = 0;
        inLimit = 0;
        int n;
        do {
            n = raw.read(in, 0, in.length);
        } while (n == 0);
        if (n < 0) {
            rawEof = true;
            return false;
        }
        inLimit = n;
        return true;
    }

    private long offset() {
        return inBase + inPos;
    }
}
