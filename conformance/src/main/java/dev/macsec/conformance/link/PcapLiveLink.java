package dev.macsec.conformance.link;

import dev.macsec.live.LivePcap;

import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A live interface through libpcap ({@link LivePcap}): frames are injected with {@code pcap_sendpacket} and
 * captured in immediate mode by a capture thread into a bounded queue. Only inbound frames are
 * captured, so what we inject does not come back to us. When the queue is full, new frames are
 * dropped and counted ({@link #dropped()}) rather than blocking libpcap.
 * Needs CAP_NET_RAW (root) on Linux.
 */
public final class PcapLiveLink implements FrameLink {
    private static final int SNAPLEN = 65_535;

    private final LivePcap pcap;
    private final BlockingQueue<Frame> queue;
    private final AtomicLong dropped = new AtomicLong();
    private final String description;
    private volatile boolean closed;

    /**
     * @param interfaceName e.g. {@code veth0}
     * @param bpfFilter     capture filter, or null/blank for every frame
     * @param queueCapacity frames buffered between the capture thread and {@link #receive}
     */
    public PcapLiveLink(String interfaceName, String bpfFilter, int queueCapacity) throws IOException {
        this.queue = new ArrayBlockingQueue<>(queueCapacity);
        this.description = "PcapLiveLink[" + interfaceName + (bpfFilter == null || bpfFilter.isBlank() ? "" : ", " + bpfFilter) + "]";
        LivePcap.Sink sink = new LivePcap.Sink() {
            @Override
            public void frame(byte[] data, long timestampNanos, int originalLength) {
                if (!queue.offer(new Frame(data, Math.floorDiv(timestampNanos, 1_000L)))) {
                    dropped.incrementAndGet();
                }
            }

            @Override
            public void failed(Exception e) {
                System.err.println("pcap capture on " + interfaceName + " stopped: " + e.getMessage());
            }
        };
        try {
            pcap = LivePcap.open(interfaceName, bpfFilter, new LivePcap.Options(SNAPLEN, 10, true, true), sink,
                    "pcap-" + interfaceName);
        } catch (LivePcap.OpenException e) {
            throw new IOException("cannot open " + interfaceName + " with libpcap"
                    + (bpfFilter == null ? "" : " (filter '" + bpfFilter + "')") + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void send(byte[] frame, int off, int len) throws IOException {
        byte[] bytes = frame;
        if (off != 0) {
            bytes = java.util.Arrays.copyOfRange(frame, off, off + len);
        }
        pcap.send(bytes, len);
    }

    @Override
    public Frame receive(Duration timeout) throws IOException {
        try {
            return queue.poll(timeout.toNanos(), TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    /** Empties the queue without waiting (the capture thread keeps filling it as frames arrive). */
    @Override
    public int drain() {
        int n = 0;
        while (queue.poll() != null) {
            n++;
        }
        return n;
    }

    /** Frames dropped because the queue was full. */
    public long dropped() {
        return dropped.get();
    }

    @Override
    public String toString() {
        return description;
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        pcap.close();
    }
}
