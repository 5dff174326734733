package dev.macsec.keys;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every vector of vectors/ieee8021x-kdf.json: the KDF, CAK/CKN from an MSK, KEK, ICK and SAK derivation. */
class KdfVectorsTest {
    /** 802.1X key hierarchy labels, as the standard spells them (also listed in the vector file). */
    private static final Map<String, String> LABELS = Map.of("CAK", "IEEE8021 EAP CAK", "CKN", "IEEE8021 EAP CKN",
            "KEK", "IEEE8021 KEK", "ICK", "IEEE8021 ICK", "SAK", "IEEE8021 SAK");

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

    /**
     * The label/context encoding alone (802.1X 6.2.1: fixed input = Label || 0x00 || Context || [L]16), against the
     * context each 802.1X vector spells out, with the fixed input built here by hand. The NIST SP 800-108 CAVS vectors
     * (vectors/SOURCES.md) have no label or context, only opaque fixed input data: they are skipped here, visibly, and
     * checked by {@link #derivesTheExpectedKey}.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("vectors")
    void contextMatchesTheVector(String name, JsonNode v) {
        if (v.get("type").asText().equals("KBKDF-primitive")) {
            assertFalse(v.has("label") || v.has("context"), name + ": a NIST primitive vector carries no 802.1X label");
            Assumptions.abort("NIST SP 800-108 CAVS vector: its fixed input data is opaque, not Label || 0x00 || Context"
                    + " || [L]16, so there is no label or context to check; derivesTheExpectedKey checks it");
        }
        assertTrue(v.has("label") && v.has("context"), name + ": every 802.1X derivation has a label and a context");
        String label = v.get("label").asText();
        if (!v.get("type").asText().equals("KDF")) {
            assertEquals(LABELS.get(v.get("type").asText()), label, name);
        }
        int bits = v.get("lengthBits").asInt();
        byte[] context = Json.hex(v, "context");
        byte[] fixed = new byte[label.length() + 1 + context.length + 2];
        System.arraycopy(label.getBytes(StandardCharsets.US_ASCII), 0, fixed, 0, label.length());
        System.arraycopy(context, 0, fixed, label.length() + 1, context.length);
        fixed[fixed.length - 2] = (byte) (bits >> 8);
        fixed[fixed.length - 1] = (byte) bits;
        assertEquals(Hex.format(Json.hex(v, "expected")), Hex.format(Kdf.counterMode(keyOf(v), fixed, bits)),
                "the vector's own context, encoded by hand");
        assertEquals(Hex.format(Json.hex(v, "expected")), Hex.format(Kdf.derive(keyOf(v), label, context, bits)),
                "the vector's own context, encoded by Kdf.derive");
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
