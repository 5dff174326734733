package dev.macsec.conformance.eap;

import dev.macsec.conformance.eap.Authenticator.Answer;
import dev.macsec.conformance.eap.Authenticator.Request;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.HexFormat;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The authenticator PAE's EAPOL side against a scripted server, on a manual clock. Frame layouts are IEEE
 * 802.1X-2020 11.3 (EAPOL: version, packet type, body length) and RFC 3748 4 (EAP: code, identifier, length, type).
 */
class AuthenticatorTest {
    private static final HexFormat HEX = HexFormat.of();
    private static final byte[] OWN = HEX.parseHex("02ea00000a02");
    private static final byte[] SUP = HEX.parseHex("02ea00000a01");

    /** Answers from a list and keeps what it was asked. */
    private static final class Script implements Authenticator.Backend {
        final Deque<Answer> answers = new ArrayDeque<>();
        final List<Request> asked = new ArrayList<>();

        @Override
        public Answer exchange(Request r) throws IOException {
            asked.add(r);
            if (answers.isEmpty()) {
                throw new IOException("no answer");
            }
            return answers.poll();
        }
    }

    private static Authenticator authenticator(Script s) {
        return new Authenticator(new Authenticator.Config(OWN, 3, Duration.ofSeconds(30), 2), s);
    }

    private static byte[] eapol(byte[] dst, int type, byte[] body) {
        byte[] f = new byte[18 + body.length];
        System.arraycopy(dst, 0, f, 0, 6);
        System.arraycopy(SUP, 0, f, 6, 6);
        f[12] = (byte) 0x88;
        f[13] = (byte) 0x8e;
        f[14] = 3;
        f[15] = (byte) type;
        f[16] = (byte) (body.length >> 8);
        f[17] = (byte) body.length;
        System.arraycopy(body, 0, f, 18, body.length);
        return f;
    }

    private static int id(byte[] frame) {
        return frame[19] & 0xFF;
    }

    private static byte[] identityResponse(int id, String name) {
        byte[] n = name.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        byte[] e = new byte[5 + n.length];
        e[0] = 2;
        e[1] = (byte) id;
        e[3] = (byte) e.length;
        e[4] = 1;
        System.arraycopy(n, 0, e, 5, n.length);
        return e;
    }

    @Test
    void linkUpAsksTheGroupAddressForAnIdentityAndRepeatsEveryTxPeriod() {
        Authenticator a = authenticator(new Script());
        List<byte[]> out = a.start(1000);
        assertEquals(1, out.size());
        byte[] f = out.get(0);
        // 01-80-C2-00-00-03, our MAC, EtherType 888E, version 3, EAP-Packet, body 5: Request, id, length 5, Identity
        assertEquals("0180c200000302ea00000a02888e0300000501" + HEX.formatHex(new byte[] {f[19]}) + "000501",
                HEX.formatHex(f));
        assertEquals(Authenticator.State.CONNECTING, a.state());
        assertTrue(a.tick(30_999).isEmpty(), "not before txPeriod");
        List<byte[]> again = a.tick(31_000);
        assertEquals(1, again.size(), "EAP-Request/Identity again after txPeriod");
        assertEquals((id(f) + 1) & 0xFF, id(again.get(0)), "a new Identifier");
        assertEquals(2, a.identityRequests());
    }

    @Test
    void eapolStartIsAnsweredAtTheSupplicant() throws IOException {
        Authenticator a = authenticator(new Script());
        List<byte[]> out = a.receive(eapol(Authenticator.PAE_GROUP_ADDRESS, 1, new byte[0]), 0);
        assertEquals(1, out.size());
        assertArrayEquals(SUP, Arrays.copyOf(out.get(0), 6));
        assertEquals(1, out.get(0)[22], "EAP-Request/Identity");
        // EAPOL of another port's address, and other EtherTypes, are not ours
        byte[] other = eapol(HEX.parseHex("02ea00000a99"), 1, new byte[0]);
        assertTrue(a.receive(other, 0).isEmpty());
    }

