package dev.macsec.conformance.eap;

import dev.macsec.capture.CaptureReader;
import dev.macsec.conformance.eap.Authenticator.Answer;
import dev.macsec.conformance.eap.Authenticator.Request;
import dev.macsec.keys.RadiusCrypto;
import dev.macsec.testing.ProjectFiles;
import org.junit.jupiter.api.Test;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The RADIUS client's packets and its checks of the answers. The Access-Accept of a real hostapd + FreeRADIUS
 * session (pcaps/eap/eap-tls.pcap) must give the MSK wpa_supplicant printed for it; the rest runs against a server
 * in the test that builds its answers by RFC 2865/3579 itself.
 */
class RadiusClientTest {
    private static final HexFormat HEX = HexFormat.of();
    private static final byte[] AUTH_MAC = HEX.parseHex("02ea00000a02");
    private static final byte[] SUP_MAC = HEX.parseHex("02ea00000a01");

    @Test
    void theRecordedAccessAcceptGivesTheMskWpaSupplicantDerived() throws IOException {
        byte[] secret = "eap-capture-radius-secret".getBytes(StandardCharsets.US_ASCII); // pcaps/eap/keys.json
        byte[] lastRequestAuthenticator = null;
        byte[] accept = null;
        try (CaptureReader r = CaptureReader.open(ProjectFiles.root().resolve("pcaps/eap/eap-tls.pcap"))) {
            while (r.next()) {
                byte[] radius = radiusOverIpv4(Arrays.copyOfRange(r.data(), r.offset(), r.offset() + r.capturedLength()));
                if (radius == null) {
                    continue;
                }
                if (radius[0] == RadiusClient.ACCESS_REQUEST) {
                    lastRequestAuthenticator = Arrays.copyOfRange(radius, 4, 20);
                } else if (radius[0] == RadiusClient.ACCESS_ACCEPT) {
                    accept = radius;
                    break;
                }
            }
        }
        assertNotNull(accept, "the capture's Access-Accept");
        RadiusClient client = new RadiusClient(new RadiusClient.Config(new InetSocketAddress(1812), secret,
                new byte[4], Duration.ofSeconds(1), 1, true, 1400));
        try (client) {
            Answer a = client.answer(accept, accept[1] & 0xFF, lastRequestAuthenticator);
            assertNotNull(a, "the recorded Access-Accept verifies");
            assertEquals(Answer.Kind.ACCEPT, a.kind());
            String log = Files.readString(ProjectFiles.root().resolve("pcaps/eap/eap-tls.wpa_supplicant.txt"));
            Matcher m = Pattern.compile("EAP-TLS: Derived key - hexdump\\(len=64\\):((?: [0-9a-f]{2})+)").matcher(log);
            assertTrue(m.find());
            assertArrayEquals(HEX.parseHex(m.group(1).replace(" ", "")), a.msk());
            assertEquals(List.of(3, 4), List.of((int) a.eap()[0], a.eap().length), "the EAP-Success it carried");
            // the wrong secret: the Response Authenticator does not verify, the answer is discarded
            RadiusClient wrong = new RadiusClient(new RadiusClient.Config(new InetSocketAddress(1812),
                    "another".getBytes(StandardCharsets.US_ASCII), new byte[4], Duration.ofSeconds(1), 1, true, 1400));
            try (wrong) {
                assertNull(wrong.answer(accept, accept[1] & 0xFF, lastRequestAuthenticator));
            }
            assertNull(client.answer(accept, (accept[1] + 1) & 0xFF, lastRequestAuthenticator), "another Identifier");
        }
    }

    /** The UDP payload of an Ethernet/IPv4/UDP frame from or to port 1812, or null. */
    static byte[] radiusOverIpv4(byte[] f) {
        if (f.length < 42 || f[12] != 0x08 || f[13] != 0x00 || f[23] != 17) {
            return null;
        }
        int ihl = (f[14] & 0x0F) * 4;
        int udp = 14 + ihl;
        int sport = (f[udp] & 0xFF) << 8 | (f[udp + 1] & 0xFF);
        int dport = (f[udp + 2] & 0xFF) << 8 | (f[udp + 3] & 0xFF);
        int len = (f[udp + 4] & 0xFF) << 8 | (f[udp + 5] & 0xFF);
        if (sport != 1812 && dport != 1812) {
            return null;
        }
        return Arrays.copyOfRange(f, udp + 8, udp + len);
    }

