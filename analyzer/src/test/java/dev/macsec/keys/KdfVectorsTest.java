package dev.macsec.keys;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Every vector of vectors/ieee8021x-kdf.json: the KDF, CAK/CKN from an MSK, KEK, ICK and SAK derivation. */
class KdfVectorsTest {
    static Stream<Arguments> vectors() {
        return Json.vectors("ieee8021x-kdf.json");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("vectors")
    void derivesTheExpectedKey(String name, JsonNode v) {
        byte[] expected = Json.hex(v, "expected");
        int bits = v.get("lengthBits").asInt();
        byte[] actual = switch (v.get("type").asText()) {
            case "KDF" -> Kdf.derive(Json.hex(v, "key"), v.get("label").asText(), Json.hex(v, "context"), bits);
            case "KBKDF-primitive" -> Kdf.counterMode(Json.hex(v, "key"), Json.hex(v, "fixedInputData"), bits);
            case "CAK" -> KeyHierarchy.cakFromMsk(Json.hex(v, "msk16"), Json.hex(v, "mac1"), Json.hex(v, "mac2"), bits);
            case "CKN" -> KeyHierarchy.cknFromMsk(Json.hex(v, "msk16"), Json.hex(v, "eapSessionId"),
                    Json.hex(v, "mac1"), Json.hex(v, "mac2"), 128);
            case "KEK" -> KeyHierarchy.kek(Json.hex(v, "cak"), Json.hex(v, "ckn"));
            case "ICK" -> KeyHierarchy.ick(Json.hex(v, "cak"), Json.hex(v, "ckn"));
            case "SAK" -> KeyHierarchy.sak(Json.hex(v, "cak"), Json.hex(v, "ksNonce"), Json.hex(v, "miValueList"),
                    v.get("kn").asLong(), bits);
            default -> throw new AssertionError("unknown vector type " + v.get("type"));
        };
        assertEquals(Hex.format(expected), Hex.format(actual));
    }

    /** The label/context encoding alone, checked against the context the vectors spell out. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("vectors")
    void contextMatchesTheVector(String name, JsonNode v) {
        if (!v.has("context") || !v.has("label")) {
            return;
        }
        byte[] viaContext = Kdf.derive(keyOf(v), v.get("label").asText(), Json.hex(v, "context"), v.get("lengthBits").asInt());
        assertArrayEquals(Json.hex(v, "expected"), viaContext);
    }

    private static byte[] keyOf(JsonNode v) {
        return v.has("key") ? Json.hex(v, "key") : v.has("cak") ? Json.hex(v, "cak") : Json.hex(v, "msk16");
    }

    @Test
    void macOrderDoesNotMatter() {
        byte[] msk = Hex.of("e68a1ab90313024fda7a04a03fea010f");
        byte[] a = Hex.of("001b6393fcbc");
        byte[] b = Hex.of("00d0b71a7717");
        assertArrayEquals(KeyHierarchy.cakFromMsk(msk, a, b, 128), KeyHierarchy.cakFromMsk(msk, b, a, 128));
    }

    @Test
    void shortCknIsZeroPaddedToSixteenOctets() {
        byte[] cak = Hex.of("135bd758b0ee5c11c55ff6ab19fdb199");
        byte[] shortCkn = Hex.of("9643");
        assertArrayEquals(Kdf.derive(cak, "IEEE8021 ICK", Hex.of("96430000000000000000000000000000"), 128),
                KeyHierarchy.ick(cak, shortCkn));
    }

    @Test
    void rejectsImpossibleLengths() {
        assertThrows(IllegalArgumentException.class, () -> Kdf.derive(new byte[16], "x", new byte[0], 12));
        assertThrows(IllegalArgumentException.class, () -> KeyHierarchy.ick(new byte[20], new byte[16]));
        assertThrows(IllegalArgumentException.class, () -> KeyHierarchy.cakFromMsk(new byte[16], new byte[6], new byte[6], 256));
    }
}
