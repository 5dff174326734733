package dev.macsec.capture;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/** Little-endian loads with an optional swap: one constant VarHandle keeps the hot path JIT-friendly. */
final class Bytes {
    private static final VarHandle LE32 = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.LITTLE_ENDIAN);
    private static final VarHandle LE16 = MethodHandles.byteArrayViewVarHandle(short[].class, ByteOrder.LITTLE_ENDIAN);
    private static final VarHandle LE64 = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

    private Bytes() {
    }

    static int i32(byte[] b, int i, boolean swap) {
        int v = (int) LE32.get(b, i);
        return swap ? Integer.reverseBytes(v) : v;
    }

    static long u32(byte[] b, int i, boolean swap) {
        return i32(b, i, swap) & 0xFFFF_FFFFL;
    }

    static int u16(byte[] b, int i, boolean swap) {
        short v = (short) LE16.get(b, i);
        return (swap ? Short.reverseBytes(v) : v) & 0xFFFF;
    }

    static long i64(byte[] b, int i, boolean swap) {
        long v = (long) LE64.get(b, i);
        return swap ? Long.reverseBytes(v) : v;
    }

    static void putI32LE(byte[] b, int i, int v) {
        LE32.set(b, i, v);
    }

    static void putI16LE(byte[] b, int i, short v) {
        LE16.set(b, i, v);
    }

    static String hex(byte[] b, int off, int len) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < len; i++) {
            if (i > 0) {
                sb.append(' ');
            }
            sb.append(String.format("%02x", b[off + i] & 0xFF));
        }
        return sb.toString();
    }
}
