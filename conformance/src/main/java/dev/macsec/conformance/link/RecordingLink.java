package dev.macsec.conformance.link;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * Decorates a link and records every frame sent and received, in the order they pass, to a classic
 * pcap file (Ethernet). Each frame is flushed so the file is usable even if the run dies.
 */
public final class RecordingLink implements FrameLink {
    private final FrameLink inner;
    private final MiniPcapWriter writer;
    private final boolean closeInner;
    private int frames;

    public RecordingLink(FrameLink inner, Path pcapFile) {
        this(inner, pcapFile, true);
    }

    /** @param closeInner whether {@link #close()} closes {@code inner} too (false: one recording per test on a shared link) */
    public RecordingLink(FrameLink inner, Path pcapFile, boolean closeInner) {
        this.inner = inner;
        this.closeInner = closeInner;
        try {
            this.writer = new MiniPcapWriter(Files.newOutputStream(pcapFile));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create " + pcapFile, e);
        }
    }

    @Override
    public void send(byte[] frame, int off, int len) throws IOException {
        inner.send(frame, off, len);
        synchronized (writer) {
            writer.write(Frame.nowMicros(), frame, off, len);
            frames++;
        }
    }

    @Override
    public Frame receive(Duration timeout) throws IOException {
        Frame f = inner.receive(timeout);
        if (f != null) {
            synchronized (writer) {
                writer.write(f.timestampMicros(), f.data(), 0, f.length());
                frames++;
            }
        }
        return f;
    }

    /** Frames recorded so far (both directions). */
    public synchronized int frames() {
        synchronized (writer) {
            return frames;
        }
    }

    public FrameLink inner() {
        return inner;
    }

    @Override
    public void close() {
        try {
            if (closeInner) {
                inner.close();
            }
        } finally {
            synchronized (writer) {
                writer.close();
            }
        }
    }

    /**
     * The smallest classic-pcap writer that works (LINKTYPE_ETHERNET, microseconds).
     * TODO replace with dev.macsec.capture.PcapWriter once it lands on main.
     */
    static final class MiniPcapWriter implements AutoCloseable {
        private final OutputStream out;
        private final byte[] header = new byte[16];

        MiniPcapWriter(OutputStream out) throws IOException {
            this.out = out;
            byte[] global = new byte[24];
            putLe32(global, 0, 0xa1b2c3d4);
            putLe16(global, 4, 2);
            putLe16(global, 6, 4);
            putLe32(global, 16, 65_535);
            putLe32(global, 20, 1);
            out.write(global);
            out.flush();
        }

        void write(long micros, byte[] data, int off, int len) throws IOException {
            putLe32(header, 0, (int) Math.floorDiv(micros, 1_000_000L));
            putLe32(header, 4, (int) Math.floorMod(micros, 1_000_000L));
            putLe32(header, 8, len);
            putLe32(header, 12, len);
            out.write(header);
            out.write(data, off, len);
            out.flush();
        }

        @Override
        public void close() {
            try {
                out.close();
            } catch (IOException ignored) {
                // nothing left to save
            }
        }

        private static void putLe32(byte[] b, int at, int v) {
            b[at] = (byte) v;
            b[at + 1] = (byte) (v >>> 8);
            b[at + 2] = (byte) (v >>> 16);
            b[at + 3] = (byte) (v >>> 24);
        }

        private static void putLe16(byte[] b, int at, int v) {
            b[at] = (byte) v;
            b[at + 1] = (byte) (v >>> 8);
        }
    }
}
