package dev.macsec.live;

import dev.macsec.capture.CaptureFormat;
import dev.macsec.capture.CaptureReader;
import dev.macsec.error.InputException;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.file.Path;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A {@link CaptureReader} over a live interface ({@link LivePcap}: immediate mode, a BPF filter, a capture thread),
 * handing copies to the reader through a bounded queue. Stops at a frame count, a duration, or {@link #stop()}.
 */
public final class LiveCaptureReader implements CaptureReader {
    private static final int QUEUE_FRAMES = 65_536;

    private record Packet(byte[] data, long timestampNanos, int originalLength) {
    }

    private final String interfaceName;
    private final LivePcap pcap;
    private final BlockingQueue<Packet> queue = new ArrayBlockingQueue<>(QUEUE_FRAMES);
    private final long maxFrames;
    private final long deadlineNanos;
    private final int linkType;
    private volatile boolean stopped;
    private Packet current;
    private long frameNumber;

    /**
     * @param maxFrames   stop after this many frames (0: no limit)
     * @param durationMs  stop after this long (0: no limit)
     */
    public LiveCaptureReader(String interfaceName, String bpf, long maxFrames, long durationMs) {
        this.interfaceName = interfaceName;
        this.maxFrames = maxFrames;
        this.deadlineNanos = durationMs > 0 ? System.nanoTime() + durationMs * 1_000_000L : Long.MAX_VALUE;
        LivePcap.Sink sink = (data, nanos, original) -> {
            try {
                queue.put(new Packet(data, nanos, original));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        };
        try {
            this.pcap = LivePcap.open(interfaceName, bpf,
                    new LivePcap.Options(CaptureReader.MAX_FRAME_LENGTH, 100, false, false), sink,
                    "macsec-capture-" + interfaceName);
        } catch (LivePcap.OpenException e) {
            throw new InputException(e.libpcapMissing() ? LivePcap.LIBPCAP_MISSING
                    : interfaceName + ": cannot capture: " + e.getMessage()
                    + " (capturing needs root or CAP_NET_RAW; list interfaces with 'macsec interfaces')");
        }
        this.linkType = pcap.linkType();
    }

    /** Ends the capture from any thread (Ctrl-C): {@link #next()} returns false once the queue is drained. */
    public void stop() {
        stopped = true;
    }

    @Override
    public boolean next() throws IOException {
        while (true) {
            if (maxFrames > 0 && frameNumber >= maxFrames) {
                return false;
            }
            Packet p;
            try {
                p = queue.poll(50, TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new InterruptedIOException("capture interrupted");
            }
            if (p != null) {
                current = p;
                frameNumber++;
                return true;
            }
            if (pcap.failure() != null) {
                throw new InputException(interfaceName + ": capture failed: " + pcap.failure().getMessage());
            }
            if (stopped || System.nanoTime() > deadlineNanos || !pcap.capturing()) {
                return false;
            }
        }
    }

    @Override
    public byte[] data() {
        return current.data();
    }

    @Override
    public int offset() {
        return 0;
    }

    @Override
    public int capturedLength() {
        return current.data().length;
    }

    @Override
    public int originalLength() {
        return current.originalLength();
    }

    @Override
    public long timestampNanos() {
        return current.timestampNanos();
    }

    @Override
    public int linkType() {
        return linkType;
    }

    @Override
    public int interfaceId() {
        return 0;
    }

    @Override
    public long frameNumber() {
        return frameNumber;
    }

    @Override
    public long fileOffset() {
        return 0;
    }

    @Override
    public CaptureFormat format() {
        return CaptureFormat.PCAP;
    }

    @Override
    public Path path() {
        return Path.of(interfaceName);
    }

    /** Frames libpcap or the kernel dropped, or -1 when unknown. */
    public long dropped() {
        return pcap.dropped();
    }

    @Override
    public void close() {
        stopped = true;
        pcap.close();
    }
}