    @Test
    void aSessionIsRelayedAndEndsWithTheServersSuccessAndMsk() throws IOException {
        Script s = new Script();
        byte[] req2 = {1, 0x42, 0, 6, 13, 0x20};
        byte[] state = HEX.parseHex("5157");
        byte[] msk = new byte[64];
        Arrays.fill(msk, (byte) 7);
        s.answers.add(new Answer(Answer.Kind.CHALLENGE, req2, state, null, null));
        s.answers.add(new Answer(Answer.Kind.ACCEPT, new byte[] {3, 0x42, 0, 4}, null, msk, HEX.parseHex("0d0102")));
        Authenticator a = authenticator(s);
        int id = id(a.start(0).get(0));
        assertTrue(a.receive(eapol(OWN, 0, identityResponse((id + 5) & 0xFF, "x")), 1).isEmpty(),
                "a Response to another Identifier is stale");
        assertTrue(s.asked.isEmpty());
        // EAP padding past its Length is not relayed
        byte[] padded = Arrays.copyOf(identityResponse(id, "alice"), 20);
        List<byte[]> out = a.receive(eapol(Authenticator.PAE_GROUP_ADDRESS, 0, padded), 10);
        Request first = s.asked.get(0);
        assertEquals("alice", first.userName());
        assertArrayEquals(identityResponse(id, "alice"), first.eap());
        assertNull(first.state());
        assertArrayEquals(SUP, first.supplicantMac());
        assertArrayEquals(OWN, first.authenticatorMac());
        assertEquals(Authenticator.State.AUTHENTICATING, a.state());
        assertArrayEquals(SUP, Arrays.copyOf(out.get(0), 6), "from now on to the supplicant's address");
        assertArrayEquals(req2, Arrays.copyOfRange(out.get(0), 18, 24));

        byte[] resp2 = {2, 0x42, 0, 6, 13, 0};
        out = a.receive(eapol(OWN, 0, resp2), 20);
        assertArrayEquals(state, s.asked.get(1).state(), "the State of the Access-Challenge is echoed");
        assertArrayEquals(new byte[] {3, 0x42, 0, 4}, Arrays.copyOfRange(out.get(0), 18, 22), "EAP-Success");
        assertEquals(Authenticator.State.AUTHENTICATED, a.state());
        Authenticator.Result r = a.result().orElseThrow();
        assertTrue(r.success());
        assertArrayEquals(msk, r.msk());
        assertArrayEquals(HEX.parseHex("0d0102"), r.sessionId(), "the EAP-Key-Name");
        assertEquals(Long.MAX_VALUE, a.nextDeadline());

        assertTrue(a.receive(eapol(OWN, 2, new byte[0]), 30).isEmpty());
        assertEquals(Authenticator.State.LOGGED_OFF, a.state(), "EAPOL-Logoff ends the session");
        assertEquals(1, a.logoffs());
    }

    @Test
    void anAccessRejectWithoutEapMessageGivesOurEapFailure() throws IOException {
        Script s = new Script();
        s.answers.add(new Answer(Answer.Kind.REJECT, null, null, null, null));
        Authenticator a = authenticator(s);
        int id = id(a.start(0).get(0));
        List<byte[]> out = a.receive(eapol(OWN, 0, identityResponse(id, "mallory")), 1);
        assertArrayEquals(new byte[] {4, (byte) id, 0, 4}, Arrays.copyOfRange(out.get(0), 18, 22), "EAP-Failure");
        Authenticator.Result r = a.result().orElseThrow();
        assertFalse(r.success());
        assertNull(r.msk());
        assertEquals(Authenticator.State.HELD, a.state());
    }

    @Test
    void anUnansweredRequestIsRetransmittedMaxRetransTimesThenTheSessionFails() throws IOException {
        Script s = new Script();
        byte[] req = {1, 9, 0, 6, 13, 0x20};
        s.answers.add(new Answer(Answer.Kind.CHALLENGE, req, null, null, null));
        Authenticator a = authenticator(s);
        int id = id(a.start(0).get(0));
        a.receive(eapol(OWN, 0, identityResponse(id, "bob")), 0);
        assertEquals(30_000, a.nextDeadline());
        assertArrayEquals(req, Arrays.copyOfRange(a.tick(30_000).get(0), 18, 24));
        assertArrayEquals(req, Arrays.copyOfRange(a.tick(60_000).get(0), 18, 24));
        List<byte[]> last = a.tick(90_000);
        assertEquals(4, last.get(0)[18], "EAP-Failure after maxRetrans = 2");
        assertFalse(a.result().orElseThrow().success());
    }

