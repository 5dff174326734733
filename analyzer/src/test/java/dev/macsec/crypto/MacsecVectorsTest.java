package dev.macsec.crypto;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.macsec.decode.SecTag;
import dev.macsec.secy.FrameProtection;
import dev.macsec.suite.CipherSuite;
import dev.macsec.testing.ProjectFiles;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** IEEE 802.1AE Annex C and supplementary frames, in both directions. */
class MacsecVectorsTest {
    private static final HexFormat HEX = HexFormat.of();

    static Stream<Arguments> annexC() throws IOException {
        return load("ieee8021ae-annexc.json", 32);
    }

    static Stream<Arguments> supplementary() throws IOException {
        return load("macsec-supplementary.json", 10);
    }

    private static Stream<Arguments> load(String file, int expected) throws IOException {
        JsonNode root = new ObjectMapper().readTree(ProjectFiles.vector(file).toFile());
        List<Arguments> out = new ArrayList<>();
        for (JsonNode v : root.get("vectors")) {
            out.add(Arguments.of(v.get("name").asText(), v));
        }
        assertEquals(expected, out.size(), file);
        return out.stream();
    }

    static SaKey key(JsonNode v) {
        CipherSuite suite = CipherSuite.byName(v.get("cipherSuite").asText());
        assertNotNull(suite);
        if (v.hasNonNull("cipherSuiteId")) {
            assertEquals(suite, CipherSuite.byId(Long.parseUnsignedLong(v.get("cipherSuiteId").asText(), 16)));
        }
        int ssci = v.hasNonNull("ssci") ? (int) Long.parseLong(v.get("ssci").asText(), 16) : 0;
        String salt = v.hasNonNull("salt") ? v.get("salt").asText() : null;
        return SaKey.ofHex(suite, v.get("sak").asText(), ssci, salt);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource({"annexC", "supplementary"})
    void protectGivesTheProtectedFrame(String name, JsonNode v) {
        SaKey key = key(v);
        byte[] plain = HEX.parseHex(v.get("plaintextFrame").asText());
        byte[] expected = HEX.parseHex(v.get("protectedFrame").asText());
        int tciAn = Integer.parseInt(v.get("tciAn").asText(), 16);
        long sci = Long.parseUnsignedLong(v.get("sci").asText(), 16);
        long pn = Long.parseUnsignedLong(v.get("pn").asText(), 16);
        byte[] out = new byte[FrameProtection.protectedLength(plain.length, true) + 5];
        int n = FrameProtection.protect(new MacsecGcm(key), plain, 0, plain.length, sci, tciAn & 0xFC, tciAn & 3, pn,
                v.get("offset").asInt(), out, 3);
        assertEquals(HEX.formatHex(expected), HEX.formatHex(java.util.Arrays.copyOfRange(out, 3, 3 + n)));
        if (v.hasNonNull("iv")) {
            byte[] iv = new byte[12];
            MacsecGcm.fillIv(key, sci, pn, iv);
            assertEquals(v.get("iv").asText(), HEX.withUpperCase().formatHex(iv));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource({"annexC", "supplementary"})
    void verifyGivesThePlaintextAndRejectsAnyFlippedBit(String name, JsonNode v) {
        SaKey key = key(v);
        byte[] frame = HEX.parseHex(v.get("protectedFrame").asText());
        byte[] plain = HEX.parseHex(v.get("plaintextFrame").asText());
        long sci = Long.parseUnsignedLong(v.get("sci").asText(), 16);
        long pn = Long.parseUnsignedLong(v.get("pn").asText(), 16);
        SecTag tag = new SecTag().wrap(frame, 6, 12, frame.length);
        assertEquals(0, key.suite().xpn() ? tag.violationsForXpn() : tag.violations());
        assertEquals(sci, tag.sci());
        MacsecGcm gcm = new MacsecGcm(key);
        byte[] out = new byte[frame.length + 7];
        int n = verify(gcm, tag, 0, sci, pn, v.get("offset").asInt(), out, 7);
        assertEquals(plain.length, n);
        assertArrayEquals(plain, java.util.Arrays.copyOfRange(out, 7, 7 + n));
        // DA, SecTAG, data and ICV are all covered: one flipped bit anywhere fails.
        for (int pos : new int[] {0, 11, 14, tag.secureDataOffset(), frame.length - 20, frame.length - 1}) {
            frame[pos] ^= 0x10;
            assertEquals(-1, verify(gcm, tag, 0, sci, pn, v.get("offset").asInt(), out, 0), "bit flipped at " + pos);
            frame[pos] ^= 0x10;
        }
        assertEquals(-1, verify(gcm, tag, 0, sci, pn + 1, v.get("offset").asInt(), out, 0), "wrong PN");
    }

    @Test
    void suitesByIdAndName() {
        assertEquals(CipherSuite.GCM_AES_XPN_256, CipherSuite.byName("gcm-aes-xpn-256"));
        assertEquals(CipherSuite.GCM_AES_128, CipherSuite.byId(0x0080C20001000001L));
        assertEquals(CipherSuite.GCM_AES_256, CipherSuite.byId(0x0080C20001000002L));
        assertEquals(CipherSuite.GCM_AES_XPN_128, CipherSuite.byId(0x0080C20001000003L));
        assertEquals(CipherSuite.GCM_AES_XPN_256, CipherSuite.byId(0x0080C20001000004L));
        assertEquals(null, CipherSuite.byId(0x0080C20001000005L));
        assertEquals(null, CipherSuite.byName("GCM-AES-512"));
        assertEquals(32, CipherSuite.GCM_AES_XPN_256.keyLength());
        assertTrue(CipherSuite.GCM_AES_XPN_128.xpn());
    }

    @Test
    void keyToStringHidesTheKey() {
        SaKey k = SaKey.ofHex(CipherSuite.GCM_AES_128, "00112233445566778899aabbccddeeff", 0, null);
        assertTrue(!k.toString().toLowerCase().contains("0011223344"), k.toString());
    }

    @Test
    void jumboFramesAndSameIvTwice() {
        SaKey key = SaKey.ofHex(CipherSuite.GCM_AES_XPN_256, "4C973DBC7364621674F8B5B89E5C15511FCED9216490FB1C1A2CAA0FFE0407E5",
                0x7A30C118, "E630E81A48DE86A21C66FA6D");
        byte[] plain = new byte[9018];
        for (int i = 0; i < plain.length; i++) {
            plain[i] = (byte) (i * 7);
        }
        MacsecGcm gcm = new MacsecGcm(key);
        byte[] p1 = new byte[FrameProtection.protectedLength(plain.length, true)];
        byte[] p2 = new byte[p1.length];
        int tci = SecTag.TCI_SC | SecTag.TCI_E | SecTag.TCI_C;
        for (int offset : new int[] {0, 30, 50}) {
            int n1 = FrameProtection.protect(gcm, plain, 0, plain.length, 0x0102030405060001L, tci, 1, 0x1_0000_0005L,
                    offset, p1, 0);
            // protecting twice with the same PN must work and give the same bytes (JDK IV-reuse guard)
            int n2 = FrameProtection.protect(gcm, plain, 0, plain.length, 0x0102030405060001L, tci, 1, 0x1_0000_0005L,
                    offset, p2, 0);
            assertEquals(n1, n2);
            assertArrayEquals(p1, p2);
            SecTag tag = new SecTag().wrap(p1, 6, 12, n1);
            assertEquals(0, tag.violations());
            // the first `offset` octets stay in clear
            assertArrayEquals(java.util.Arrays.copyOfRange(plain, 12, 12 + offset),
                    java.util.Arrays.copyOfRange(p1, 28, 28 + offset));
            byte[] out = new byte[n1];
            assertEquals(plain.length, verify(gcm, tag, 0, 0, 0x1_0000_0005L, offset, out, 0));
            assertArrayEquals(plain, java.util.Arrays.copyOf(out, plain.length));
            assertEquals(-1, verify(gcm, tag, 0, 0, 0x0_0000_0005L, offset, out, 0), "upper PN bits are in the IV");
        }
    }

    /** Verifies the frame {@code tag} wraps, its parts given as {@link MacsecGcm#verify} takes them. */
    static int verify(MacsecGcm gcm, SecTag tag, int daOffset, long sci, long pn, int offset, byte[] out, int outOff) {
        return gcm.verify(tag.buffer(), daOffset, tag.etherTypeOffset(), tag.secureDataOffset(),
                tag.secureDataLength(), tag.encrypted(), sci, pn, offset, out, outOff);
    }
}
