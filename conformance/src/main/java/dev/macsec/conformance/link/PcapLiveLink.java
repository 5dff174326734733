package dev.macsec.conformance.link;

import org.pcap4j.core.BpfProgram;
import org.pcap4j.core.NotOpenException;
import org.pcap4j.core.PcapHandle;
import org.pcap4j.core.PcapNativeException;
import org.pcap4j.core.PcapNetworkInterface;
import org.pcap4j.core.RawPacketListener;

import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A live interface through libpcap (pcap4j): frames are injected with {@code pcap_sendpacket} and
 * captured in immediate mode by a capture thread into a bounded queue. Only inbound frames are
 * captured, so what we inject does not come back to us. When the queue is full, new frames are
 * dropped and counted ({@link #dropped()}) rather than blocking libpcap.
 * Needs CAP_NET_RAW (root) on Linux.
 */
public final class PcapLiveLink implements FrameLink {
    private static final int SNAPLEN = 65_535;

    private final PcapHandle rx;
    private final PcapHandle tx;
    private final BlockingQueue<Frame> queue;
    private final AtomicLong dropped = new AtomicLong();
    private final Thread captureThread;
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
        PcapHandle in = null;
        try {
            in = new PcapHandle.Builder(interfaceName)
                    .snaplen(SNAPLEN)
                    .promiscuousMode(PcapNetworkInterface.PromiscuousMode.PROMISCUOUS)
                    .immediateMode(true)
                    .timeoutMillis(10)
                    .direction(PcapHandle.PcapDirection.IN)
                    .build();
            if (bpfFilter != null && !bpfFilter.isBlank()) {
                in.setFilter(bpfFilter, BpfProgram.BpfCompileMode.OPTIMIZE);
            }
            // a separate handle for injection keeps sendPacket off the handle the loop thread owns
            tx = new PcapHandle.Builder(interfaceName).snaplen(SNAPLEN).timeoutMillis(10).build();
        } catch (PcapNativeException | NotOpenException e) {
            if (in != null) {
                in.close();
            }
            throw new IOException("cannot open " + interfaceName + " with libpcap"
                    + (bpfFilter == null ? "" : " (filter '" + bpfFilter + "')") + ": " + e.getMessage(), e);
        }
        rx = in;
        RawPacketListener listener = packet -> {
            long ts = micros(rx.getTimestamp());
            if (!queue.offer(new Frame(packet, ts))) {
                dropped.incrementAndGet();
            }
        };
        captureThread = Thread.ofPlatform().daemon().name("pcap-" + interfaceName).start(() -> {
            try {
                rx.loop(-1, listener);
            } catch (InterruptedException e) {
                // breakLoop from close()
            } catch (PcapNativeException | NotOpenException e) {
                if (!closed) {
                    System.err.println("pcap capture on " + interfaceName + " stopped: " + e.getMessage());
                }
            }
        });
    }

    private static long micros(java.sql.Timestamp ts) {
        if (ts == null) {
            return Frame.nowMicros();
        }
        return Math.floorDiv(ts.getTime(), 1000) * 1_000_000L + ts.getNanos() / 1_000;
    }

    @Override
    public void send(byte[] frame, int off, int len) throws IOException {
        byte[] bytes = frame;
        if (off != 0) {
            bytes = java.util.Arrays.copyOfRange(frame, off, off + len);
        }
        try {
            tx.sendPacket(bytes, len);
        } catch (PcapNativeException | NotOpenException e) {
            throw new IOException("pcap_sendpacket failed: " + e.getMessage(), e);
        }
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
        try {
            rx.breakLoop();
        } catch (NotOpenException ignored) {
            // already closed
        }
        try {
            captureThread.join(1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        rx.close();
        tx.close();
    }
}
