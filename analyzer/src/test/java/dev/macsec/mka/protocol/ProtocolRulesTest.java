package dev.macsec.mka.protocol;

import dev.macsec.field.Bytes;
import org.junit.jupiter.api.Test;

import java.util.HexFormat;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The rules the tracker and the participant share, against the text of IEEE 802.1X-2020 (and, where the text gives
 * no number, the same constant in wpa_supplicant's ieee802_1x_kay.h, an independent implementation).
 */
class ProtocolRulesTest {
    private static final long SCI_A = 0x5254_0000_0001_0001L;
    private static final long SCI_B = 0x5254_0000_0002_0001L;
    /** A locally administered MAC with the top bit set: negative as a signed long, yet the higher SCI. */
    private static final long SCI_HIGH_BIT = 0x8254_0000_0001_0001L;

    @Test
    void theNumericallyLowerKeyServerPriorityWins() {
        // 9.5: the highest priority is the numerically lowest Key Server Priority, whatever the SCIs
        assertTrue(KeyServerElection.beats(0x10, SCI_B, 0x20, SCI_A));
        assertFalse(KeyServerElection.beats(0x20, SCI_A, 0x10, SCI_B));
        assertTrue(KeyServerElection.compare(0, SCI_B, 1, SCI_A) < 0);
    }

    @Test
    void equalPrioritiesAreDecidedByTheLowerSci() {
        // 9.5: between equal priorities the participant with the lower SCI is Key Server
        assertTrue(KeyServerElection.beats(7, SCI_A, 7, SCI_B));
        assertFalse(KeyServerElection.beats(7, SCI_B, 7, SCI_A));
        assertEquals(0, KeyServerElection.compare(7, SCI_A, 7, SCI_A));
        assertFalse(KeyServerElection.beats(7, SCI_A, 7, SCI_A), "nobody beats itself");
    }

    @Test
    void scisCompareAsOctetStringsNotAsSignedNumbers() {
        // the SCI is 8 octets (MAC || port) compared from the first octet: 82:54:... is above 52:54:...
        assertTrue(KeyServerElection.beats(7, SCI_A, 7, SCI_HIGH_BIT));
        assertFalse(KeyServerElection.beats(7, SCI_HIGH_BIT, 7, SCI_A));
    }

    @Test
    void priority255MeansNeverKeyServer() {
        assertFalse(KeyServerElection.mayBeKeyServer(0xFF));
        assertTrue(KeyServerElection.mayBeKeyServer(0xFE));
        assertTrue(KeyServerElection.mayBeKeyServer(0));
    }

    @Test
    void onlyAHigherMessageNumberIsFresh() {
        // 9.4.2: an MKPDU whose MN is not above the last recorded for its MI is a replay (or reordered)
        assertTrue(MessageNumbers.isFresh(5, 6));
        assertTrue(MessageNumbers.isFresh(5, 1000));
        assertFalse(MessageNumbers.isFresh(5, 5), "the same MN again");
        assertFalse(MessageNumbers.isFresh(5, 4), "an older MN");
    }

    @Test
    void theKeyIdentifierIsTheKeyServersMiFollowedByTheKeyNumber() {
        // 9.8: KI = MI (96 bits) || KN (32 bits); wpa_supplicant's struct ieee802_1x_mka_ki is the same layout
        Bytes mi = Bytes.fromHex("0102030405060708090a0b0c");
        KeyIdentifier ki = new KeyIdentifier(mi, 0x0d0e0f10L);
        assertArrayEquals(HexFormat.of().parseHex("0102030405060708090a0b0c0d0e0f10"), ki.octets());
        assertTrue(ki.is(mi, 0x0d0e0f10L));
        assertFalse(ki.is(mi, 0x0d0e0f11L), "another KN of the same Key Server");
        assertFalse(ki.is(Bytes.fromHex("0102030405060708090a0b0d"), 0x0d0e0f10L), "the same KN of another MI");
        assertFalse(ki.is(null, 0x0d0e0f10L));
    }

    @Test
    void eachNewSakTakesTheNextAssociationNumberModuloFour() {
        assertEquals(1, KeyIdentifier.nextAn(0));
        assertEquals(2, KeyIdentifier.nextAn(1));
        assertEquals(3, KeyIdentifier.nextAn(2));
        assertEquals(0, KeyIdentifier.nextAn(3), "the AN is 2 bits: after 3 comes 0");
    }

    @Test
    void confidentialityOffsetCodesAreThoseOf11_11_1() {
        // 11.11.1: 0 confidentiality not used, 1 not offset, 2 offset 30 octets, 3 offset 50 octets
        assertEquals(0, ConfidentialityOffsets.NOT_USED);
        assertEquals(0, ConfidentialityOffsets.octets(1));
        assertEquals(30, ConfidentialityOffsets.octets(2));
        assertEquals(50, ConfidentialityOffsets.octets(3));
        assertEquals(1, ConfidentialityOffsets.code(0));
        assertEquals(2, ConfidentialityOffsets.code(30));
        assertEquals(3, ConfidentialityOffsets.code(50));
        assertThrows(IllegalArgumentException.class, () -> ConfidentialityOffsets.code(40));
    }

    @Test
    void timersAreThoseOfTable9to3() {
        // 802.1X-2020 Table 9-3; wpa_supplicant: MKA_HELLO_TIME 2000, MKA_BOUNDED_HELLO_TIME 500, MKA_LIFE_TIME 6000,
        // MKA_SAK_RETIRE_TIME 3000 (ms)
        assertEquals(2000, MkaTimers.HELLO_TIME);
        assertEquals(500, MkaTimers.BOUNDED_HELLO_TIME);
        assertEquals(6000, MkaTimers.LIFE_TIME);
        assertEquals(3000, MkaTimers.SAK_RETIRE_TIME);
        assertEquals(6_000_000_000L, MkaTimers.nanos(MkaTimers.LIFE_TIME));
    }
}
