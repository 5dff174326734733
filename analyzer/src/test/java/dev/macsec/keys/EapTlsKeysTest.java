package dev.macsec.keys;

import org.bouncycastle.jcajce.spec.TLSKeyMaterialSpec;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import javax.crypto.SecretKeyFactory;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The EAP-TLS MSK, EMSK and Session-Id derived from a key log against real sessions: wpa_supplicant 2.10 (peer) and
 * hostapd 2.10 (wired authenticator, with its own EAP server, or for the fr-* sessions with FreeRADIUS 3.2.1 as the
 * AAA server), all over OpenSSL 3.0, recorded by scripts/eap-tls-keylog-session into src/test/resources/eap-tls. Per
 * session NAME: NAME.keylog is the key log OpenSSL wrote for the peer, NAME.handshake the version, cipher suite and
 * randoms tshark read from the capture (NAME.pcap), NAME.wpa_supplicant, NAME.hostapd and NAME.freeradius the keys
 * those printed in their debug output, verbatim. Nothing expected here comes from this project's code.
 */
class EapTlsKeysTest {
    private static final Pattern HEXDUMP = Pattern.compile("^(?:EAP-TLS: Derived )?(key|EMSK|Session-Id|MS-MPPE-Send-Key|MS-MPPE-Recv-Key)"
            + " - hexdump\\(len=(\\d+)\\):((?: [0-9a-f]{2})+)$");
    /** FreeRADIUS -X prints the reply's attributes as "MS-MPPE-Recv-Key = 0x..." and "EAP-Key-Name := 0x...". */
    private static final Pattern RADIUS_ATTRIBUTE = Pattern.compile("^(MS-MPPE-Recv-Key|MS-MPPE-Send-Key|EAP-Key-Name) :?= 0x([0-9a-f]+)$");

    /** One recorded session: what the wire and the key log give, and what wpa_supplicant and hostapd derived. */
    record Session(String name, int version, int cipherSuite, byte[] clientRandom, byte[] serverRandom, String keyLog,
                   Map<String, byte[]> peer, Map<String, byte[]> server) {
        static Session load(String name) {
            Map<String, String> handshake = new HashMap<>();
            for (String line : resource(name + ".handshake").split("\n")) {
                String[] f = line.split(" ");
                handshake.put(f[0], f[1]);
            }
            return new Session(name, Integer.decode(handshake.get("version")), Integer.decode(handshake.get("cipher_suite")),
                    Hex.of(handshake.get("client_random")), Hex.of(handshake.get("server_random")),
                    resource(name + ".keylog"), hexdumps(resource(name + ".wpa_supplicant")), hexdumps(resource(name + ".hostapd")));
        }

        EapTlsKeys.Material derive(TlsKeyLog log) {
            return EapTlsKeys.derive(version, cipherSuite, clientRandom, serverRandom, log).orElseThrow();
        }
    }

