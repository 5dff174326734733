package dev.macsec.keys;

import org.bouncycastle.crypto.engines.AESEngine;
import org.bouncycastle.crypto.macs.CMac;
import org.bouncycastle.crypto.params.KeyParameter;

/**
 * AES-CMAC (RFC 4493, NIST SP 800-38B) over Bouncy Castle. An instance keeps its key schedule so that
 * checking many MKPDUs with one ICK costs no allocation per frame; it is not thread-safe.
 */
public final class AesCmac {
    public static final int MAC_LENGTH = 16;

    private final CMac cmac;

    public AesCmac(byte[] key) {
        requireAesKey(key);
        cmac = new CMac(AESEngine.newInstance());
        cmac.init(new KeyParameter(key));
    }

    /** One-shot MAC of the whole of {@code data}. */
    public static byte[] mac(byte[] key, byte[] data) {
        return new AesCmac(key).mac(data, 0, data.length);
    }

    public byte[] mac(byte[] data, int offset, int length) {
        byte[] out = new byte[MAC_LENGTH];
        mac(data, offset, length, out, 0);
        return out;
    }

    public void mac(byte[] data, int offset, int length, byte[] out, int outOffset) {
        cmac.reset();
        cmac.update(data, offset, length);
        cmac.doFinal(out, outOffset);
    }

    /** Incremental use: {@link #reset()}, any number of {@code update}s, then {@link #doFinal}. */
    public void reset() {
        cmac.reset();
    }

    public void update(byte[] data, int offset, int length) {
        cmac.update(data, offset, length);
    }

    public void update(byte b) {
        cmac.update(b);
    }

    public void doFinal(byte[] out, int outOffset) {
        cmac.doFinal(out, outOffset);
    }

    static void requireAesKey(byte[] key) {
        if (key.length != 16 && key.length != 24 && key.length != 32) {
            throw new IllegalArgumentException("an AES key is 16, 24 or 32 octets, got " + key.length);
        }
    }
}
