package dev.macsec.output;

import dev.macsec.analysis.FrameRecord;
import dev.macsec.capture.PcapWriter;
import java.io.IOException;
import java.nio.file.Path;

/**
 * {@code -w}: the capture as plain Ethernet, SecTAG and ICV removed from every verified frame, timestamps kept,
 * so it opens in Wireshark. Frames that did not verify are left out, or kept as captured with {@code keepFailed}.
 */
public final class DecryptedPcap implements AutoCloseable {
    private final PcapWriter writer;
    private final boolean keepFailed;
    private long written;
    private long skipped;

    public DecryptedPcap(Path file, boolean keepFailed) throws IOException {
        this.writer = PcapWriter.create(file);
        this.keepFailed = keepFailed;
    }

    public void frame(FrameRecord r) throws IOException {
        if (r.linkType() != 1) {
            skipped++;
            return;
        }
        if (r.hasPlaintext()) {
            writer.write(r.plain(), r.plainOffset(), r.plainLength(), r.timestampNanos());
            written++;
        } else if (!r.isMacsec() || keepFailed) {
            writer.write(r.data(), r.offset(), r.capturedLength(), r.timestampNanos(), r.originalLength());
            written++;
        } else {
            skipped++;
        }
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
    }
}
