package dev.macsec.keys;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** AES-CMAC against vectors/rfc4493.json and AES key wrap against vectors/rfc3394.json. */
class PrimitiveVectorsTest {
    static Stream<Arguments> cmac() {
        return Json.vectors("rfc4493.json");
    }

    static Stream<Arguments> wrap() {
        return Json.vectors("rfc3394.json");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cmac")
    void cmacMatches(String name, JsonNode v) {
        assertEquals(Hex.format(Json.hex(v, "mac")), Hex.format(AesCmac.mac(Json.hex(v, "key"), Json.hex(v, "message"))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cmac")
    void reusedCmacInstanceGivesTheSameMacTwice(String name, JsonNode v) {
        AesCmac cmac = new AesCmac(Json.hex(v, "key"));
        byte[] m = Json.hex(v, "message");
        cmac.mac(m, 0, m.length);
        assertArrayEquals(Json.hex(v, "mac"), cmac.mac(m, 0, m.length));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("wrap")
    void wrapMatches(String name, JsonNode v) {
        assertEquals(Hex.format(Json.hex(v, "wrapped")), Hex.format(KeyWrap.wrap(Json.hex(v, "kek"), Json.hex(v, "keyData"))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("wrap")
    void unwrapMatches(String name, JsonNode v) {
        KeyWrap.Result r = KeyWrap.unwrap(Json.hex(v, "kek"), Json.hex(v, "wrapped"));
        assertArrayEquals(Json.hex(v, "keyData"), assertInstanceOf(KeyWrap.Result.Unwrapped.class, r).key());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("wrap")
    void everyAlteredOctetFailsTheIntegrityCheck(String name, JsonNode v) {
        byte[] kek = Json.hex(v, "kek");
        byte[] wrapped = Json.hex(v, "wrapped");
        for (int i = 0; i < wrapped.length; i++) {
            byte[] bad = wrapped.clone();
            bad[i] ^= 0x01;
            assertInstanceOf(KeyWrap.Result.IntegrityFailure.class, KeyWrap.unwrap(kek, bad), "octet " + i);
        }
        byte[] otherKek = kek.clone();
        otherKek[0] ^= (byte) 0x80;
        assertInstanceOf(KeyWrap.Result.IntegrityFailure.class, KeyWrap.unwrap(otherKek, wrapped));
    }

    @Test
    void badWrappedLengthsAreAResultNotAnException() {
        byte[] kek = new byte[16];
        assertEquals(new KeyWrap.Result.BadLength(23), KeyWrap.unwrap(kek, new byte[23]));
        assertEquals(new KeyWrap.Result.BadLength(16), KeyWrap.unwrap(kek, new byte[16]));
        assertEquals(new KeyWrap.Result.BadLength(0), KeyWrap.unwrap(kek, new byte[0]));
    }

    @Test
    void unwrappedToStringHidesTheKey() {
        KeyWrap.Result r = KeyWrap.unwrap(Hex.of("000102030405060708090A0B0C0D0E0F"),
                Hex.of("1FA68B0A8112B447AEF34BD8FB5A7B829D3E862371D2CFE5"));
        assertTrue(r.ok());
        assertEquals("Unwrapped(128-bit key)", r.toString());
    }
}
