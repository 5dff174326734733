package dev.macsec.conformance.eap;

import dev.macsec.keys.EapTlsKeys;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The supplicant's frames against the formats of 802.1X-2020 11.3 (EAPOL: version, packet type, body length, to the
 * PAE group address 01-80-C2-00-00-03), RFC 3748 4 and 5 (EAP Response: same Identifier, Identity, Legacy Nak) and
 * RFC 5216 2.1.5 / 3.1 (EAP-TLS flags L 0x80, M 0x40, S 0x20; the TLS Message Length; ACKs), without a server: the
 * requests are built here as an authenticator would send them. The exchange with a real server is
 * {@link SupplicantHostapdTest}'s.
 */
class SupplicantTest {
    private static final byte[] MAC = {0x02, 0x00, 0x00, 0x00, 0x00, 0x01};
    private static final byte[] AUTHENTICATOR = {0x02, 0x00, 0x00, 0x00, 0x00, 0x02};
    private static final byte[] PAE_GROUP = {0x01, (byte) 0x80, (byte) 0xC2, 0x00, 0x00, 0x03};

    private static Supplicant supplicant(int fragmentSize) {
        EapTlsPeer peer = new EapTlsPeer(new EapTlsPeer.Credentials(List.of(), new byte[0], List.of()),
                EapTlsKeys.TLS_1_3, fragmentSize, new SecureRandom());
        return new Supplicant(MAC, "client", peer, 3, 1_000, 3);
    }

    @Test
    void eapolStartAtOnceThenEveryStartPeriodAtMostMaxStartTimes() {
        Supplicant s = supplicant(EapTlsPeer.DEFAULT_FRAGMENT_SIZE);
        List<byte[]> first = s.tick(0);
        assertEquals(1, first.size());
        byte[] f = first.get(0);
        assertEquals(60, f.length, "padded to the Ethernet minimum");
        assertArrayEquals(PAE_GROUP, Arrays.copyOfRange(f, 0, 6));
        assertArrayEquals(MAC, Arrays.copyOfRange(f, 6, 12));
        assertArrayEquals(new byte[] {(byte) 0x88, (byte) 0x8E, 3, 1, 0, 0}, Arrays.copyOfRange(f, 12, 18),
                "EtherType 888E, version 3, EAPOL-Start, body length 0");
        assertEquals(0, s.tick(999).size());
        assertEquals(1, s.tick(1_000).size());
        assertEquals(1, s.tick(2_000).size());
        assertEquals(0, s.tick(3_000).size(), "maxStart 3");
        assertEquals(3, s.eapolStartsSent());
    }

    @Test
    void identityRequestGetsOurIdentityUnderItsIdentifierAndStopsTheStarts() {
        Supplicant s = supplicant(EapTlsPeer.DEFAULT_FRAGMENT_SIZE);
        s.tick(0);
        byte[] response = eap(only(s.receive(request(7, 1, new byte[0]), 10)));
        assertArrayEquals(new byte[] {2, 7, 0, 11, 1, 'c', 'l', 'i', 'e', 'n', 't'}, response);
        assertEquals(Supplicant.Status.AUTHENTICATING, s.status());
        assertEquals(0, s.tick(5_000).size(), "no EAPOL-Start once the authenticator spoke");
        assertArrayEquals(AUTHENTICATOR, s.authenticatorMac().orElseThrow());
    }

    @Test
    void anotherMethodGetsALegacyNakProposingEapTls() {
        Supplicant s = supplicant(EapTlsPeer.DEFAULT_FRAGMENT_SIZE);
        byte[] response = eap(only(s.receive(request(3, 4, new byte[] {16, 1, 2, 3}), 0)));
        assertArrayEquals(new byte[] {2, 3, 0, 6, 3, 13}, response);
    }

    @Test
    void eapTlsStartGetsTheClientHelloAndARetransmittedRequestTheSameResponse() {
        Supplicant s = supplicant(EapTlsPeer.DEFAULT_FRAGMENT_SIZE);
        byte[] start = request(9, 13, new byte[] {0x20});
        byte[] first = only(s.receive(start, 0));
        byte[] again = only(s.receive(start, 3_000));
        assertArrayEquals(first, again, "RFC 3748 4.1: the same response, not a new ClientHello (its random would differ)");
        byte[] response = eap(first);
        assertEquals(2, response[0]);
        assertEquals(9, response[1]);
        assertEquals(13, response[4]);
        assertEquals(0x00, response[5], "a ClientHello fits in one message: no L, no M");
        assertEquals(0x16, response[6], "a TLS handshake record");
        assertEquals(0x01, response[11], "ClientHello");
    }

