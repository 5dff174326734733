package dev.macsec.conformance.link;

import dev.macsec.error.InputException;
import org.pcap4j.core.NotOpenException;
import org.pcap4j.core.PcapHandle;
import org.pcap4j.core.PcapNativeException;
import org.pcap4j.core.Pcaps;

import java.io.EOFException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.TimeoutException;

/**
 * Replays a capture file (pcap or pcapng, through libpcap) as the frames "received" from a device,
 * in file order and without waiting; frames sent are only recorded ({@link #sent()}). Lets a suite
 * run against a recorded session.
 */
public final class PcapFileLink implements FrameLink {
    private final Path file;
    private final PcapHandle handle;
    private final List<byte[]> sent = new ArrayList<>();
    private int index;
    private boolean exhausted;

    public PcapFileLink(Path file) {
        this.file = file;
        if (!Files.isReadable(file)) {
            throw new InputException(file + ": cannot read capture file");
        }
        try {
            handle = Pcaps.openOffline(file.toString(), PcapHandle.TimestampPrecision.MICRO);
        } catch (PcapNativeException e) {
            throw new InputException(file + ": not a capture libpcap can read (" + e.getMessage() + ")", e);
        }
    }

    @Override
    public synchronized void send(byte[] frame, int off, int len) {
        sent.add(java.util.Arrays.copyOfRange(frame, off, off + len));
    }

    /** The next frame of the file, or null at its end (the timeout is not waited for). */
    @Override
    public synchronized Frame receive(Duration timeout) {
        if (exhausted) {
            return null;
        }
        try {
            byte[] data = handle.getNextRawPacketEx();
            java.sql.Timestamp ts = handle.getTimestamp();
            index++;
            long micros = Math.floorDiv(ts.getTime(), 1000) * 1_000_000L + ts.getNanos() / 1_000;
            return new Frame(data, micros);
        } catch (EOFException e) {
            exhausted = true;
            return null;
        } catch (TimeoutException e) {
            return null;
        } catch (PcapNativeException | NotOpenException e) {
            exhausted = true;
            throw new InputException(file + ": frame " + (index + 1) + ": " + e.getMessage(), e);
        }
    }

    /** Frames given to {@link #send}, in order. */
    public synchronized List<byte[]> sent() {
        return Collections.unmodifiableList(new ArrayList<>(sent));
    }

    @Override
    public synchronized void close() {
        handle.close();
    }
}
