package dev.macsec.live;

import java.io.IOException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.pcap4j.core.BpfProgram.BpfCompileMode;
import org.pcap4j.core.NotOpenException;
import org.pcap4j.core.PcapAddress;
import org.pcap4j.core.PcapNetworkInterface;
import org.pcap4j.core.Pcaps;
import org.pcap4j.core.PcapHandle;
import org.pcap4j.core.PcapNativeException;
import org.pcap4j.core.PcapNetworkInterface.PromiscuousMode;
import org.pcap4j.core.RawPacketListener;

/**
 * The one place that drives libpcap (pcap4j) on a live interface, for the {@code capture} command and the
 * conformance harness's live link: a promiscuous, immediate-mode handle with an optional BPF filter, pcap4j's
 * {@code loop} with raw packets on a daemon thread (several times faster than polling for packets) handing each
 * frame to a {@link Sink}, and optionally a second handle for injection, which keeps {@code pcap_sendpacket} off
 * the handle the loop thread owns. No pcap4j type crosses this class's API.
 */
public final class LivePcap implements AutoCloseable {

    /** Receives each captured frame on the capture thread; must not block for long. */
    @FunctionalInterface
    public interface Sink {
        /**
         * @param data            the captured octets (the sink may keep the array)
         * @param timestampNanos  capture time, nanoseconds since the epoch
         * @param originalLength  the frame's length on the wire (at least {@code data.length})
         */
        void frame(byte[] data, long timestampNanos, int originalLength);

        /** The capture loop failed (not on {@link #close()}): no frame follows. Also kept as {@link #failure()}. */
        default void failed(Exception e) {
        }
    }

    /**
     * How to open the interface.
     *
     * @param snaplen       octets kept of each frame
     * @param timeoutMillis libpcap's read timeout
     * @param inboundOnly   capture only frames coming in, so that what we inject does not come back to us
     * @param canSend       open a second handle for {@link #send}
     */
    public record Options(int snaplen, int timeoutMillis, boolean inboundOnly, boolean canSend) {
    }

    /** What a user reads when libpcap cannot be loaded, with what to install. */
    public static final String LIBPCAP_MISSING = "libpcap is not installed (apt-get install libpcap0.8)";

    /** libpcap refused the interface or the filter, or is not installed. */
    public static final class OpenException extends IOException {
        private final boolean libpcapMissing;

        OpenException(String message, Throwable cause, boolean libpcapMissing) {
            super(message, cause);
            this.libpcapMissing = libpcapMissing;
        }

        /** Whether libpcap itself could not be loaded (rather than the interface opened). */
        public boolean libpcapMissing() {
            return libpcapMissing;
        }
    }

    private final PcapHandle rx;
    private final PcapHandle tx;
    private final Thread loopThread;
    private volatile boolean closed;
    private volatile Exception loopFailure;

    private LivePcap(PcapHandle rx, PcapHandle tx, Sink sink, String threadName) {
        this.rx = rx;
        this.tx = tx;
        RawPacketListener listener = packet -> {
            Integer wire = rx.getOriginalLength();
            sink.frame(packet, nanos(rx.getTimestamp()), Math.max(wire == null ? packet.length : wire, packet.length));
        };
        this.loopThread = Thread.ofPlatform().daemon().name(threadName).start(() -> {
            try {
                rx.loop(-1, listener);
            } catch (InterruptedException e) {
                // breakLoop() ends the loop this way: a normal stop
            } catch (PcapNativeException | NotOpenException e) {
                if (!closed) {
                    loopFailure = e;
                    sink.failed(e);
                }
            }
        });
    }

    /** An interface libpcap can capture on, as {@code macsec interfaces} lists it. */
    public record Interface(String name, String description, List<String> addresses, boolean loopback, boolean up) {
    }

