package dev.macsec.capture;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import java.util.zip.GZIPOutputStream;

/** Little builders for pcap and pcapng bytes, written from the format specifications, for reader tests. */
final class CaptureBytes {
    private CaptureBytes() {
    }

    static byte[] frame(int length, int seed) {
        byte[] b = new byte[length];
        new Random(seed).nextBytes(b);
        return b;
    }

    static byte[] gzip(byte[] plain) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
            gz.write(plain);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    static Path write(Path dir, String name, byte[] content) throws IOException {
        Path file = dir.resolve(name);
        Files.write(file, content);
        return file;
    }

    /** Classic pcap. */
    static final class Pcap {
        private final ByteArrayOutputStream out = new ByteArrayOutputStream();
        private final ByteOrder order;
        private final boolean nanos;

        Pcap(ByteOrder order, boolean nanos, int linkType, int snaplen) {
            this.order = order;
            this.nanos = nanos;
            ByteBuffer h = ByteBuffer.allocate(24).order(order);
            h.putInt(nanos ? 0xA1B23C4D : 0xA1B2C3D4).putShort((short) 2).putShort((short) 4)
                    .putInt(0).putInt(0).putInt(snaplen).putInt(linkType);
            out.writeBytes(h.array());
        }

        static Pcap ethernet() {
            return new Pcap(ByteOrder.LITTLE_ENDIAN, false, 1, 262144);
        }

        /** Appends a record; returns its byte offset. */
        int record(long seconds, long fraction, byte[] data, int capLen, int origLen) {
            int at = out.size();
            ByteBuffer r = ByteBuffer.allocate(16).order(order);
            r.putInt((int) seconds).putInt((int) fraction).putInt(capLen).putInt(origLen);
            out.writeBytes(r.array());
            out.write(data, 0, Math.min(data.length, Math.max(capLen, 0)));
            return at;
        }

        int record(long seconds, long fraction, byte[] data) {
            return record(seconds, fraction, data, data.length, data.length);
        }

        int size() {
            return out.size();
        }

        boolean nanos() {
            return nanos;
        }

        Pcap raw(byte[] bytes) {
            out.writeBytes(bytes);
            return this;
        }

        byte[] bytes() {
            return out.toByteArray();
        }
    }

    /** pcapng; every method appends one block in the current section's byte order. */
    static final class Pcapng {
        private final ByteArrayOutputStream out = new ByteArrayOutputStream();
        private ByteOrder order;

        Pcapng(ByteOrder order) {
            section(order);
        }

        /** Starts a new section (section header block) in the given byte order; returns its offset. */
        int section(ByteOrder order) {
            this.order = order;
            ByteBuffer body = buffer(16);
            body.putInt(0x1A2B3C4D).putShort((short) 1).putShort((short) 0).putLong(-1L);
            return block(0x0A0D0D0A, body.array());
        }

        /** Interface description block; tsresol is the raw option byte or -1 to leave the default. */
        int interfaceBlock(int linkType, int snaplen, int tsresol, Long tsoffsetSeconds) {
            ByteArrayOutputStream body = new ByteArrayOutputStream();
            body.writeBytes(buffer(8).putShort((short) linkType).putShort((short) 0).putInt(snaplen).array());
            body.writeBytes(option(2, "eth-test".getBytes(StandardCharsets.US_ASCII))); // if_name, ignored
            if (tsresol >= 0) {
                body.writeBytes(option(9, new byte[]{(byte) tsresol}));
            }
            if (tsoffsetSeconds != null) {
                body.writeBytes(option(14, buffer(8).putLong(tsoffsetSeconds).array()));
            }
            body.writeBytes(buffer(4).putShort((short) 0).putShort((short) 0).array());
            return block(1, body.toByteArray());
        }

        int enhancedPacket(int interfaceId, long units, byte[] data, int origLen) {
            return enhancedPacket(interfaceId, units, data, data.length, origLen, true);
        }

        int enhancedPacket(int interfaceId, long units, byte[] data, int capLen, int origLen, boolean withComment) {
            ByteArrayOutputStream body = new ByteArrayOutputStream();
            body.writeBytes(buffer(20).putInt(interfaceId).putInt((int) (units >>> 32)).putInt((int) units)
                    .putInt(capLen).putInt(origLen).array());
            body.writeBytes(padded(data));
            if (withComment) {
                body.writeBytes(option(1, "comment".getBytes(StandardCharsets.US_ASCII)));
                body.writeBytes(buffer(4).array());
            }
            return block(6, body.toByteArray());
        }

        int obsoletePacket(int interfaceId, long units, byte[] data, int origLen) {
            ByteArrayOutputStream body = new ByteArrayOutputStream();
            body.writeBytes(buffer(20).putShort((short) interfaceId).putShort((short) 0).putInt((int) (units >>> 32))
                    .putInt((int) units).putInt(data.length).putInt(origLen).array());
            body.writeBytes(padded(data));
            return block(2, body.toByteArray());
        }

        int simplePacket(byte[] data, int origLen) {
            ByteArrayOutputStream body = new ByteArrayOutputStream();
            body.writeBytes(buffer(4).putInt(origLen).array());
            body.writeBytes(padded(data));
            return block(3, body.toByteArray());
        }

        /** Any block, correctly framed. */
        int block(int type, byte[] body) {
            int at = out.size();
            int total = 12 + body.length;
            out.writeBytes(buffer(8).putInt(type).putInt(total).array());
            out.writeBytes(body);
            out.writeBytes(buffer(4).putInt(total).array());
            return at;
        }

        /** A block whose leading and trailing lengths are given explicitly (for damage). */
        int rawBlock(int type, int leading, byte[] body, int trailing) {
            int at = out.size();
            out.writeBytes(buffer(8).putInt(type).putInt(leading).array());
            out.writeBytes(body);
            out.writeBytes(buffer(4).putInt(trailing).array());
            return at;
        }

        Pcapng raw(byte[] bytes) {
            out.writeBytes(bytes);
            return this;
        }

        int size() {
            return out.size();
        }

        byte[] bytes() {
            return out.toByteArray();
        }

        ByteBuffer buffer(int n) {
            return ByteBuffer.allocate(n).order(order);
        }

        private byte[] option(int code, byte[] value) {
            ByteBuffer o = buffer(4 + ((value.length + 3) & ~3));
            o.putShort((short) code).putShort((short) value.length).put(value);
            return o.array();
        }

        private static byte[] padded(byte[] data) {
            byte[] p = new byte[(data.length + 3) & ~3];
            System.arraycopy(data, 0, p, 0, data.length);
            return p;
        }
    }
}