    static String resource(String name) {
        try (InputStream in = EapTlsKeysTest.class.getResourceAsStream("/eap-tls/" + name)) {
            if (in == null) {
                throw new AssertionError("missing test resource eap-tls/" + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.US_ASCII);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    /** wpa_hexdump_key lines ("EAP-TLS: Derived key - hexdump(len=64): be da ...") by what they name. */
    static Map<String, byte[]> hexdumps(String text) {
        Map<String, byte[]> out = new HashMap<>();
        for (String line : text.split("\n")) {
            Matcher m = HEXDUMP.matcher(line);
            if (m.matches()) {
                byte[] value = Hex.of(m.group(3).replace(" ", ""));
                assertEquals(Integer.parseInt(m.group(2)), value.length, line);
                byte[] earlier = out.putIfAbsent(m.group(1), value);
                if (earlier != null) {
                    assertArrayEquals(earlier, value, "the same session printed two different " + m.group(1));
                }
            }
        }
        return out;
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"tls10", "tls12-sha256", "tls12-sha384", "tls13-sha256", "tls13-sha384"})
    void derivesWhatWpaSupplicantAndHostapdDerived(String name) {
        Session s = Session.load(name);
        EapTlsKeys.Material keys = s.derive(TlsKeyLog.parse(s.keyLog(), name + ".keylog"));
        assertEquals(Hex.format(s.peer().get("key")), Hex.format(keys.msk()), "MSK");
        assertEquals(Hex.format(s.server().get("key")), Hex.format(keys.msk()), "MSK (hostapd)");
        assertEquals(Hex.format(s.peer().get("EMSK")), Hex.format(keys.emsk()), "EMSK");
        assertEquals(Hex.format(s.peer().get("Session-Id")), Hex.format(keys.sessionId()), "Session-Id");
    }

    /**
     * With FreeRADIUS as the server: the MSK is what its Access-Accept carried (RFC 5216 2.3: MS-MPPE-Recv-Key the
     * MSK's first 32 octets, MS-MPPE-Send-Key the next 32), as FreeRADIUS printed it and hostapd decrypted it, and the
     * Session-Id is its EAP-Key-Name, for TLS 1.2 and for TLS 1.3, where both sides export with the Type-Code context.
     */
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"fr-tls12", "fr-tls13"})
    void derivesWhatFreeRadiusSentInTheAccessAccept(String name) {
        Session s = Session.load(name);
        EapTlsKeys.Material keys = s.derive(TlsKeyLog.parse(s.keyLog(), name + ".keylog"));
        Map<String, byte[]> radius = radiusAttributes(resource(name + ".freeradius"));
        assertEquals(Hex.format(radius.get("MS-MPPE-Recv-Key")) + Hex.format(radius.get("MS-MPPE-Send-Key")), Hex.format(keys.msk()),
                "MSK from FreeRADIUS's MS-MPPE keys");
        assertEquals(Hex.format(s.server().get("MS-MPPE-Recv-Key")) + Hex.format(s.server().get("MS-MPPE-Send-Key")),
                Hex.format(keys.msk()), "MSK from the MS-MPPE keys hostapd decrypted");
        assertEquals(Hex.format(radius.get("EAP-Key-Name")), Hex.format(keys.sessionId()), "Session-Id (EAP-Key-Name)");
        assertEquals(Hex.format(s.peer().get("key")), Hex.format(keys.msk()), "MSK (wpa_supplicant)");
        assertEquals(Hex.format(s.peer().get("EMSK")), Hex.format(keys.emsk()), "EMSK (wpa_supplicant)");
    }

    static Map<String, byte[]> radiusAttributes(String text) {
        Map<String, byte[]> out = new HashMap<>();
        for (String line : text.split("\n")) {
            Matcher m = RADIUS_ATTRIBUTE.matcher(line.strip());
            if (m.matches() && !m.group(2).equals("00")) {
                out.put(m.group(1), Hex.of(m.group(2)));
            }
        }
        return out;
    }

    /** The recordings cover what they are named for, so each derivation path above is really taken. */
    @Test
    void theSessionsCoverEachVersionAndHash() {
        assertEquals(EapTlsKeys.TLS_1_0, Session.load("tls10").version());
        assertEquals(List.of(EapTlsKeys.TLS_1_2, 0xC02B), List.of(Session.load("tls12-sha256").version(), Session.load("tls12-sha256").cipherSuite()));
        assertEquals(List.of(EapTlsKeys.TLS_1_2, 0xC02C), List.of(Session.load("tls12-sha384").version(), Session.load("tls12-sha384").cipherSuite()));
        assertEquals(List.of(EapTlsKeys.TLS_1_3, 0x1301), List.of(Session.load("tls13-sha256").version(), Session.load("tls13-sha256").cipherSuite()));
        assertEquals(List.of(EapTlsKeys.TLS_1_3, 0x1302), List.of(Session.load("tls13-sha384").version(), Session.load("tls13-sha384").cipherSuite()));
        assertEquals(EapTlsKeys.TLS_1_2, Session.load("fr-tls12").version());
        assertEquals(EapTlsKeys.TLS_1_3, Session.load("fr-tls13").version());
    }

