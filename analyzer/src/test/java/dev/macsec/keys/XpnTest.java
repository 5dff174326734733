package dev.macsec.keys;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class XpnTest {
    /**
     * 802.1AE-2018 10.7.8: salt[95:80] = MI[95:80] ^ KN[15:0], salt[79:64] = MI[79:64] ^ KN[31:16],
     * salt[63:0] = MI[63:0]. A KN with four distinct octets shows each half lands where the text says.
     */
    @Test
    void saltPlacesTheKnHalvesAsTheStandardSays() {
        assertEquals("334411220000000000000000", Hex.format(Xpn.salt(new byte[12], 0x11223344L)));
        byte[] mi = Hex.of("0102030405060708090a0b0c");
        assertEquals("32461226" + "05060708090a0b0c", Hex.format(Xpn.salt(mi, 0x11223344L)));
        assertEquals("0102030405060708090a0b0c", Hex.format(Xpn.salt(mi, 0)));
    }

    @Test
    void greatestSciGetsSsciOne() {
        long a = 0x02000000000a0001L;
        long b = 0x02000000000b0001L;
        long c = 0x02000000000c0001L;
        Map<Long, Integer> s = Xpn.sscis(List.of(a, c, b, a));
        assertEquals(List.of(c, b, a), List.copyOf(s.keySet()));
        assertEquals(List.of(1, 2, 3), List.copyOf(s.values()));
        // SCIs are unsigned: one with the top bit set is the greatest
        assertEquals(1, Xpn.ssci(0x8000000000000001L, List.of(a, 0x8000000000000001L)));
        assertThrows(IllegalArgumentException.class, () -> Xpn.ssci(a, List.of(b)));
    }

    @Test
    void rejectsBadInputs() {
        assertThrows(IllegalArgumentException.class, () -> Xpn.salt(new byte[11], 1));
        assertThrows(IllegalArgumentException.class, () -> Xpn.salt(new byte[12], 1L << 32));
    }
}
