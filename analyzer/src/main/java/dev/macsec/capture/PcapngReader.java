package dev.macsec.capture;

import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * pcapng: a sequence of blocks (type, total length, body, total length again). Each section header block
 * sets the byte order and starts a fresh interface table; packet blocks refer to interfaces by index.
 */
final class PcapngReader extends CaptureCursor {
    static final int SHB = 0x0A0D0D0A;
    static final int IDB = 1;
    static final int PB = 2;
    static final int SPB = 3;
    static final int EPB = 6;
    static final int BYTE_ORDER_MAGIC = 0x1A2B3C4D;
    /** Blocks we must hold in memory whole; anything we do not interpret is skipped however long it is. */
    static final int MAX_BUFFERED_BLOCK = 8 << 20;
    static final int MAX_INTERFACES = 1 << 16;

    private static final int OPT_ENDOFOPT = 0;
    private static final int OPT_IF_TSRESOL = 9;
    private static final int OPT_IF_TSOFFSET = 14;

    private static final byte TS_MULTIPLY = 0;
    private static final byte TS_DIVIDE = 1;
    private static final byte TS_BINARY = 2;

    private boolean swap;
    private int interfaces;
    private int[] ifLinkType = new int[4];
    private int[] ifSnaplen = new int[4];
    private byte[] tsMode = new byte[4];
    private long[] tsScale = new long[4];
    private long[] tsOffsetNanos = new long[4];

    PcapngReader(Path path, FileChannel channel, InputStream gzip, StreamBuffer in) {
        super(path, channel, gzip, in);
    }

    @Override
    public CaptureFormat format() {
        return CaptureFormat.PCAPNG;
    }

    @Override
    public boolean next() throws IOException {
        if (finished) {
            return finishedOutcome();
        }
        while (true) {
            StreamBuffer in = this.in;
            int have = in.require(12, this);
            int p = in.pos;
            if (have < 12) {
                if (have == 0) {
                    return endOfStream();
                }
                throw fail(in.streamOffset(p), "truncated block header: " + have + " of 12 bytes present");
            }
            byte[] b = in.buf;
            int type = Bytes.i32(b, p, false);
            if (type == SHB) {
                sectionHeader(p);
                continue;
            }
            type = Bytes.i32(b, p, swap);
            long length = Bytes.u32(b, p + 4, swap);
            checkLength(type, length, p, 12);
            switch (type) {
                case EPB, PB, SPB -> {
                    p = buffer(p, (int) length);
                    packet(type, p, (int) length);
                    return true;
                }
                case IDB -> {
                    p = buffer(p, (int) length);
                    interfaceDescription(p, (int) length);
                    this.in.pos = p + (int) length;
                }
                default -> skipBlock(p, length);
            }
        }
    }

    private void sectionHeader(int p) throws IOException {
        int have = in.require(12, this);
        byte[] b = in.buf;
        int magic = Bytes.i32(b, p + 8, false);
        if (magic == BYTE_ORDER_MAGIC) {
            swap = false;
        } else if (magic == Integer.reverseBytes(BYTE_ORDER_MAGIC)) {
            swap = true;
        } else {
            throw fail(in.streamOffset(p), "section header block byte-order magic " + Bytes.hex(b, p + 8, Math.min(4, have - 8))
                    + " is neither 1a2b3c4d nor 4d3c2b1a");
        }
        long length = Bytes.u32(b, p + 4, swap);
        checkLength(SHB, length, p, 28);
        p = buffer(p, (int) length);
        b = in.buf;
        int major = Bytes.u16(b, p + 12, swap);
        if (major != 1) {
            throw fail(in.streamOffset(p), "unsupported pcapng version " + major + "." + Bytes.u16(b, p + 14, swap));
        }
        interfaces = 0;
        in.pos = p + (int) length;
    }

