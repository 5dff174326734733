package dev.macsec.keys;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every MKPDU of vectors/mka-mkpdu-icv.json: ICK/KEK from CAK/CKN, the ICV, and the Distributed SAK unwraps. */
class MkpduIcvVectorsTest {
    static Stream<Arguments> vectors() {
        return Json.vectors("mka-mkpdu-icv.json");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("vectors")
    void derivesIckAndKek(String name, JsonNode v) {
        byte[] cak = Json.hex(v, "cak");
        byte[] ckn = Json.hex(v, "ckn");
        assertEquals(Hex.format(Json.hex(v, "ick")), Hex.format(KeyHierarchy.ick(cak, ckn)));
        assertEquals(Hex.format(Json.hex(v, "kek")), Hex.format(KeyHierarchy.kek(cak, ckn)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("vectors")
    void icvOverTheCoveredOctets(String name, JsonNode v) {
        byte[] ick = KeyHierarchy.ick(Json.hex(v, "cak"), Json.hex(v, "ckn"));
        byte[] input = Json.hex(v, "icvInput");
        assertEquals(Hex.format(Json.hex(v, "icv")), Hex.format(MkpduIcv.compute(ick, input, 0, input.length)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("vectors")
    void verifiesTheCapturedFrameAndRejectsAnyFlippedBit(String name, JsonNode v) {
        byte[] ick = Json.hex(v, "ick");
        byte[] frame = Json.hex(v, "frameAsCaptured");
        int covered = Json.hex(v, "icvInput").length;
        MkpduIcv icv = new MkpduIcv(ick);
        assertTrue(icv.verify(frame, 0, covered, covered));
        for (int i = 0; i < frame.length; i += 7) {
            byte[] bad = frame.clone();
            bad[i] ^= 0x10;
            assertFalse(icv.verify(bad, 0, covered, covered), "flipped octet " + i);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("vectors")
    void unwrapsTheDistributedSak(String name, JsonNode v) {
        JsonNode d = v.get("distributedSak");
        if (d == null) {
            return;
        }
        KeyWrap.Result r = KeyWrap.unwrap(Json.hex(v, "kek"), Json.hex(d, "wrappedSak"));
        assertArrayEquals(Json.hex(d, "unwrappedSak"), assertInstanceOf(KeyWrap.Result.Unwrapped.class, r).key());
        // the wrapped SAK sits at the end of the parameter set, after the 4-octet header and the KN
        byte[] paramSet = Json.hex(d, "paramSetHex");
        assertEquals(Hex.format(Json.hex(d, "wrappedSak")), Hex.format(paramSet, 8, 24));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("vectors")
    void vlanTaggedCopyVerifiesWithTheTwoRangeForm(String name, JsonNode v) {
        byte[] frame = Json.hex(v, "frameAsCaptured");
        int covered = Json.hex(v, "icvInput").length;
        byte[] tagged = new byte[frame.length + 4];
        System.arraycopy(frame, 0, tagged, 0, 12);
        tagged[12] = (byte) 0x81;
        tagged[14] = 0x00;
        tagged[15] = 0x0a;
        System.arraycopy(frame, 12, tagged, 16, frame.length - 12);
        assertTrue(new MkpduIcv(Json.hex(v, "ick")).verify(tagged, 0, 16, covered - 12, covered + 4));
    }
}
