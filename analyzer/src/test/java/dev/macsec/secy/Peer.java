package dev.macsec.secy;

import dev.macsec.crypto.CipherSuite;
import dev.macsec.crypto.MacsecGcm;
import dev.macsec.crypto.SaKey;
import dev.macsec.decode.SecTag;
import java.util.HexFormat;

/** Test frames protected by our own transmit code, from a peer with SCI 020000000001/1. */
final class Peer {
    static final long SCI = 0x0200000000010001L;
    static final int ENCRYPT = SecTag.TCI_SC | SecTag.TCI_E | SecTag.TCI_C;
    static final int INTEGRITY = SecTag.TCI_SC;

    private Peer() {
    }

    static SaKey key(CipherSuite suite) {
        byte[] sak = new byte[suite.keyLength()];
        for (int i = 0; i < sak.length; i++) {
            sak[i] = (byte) (0x30 + i);
        }
        return SaKey.of(suite, sak, 0x00000002, HexFormat.of().parseHex("9ca1b2c3d4e5f60718293a4b"));
    }

    static byte[] plain(int userLength) {
        byte[] p = new byte[12 + userLength];
        byte[] hdr = HexFormat.of().parseHex("525400000002020000000001");
        System.arraycopy(hdr, 0, p, 0, 12);
        p[12] = 0x08;
        for (int i = 14; i < p.length; i++) {
            p[i] = (byte) i;
        }
        return p;
    }

    static byte[] frame(SaKey key, int tci, int an, long pn, int userLength) {
        byte[] plain = plain(userLength);
        byte[] out = new byte[MacsecGcm.protectedLength(plain.length, true)];
        int n = new MacsecGcm(key).protect(plain, 0, plain.length, SCI, tci, an, pn, 0, out, 0);
        return java.util.Arrays.copyOf(out, n);
    }

    static byte[] frame(SaKey key, int tci, long pn) {
        return frame(key, tci, 0, pn, 100);
    }

    static ReceiveSecY secy(CipherSuite suite, ValidateFrames vf, boolean replay, long window, ReceiveProfile profile,
                            long nextPn) {
        ReceiveSecY s = new ReceiveSecY(new ReceiveSecY.Config(suite, vf, replay, window, 0), profile);
        s.addSc(SCI).installSa(0, key(suite), nextPn);
        return s;
    }

    static Verdict rx(ReceiveSecY s, byte[] frame) {
        return s.receive(RxFrame.of(frame));
    }

    static long sc(ReceiveSecY s, String counter) {
        return s.sc(SCI).counters().get(counter);
    }

    static long sa(ReceiveSecY s, int an, String counter) {
        return s.sc(SCI).sa(an).counters().get(counter);
    }

    static long secy(ReceiveSecY s, String counter) {
        return s.counters().get(counter);
    }
}
