package dev.macsec.keys;

import org.bouncycastle.crypto.InvalidCipherTextException;
import org.bouncycastle.crypto.engines.AESWrapEngine;
import org.bouncycastle.crypto.params.KeyParameter;

/**
 * AES key wrap (RFC 3394, default IV A6A6A6A6A6A6A6A6) over Bouncy Castle, as 802.1X uses it to carry
 * Distributed SAKs and Distributed CAKs under the KEK. Unwrapping reports a failed integrity check as a
 * result, because a wrong KEK or a damaged MKPDU is an ordinary event for an analyzer.
 */
public final class KeyWrap {
    private KeyWrap() {
    }

    /** The outcome of {@link #unwrap}. */
    public sealed interface Result {
        /** The integrity check passed; {@code key()} returns a copy of the plaintext key. */
        record Unwrapped(byte[] key) implements Result {
            public Unwrapped {
                key = key.clone();
            }

            @Override
            public byte[] key() {
                return key.clone();
            }

            @Override
            public String toString() {
                return "Unwrapped(" + key.length * 8 + "-bit key)";
            }
        }

        /** The RFC 3394 IV did not come out as A6A6A6A6A6A6A6A6: wrong KEK, or the data was altered. */
        record IntegrityFailure() implements Result {
            @Override
            public String toString() {
                return "IntegrityFailure(wrong KEK or altered data)";
            }
        }

        /** Wrapped data must be a multiple of 8 octets and at least 24 (two 64-bit key blocks plus the IV). */
        record BadLength(int length) implements Result {
        }

        default boolean ok() {
            return this instanceof Unwrapped;
        }
    }

    public static byte[] wrap(byte[] kek, byte[] keyData) {
        AesCmac.requireAesKey(kek);
        if (keyData.length < 16 || keyData.length % 8 != 0) {
            throw new IllegalArgumentException("key data to wrap must be a multiple of 8 octets and at least 16, got "
                    + keyData.length);
        }
        AESWrapEngine engine = new AESWrapEngine();
        engine.init(true, new KeyParameter(kek));
        return engine.wrap(keyData, 0, keyData.length);
    }

    public static Result unwrap(byte[] kek, byte[] wrapped) {
        return unwrap(kek, wrapped, 0, wrapped.length);
    }

    public static Result unwrap(byte[] kek, byte[] data, int offset, int length) {
        AesCmac.requireAesKey(kek);
        if (length < 24 || length % 8 != 0) {
            return new Result.BadLength(length);
        }
        AESWrapEngine engine = new AESWrapEngine();
        engine.init(false, new KeyParameter(kek));
        try {
            byte[] key = engine.unwrap(data, offset, length);
            Result r = new Result.Unwrapped(key);
            java.util.Arrays.fill(key, (byte) 0);
            return r;
        } catch (InvalidCipherTextException e) {
            return new Result.IntegrityFailure();
        }
    }
}
