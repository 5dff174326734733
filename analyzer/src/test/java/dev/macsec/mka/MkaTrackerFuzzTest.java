package dev.macsec.mka;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.macsec.decode.FrameDecoder;
import dev.macsec.decode.mka.Mkpdu;
import dev.macsec.field.Dissection;
import dev.macsec.keys.KeysFile;
import dev.macsec.testing.ProjectFiles;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The tracker never throws on MKPDUs whose ICV verifies but whose contents are hostile: real MKPDUs with random
 * octets of their parameter sets changed (Distributed SAK and CAK bodies, peer lists, SAK Use, lengths) and signed
 * again with the CA's ICK, so that every change reaches the rules and the key unwrapping instead of stopping at the
 * ICV check. The decoder's own fuzzing is {@code DecoderFuzzTest}.
 */
class MkaTrackerFuzzTest {
    record Source(String pcap, KeysFile keys) {
    }

    @Test
    void resignedMutatedMkpdusNeverThrow() throws IOException {
        List<Source> sources = List.of(
                new Source("macsec_lab/mka-handshake.pcap", MkaCaptureTest.LAB_CAK),
                new Source("macsec_lab/mka-rekey.pcap", MkaCaptureTest.LAB_CAK),
                new Source("macsec_lab/mka-multi-peer.pcap", MkaCaptureTest.LAB_CAK),
                new Source("linux-dut/mka.pcap", MkaCaptureTest.LINUX_CAK));
        Random random = new Random(0x888E);
        FrameDecoder decoder = new FrameDecoder();
        long fed = 0;
        for (Source source : sources) {
            byte[] ick = source.keys().caks().get(0).ick();
            List<byte[]> frames = new ArrayList<>();
            for (byte[] f : Frames.read(ProjectFiles.pcap(source.pcap()))) {
                if (f.length > Resign.BASIC + 4 && (f[12] & 0xff) == 0x88 && (f[13] & 0xff) == 0x8e) {
                    frames.add(f);
                }
            }
            for (int round = 0; round < 300; round++) {
                MkaTracker tracker = new MkaTracker(source.keys(), MkaTrackerOptions.DEFAULT);
                long number = 0;
                for (byte[] original : frames) {
                    byte[] f = original.clone();
                    if (random.nextInt(3) == 0) {
                        int icvAt = Resign.icvAt(f);
                        for (int flips = 1 + random.nextInt(4); flips > 0; flips--) {
                            // past the Basic set's SCI/MI: the sets and their lengths, not the CA's identity
                            int from = Resign.BASIC + 4;
                            int at = from + random.nextInt(Math.max(1, Math.min(icvAt, f.length) - from));
                            f[at] = (byte) random.nextInt(256);
                        }
                        int icvAfter = Resign.icvAt(f);
                        if (icvAfter > 0 && icvAfter + 16 <= f.length) {
                            Resign.sign(f, ick);
                        }
                    }
                    decoder.decode(1, f, 0, f.length, new Dissection());
                    Mkpdu pdu = decoder.lastMkpdu();
                    if (pdu == null) {
                        continue;
                    }
                    long frameNumber = ++number;
                    long ts = frameNumber * 500_000_000L;
                    assertDoesNotThrow(() -> tracker.onMkpdu(frameNumber, ts, MkaRun.u48(f, 6), MkaRun.u48(f, 0), pdu),
                            () -> source.pcap() + " " + HexFormat.of().formatHex(f));
                    fed++;
                }
                long last = number;
                assertDoesNotThrow(() -> tracker.finish(last * 500_000_000L));
                tracker.cas().forEach(ca -> ca.timeline().forEach(TimelineEvent::toString));
            }
        }
        assertTrue(fed > 10_000, "MKPDUs fed: " + fed);
    }
}
