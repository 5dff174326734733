package dev.macsec.keys;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SafeTextTest {
    @Test
    void sixteenHexDigitsInARowCouldBeAKeyWhateverTheSeparators() {
        assertTrue(SafeText.couldBeKey("00112233445566778899aabbccddeeff"));
        assertTrue(SafeText.couldBeKey("key=00:11:22:33:44:55:66:77"));
        assertTrue(SafeText.couldBeKey("0011 2233-4455.6677"));
        assertFalse(SafeText.couldBeKey("001122334455667"));
        assertFalse(SafeText.couldBeKey("GCM-AES-XPN-256"));
        assertFalse(SafeText.couldBeKey("cipherSuite"));
        // full-width digits are not hex digits (nor are they shown raw)
        assertFalse(SafeText.couldBeKey("０１２３４５６７８９０１２３４５６７"));
    }

    @Test
    void libraryMessagesLoseTheirKeysAndControlCharacters() {
        assertEquals("Unexpected token 'x<32 hex digits, not shown>' at \\u001b[2J",
                SafeText.message("Unexpected token 'x00112233445566778899aabbccddeeff' at \u001b[2J"));
        assertEquals("column 12 (code 8238 / 0x202e)", SafeText.message("column 12 (code 8238 / 0x202e)"));
    }
}
