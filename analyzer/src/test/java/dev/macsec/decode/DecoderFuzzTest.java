package dev.macsec.decode;

import dev.macsec.decode.mka.Mkpdu;
import dev.macsec.field.Dissection;
import dev.macsec.testing.Fuzz;
import dev.macsec.testing.Mutator;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Decoders never throw: truncations, bit flips and random bytes, over every link type and every bundled frame; then,
 * for this target's share of the fuzzing budget ({@link Fuzz}), stacked mutations of those frames, MKPDUs among them
 * (the MKPDU decoder's parameter sets, lengths and bodies).
 */
class DecoderFuzzTest {
    private static final int[] LINK_TYPES = {LinkLayer.LINKTYPE_ETHERNET, LinkLayer.LINKTYPE_LINUX_SLL, LinkLayer.LINKTYPE_LINUX_SLL2, 0};

    private final FrameDecoder decoder = new FrameDecoder();
    private long runs;

    private void run(int linkType, byte[] b, int off, int len, int wireLen) {
        Dissection d = new Dissection();
        FrameMeta meta = new FrameMeta(1, 0, 0, wireLen, len);
        assertDoesNotThrow(() -> {
            decoder.decode(meta, linkType, b, off, len, d);
            decoder.decodeInner(b, off, len, d);
            InnerSummary.describe(b, off, len);
            InnerSummary.describe(d);
            d.layers().forEach(layer -> layer.children().forEach(c -> c.display()));
        }, () -> "link type " + linkType + " frame " + java.util.HexFormat.of().formatHex(b, off, off + len));
        runs++;
    }

    @Test
    void truncationsMutationsAndRandomBytesNeverThrow() throws Exception {
        Random random = new Random(0x88E5);
        List<byte[]> frames = new ArrayList<>();
        for (var file : TsharkAgreementTest.captures().toList()) {
            frames.addAll(CapturedFrames.read(file).frames().stream().map(CapturedFrames.Frame::data).toList());
        }
        assertTrue(frames.size() > 200);
        for (byte[] frame : frames) {
            for (int linkType : LINK_TYPES) {
                for (int cut = 0; cut <= frame.length; cut++) {
                    run(linkType, frame, 0, cut, frame.length);
                }
            }
            for (int i = 0; i < 40; i++) {
                byte[] m = frame.clone();
                for (int flips = 1 + random.nextInt(4); flips > 0 && m.length > 0; flips--) {
                    m[random.nextInt(m.length)] = (byte) random.nextInt(256);
                }
                // hit the length fields of the SecTAG, EAPOL and MKPDU headers more often
                if (m.length > 20 && random.nextBoolean()) {
                    m[14 + random.nextInt(Math.min(8, m.length - 14))] = (byte) random.nextInt(256);
                }
                run(LINK_TYPES[random.nextInt(3)], m, 0, random.nextInt(m.length + 1), m.length + random.nextInt(3));
            }
        }
        for (int i = 0; i < 20000; i++) {
            byte[] b = new byte[random.nextInt(160)];
            random.nextBytes(b);
            if (b.length > 14 && random.nextBoolean()) {
                // steer into the interesting dissectors
                int type = new int[]{0x88E5, 0x888E, 0x8100, 0x88A8, 0x0800, 0x86DD, 0x0806}[random.nextInt(7)];
                b[12] = (byte) (type >> 8);
                b[13] = (byte) type;
                if (type == 0x888E && b.length > 16) {
                    b[15] = 5;
                }
            }
            int off = b.length == 0 ? 0 : random.nextInt(b.length);
            run(LINK_TYPES[random.nextInt(LINK_TYPES.length)], b, off, b.length - off, b.length - off);
        }
        run(1, new byte[0], 0, 0, 0);
        run(1, new byte[4], 3, 100, 100);
        assertDoesNotThrow(() -> decoder.decode(1, null, 0, 10, new Dissection()));
        assertTrue(runs > 100_000, "runs: " + runs);
        System.out.println("decoder fuzz: " + runs + " inputs, none threw; " + Arrays.toString(LINK_TYPES));
    }

    @Test
    void stackedMutationsOfBundledFramesNeverThrow() throws Exception {
        List<byte[]> frames = new ArrayList<>();
        for (var file : TsharkAgreementTest.captures().toList()) {
            frames.addAll(CapturedFrames.read(file).frames().stream().map(CapturedFrames.Frame::data).toList());
        }
        Fuzz.run("decoder", 10_000, c -> {
            SplittableRandom r = c.random;
            byte[] f = c.input("frame", Mutator.mutate(frames.get(r.nextInt(frames.size())), r, frames, r.nextBoolean() ? 14 : 0));
            int linkType = r.nextInt(8) == 0 ? LINK_TYPES[r.nextInt(LINK_TYPES.length)] : LinkLayer.LINKTYPE_ETHERNET;
            Dissection d = new Dissection();
            int wire = f.length + (r.nextInt(4) == 0 ? r.nextInt(-4, 100) : 0);
            decoder.decode(new FrameMeta(c.number, 0, 0, wire, f.length), linkType, f, 0, f.length, d);
            decoder.decodeInner(f, 0, f.length, d);
            InnerSummary.describe(f, 0, f.length);
            InnerSummary.describe(d);
            d.layers().forEach(layer -> layer.children().forEach(x -> x.display()));
            Mkpdu pdu = decoder.lastMkpdu();
            if (pdu != null) {
                pdu.toString();
            }
        });
    }
}