    @Test
    void theAccessRequestCarriesWhatRfc3579And3580Ask() throws Exception {
        byte[] secret = "s3cret".getBytes(StandardCharsets.US_ASCII);
        try (DatagramSocket server = new DatagramSocket(0, InetAddress.getLoopbackAddress());
             RadiusClient client = new RadiusClient(new RadiusClient.Config(
                     new InetSocketAddress(InetAddress.getLoopbackAddress(), server.getLocalPort()), secret,
                     new byte[] {10, 0, 0, 1}, Duration.ofMillis(300), 3, true, 1400))) {
            byte[] eap = new byte[600];
            eap[0] = 2;
            eap[1] = 7;
            eap[2] = (byte) (600 >> 8);
            eap[3] = (byte) 600;
            eap[4] = 13;
            for (int i = 5; i < eap.length; i++) {
                eap[i] = (byte) i;
            }
            byte[] state = HEX.parseHex("a1b2c3");
            byte[] recv = new byte[32];
            byte[] send = new byte[32];
            Arrays.fill(recv, (byte) 0x11);
            Arrays.fill(send, (byte) 0x22);
            CompletableFuture<List<byte[]>> seen = CompletableFuture.supplyAsync(() -> {
                try {
                    List<byte[]> got = new ArrayList<>();
                    byte[] buf = new byte[4096];
                    DatagramPacket in = new DatagramPacket(buf, buf.length);
                    server.receive(in); // the first copy goes unanswered: the client must send it again
                    got.add(Arrays.copyOf(buf, in.getLength()));
                    server.receive(in);
                    byte[] req = Arrays.copyOf(buf, in.getLength());
                    got.add(req);
                    byte[] reqAuth = Arrays.copyOfRange(req, 4, 20);
                    // first an answer with a broken Response Authenticator, then the right one
                    byte[] good = accept(req[1], reqAuth, secret, recv, send);
                    byte[] bad = good.clone();
                    bad[5] ^= 1;
                    server.send(new DatagramPacket(bad, bad.length, in.getSocketAddress()));
                    server.send(new DatagramPacket(good, good.length, in.getSocketAddress()));
                    return got;
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            Answer a = client.exchange(new Request("user@example", eap, state, AUTH_MAC, SUP_MAC));
            List<byte[]> requests = seen.get(5, TimeUnit.SECONDS);
            assertArrayEquals(requests.get(0), requests.get(1), "RFC 2865 2.5: a retransmission is the same packet");
            assertEquals(1, client.retransmissions());
            assertEquals(1, client.discarded(), "the answer with a wrong Response Authenticator");
            assertEquals(Answer.Kind.ACCEPT, a.kind());
            byte[] msk = new byte[64];
            System.arraycopy(recv, 0, msk, 0, 32);
            System.arraycopy(send, 0, msk, 32, 32);
            assertArrayEquals(msk, a.msk(), "MSK = MS-MPPE-Recv-Key || MS-MPPE-Send-Key");
            assertArrayEquals(HEX.parseHex("0d00ff"), a.eapKeyName());

            byte[] req = requests.get(0);
            assertEquals(1, req[0]);
            assertEquals(req.length, (req[2] & 0xFF) << 8 | (req[3] & 0xFF));
            List<byte[]> eapParts = new ArrayList<>();
            int macAt = -1;
            java.util.Map<Integer, byte[]> single = new java.util.HashMap<>();
            for (int i = 20; i < req.length; i += req[i + 1] & 0xFF) {
                int type = req[i] & 0xFF;
                byte[] v = Arrays.copyOfRange(req, i + 2, i + (req[i + 1] & 0xFF));
                if (type == 79) {
                    eapParts.add(v);
                } else {
                    single.put(type, v);
                }
                if (type == 80) {
                    macAt = i + 2;
                }
            }
            assertEquals(List.of(253, 253, 94), eapParts.stream().map(p -> p.length).toList(),
                    "RFC 3579 3.1: EAP-Message attributes of at most 253 octets");
            assertArrayEquals(eap, concat(eapParts));
            assertTrue(macAt > 0, "Message-Authenticator");
            assertTrue(RadiusCrypto.messageAuthenticatorOk(req, 0, req.length, macAt, null, secret));
            assertEquals("user@example", new String(single.get(1), StandardCharsets.UTF_8));
            assertArrayEquals(new byte[] {10, 0, 0, 1}, single.get(4));
            assertArrayEquals(state, single.get(24), "State echoed");
            assertEquals("02-EA-00-00-0A-02", new String(single.get(30), StandardCharsets.US_ASCII));
            assertEquals("02-EA-00-00-0A-01", new String(single.get(31), StandardCharsets.US_ASCII));
            assertArrayEquals(new byte[] {0, 0, 0, 15}, single.get(61), "NAS-Port-Type Ethernet");
            assertArrayEquals(new byte[] {0}, single.get(102), "an empty EAP-Key-Name asks for the Session-Id");
        }
    }

    @Test
    void noAnswerIsOneClearError() throws Exception {
        try (DatagramSocket server = new DatagramSocket(0, InetAddress.getLoopbackAddress());
             RadiusClient client = new RadiusClient(new RadiusClient.Config(
                     new InetSocketAddress(InetAddress.getLoopbackAddress(), server.getLocalPort()),
                     "x".getBytes(StandardCharsets.US_ASCII), new byte[4], Duration.ofMillis(100), 2, false, 1400))) {
            IOException e = assertThrows(IOException.class, () -> client.exchange(
                    new Request("u", new byte[] {2, 1, 0, 6, 1, 'u'}, null, AUTH_MAC, SUP_MAC)));
            assertTrue(e.getMessage().contains("did not answer") && e.getMessage().contains("2 attempts"),
                    e.getMessage());
            assertTrue(!e.getMessage().contains("x"), "the secret is not echoed");
        }
    }

    /**
     * An Access-Accept built here from the RFCs: EAP-Success, EAP-Key-Name, MS-MPPE-Recv/Send-Key (RFC 2548 2.4.2,
     * 2.4.3 salt encryption), Message-Authenticator (RFC 3579 3.2) and Response Authenticator (RFC 2865 3).
     */
    private static byte[] accept(byte id, byte[] reqAuth, byte[] secret, byte[] recv, byte[] send) throws Exception {
        java.io.ByteArrayOutputStream b = new java.io.ByteArrayOutputStream();
        b.write(2);
        b.write(id);
        b.write(0);
        b.write(0);
        b.writeBytes(reqAuth);
        attr(b, 79, new byte[] {3, 7, 0, 4});
        attr(b, 102, HEX.parseHex("0d00ff"));
        attr(b, 26, msMppe(17, recv, reqAuth, secret, new byte[] {(byte) 0x80, 1}));
        attr(b, 26, msMppe(16, send, reqAuth, secret, new byte[] {(byte) 0x80, 2}));
        int macAt = b.size() + 2;
        attr(b, 80, new byte[16]);
        byte[] p = b.toByteArray();
        p[2] = (byte) (p.length >> 8);
        p[3] = (byte) p.length;
        Mac hmac = Mac.getInstance("HmacMD5");
        hmac.init(new SecretKeySpec(secret, "HmacMD5"));
        System.arraycopy(hmac.doFinal(p), 0, p, macAt, 16);
        MessageDigest md5 = MessageDigest.getInstance("MD5");
        md5.update(p);
        md5.update(secret);
        System.arraycopy(md5.digest(), 0, p, 4, 16);
        return p;
    }

    private static byte[] msMppe(int vendorType, byte[] key, byte[] reqAuth, byte[] secret, byte[] salt) throws Exception {
        byte[] plain = new byte[(1 + key.length + 15) / 16 * 16];
        plain[0] = (byte) key.length;
        System.arraycopy(key, 0, plain, 1, key.length);
        byte[] c = new byte[plain.length];
        byte[] prev = null;
        for (int i = 0; i < plain.length; i += 16) {
            MessageDigest md5 = MessageDigest.getInstance("MD5");
            md5.update(secret);
            if (prev == null) {
                md5.update(reqAuth);
                md5.update(salt);
            } else {
                md5.update(prev);
            }
            byte[] mask = md5.digest();
            for (int j = 0; j < 16; j++) {
                c[i + j] = (byte) (plain[i + j] ^ mask[j]);
            }
            prev = Arrays.copyOfRange(c, i, i + 16);
        }
        java.io.ByteArrayOutputStream v = new java.io.ByteArrayOutputStream();
        v.writeBytes(new byte[] {0, 0, 0x01, 0x37}); // Vendor-Id 311
        v.write(vendorType);
        v.write(2 + 2 + c.length);
        v.writeBytes(salt);
        v.writeBytes(c);
        return v.toByteArray();
    }

    private static void attr(java.io.ByteArrayOutputStream b, int type, byte[] v) {
        b.write(type);
        b.write(v.length + 2);
        b.writeBytes(v);
    }

    private static byte[] concat(List<byte[]> parts) {
        java.io.ByteArrayOutputStream b = new java.io.ByteArrayOutputStream();
        parts.forEach(b::writeBytes);
        return b.toByteArray();
    }
}
