package dev.macsec.crypto;

import dev.macsec.decode.SecTag;

/**
 * Gets the JIT to compile the JDK's AES/GCM before the first frame of a large capture arrives.
 *
 * <p>Until C2 compiles them, the JDK's AES and GHASH run as plain Java (C1 has no intrinsics for them) at
 * about 2% of their compiled speed, so a cold run spends most of its first second on its first ~30,000 frames.
 * Verifying synthetic frames on a spare core while the command line, keys and capture are still being set
 * up moves that cost off the critical path. The frames go through {@link MacsecGcm#verify} itself, so the
 * profile C2 sees is the data path's own.
 */
public final class GcmWarmUp {
    private static final int[] SIZES = {1500, 512, 1500, 64};
    private static final long SCI = 0x0200000000010001L;

    private GcmWarmUp() {
    }

    /** Starts verifying {@code frames} synthetic frames on a daemon thread; returns the thread. */
    public static Thread start(int frames) {
        Thread t = new Thread(() -> run(frames), "macsec-gcm-warm-up");
        t.setDaemon(true);
        t.setPriority(Thread.MIN_PRIORITY);
        t.start();
        return t;
    }

    static void run(int frames) {
        byte[] sak = new byte[16];
        for (int i = 0; i < sak.length; i++) {
            sak[i] = (byte) (0x5A ^ i);
        }
        MacsecGcm gcm = new MacsecGcm(SaKey.of(CipherSuite.GCM_AES_128, sak));
        byte[][] protectedFrames = new byte[SIZES.length][];
        int[] lengths = new int[SIZES.length];
        SecTag[] tags = new SecTag[SIZES.length];
        for (int s = 0; s < SIZES.length; s++) {
            byte[] plain = new byte[SIZES[s]];
            plain[12] = 0x08;
            byte[] frame = new byte[MacsecGcm.protectedLength(plain.length, true)];
            lengths[s] = gcm.protect(plain, 0, plain.length, SCI, SecTag.TCI_SC | SecTag.TCI_E | SecTag.TCI_C, 0, s + 1,
                    0, frame, 0);
            protectedFrames[s] = frame;
            tags[s] = new SecTag().wrap(frame, 6, 12, lengths[s]);
        }
        byte[] out = new byte[2048];
        for (int i = 0; i < frames; i++) {
            int s = i % SIZES.length;
            if (gcm.verify(tags[s], 0, SCI, s + 1, 0, out, 0) < 0) {
                throw new IllegalStateException("GCM warm-up frame did not verify");
            }
        }
    }
}
