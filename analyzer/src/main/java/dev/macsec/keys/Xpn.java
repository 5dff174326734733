package dev.macsec.keys;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Key material that MKA provides for the XPN cipher suites besides the SAK: the 96-bit Salt derived from
 * the Key Server's MI and the KN (IEEE 802.1AE-2018 10.7.8, used by 802.1X-2020 for XPN SAKs) and the
 * 32-bit SSCI of each SC, assigned from the SCIs of the participants.
 */
public final class Xpn {
    public static final int SALT_LENGTH = 12;

    private Xpn() {
    }

    /**
     * The 64 least significant bits of the Salt are those of the Key Server's MI; the next 16 bits are the
     * MI's next 16 bits XOR the 16 most significant bits of the KN; the 16 most significant bits are the
     * MI's 16 most significant bits XOR the 16 least significant bits of the KN.
     */
    public static byte[] salt(byte[] keyServerMi, long kn) {
        if (keyServerMi.length != 12) {
            throw new IllegalArgumentException("an MI is 12 octets, got " + keyServerMi.length);
        }
        if (kn < 0 || kn > 0xffffffffL) {
            throw new IllegalArgumentException("KN is a 32-bit number, got " + kn);
        }
        byte[] salt = keyServerMi.clone();
        salt[0] ^= (byte) (kn >>> 8);
        salt[1] ^= (byte) kn;
        salt[2] ^= (byte) (kn >>> 24);
        salt[3] ^= (byte) (kn >>> 16);
        return salt;
    }

    /**
     * SSCIs for the SCIs of all participants (the Key Server and its live peers): the numerically greatest
     * SCI gets SSCI 1, the next 2, and so on; this is also the order of the Live Peer List in an MKA version 3
     * MKPDU that distributes an XPN SAK. SCIs are compared as unsigned 64-bit numbers; duplicates count once.
     * The returned map iterates in SSCI order.
     */
    public static Map<Long, Integer> sscis(Collection<Long> scis) {
        List<Long> sorted = new ArrayList<>(scis.stream().distinct().toList());
        sorted.sort((a, b) -> Long.compareUnsigned(b, a));
        Map<Long, Integer> out = new LinkedHashMap<>();
        for (int i = 0; i < sorted.size(); i++) {
            out.put(sorted.get(i), i + 1);
        }
        return out;
    }

    /** The SSCI of {@code sci} among {@code participants} (which must contain it). */
    public static int ssci(long sci, Collection<Long> participants) {
        Integer s = sscis(participants).get(sci);
        if (s == null) {
            throw new IllegalArgumentException("SCI " + Long.toHexString(sci) + " is not among the participants");
        }
        return s;
    }
}