    /** Every interface libpcap offers, in its order. */
    public static List<Interface> interfaces() throws OpenException {
        try {
            List<Interface> found = new ArrayList<>();
            for (PcapNetworkInterface dev : Pcaps.findAllDevs()) {
                List<String> addresses = new ArrayList<>();
                for (PcapAddress address : dev.getAddresses()) {
                    if (address.getAddress() != null) {
                        addresses.add(address.getAddress().getHostAddress());
                    }
                }
                found.add(new Interface(dev.getName(), dev.getDescription(), List.copyOf(addresses), dev.isLoopBack(),
                        dev.isUp()));
            }
            return found;
        } catch (PcapNativeException e) {
            throw new OpenException(e.getMessage(), e, false);
        } catch (UnsatisfiedLinkError | NoClassDefFoundError e) {
            throw new OpenException(LIBPCAP_MISSING, e, true);
        }
    }

    /** Opens {@code interfaceName} and starts capturing into {@code sink} on a thread named {@code threadName}. */
    public static LivePcap open(String interfaceName, String bpf, Options options, Sink sink, String threadName)
            throws OpenException {
        PcapHandle in = null;
        try {
            PcapHandle.Builder b = new PcapHandle.Builder(interfaceName)
                    .snaplen(options.snaplen())
                    .promiscuousMode(PromiscuousMode.PROMISCUOUS)
                    .timeoutMillis(options.timeoutMillis())
                    .immediateMode(true);
            if (options.inboundOnly()) {
                b.direction(PcapHandle.PcapDirection.IN);
            }
            in = b.build();
            if (bpf != null && !bpf.isBlank()) {
                in.setFilter(bpf, BpfCompileMode.OPTIMIZE);
            }
            PcapHandle out = options.canSend()
                    ? new PcapHandle.Builder(interfaceName).snaplen(options.snaplen()).timeoutMillis(10).build()
                    : null;
            return new LivePcap(in, out, sink, threadName);
        } catch (PcapNativeException | NotOpenException e) {
            if (in != null) {
                in.close();
            }
            throw new OpenException(e.getMessage(), e, false);
        } catch (UnsatisfiedLinkError | NoClassDefFoundError e) {
            throw new OpenException(LIBPCAP_MISSING, e, true);
        }
    }

    private static long nanos(Timestamp ts) {
        if (ts == null) {
            Instant now = Instant.now();
            return now.getEpochSecond() * 1_000_000_000L + now.getNano();
        }
        return Math.floorDiv(ts.getTime(), 1000) * 1_000_000_000L + ts.getNanos();
    }

    /** libpcap's link-layer type of the interface (DLT_EN10MB for Ethernet). */
    public int linkType() {
        return rx.getDlt().value();
    }

    /** Injects {@code len} octets of {@code frame} from offset 0; needs {@link Options#canSend}. */
    public void send(byte[] frame, int len) throws IOException {
        if (tx == null) {
            throw new IllegalStateException("opened without canSend");
        }
        try {
            tx.sendPacket(frame, len);
        } catch (PcapNativeException | NotOpenException e) {
            throw new IOException("pcap_sendpacket failed: " + e.getMessage(), e);
        }
    }

    /** Why the capture loop ended, if it failed (null while it runs or after a normal stop). */
    public Exception failure() {
        return loopFailure;
    }

    /** Whether the capture loop still runs. */
    public boolean capturing() {
        return loopThread.isAlive();
    }

    /** Frames libpcap or the kernel dropped, or -1 when unknown. */
    public long dropped() {
        try {
            var stats = rx.getStats();
            return stats.getNumPacketsDropped() + stats.getNumPacketsDroppedByIf();
        } catch (PcapNativeException | NotOpenException | UnsupportedOperationException e) {
            return -1;
        }
    }

    /** Stops the capture loop and closes the handles. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            rx.breakLoop();
        } catch (NotOpenException e) {
            // already closed
        }
        try {
            loopThread.join(1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        rx.close();
        if (tx != null) {
            tx.close();
        }
    }
}
