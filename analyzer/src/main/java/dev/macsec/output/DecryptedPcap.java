package dev.macsec.output;

import dev.macsec.analysis.FrameRecord;
import dev.macsec.capture.PcapWriter;
import java.io.IOException;
import java.nio.file.Path;
import java.util.function.Consumer;

/**
 * {@code -w}: the capture as plain Ethernet, SecTAG and ICV removed from every verified frame, timestamps kept,
 * so it opens in Wireshark. Frames that did not verify are left out, or kept as captured with {@code keepFailed}.
 *
 * <p>Whatever the readers accepted is written or left out with a warning, never a reason to stop the run: an original
 * length below the captured one is raised to it (as editcap does), and a frame whose time a classic pcap cannot hold
 * is left out, the first one named, the others counted when the file is closed.
 */
public final class DecryptedPcap implements AutoCloseable {
    private final PcapWriter writer;
    private final boolean keepFailed;
    private final Consumer<String> warn;
    private long written;
    private long skipped;
    private long outOfRange;

    /** {@code warn} gets one line per problem worth telling, without the program's name. */
    public DecryptedPcap(Path file, boolean keepFailed, Consumer<String> warn) throws IOException {
        this.writer = PcapWriter.create(file);
        this.keepFailed = keepFailed;
        this.warn = warn;
    }

    public void frame(FrameRecord r) throws IOException {
        if (r.linkType() != 1) {
            skipped++;
            return;
        }
        boolean plain = r.hasPlaintext();
        if (!plain && r.isMacsec() && !keepFailed) {
            skipped++;
            return;
        }
        if (!PcapWriter.representable(r.timestampNanos())) {
            skipped++;
            if (outOfRange++ == 0) {
                warn.accept(r.file() + ": frame " + r.fileFrameNumber() + ": time " + JsonView.time(r.timestampNanos())
                        + " is outside what a pcap file can hold (1970 to 2106): left out of " + writer.path());
            }
            return;
        }
        if (plain) {
            writer.write(r.plain(), r.plainOffset(), r.plainLength(), r.timestampNanos());
        } else {
            writer.write(r.data(), r.offset(), r.capturedLength(), r.timestampNanos(),
                    Math.max(r.originalLength(), r.capturedLength()));
        }
        written++;
    }

    public long written() {
        return written;
    }

    public long skipped() {
        return skipped;
    }

    @Override
    public void close() throws IOException {
        writer.close();
        if (outOfRange > 1) {
            warn.accept((outOfRange - 1) + " more frame(s) with a time outside 1970 to 2106 left out of " + writer.path());
        }
    }
}