    /** RFC 5216 2.3: the TLS 1.2 Session-Id is the type and the two randoms, which wpa_supplicant's shows too. */
    @Test
    void tls12SessionIdIsTypeAndRandoms() {
        Session s = Session.load("tls12-sha384");
        byte[] id = s.peer().get("Session-Id");
        assertEquals("0d" + Hex.format(s.clientRandom()) + Hex.format(s.serverRandom()), Hex.format(id));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"tls12-sha384", "tls13-sha384"})
    void oneBitOfTheSecretChangesEveryKey(String name) {
        Session s = Session.load(name);
        TlsKeyLog.Label label = s.version() == EapTlsKeys.TLS_1_3 ? TlsKeyLog.Label.EXPORTER_SECRET : TlsKeyLog.Label.CLIENT_RANDOM;
        String line = s.keyLog().lines().filter(l -> l.startsWith(label + " ")).findFirst().orElseThrow();
        String secret = line.substring(line.lastIndexOf(' ') + 1);
        String flipped = secret.substring(0, secret.length() - 1) + (secret.endsWith("0") ? "1" : "0");
        EapTlsKeys.Material keys = s.derive(TlsKeyLog.parse(s.keyLog().replace(secret, flipped), "edited"));
        assertNotEquals(Hex.format(s.peer().get("key")), Hex.format(keys.msk()));
        assertNotEquals(Hex.format(s.peer().get("EMSK")), Hex.format(keys.emsk()));
        if (s.version() == EapTlsKeys.TLS_1_3) {
            assertNotEquals(Hex.format(s.peer().get("Session-Id")), Hex.format(keys.sessionId()));
        }
    }

    /** The PRF hash follows the suite: the same master secret under the other hash gives another MSK. */
    @Test
    void tls12PrfHashFollowsTheCipherSuite() {
        Session s = Session.load("tls12-sha384");
        byte[] master = TlsKeyLog.parse(s.keyLog(), "k").secret(TlsKeyLog.Label.CLIENT_RANDOM, s.clientRandom()).orElseThrow();
        EapTlsKeys.Material asSha256 = EapTlsKeys.fromMasterSecret(EapTlsKeys.TLS_1_2, 0xC02B, master, s.clientRandom(), s.serverRandom());
        assertNotEquals(Hex.format(s.peer().get("key")), Hex.format(asSha256.msk()));
        EapTlsKeys.Material asTls10 = EapTlsKeys.fromMasterSecret(EapTlsKeys.TLS_1_0, 0xC02C, master, s.clientRandom(), s.serverRandom());
        assertNotEquals(Hex.format(s.peer().get("key")), Hex.format(asTls10.msk()));
    }

    /**
     * The PRF against Bouncy Castle's own TLS PRF (its provider's TLSKDF, too slow to load for the analyzer's use),
     * for each PRF, odd and even secret lengths (TLS 1.0 splits the secret in halves) and output lengths that end
     * inside a hash block.
     */
    @Test
    void prfAgreesWithBouncyCastlesTlsKdf() throws Exception {
        BouncyCastleProvider bc = new BouncyCastleProvider();
        SplittableRandom r = new SplittableRandom(5216);
        Object[][] prfs = {{EapTlsKeys.TLS_1_0, 0x002F, "TLS10KDF"}, {EapTlsKeys.TLS_1_1, 0x002F, "TLS11KDF"},
            {EapTlsKeys.TLS_1_2, 0xC02B, "TLS12WITHSHA256KDF"}, {EapTlsKeys.TLS_1_2, 0xC030, "TLS12WITHSHA384KDF"}};
        for (Object[] prf : prfs) {
            for (int secretLength : new int[] {47, 48}) {
                for (int length : new int[] {1, 20, 64, 100, 128, 129}) {
                    byte[] secret = new byte[secretLength];
                    byte[] seed = new byte[64];
                    r.nextBytes(secret);
                    r.nextBytes(seed);
                    byte[] expected = SecretKeyFactory.getInstance((String) prf[2], bc)
                            .generateSecret(new TLSKeyMaterialSpec(secret, "client EAP encryption", length, seed)).getEncoded();
                    assertEquals(Hex.format(expected), Hex.format(EapTlsKeys.tlsPrf((int) prf[0], (int) prf[1], secret,
                            "client EAP encryption", seed, length)), prf[2] + " secret " + secretLength + " length " + length);
                }
            }
        }
    }

    /** All the sessions in one key log (as one SSLKEYLOGFILE collects them): each is found by its client random. */
    @Test
    void oneKeyLogHoldsManySessions() {
        List<String> names = List.of("tls10", "tls12-sha256", "tls12-sha384", "tls13-sha256", "tls13-sha384", "fr-tls12", "fr-tls13");
        StringBuilder all = new StringBuilder("# SSL/TLS secrets log file, generated by NSS\r\n\n");
        names.forEach(n -> all.append(resource(n + ".keylog")).append("CLIENT_EARLY_TRAFFIC_SECRET ").append("00".repeat(32))
                .append(' ').append("11".repeat(48)).append('\n'));
        TlsKeyLog log = TlsKeyLog.parse(all.toString(), "all.keylog");
        for (String n : names) {
            Session s = Session.load(n);
            assertEquals(Hex.format(s.peer().get("key")), Hex.format(s.derive(log).msk()), n);
        }
    }

    @Test
    void aSessionMissingFromTheKeyLogGivesNothing() {
        Session s13 = Session.load("tls13-sha256");
        Session s12 = Session.load("tls12-sha256");
        TlsKeyLog only12 = TlsKeyLog.parse(s12.keyLog(), "k");
        assertTrue(EapTlsKeys.derive(s13.version(), s13.cipherSuite(), s13.clientRandom(), s13.serverRandom(), only12).isEmpty());
        // a TLS 1.3 log without its EXPORTER_SECRET line: the session is known, its MSK is not
        TlsKeyLog noExporter = TlsKeyLog.parse(s13.keyLog().lines().filter(l -> !l.startsWith("EXPORTER_SECRET"))
                .reduce("", (a, b) -> a + b + "\n"), "k");
        assertTrue(noExporter.knows(s13.clientRandom()));
        assertTrue(EapTlsKeys.derive(s13.version(), s13.cipherSuite(), s13.clientRandom(), s13.serverRandom(), noExporter).isEmpty());
    }

    @Test
    void refusesWhatItCannotDerive() {
        byte[] r = new byte[32];
        assertFalse(EapTlsKeys.supports(EapTlsKeys.TLS_1_2, 0xC102), "a GOST suite");
        assertFalse(EapTlsKeys.supports(0x0300, 0x002F), "SSL 3.0");
        assertThrows(IllegalArgumentException.class, () -> EapTlsKeys.derive(0x0300, 0x002F, r, r, TlsKeyLog.EMPTY));
        assertThrows(IllegalArgumentException.class, () -> EapTlsKeys.derive(EapTlsKeys.TLS_1_2, 0x002F, new byte[31], r, TlsKeyLog.EMPTY));
        // a SHA-256 exporter secret under a SHA-384 suite: a mismatched log line, not keys
        assertThrows(IllegalArgumentException.class, () -> EapTlsKeys.fromExporterSecret(0x1302, new byte[32]));
        assertThrows(IllegalArgumentException.class,
                () -> EapTlsKeys.fromMasterSecret(EapTlsKeys.TLS_1_3, 0x1301, new byte[48], r, r));
    }

    @Test
    void keysAreNotPrinted() {
        Session s = Session.load("tls12-sha256");
        EapTlsKeys.Material keys = s.derive(TlsKeyLog.parse(s.keyLog(), "k"));
        assertEquals("EAP-TLS keys(MSK 64 octets, EMSK 64 octets, Session-Id 65 octets)", keys.toString());
        assertFalse(keys.toMskEntry(1, null).toString().contains(Hex.format(keys.msk()).substring(0, 8)));
        assertArrayEquals(keys.msk(), keys.toMskEntry(1, "eap").msk());
    }
}
