package dev.macsec.keys;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The frames of a classic little- or big-endian pcap file with Ethernet link type, for tests that check
 * keys against real captures without depending on the analyzer's own decoder.
 */
final class PcapFrames {
    private PcapFrames() {
    }

    static List<byte[]> read(Path path) throws IOException {
        ByteBuffer b = ByteBuffer.wrap(Files.readAllBytes(path));
        int magic = b.order(ByteOrder.LITTLE_ENDIAN).getInt(0);
        if (magic != 0xa1b2c3d4 && magic != 0xa1b23c4d) {
            b.order(ByteOrder.BIG_ENDIAN);
        }
        if (b.getInt(20) != 1) {
            throw new IOException(path + ": link type " + b.getInt(20) + ", expected 1 (Ethernet)");
        }
        List<byte[]> frames = new ArrayList<>();
        int p = 24;
        while (p + 16 <= b.limit()) {
            int caplen = b.getInt(p + 8);
            byte[] f = new byte[caplen];
            b.get(p + 16, f);
            frames.add(f);
            p += 16 + caplen;
        }
        return frames;
    }

    /** Untagged EAPOL-MKA (EtherType 888E, packet type 5) frames. */
    static List<byte[]> mkpdus(List<byte[]> frames) {
        return frames.stream().filter(f -> f.length > 18 && (f[12] & 0xff) == 0x88 && (f[13] & 0xff) == 0x8e
                && f[15] == 5).toList();
    }

    /** Length of DA..end of MKPDU body including the ICV, from the EAPOL body length; padding excluded. */
    static int mkpduEnd(byte[] f) {
        int bodyLength = (f[16] & 0xff) << 8 | (f[17] & 0xff);
        return 18 + bodyLength;
    }
}
