package dev.macsec.capture;

import dev.macsec.error.InputException;

import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/** Recognizes the container by its magic numbers and builds the matching reader. */
final class CaptureReaders {
    static final int DEFAULT_BUFFER_SIZE = 1 << 20;
    private static final int MAX_WINDOW = PcapngReader.MAX_BUFFERED_BLOCK + (64 << 10);
    private static final int GZIP_INPUT_BUFFER = 64 << 10;

    private CaptureReaders() {
    }

    static CaptureReader open(Path file, int bufferSize) throws IOException {
        if (bufferSize < 16) {
            throw new IllegalArgumentException("buffer size " + bufferSize);
        }
        ErrorSite header = (offset, what) -> new InputException(file + ": frame 1 at byte offset " + offset + ": " + what);
        FileChannel channel;
        try {
            channel = FileChannel.open(file, StandardOpenOption.READ);
        } catch (NoSuchFileException e) {
            throw new InputException(file + ": no such file");
        }
        InputStream gzip = null;
        try {
            StreamBuffer in = new StreamBuffer(channel, null, bufferSize, MAX_WINDOW);
            int have = in.require(4, header);
            if (have >= 2 && in.buf[0] == (byte) 0x1F && in.buf[1] == (byte) 0x8B) {
                channel.position(0);
                try {
                    gzip = new GzipStream(Channels.newInputStream(channel), GZIP_INPUT_BUFFER);
                } catch (IOException e) {
                    throw header.damaged(0, "not a valid gzip stream: " + e.getMessage());
                }
                in = new StreamBuffer(null, gzip, bufferSize, MAX_WINDOW);
                have = in.require(4, header);
            }
            CaptureReader reader = sniff(file, channel, gzip, in, have, header);
            return reader;
        } catch (IOException | RuntimeException e) {
            try (channel) {
                if (gzip != null) {
                    gzip.close();
                }
            } catch (IOException suppressed) {
                e.addSuppressed(suppressed);
            }
            throw e;
        }
    }

    private static CaptureReader sniff(Path file, FileChannel channel, InputStream gzip, StreamBuffer in, int have,
                                       ErrorSite header) throws IOException {
        if (have < 4) {
            throw header.damaged(0, have == 0 ? "empty file" : "too short to be a capture (" + have + " bytes)");
        }
        int magic = Bytes.i32(in.buf, 0, false);
        if (magic == PcapngReader.SHB) {
            return new PcapngReader(file, channel, gzip, in);
        }
        for (TimestampPrecision precision : TimestampPrecision.values()) {
            if (magic == precision.magic()) {
                return new PcapReader(file, channel, gzip, in, false, precision);
            }
            if (magic == Integer.reverseBytes(precision.magic())) {
                return new PcapReader(file, channel, gzip, in, true, precision);
            }
        }
        if (magic == 0xA1B2CD34 || magic == Integer.reverseBytes(0xA1B2CD34)) {
            throw header.damaged(0, "modified (Kuznetzov) pcap format is not supported");
        }
        throw header.damaged(0, "not a pcap or pcapng file (starts with " + Bytes.hex(in.buf, 0, 4) + ")");
    }
}