    private void checkLength(int type, long length, int p, int minimum) {
        String block = blockName(type);
        if (length < minimum) {
            throw fail(in.streamOffset(p), block + " total length " + length + " is below the minimum " + minimum);
        }
        if ((length & 3) != 0) {
            throw fail(in.streamOffset(p), block + " total length " + length + " is not a multiple of 4");
        }
        boolean buffered = type == SHB || type == IDB || type == EPB || type == PB || type == SPB;
        if (buffered && length > MAX_BUFFERED_BLOCK) {
            throw fail(in.streamOffset(p), block + " total length " + length + " exceeds " + MAX_BUFFERED_BLOCK);
        }
    }

    /** Reads a whole block into the window and checks its trailing length; returns its (possibly moved) start. */
    private int buffer(int p, int length) throws IOException {
        int have = in.require(length, this);
        p = in.pos;
        if (have < length) {
            throw fail(in.streamOffset(p), "truncated block: total length " + length + " but only " + have + " bytes remain");
        }
        checkTrailer(in.buf, p, length);
        return p;
    }

    private void checkTrailer(byte[] b, int p, int length) {
        long trailer = Bytes.u32(b, p + length - 4, swap);
        if (trailer != Integer.toUnsignedLong(length)) {
            throw fail(in.streamOffset(p), "block trailing length " + trailer + " differs from the leading " + length);
        }
    }

    private void skipBlock(int p, long length) throws IOException {
        long start = in.streamOffset(p);
        long skipped = in.skip(length - 4, this);
        int have = skipped == length - 4 ? in.require(4, this) : 0;
        if (have < 4) {
            throw fail(start, "truncated block: total length " + length + " but only " + (skipped + have) + " bytes remain");
        }
        long trailer = Bytes.u32(in.buf, in.pos, swap);
        if (trailer != length) {
            throw fail(start, "block trailing length " + trailer + " differs from the leading " + length);
        }
        in.pos += 4;
    }

    private void interfaceDescription(int p, int length) {
        byte[] b = in.buf;
        if (length < 20) {
            throw fail(in.streamOffset(p), "interface description block total length " + length + " is below the minimum 20");
        }
        if (interfaces == MAX_INTERFACES) {
            throw fail(in.streamOffset(p), "more than " + MAX_INTERFACES + " interfaces in one section");
        }
        int id = interfaces;
        if (id == ifLinkType.length) {
            int n = id * 2;
            ifLinkType = Arrays.copyOf(ifLinkType, n);
            ifSnaplen = Arrays.copyOf(ifSnaplen, n);
            tsMode = Arrays.copyOf(tsMode, n);
            tsScale = Arrays.copyOf(tsScale, n);
            tsOffsetNanos = Arrays.copyOf(tsOffsetNanos, n);
        }
        ifLinkType[id] = Bytes.u16(b, p + 8, swap);
        ifSnaplen[id] = Bytes.i32(b, p + 12, swap);
        tsMode[id] = TS_MULTIPLY;
        tsScale[id] = 1_000; // default resolution: microseconds
        tsOffsetNanos[id] = 0;
        int o = p + 16;
        int end = p + length - 4;
        while (o + 4 <= end) {
            int code = Bytes.u16(b, o, swap);
            int optLength = Bytes.u16(b, o + 2, swap);
            if (code == OPT_ENDOFOPT) {
                break;
            }
            if (o + 4 + optLength > end) {
                throw fail(in.streamOffset(p), "interface description option " + code + " length " + optLength
                        + " overruns the block");
            }
            if (code == OPT_IF_TSRESOL && optLength >= 1) {
                timestampResolution(id, b[o + 4] & 0xFF, p);
            } else if (code == OPT_IF_TSOFFSET && optLength >= 8) {
                tsOffsetNanos[id] = Bytes.i64(b, o + 4, swap) * 1_000_000_000L;
            }
            o += 4 + ((optLength + 3) & ~3);
        }
        interfaces = id + 1;
    }

    private void timestampResolution(int id, int v, int p) {
        if ((v & 0x80) == 0) {
            if (v <= 9) {
                tsMode[id] = TS_MULTIPLY;
                tsScale[id] = pow10(9 - v);
            } else if (v <= 27) {
                tsMode[id] = TS_DIVIDE;
                tsScale[id] = pow10(v - 9);
            } else {
                throw fail(in.streamOffset(p), "unsupported if_tsresol 10^-" + v);
            }
        } else {
            int power = v & 0x7F;
            if (power > 63) {
                throw fail(in.streamOffset(p), "unsupported if_tsresol 2^-" + power);
            }
            tsMode[id] = TS_BINARY;
            tsScale[id] = power;
        }
    }

