package dev.macsec.testing;

import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Byte-level mutations in the manner of AFL's havoc stage: bit flips, random and boundary values (8, 16, 32 and 64
 * bits, both byte orders: length fields are where parsers break), small arithmetic, inserted, deleted and repeated
 * runs, truncation, and splicing with another input of the corpus. One to eight stacked per call.
 */
public final class Mutator {
    private static final long[] INTERESTING = {0, 1, 2, 3, 4, 7, 8, 12, 15, 16, 17, 31, 32, 48, 63, 64, 100, 127, 128, 255,
        256, 512, 1000, 1024, 4096, 32767, 32768, 65535, 65536, 0x7fffffffL, 0x80000000L, 0xffffffffL, 0x100000000L,
        Long.MAX_VALUE, Long.MIN_VALUE, -1, -2};

    private Mutator() {
    }

    public static byte[] mutate(byte[] input, SplittableRandom r, List<byte[]> corpus) {
        return mutate(input, r, corpus, 0);
    }

    /** Mutates {@code input} at offsets from {@code from} on (to keep e.g. a file's magic), returning a new array. */
    public static byte[] mutate(byte[] input, SplittableRandom r, List<byte[]> corpus, int from) {
        byte[] b = input.clone();
        int rounds = 1 + r.nextInt(r.nextInt(4) == 0 ? 8 : 3);
        for (int i = 0; i < rounds; i++) {
            b = once(b, r, corpus, Math.min(from, b.length));
        }
        return b;
    }

    private static byte[] once(byte[] b, SplittableRandom r, List<byte[]> corpus, int from) {
        int n = b.length - from;
        switch (r.nextInt(n == 0 ? 2 : 12)) {
            case 0 -> { // insert random bytes
                int at = from + r.nextInt(n + 1);
                byte[] ins = new byte[1 + r.nextInt(r.nextBoolean() ? 4 : 64)];
                r.nextBytes(ins);
                return splice(b, at, at, ins);
            }
            case 1 -> { // insert a run taken from another input
                byte[] other = corpus.get(r.nextInt(corpus.size()));
                if (other.length == 0) {
                    return b;
                }
                int start = r.nextInt(other.length);
                int len = 1 + r.nextInt(Math.min(256, other.length - start));
                int at = from + r.nextInt(n + 1);
                return splice(b, at, at, Arrays.copyOfRange(other, start, start + len));
            }
            case 2 -> b[from + r.nextInt(n)] ^= (byte) (1 << r.nextInt(8));
            case 3 -> b[from + r.nextInt(n)] = (byte) r.nextInt(256);
            case 4 -> b[from + r.nextInt(n)] = (byte) INTERESTING[r.nextInt(INTERESTING.length)];
            case 5, 6 -> { // a boundary value written over 2, 4 or 8 bytes, either order
                int width = new int[] {2, 4, 8}[r.nextInt(3)];
                if (n >= width) {
                    write(b, from + r.nextInt(n - width + 1), width, INTERESTING[r.nextInt(INTERESTING.length)], r.nextBoolean());
                }
            }
            case 7 -> { // small arithmetic on a 1, 2 or 4 byte value
                int width = new int[] {1, 2, 4}[r.nextInt(3)];
                if (n >= width) {
                    int at = from + r.nextInt(n - width + 1);
                    boolean little = r.nextBoolean();
                    write(b, at, width, read(b, at, width, little) + r.nextInt(-35, 36), little);
                }
            }
            case 8 -> { // delete a run
                int at = from + r.nextInt(n);
                int len = 1 + r.nextInt(Math.min(n - (at - from), r.nextBoolean() ? 8 : 512));
                return splice(b, at, at + len, new byte[0]);
            }
            case 9 -> { // repeat a run
                int at = from + r.nextInt(n);
                int len = 1 + r.nextInt(Math.min(n - (at - from), 128));
                byte[] run = Arrays.copyOfRange(b, at, at + len);
                byte[] rep = new byte[len * (1 + r.nextInt(4))];
                for (int i = 0; i < rep.length; i += len) {
                    System.arraycopy(run, 0, rep, i, len);
                }
                return splice(b, at, at, rep);
            }
            case 10 -> { // truncate
                return Arrays.copyOf(b, from + r.nextInt(n + 1));
            }
            default -> { // splice: this input's head, another's tail
                byte[] other = corpus.get(r.nextInt(corpus.size()));
                int cut = from + r.nextInt(n + 1);
                int otherCut = other.length == 0 ? 0 : r.nextInt(other.length);
                return splice(b, cut, b.length, Arrays.copyOfRange(other, otherCut, other.length));
            }
        }
        return b;
    }

    private static byte[] splice(byte[] b, int start, int end, byte[] insert) {
        byte[] out = new byte[b.length - (end - start) + insert.length];
        System.arraycopy(b, 0, out, 0, start);
        System.arraycopy(insert, 0, out, start, insert.length);
        System.arraycopy(b, end, out, start + insert.length, b.length - end);
        return out;
    }

    private static void write(byte[] b, int at, int width, long v, boolean little) {
        for (int i = 0; i < width; i++) {
            int shift = 8 * (little ? i : width - 1 - i);
            b[at + i] = (byte) (v >>> shift);
        }
    }

    private static long read(byte[] b, int at, int width, boolean little) {
        long v = 0;
        for (int i = 0; i < width; i++) {
            int shift = 8 * (little ? i : width - 1 - i);
            v |= (long) (b[at + i] & 0xff) << shift;
        }
        return v;
    }
}
