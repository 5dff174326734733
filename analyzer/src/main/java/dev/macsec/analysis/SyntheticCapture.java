package dev.macsec.analysis;

import dev.macsec.capture.PcapWriter;
import dev.macsec.crypto.SaKey;
import dev.macsec.field.FieldFormat;
import dev.macsec.secy.TransmitSecY;
import dev.macsec.suite.CipherSuite;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.Random;

/**
 * A MACsec capture made to measure: GCM-AES-128 frames of 64, 512 and 1500 octets on the wire (cycled) from one SC,
 * protected by our transmit SecY, and the keys file that verifies them. The benchmarks read it, and the launcher's
 * start-up training runs the analyzer over one (see {@code StartupTraining}).
 */
public final class SyntheticCapture {
    public static final long SCI = 0x0200000000010001L;
    private static final int[] WIRE_SIZES = {64, 512, 1500};
    private static final int SECTAG_AND_ICV = 32;

    private SyntheticCapture() {
    }

    /** Writes {@code frames} frames to {@code out} and the keys to OUT.keys.json beside it; returns the keys file. */
    public static Path write(Path out, long frames) throws IOException {
        Random random = new Random(1);
        byte[] sak = new byte[16];
        random.nextBytes(sak);
        TransmitSecY tx = transmitter(SaKey.of(CipherSuite.GCM_AES_128, sak));
        byte[][] plains = new byte[WIRE_SIZES.length][];
        for (int i = 0; i < plains.length; i++) {
            plains[i] = plaintext(WIRE_SIZES[i], random);
        }
        byte[] buf = new byte[2048];
        long t0 = 1_700_000_000_000_000_000L;
        try (PcapWriter w = PcapWriter.create(out)) {
            for (long i = 0; i < frames; i++) {
                byte[] plain = plains[(int) (i % plains.length)];
                int n = tx.protect(plain, 0, plain.length, buf, 0);
                w.write(buf, 0, n, t0 + i * 1000);
            }
        }
        Path keys = keysFileFor(out);
        Files.writeString(keys, "{\"saks\":[{\"sak\":\"" + HexFormat.of().formatHex(sak)
                + "\",\"sci\":\"" + FieldFormat.sci(SCI) + "\",\"an\":0}]}\n");
        return keys;
    }

    /** The one SC's transmit SecY: SA AN 0 from PN 1, SCI in every SecTAG, confidentiality on. */
    static TransmitSecY transmitter(SaKey key) {
        return new TransmitSecY(SCI).installSa(0, key, 1).encodingSa(0);
    }

    /** An IPv4-typed plaintext frame that {@link #transmitter} protects to {@code wireSize} octets; random payload if given. */
    static byte[] plaintext(int wireSize, Random random) {
        byte[] plain = new byte[wireSize - SECTAG_AND_ICV];
        if (random != null) {
            random.nextBytes(plain);
        }
        plain[12] = 0x08;
        plain[13] = 0x00;
        return plain;
    }

    /** {@link #plaintext} protected by {@code tx}: the frame as it goes on the wire. */
    static byte[] protect(TransmitSecY tx, int wireSize, Random random) {
        byte[] plain = plaintext(wireSize, random);
        byte[] wire = new byte[wireSize];
        tx.protect(plain, 0, plain.length, wire, 0);
        return wire;
    }

    public static Path keysFileFor(Path capture) {
        return capture.resolveSibling(capture.getFileName().toString().replaceAll("\\.pcap$", "") + ".keys.json");
    }
}
