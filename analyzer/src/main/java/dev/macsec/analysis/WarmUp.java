package dev.macsec.analysis;

import dev.macsec.crypto.CipherCache;
import dev.macsec.crypto.SaKey;
import dev.macsec.secy.ReceiveProfile;
import dev.macsec.secy.ReceiveSecY;
import dev.macsec.secy.RxFrame;
import dev.macsec.secy.TransmitSecY;
import dev.macsec.secy.Verdict;
import dev.macsec.suite.CipherSuite;

/**
 * Gets the JIT to compile the verify path before the first frame of a large capture arrives.
 *
 * <p>Until C2 compiles them, the JDK's AES and GHASH run as plain Java (C1 has no intrinsics for them) at a few
 * percent of their compiled speed, so a cold run spends most of its first second on its first ~50,000 frames.
 * Passing synthetic frames through the receive SecY on a spare core, while the command line, keys and capture are
 * still being set up, moves that cost off the critical path. The frames take the analyzer's own path (SecTAG,
 * {@link ReceiveSecY#verify} as its workers call it, then {@link ReceiveSecY#apply} in order), so the profile C2
 * compiles from is the data path's.
 */
public final class WarmUp {
    /*
     * Mostly minimum-size frames: the JIT's thresholds count calls, not octets, while every octet costs pure-Java AES
     * until C2 is done, so small frames reach the thresholds soonest. The larger ones keep the long paths in the profile
     * so that real 1500-octet frames do not deoptimise what was compiled. A few samples only: each is encrypted once,
     * cold, before the loop starts (512 samples took ~0.1 s more, measured A/B end to end).
     */
    private static final int[] WIRE_SIZES = {64, 64, 512, 1500};
    private static final int SAMPLE_FRAMES = 64;

    private WarmUp() {
    }

    /** Starts passing {@code frames} synthetic frames through a receive SecY on a daemon thread; returns the thread. */
    public static Thread start(int frames) {
        Thread t = new Thread(() -> run(frames), "macsec-warm-up");
        t.setDaemon(true);
        t.start();
        return t;
    }

    /** Runs on the caller's thread; returns how many frames verified (all of them, or something is broken). */
    static long run(int frames) {
        byte[] sak = new byte[16];
        for (int i = 0; i < sak.length; i++) {
            sak[i] = (byte) (0x5A ^ i);
        }
        SaKey key = SaKey.of(CipherSuite.GCM_AES_128, sak);
        TransmitSecY tx = SyntheticCapture.transmitter(key);
        byte[][] sample = new byte[SAMPLE_FRAMES][];
        for (int i = 0; i < SAMPLE_FRAMES; i++) {
            sample[i] = SyntheticCapture.protect(tx, WIRE_SIZES[i % WIRE_SIZES.length], null);
        }
        CipherCache ciphers = new CipherCache();
        RxFrame rx = new RxFrame();
        byte[] out = new byte[2048];
        long ok = 0;
        ReceiveSecY secy = null;
        for (int i = 0; i < frames; i++) {
            int s = i % SAMPLE_FRAMES;
            if (s == 0) {
                // a fresh SecY per pass, so the PNs of the sample are new to it and the replay check passes
                secy = new ReceiveSecY(ReceiveSecY.Config.strict(CipherSuite.GCM_AES_128), ReceiveProfile.IEEE);
                secy.addSc(SyntheticCapture.SCI).installSa(0, key, 1);
            }
            rx.set(sample[s], 0, sample[s].length, out, 0);
            secy.verify(rx, ciphers);
            if (secy.apply(rx) == Verdict.OK) {
                ok++;
            }
        }
        return ok;
    }
}
