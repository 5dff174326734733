package dev.macsec.decode;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Test-only classic pcap reader (the capture package replaces it). */
public final class TinyPcap {
    public record Frame(FrameMeta meta, byte[] data) {
    }

    public record Capture(int linkType, List<Frame> frames) {
    }

    private TinyPcap() {
    }

    public static Capture read(Path file) throws IOException {
        ByteBuffer in = ByteBuffer.wrap(Files.readAllBytes(file));
        int magic = in.order(ByteOrder.LITTLE_ENDIAN).getInt(0);
        boolean nanos;
        if (magic == 0xA1B2C3D4 || magic == 0xA1B23C4D) {
            nanos = magic == 0xA1B23C4D;
        } else {
            in.order(ByteOrder.BIG_ENDIAN);
            int m = in.getInt(0);
            if (m != 0xA1B2C3D4 && m != 0xA1B23C4D) {
                throw new IOException(file + ": not a classic pcap file");
            }
            nanos = m == 0xA1B23C4D;
        }
        int linkType = in.getInt(20) & 0x0FFFFFFF;
        in.position(24);
        List<Frame> frames = new ArrayList<>();
        while (in.remaining() >= 16) {
            long sec = in.getInt() & 0xFFFFFFFFL;
            int frac = in.getInt();
            int incl = in.getInt();
            int orig = in.getInt();
            if (incl < 0 || incl > in.remaining()) {
                throw new IOException(file + ": record " + (frames.size() + 1) + " runs past the end of the file");
            }
            byte[] data = new byte[incl];
            in.get(data);
            frames.add(new Frame(new FrameMeta(frames.size() + 1, sec, nanos ? frac : frac * 1000, orig, incl), data));
        }
        return new Capture(linkType, frames);
    }
}
