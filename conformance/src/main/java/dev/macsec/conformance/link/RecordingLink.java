package dev.macsec.conformance.link;

import dev.macsec.capture.PcapWriter;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;

/**
 * Decorates a link and records every frame sent and received, in the order they pass, to a classic
 * pcap file (Ethernet). Each frame is flushed so the file is usable even if the run dies.
 */
public final class RecordingLink implements FrameLink {
    private final FrameLink inner;
    private final PcapWriter writer;
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
            this.writer = PcapWriter.create(pcapFile);
            writer.flush();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create " + pcapFile, e);
        }
    }

    @Override
    public void send(byte[] frame, int off, int len) throws IOException {
        inner.send(frame, off, len);
        synchronized (writer) {
            writer.write(frame, off, len, Frame.nowMicros() * 1_000L);
            writer.flush();
            frames++;
        }
    }

    @Override
    public Frame receive(Duration timeout) throws IOException {
        Frame f = inner.receive(timeout);
        if (f != null) {
            synchronized (writer) {
                writer.write(f.data(), 0, f.length(), f.timestampMicros() * 1_000L);
                writer.flush();
                frames++;
            }
        }
        return f;
    }

    /**
     * Records a frame that did not cross this link but belongs to its story, now: e.g. the tester's RADIUS
     * datagrams to its AAA server, wrapped as the IPv4/UDP frames they were on the host's loopback.
     */
    public void record(byte[] frame) throws IOException {
        synchronized (writer) {
            writer.write(frame, 0, frame.length, Frame.nowMicros() * 1_000L);
            writer.flush();
            frames++;
        }
    }

    /** Frames recorded so far (both directions). */
    public int frames() {
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
                try {
                    writer.close();
                } catch (IOException ignored) {
                    // every frame was flushed when it passed: nothing left to save
                }
            }
        }
    }
}
