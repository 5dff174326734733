package dev.macsec.capture;

import dev.macsec.error.InputException;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.file.Path;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import org.pcap4j.core.BpfProgram.BpfCompileMode;
import org.pcap4j.core.NotOpenException;
import org.pcap4j.core.PcapHandle;
import org.pcap4j.core.PcapNativeException;
import org.pcap4j.core.PcapNetworkInterface.PromiscuousMode;
import org.pcap4j.core.RawPacketListener;

/**
 * A {@link CaptureReader} over a live interface through libpcap (pcap4j): immediate mode, a BPF filter, and
 * pcap4j's {@code loop} with raw packets on a capture thread (several times faster than polling for packets),
 * handing copies to the reader through a bounded queue. Stops at a frame count, a duration, or {@link #stop()}.
 */
public final class LiveCaptureReader implements CaptureReader {
    private static final int QUEUE_FRAMES = 65_536;

    private record Packet(byte[] data, long timestampNanos, int originalLength) {
    }

    private final String interfaceName;
    private final PcapHandle handle;
    private final BlockingQueue<Packet> queue = new ArrayBlockingQueue<>(QUEUE_FRAMES);
    private final Thread loopThread;
    private final long maxFrames;
    private final long deadlineNanos;
    private final int linkType;
    private volatile boolean stopped;
    private volatile Exception loopFailure;
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
        try {
            this.handle = new PcapHandle.Builder(interfaceName)
                    .snaplen(CaptureCursor.MAX_CAPTURED_LENGTH)
                    .promiscuousMode(PromiscuousMode.PROMISCUOUS)
                    .timeoutMillis(100)
                    .immediateMode(true)
                    .build();
            if (bpf != null && !bpf.isBlank()) {
                handle.setFilter(bpf, BpfCompileMode.OPTIMIZE);
            }
            this.linkType = handle.getDlt().value();
        } catch (PcapNativeException | NotOpenException e) {
            throw new InputException(interfaceName + ": cannot capture: " + e.getMessage()
                    + " (capturing needs root or CAP_NET_RAW; list interfaces with 'macsec interfaces')");
        } catch (UnsatisfiedLinkError | NoClassDefFoundError e) {
            throw new InputException("libpcap is not installed (apt-get install libpcap0.8)");
        }
        RawPacketListener listener = packet -> {
            java.sql.Timestamp ts = handle.getTimestamp();
            long nanos = ts.getTime() / 1000 * 1_000_000_000L + ts.getNanos();
            Integer wire = handle.getOriginalLength();
            int original = wire == null ? packet.length : wire;
            try {
                queue.put(new Packet(packet, nanos, Math.max(original, packet.length)));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        };
        this.loopThread = new Thread(() -> {
            try {
                handle.loop(-1, listener);
            } catch (InterruptedException e) {
                // breakLoop() ends the loop this way: a normal stop
            } catch (PcapNativeException | NotOpenException e) {
                loopFailure = e;
            }
        }, "macsec-capture-" + interfaceName);
        loopThread.setDaemon(true);
        loopThread.start();
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
            if (loopFailure != null) {
                throw new InputException(interfaceName + ": capture failed: " + loopFailure.getMessage());
            }
            if (stopped || System.nanoTime() > deadlineNanos || !loopThread.isAlive()) {
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
        try {
            var stats = handle.getStats();
            return stats.getNumPacketsDropped() + stats.getNumPacketsDroppedByIf();
        } catch (PcapNativeException | NotOpenException | UnsupportedOperationException e) {
            return -1;
        }
    }

    @Override
    public void close() {
        stopped = true;
        try {
            handle.breakLoop();
        } catch (NotOpenException e) {
            // already closed
        }
        try {
            loopThread.join(1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        handle.close();
    }
}
