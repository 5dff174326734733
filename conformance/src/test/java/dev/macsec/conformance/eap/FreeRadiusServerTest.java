package dev.macsec.conformance.eap;

import dev.macsec.keys.EapTlsKeys;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * {@link TestPki} as openssl's verifier reads it, and {@link FreeRadiusServer} as a RADIUS client meets it: EAP-TLS
 * is what it starts, with the secret given, on port 1812 of its own loopback address, and the PKI's client is who it
 * accepts. Needs openssl, freeradius and gcc (no root: 1812 is not a privileged port); skips naming
 * scripts/install-deps otherwise.
 */
class FreeRadiusServerTest {
    private static final String SECRET = "free-radius-server-test";
    private static Path work;
    private static TestPki pki;

    @BeforeAll
    static void pki() throws IOException {
        work = Files.createTempDirectory("freeradius-server-test");
        try {
            pki = TestPki.create(work.resolve("pki"));
        } catch (ToolMissingException e) {
            assumeTrue(false, e.getMessage());
        }
    }

    @AfterAll
    static void delete() throws IOException {
        if (work != null) {
            try (Stream<Path> s = Files.walk(work)) {
                s.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    @Test
    void certificatesChainAndServeThePurposesOpensslChecks() throws Exception {
        assertEquals("OK", verify(pki.caCert(), "sslserver", pki.serverCert()));
        assertEquals("OK", verify(pki.caCert(), "sslclient", pki.clientCert()));
        assertEquals("OK", verify(pki.rogueCaCert(), "sslclient", pki.rogueClientCert()));
        assertFalse(verify(pki.caCert(), "sslclient", pki.rogueClientCert()).equals("OK"), "rogue client, test CA");
        // the server certificate is no client's, the client's no server's
        assertFalse(verify(pki.caCert(), "sslclient", pki.serverCert()).equals("OK"));
        assertFalse(verify(pki.caCert(), "sslserver", pki.clientCert()).equals("OK"));
        String subject = openssl("x509", "-noout", "-subject", "-nameopt", "sep_multiline", "-in", pki.clientCert().toString());
        assertTrue(subject.contains("CN=client@eap.test"), subject);
        assertEquals(subject, openssl("x509", "-noout", "-subject", "-nameopt", "sep_multiline", "-in",
                pki.rogueClientCert().toString()), "the rogue client claims the same name");
        assertEquals(1, pki.clientCredentials(false).chain().size());
        assertEquals(1, pki.clientCredentials(true).trustedCas().size());
    }

    @Test
    void answersAnEapIdentityWithEapTlsStartUnderItsSecretAndStopsOnClose() throws Exception {
        FreeRadiusServer server = start("start");
        InetSocketAddress at = server.authAddress();
        try (server) {
            assertEquals(1812, at.getPort());
            assertTrue(at.getAddress().isLoopbackAddress() && !at.getAddress().getHostAddress().equals("127.0.0.1"),
                    at.toString());
            // RadiusClient discards an answer whose Response Authenticator or Message-Authenticator fails the secret
            Authenticator.Answer a = exchange(at, SECRET, Duration.ofSeconds(3));
            assertEquals(Authenticator.Answer.Kind.CHALLENGE, a.kind(), server.logTail(30));
            // RFC 5216 3.1: EAP-Request (1), Type EAP-TLS (13), Flags with the Start bit (0x20)
            assertEquals(1, a.eap()[0]);
            assertEquals(13, a.eap()[4]);
            assertEquals(0x20, a.eap()[5] & 0x20);
            // a client with another secret gets no answer: its Message-Authenticator fails
            assertThrows(IOException.class, () -> exchange(at, SECRET + "x", Duration.ofMillis(700)));
            assertTrue(server.logTail(40).contains("invalid Message-Authenticator"), server.logTail(20));
        }
        assertFalse(server.isAlive(), "stopped by close");
        // the address is free again: the port was released with the process
        try (DatagramSocket s = new DatagramSocket(at)) {
            assertTrue(s.isBound());
        }
    }

    @Test
    void twoServersAtOnceGetAddressesOfTheirOwn() throws Exception {
        try (FreeRadiusServer a = start("a"); FreeRadiusServer b = start("b")) {
            assertFalse(a.authAddress().equals(b.authAddress()));
            assertEquals(Authenticator.Answer.Kind.CHALLENGE, exchange(b.authAddress(), SECRET, Duration.ofSeconds(3)).kind());
        }
    }

    /**
     * Our EAP-TLS peer with the PKI's client certificate, through our RADIUS client: FreeRADIUS accepts it, and its
     * Access-Accept's MS-MPPE keys are the MSK our peer derived (RFC 5216 2.3); with the key-log shim preloaded its
     * OpenSSL logged the same TLS secret as our peer. The rogue client certificate gets an Access-Reject.
     */
    @Test
    void acceptsThePkisClientAndRejectsTheRogueOne() throws Exception {
        Path shim = keyLogShim();
        FreeRadiusServer server;
        try {
            server = FreeRadiusServer.start(work.resolve("eap-tls"), pki, SECRET.getBytes(StandardCharsets.US_ASCII),
                    FreeRadiusServer.Options.DEFAULT.withKeyLog(shim));
        } catch (ToolMissingException e) {
            assumeTrue(false, e.getMessage());
            return;
        }
        try (server) {
            EapTlsPeer peer = new EapTlsPeer(pki.clientCredentials(false), EapTlsKeys.TLS_1_2,
                    EapTlsPeer.DEFAULT_FRAGMENT_SIZE, new SecureRandom());
            Authenticator.Answer accept = authenticate(server, peer);
            assertEquals(Authenticator.Answer.Kind.ACCEPT, accept.kind(), server.logTail(30));
            assertEquals(3, accept.eap()[0], "EAP-Success");
            assertTrue(peer.mayAcceptSuccess());
            assertArrayEquals(peer.keys().orElseThrow().msk(), accept.msk(), "MS-MPPE-Recv-Key || Send-Key");
            List<String> keyLog = Files.readAllLines(server.tlsKeyLog().orElseThrow());
            assertTrue(keyLog.contains(peer.keyLog()), "FreeRADIUS's key log " + keyLog + " has " + peer.keyLog());

            EapTlsPeer rogue = new EapTlsPeer(pki.clientCredentials(true), EapTlsKeys.TLS_1_2,
                    EapTlsPeer.DEFAULT_FRAGMENT_SIZE, new SecureRandom());
            Authenticator.Answer reject = authenticate(server, rogue);
            assertEquals(Authenticator.Answer.Kind.REJECT, reject.kind());
            assertTrue(rogue.keys().isEmpty() || !rogue.mayAcceptSuccess(), rogue.state().toString());
        }
    }

    /** The EAP conversation from EAP-Response/Identity to the server's last answer (accept or reject). */
    private static Authenticator.Answer authenticate(FreeRadiusServer server, EapTlsPeer peer) throws IOException {
        byte[] sup = {2, 0, 0, 0, 0, 2};
        byte[] auth = {2, 0, 0, 0, 0, 1};
        RadiusClient.Config c = new RadiusClient.Config(server.authAddress(), SECRET.getBytes(StandardCharsets.US_ASCII),
                new byte[] {127, 0, 0, 1}, Duration.ofSeconds(3), 2, true, 1400);
        try (RadiusClient client = new RadiusClient(c)) {
            Authenticator.Answer a = client.exchange(new Authenticator.Request(TestPki.CLIENT_IDENTITY,
                    eapResponse(7, 1, TestPki.CLIENT_IDENTITY.getBytes(StandardCharsets.US_ASCII)), null, auth, sup));
            for (int round = 0; a.kind() == Authenticator.Answer.Kind.CHALLENGE && round < 50; round++) {
                byte[] request = a.eap();
                assertEquals(13, request[4], "EAP-TLS requests only");
                byte[] typeData = Arrays.copyOfRange(request, 5, request.length);
                a = client.exchange(new Authenticator.Request(TestPki.CLIENT_IDENTITY,
                        eapResponse(request[1], 13, peer.process(typeData)), a.state(), auth, sup));
            }
            return a;
        }
    }

    private static byte[] eapResponse(int id, int type, byte[] typeData) {
        byte[] eap = new byte[5 + typeData.length];
        eap[0] = 2;
        eap[1] = (byte) id;
        eap[2] = (byte) (eap.length >> 8);
        eap[3] = (byte) eap.length;
        eap[4] = (byte) type;
        System.arraycopy(typeData, 0, eap, 5, typeData.length);
        return eap;
    }

    /** scripts/keylog-shim.c of this checkout (the tests run in the module's directory). */
    private static Path keyLogShim() {
        for (Path d = Path.of("").toAbsolutePath(); d != null; d = d.getParent()) {
            Path shim = d.resolve("scripts/keylog-shim.c");
            if (Files.isRegularFile(shim)) {
                return shim;
            }
        }
        throw new AssertionError("scripts/keylog-shim.c not found above " + Path.of("").toAbsolutePath());
    }

    private static FreeRadiusServer start(String name) throws IOException {
        try {
            return FreeRadiusServer.start(work.resolve(name), pki, SECRET.getBytes(StandardCharsets.US_ASCII));
        } catch (ToolMissingException e) {
            assumeTrue(false, e.getMessage());
            throw e;
        }
    }

    private static Authenticator.Answer exchange(InetSocketAddress server, String secret, Duration timeout)
            throws IOException {
        byte[] eap = eapResponse(7, 1, TestPki.CLIENT_IDENTITY.getBytes(StandardCharsets.US_ASCII));
        RadiusClient.Config c = new RadiusClient.Config(server, secret.getBytes(StandardCharsets.US_ASCII),
                new byte[] {127, 0, 0, 1}, timeout, 1, false, 1400);
        try (RadiusClient client = new RadiusClient(c)) {
            return client.exchange(new Authenticator.Request(TestPki.CLIENT_IDENTITY, eap, null,
                    new byte[] {2, 0, 0, 0, 0, 1}, new byte[] {2, 0, 0, 0, 0, 2}));
        }
    }

    /** openssl verify's verdict: "OK" or its error line. */
    private static String verify(Path ca, String purpose, Path cert) throws Exception {
        String out = openssl("verify", "-CAfile", ca.toString(), "-purpose", purpose, cert.toString());
        return out.startsWith(cert + ": OK") ? "OK" : out.strip();
    }

    private static String openssl(String... args) throws Exception {
        List<String> command = new java.util.ArrayList<>(List.of("openssl"));
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(30, TimeUnit.SECONDS));
        return out;
    }
}