    @Test
    void theSessionIdOfTls12HellosIsTypeCodeAndBothRandoms() throws IOException {
        byte[] cr = new byte[32];
        byte[] sr = new byte[32];
        Arrays.fill(cr, (byte) 0xc1);
        Arrays.fill(sr, (byte) 0x5e);
        Script s = new Script();
        s.answers.add(new Answer(Answer.Kind.CHALLENGE, new byte[] {1, 1, 0, 6, 13, 0x20}, null, null, null));
        s.answers.add(new Answer(Answer.Kind.CHALLENGE, tlsMessage(1, 2, 2, sr, null), null, null, null));
        s.answers.add(new Answer(Answer.Kind.ACCEPT, null, null, new byte[64], null));
        Authenticator a = authenticator(s);
        int id = id(a.start(0).get(0));
        a.receive(eapol(OWN, 0, identityResponse(id, "carol")), 0);
        a.receive(eapol(OWN, 0, tlsMessage(2, 1, 1, cr, null)), 0);
        a.receive(eapol(OWN, 0, new byte[] {2, 2, 0, 6, 13, 0}), 0);
        byte[] expected = new byte[65];
        expected[0] = 13;
        System.arraycopy(cr, 0, expected, 1, 32);
        System.arraycopy(sr, 0, expected, 33, 32);
        Authenticator.Result r = a.result().orElseThrow();
        assertArrayEquals(expected, r.sessionIdOfHellos(), "RFC 5216 2.3");
        assertArrayEquals(expected, r.sessionId());
        assertNull(r.keyName());
    }

    @Test
    void aTls13ServerHelloGivesNoSessionIdOfHellos() throws IOException {
        Script s = new Script();
        s.answers.add(new Answer(Answer.Kind.CHALLENGE, new byte[] {1, 1, 0, 6, 13, 0x20}, null, null, null));
        // RFC 8446 4.2.1: supported_versions (43) selecting 0x0304
        s.answers.add(new Answer(Answer.Kind.CHALLENGE, tlsMessage(1, 2, 2, new byte[32], HEX.parseHex("002b00020304")),
                null, null, null));
        s.answers.add(new Answer(Answer.Kind.ACCEPT, null, null, new byte[64], null));
        Authenticator a = authenticator(s);
        int id = id(a.start(0).get(0));
        a.receive(eapol(OWN, 0, identityResponse(id, "dave")), 0);
        a.receive(eapol(OWN, 0, tlsMessage(2, 1, 1, new byte[32], null)), 0);
        a.receive(eapol(OWN, 0, new byte[] {2, 2, 0, 6, 13, 0}), 0);
        assertNull(a.result().orElseThrow().sessionIdOfHellos(), "TLS 1.3's Session-Id is exported (RFC 9190)");
    }

    /**
     * An EAP-TLS packet with the L flag (RFC 5216 3.1) holding one TLS handshake record (RFC 5246 7.4): a
     * ClientHello (1) or ServerHello (2) with {@code random}, an empty session id, one cipher suite and, for a
     * ServerHello, the given extensions.
     */
    private static byte[] tlsMessage(int code, int eapId, int handshakeType, byte[] random, byte[] extensions) {
        java.io.ByteArrayOutputStream body = new java.io.ByteArrayOutputStream();
        body.writeBytes(new byte[] {3, 3});
        body.writeBytes(random);
        body.write(0); // session id
        if (handshakeType == 1) {
            body.writeBytes(new byte[] {0, 2, (byte) 0xc0, 0x2f, 1, 0});
        } else {
            body.writeBytes(new byte[] {(byte) 0xc0, 0x2f, 0});
            byte[] ext = extensions == null ? new byte[0] : extensions;
            body.writeBytes(new byte[] {(byte) (ext.length >> 8), (byte) ext.length});
            body.writeBytes(ext);
        }
        byte[] hb = body.toByteArray();
        int hsLen = 4 + hb.length;
        int recLen = 5 + hsLen;
        java.io.ByteArrayOutputStream e = new java.io.ByteArrayOutputStream();
        int eapLen = 6 + 4 + recLen;
        e.writeBytes(new byte[] {(byte) code, (byte) eapId, (byte) (eapLen >> 8), (byte) eapLen, 13, (byte) 0x80});
        e.writeBytes(new byte[] {0, 0, (byte) (recLen >> 8), (byte) recLen});
        e.writeBytes(new byte[] {22, 3, 3, (byte) (hsLen >> 8), (byte) hsLen});
        e.writeBytes(new byte[] {(byte) handshakeType, 0, (byte) (hb.length >> 8), (byte) hb.length});
        e.writeBytes(hb);
        return e.toByteArray();
    }
}
