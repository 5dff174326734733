package dev.macsec.bench;

import dev.macsec.capture.PcapWriter;
import dev.macsec.crypto.CipherSuite;
import dev.macsec.crypto.SaKey;
import dev.macsec.secy.TransmitSecY;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.Random;

/**
 * Writes a benchmark capture: N GCM-AES-128 frames of 64/512/1500 octets (cycled) from one SC, protected by our
 * transmit SecY, and a keys file for it. Usage: {@code GenerateCapture OUT.pcap FRAMES}; the keys go to OUT.keys.json.
 */
public final class GenerateCapture {
    static final long SCI = 0x0200000000010001L;

    private GenerateCapture() {
    }

    public static void main(String[] args) throws IOException {
        Path out = Path.of(args[0]);
        long frames = Long.parseLong(args[1]);
        generate(out, frames);
    }

    public static Path generate(Path out, long frames) throws IOException {
        Random random = new Random(1);
        byte[] sak = new byte[16];
        random.nextBytes(sak);
        TransmitSecY tx = new TransmitSecY(SCI).installSa(0, SaKey.of(CipherSuite.GCM_AES_128, sak), 1).encodingSa(0);
        int[] sizes = {64, 512, 1500};
        byte[][] plains = new byte[3][];
        for (int i = 0; i < 3; i++) {
            // sizes are the protected frame's length on the wire: take off SecTAG (16) and ICV (16)
            plains[i] = new byte[sizes[i] - 32];
            random.nextBytes(plains[i]);
            plains[i][12] = 0x08;
            plains[i][13] = 0x00;
        }
        byte[] buf = new byte[2048];
        long t0 = 1_700_000_000_000_000_000L;
        try (PcapWriter w = PcapWriter.create(out)) {
            for (long i = 0; i < frames; i++) {
                byte[] plain = plains[(int) (i % 3)];
                int n = tx.protect(plain, 0, plain.length, buf, 0);
                w.write(buf, 0, n, t0 + i * 1000);
            }
        }
        Path keys = Path.of(out.toString().replaceAll("\\.pcap$", "") + ".keys.json");
        Files.writeString(keys, "{\"saks\":[{\"sak\":\"" + HexFormat.of().formatHex(sak)
                + "\",\"sci\":\"" + String.format("%016x", SCI) + "\",\"an\":0}]}\n");
        return keys;
    }
}