    private static long pow10(int e) {
        long r = 1;
        for (int i = 0; i < e; i++) {
            r *= 10;
        }
        return r;
    }

    private long toNanos(int id, long units) {
        long nanos = switch (tsMode[id]) {
            case TS_MULTIPLY -> units * tsScale[id];
            case TS_DIVIDE -> Long.divideUnsigned(units, tsScale[id]);
            default -> {
                int power = (int) tsScale[id];
                if (power == 0) {
                    yield units * 1_000_000_000L;
                }
                long seconds = units >>> power;
                long fraction = units & ((1L << power) - 1);
                // fraction * 1e9 needs up to 94 bits before the shift
                long hi = Math.unsignedMultiplyHigh(fraction, 1_000_000_000L);
                long lo = fraction * 1_000_000_000L;
                yield seconds * 1_000_000_000L + ((hi << (64 - power)) | (lo >>> power));
            }
        };
        return nanos + tsOffsetNanos[id];
    }

    private void packet(int type, int p, int length) {
        byte[] b = in.buf;
        long start = in.streamOffset(p);
        int id;
        int capLen;
        int origLen;
        int dataStart;
        long units = 0;
        if (type == SPB) {
            if (length < 16) {
                throw fail(start, "simple packet block total length " + length + " is below the minimum 16");
            }
            id = 0;
            checkInterface(type, id, start);
            origLen = Bytes.i32(b, p + 8, swap);
            long cap = Math.min(Integer.toUnsignedLong(origLen), length - 16);
            int snap = ifSnaplen[0];
            if (snap > 0) {
                cap = Math.min(cap, snap);
            }
            if (cap > MAX_CAPTURED_LENGTH) {
                throw fail(start, "captured length " + cap + " exceeds " + MAX_CAPTURED_LENGTH);
            }
            capLen = (int) cap;
            dataStart = p + 12;
        } else {
            if (length < 32) {
                throw fail(start, blockName(type) + " total length " + length + " is below the minimum 32");
            }
            id = type == PB ? Bytes.u16(b, p + 8, swap) : Bytes.i32(b, p + 8, swap);
            checkInterface(type, id, start);
            units = (Bytes.u32(b, p + 12, swap) << 32) | Bytes.u32(b, p + 16, swap);
            capLen = Bytes.i32(b, p + 20, swap);
            origLen = Bytes.i32(b, p + 24, swap);
            if (Integer.compareUnsigned(capLen, MAX_CAPTURED_LENGTH) > 0) {
                throw fail(start, "captured length " + Integer.toUnsignedString(capLen) + " exceeds " + MAX_CAPTURED_LENGTH);
            }
            if (capLen > length - 32) {
                throw fail(start, "captured length " + capLen + " exceeds the " + (length - 32)
                        + " bytes the block has room for");
            }
            dataStart = p + 28;
        }
        interfaceId = id;
        linkType = ifLinkType[id];
        timestampNanos = type == SPB ? 0 : toNanos(id, units);
        capturedLength = capLen;
        originalLength = origLen;
        data = b;
        offset = dataStart;
        fileOffset = start;
        frameNumber++;
        in.pos = p + length;
    }

    private void checkInterface(int type, int id, long start) {
        if (id < 0 || id >= interfaces) {
            throw fail(start, blockName(type) + " refers to interface " + Integer.toUnsignedString(id) + " but the section has "
                    + (interfaces == 0 ? "no interface description block" : interfaces + " interface(s)"));
        }
    }

    private static String blockName(int type) {
        return switch (type) {
            case SHB -> "section header block";
            case IDB -> "interface description block";
            case EPB -> "enhanced packet block";
            case PB -> "packet block";
            case SPB -> "simple packet block";
            default -> "block of type 0x" + Integer.toHexString(type);
        };
    }
}