    @Test
    void responsesLongerThanTheFragmentSizeGoInPiecesEachAfterTheServersAck() {
        Supplicant s = supplicant(64);
        byte[] firstPiece = eap(only(s.receive(request(1, 13, new byte[] {0x20}), 0)));
        assertEquals(0xC0, firstPiece[5] & 0xFF, "L and M on the first piece");
        int total = (firstPiece[6] & 0xFF) << 24 | (firstPiece[7] & 0xFF) << 16 | (firstPiece[8] & 0xFF) << 8 | (firstPiece[9] & 0xFF);
        ByteArrayOutputStream tls = new ByteArrayOutputStream();
        tls.write(firstPiece, 10, firstPiece.length - 10);
        assertEquals(64, firstPiece.length - 10);
        int id = 2;
        while (true) {
            byte[] piece = eap(only(s.receive(request(id++, 13, new byte[] {0x00}), id)));
            int flags = piece[5] & 0xFF;
            assertEquals(0, flags & 0x80, "L only on the first piece");
            tls.write(piece, 6, piece.length - 6);
            assertTrue(piece.length - 6 <= 64);
            if ((flags & 0x40) == 0) {
                break;
            }
        }
        assertEquals(total, tls.size(), "the TLS Message Length is the sum of the pieces");
        assertEquals(0x16, tls.toByteArray()[0]);
    }

    @Test
    void aRequestWithMoreFragmentsGetsAnAck() {
        Supplicant s = supplicant(EapTlsPeer.DEFAULT_FRAGMENT_SIZE);
        s.receive(request(1, 13, new byte[] {0x20}), 0);
        byte[] piece = new byte[1 + 4 + 100];
        piece[0] = (byte) 0xC0;
        piece[3] = 0x03; // TLS Message Length 1000
        piece[4] = (byte) 0xE8;
        piece[5] = 0x16;
        byte[] ack = eap(only(s.receive(request(2, 13, piece), 10)));
        assertArrayEquals(new byte[] {2, 2, 0, 6, 13, 0}, ack);
    }

    @Test
    void eapSuccessBeforeTheMethodCompletedIsNotAnAuthentication() {
        Supplicant s = supplicant(EapTlsPeer.DEFAULT_FRAGMENT_SIZE);
        s.receive(request(1, 1, new byte[0]), 0);
        s.receive(request(2, 13, new byte[] {0x20}), 10);
        assertEquals(0, s.receive(frame(new byte[] {3, 2, 0, 4}), 20).size());
        assertEquals(Supplicant.Status.FAILED, s.status());
        assertTrue(s.keys().isEmpty());
        assertTrue(s.failure().startsWith("EAP-Success before EAP-TLS allowed it"), s.failure());
    }

    @Test
    void eapFailureFailsAndLogoffIsAnEapolLogoff() {
        Supplicant s = supplicant(EapTlsPeer.DEFAULT_FRAGMENT_SIZE);
        s.receive(request(1, 1, new byte[0]), 0);
        s.receive(frame(new byte[] {4, 1, 0, 4}), 10);
        assertEquals(Supplicant.Status.FAILED, s.status());
        assertEquals("EAP-Failure", s.failure());
        byte[] logoff = s.logoff();
        assertArrayEquals(PAE_GROUP, Arrays.copyOfRange(logoff, 0, 6));
        assertArrayEquals(new byte[] {(byte) 0x88, (byte) 0x8E, 3, 2, 0, 0}, Arrays.copyOfRange(logoff, 12, 18));
        assertEquals(Supplicant.Status.LOGGED_OFF, s.status());
    }

    private static byte[] only(List<byte[]> frames) {
        assertEquals(1, frames.size(), "one response");
        return frames.get(0);
    }

    /** The EAP packet of an EAPOL-EAP frame, by the EAPOL body length and the EAP Length. */
    private static byte[] eap(byte[] frame) {
        assertEquals(0, frame[15], "EAPOL-EAP");
        int length = (frame[20] & 0xFF) << 8 | (frame[21] & 0xFF);
        assertEquals(length, (frame[16] & 0xFF) << 8 | (frame[17] & 0xFF), "EAPOL body length = EAP Length");
        return Arrays.copyOfRange(frame, 18, 18 + length);
    }

    private static byte[] request(int id, int type, byte[] typeData) {
        byte[] eap = new byte[5 + typeData.length];
        eap[0] = 1;
        eap[1] = (byte) id;
        eap[2] = (byte) (eap.length >>> 8);
        eap[3] = (byte) eap.length;
        eap[4] = (byte) type;
        System.arraycopy(typeData, 0, eap, 5, typeData.length);
        return frame(eap);
    }

    private static byte[] frame(byte[] eap) {
        byte[] f = new byte[Math.max(60, 18 + eap.length)];
        System.arraycopy(PAE_GROUP, 0, f, 0, 6);
        System.arraycopy(AUTHENTICATOR, 0, f, 6, 6);
        f[12] = (byte) 0x88;
        f[13] = (byte) 0x8E;
        f[14] = 2;
        f[15] = 0;
        f[16] = (byte) (eap.length >>> 8);
        f[17] = (byte) eap.length;
        System.arraycopy(eap, 0, f, 18, eap.length);
        return f;
    }
}
