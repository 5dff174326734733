package dev.macsec.field;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class FieldFormatTest {
    @Test
    void sciIsSixteenLowerCaseHexDigitsWithLeadingZeros() {
        assertEquals("52540000000a0001", FieldFormat.sci(0x52540000000a0001L));
        assertEquals("0000000000000001", FieldFormat.sci(1));
        assertEquals("ffffffffffffffff", FieldFormat.sci(-1));
    }

    @Test
    void macIsSixColonSeparatedOctets() {
        assertEquals("52:54:00:00:00:0a", FieldFormat.mac(0x52540000000aL));
        assertEquals("00:00:00:00:00:00", FieldFormat.mac(0));
    }
}
