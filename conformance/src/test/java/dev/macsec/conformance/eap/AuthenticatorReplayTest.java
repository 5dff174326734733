package dev.macsec.conformance.eap;

import dev.macsec.capture.CaptureReader;
import dev.macsec.conformance.eap.Authenticator.Answer;
import dev.macsec.testing.ProjectFiles;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A real client-oriented session replayed through our authenticator (pcaps/eap-macsec: wpa_supplicant 2.10, hostapd
 * 2.10 as the authenticator and RADIUS client, FreeRADIUS 3.2). wpa_supplicant's EAPOL frames go in; the recorded
 * FreeRADIUS answers, read by our {@link RadiusClient} under the capture's shared secret and the recorded
 * Access-Requests' authenticators, play the server. We must relay to the server exactly the EAP hostapd relayed,
 * and end with the MSK, EAP Session-Id, CAK and CKN that wpa_supplicant and hostapd printed (expected.txt).
 */
class AuthenticatorReplayTest {
    private static final HexFormat HEX = HexFormat.of();

    @Test
    void theRecordedSessionGivesWpaSupplicantsMskSessionIdCakAndCkn() throws IOException {
        byte[] secret = "e27793303fb7a2e57d1e6bdd".getBytes(StandardCharsets.US_ASCII); // pcaps/eap-macsec/keys.json
        List<byte[]> supplicantFrames = new ArrayList<>();
        Deque<byte[][]> exchanges = new ArrayDeque<>(); // {recorded EAP of the Access-Request, answer, request auth}
        Map<Integer, byte[][]> requests = new HashMap<>();
        byte[] supplicant = null;
        byte[] nas = null;
        try (CaptureReader r = CaptureReader.open(ProjectFiles.root().resolve("pcaps/eap-macsec/eap-macsec.pcap"))) {
            while (r.next()) {
                byte[] f = Arrays.copyOfRange(r.data(), r.offset(), r.offset() + r.capturedLength());
                if (f.length >= 18 && (f[12] & 0xFF) == 0x88 && (f[13] & 0xFF) == 0x8e) {
                    if (f[15] == Authenticator.EAPOL_START) {
                        supplicant = Arrays.copyOfRange(f, 6, 12);
                    }
                    if (supplicant != null && Arrays.equals(supplicant, Arrays.copyOfRange(f, 6, 12))) {
                        supplicantFrames.add(f);
                    } else if (nas == null && f[15] == Authenticator.EAPOL_EAP) {
                        nas = Arrays.copyOfRange(f, 6, 12);
                    }
                    continue;
                }
                byte[] radius = RadiusClientTest.radiusOverIpv4(f);
                if (radius == null) {
                    continue;
                }
                int id = radius[1] & 0xFF;
                if (radius[0] == RadiusClient.ACCESS_REQUEST) {
                    requests.put(id, new byte[][] {eapMessage(radius), Arrays.copyOfRange(radius, 4, 20)});
                } else {
                    byte[][] q = requests.remove(id);
                    exchanges.add(new byte[][] {q[0], radius, q[1]});
                }
            }
        }
        assertEquals(5, exchanges.size(), "Access-Requests answered in the capture");
        RadiusClient parser = new RadiusClient(new RadiusClient.Config(new InetSocketAddress(1812), secret,
                new byte[4], Duration.ofSeconds(1), 1, true, 1400));
        List<String> mismatches = new ArrayList<>();
        Authenticator.Backend replay = request -> {
            byte[][] x = exchanges.poll();
            if (x == null) {
                throw new IOException("the capture has no more answers");
            }
            byte[] recorded = x[0].clone();
            if (recorded.length > 4 && recorded[4] == Authenticator.EAP_TYPE_IDENTITY) {
                recorded[1] = request.eap()[1]; // the one identifier that is ours, see identityFor
            }
            if (!Arrays.equals(recorded, request.eap())) {
                mismatches.add("relayed " + HEX.formatHex(request.eap()) + ", hostapd relayed " + HEX.formatHex(x[0]));
            }
            Answer a = parser.answer(x[1], x[1][1] & 0xFF, x[2]);
            if (a == null) {
                throw new IOException("a recorded answer does not verify");
            }
            return a;
        };
        Authenticator auth = new Authenticator(new Authenticator.Config(nas, 2, Duration.ofSeconds(30), 2), replay);
        try (parser) {
            for (byte[] f : supplicantFrames) {
                List<byte[]> out = auth.receive(identityFor(auth, f), 1);
                assertTrue(out.size() <= 1);
            }
        }
        assertEquals(List.of(), mismatches);
        assertTrue(exchanges.isEmpty(), "every recorded Access-Request relayed");
        assertEquals(Authenticator.State.LOGGED_OFF, auth.state(), "the recorded EAPOL-Logoff ends the session");
        Authenticator.Result r = auth.result().orElseThrow();
        assertTrue(r.success(), r.toString());
        String expected = Files.readString(ProjectFiles.root().resolve("pcaps/eap-macsec/expected.txt"));
        assertArrayEquals(hexdump(expected, "EAP-TLS: Derived key"), r.msk());
        assertArrayEquals(hexdump(expected, "EAP-TLS: Derived Session-Id"), r.sessionIdOfHellos());
        assertArrayEquals(hexdump(expected, "EAP-Key Name"), r.keyName());
        assertArrayEquals(hexdump(expected, "Derived CAK"), r.cak(128));
        assertArrayEquals(hexdump(expected, "Derived CKN"), r.ckn(128));
    }

    /**
     * The recorded Response/Identity answered hostapd's identifier; ours picks its own (RFC 3748 4: a Response
     * carries its Request's), so that one frame gets ours. The rest answer the server's Requests and stay as recorded.
     */
    private static byte[] identityFor(Authenticator auth, byte[] f) {
        if (f[15] == Authenticator.EAPOL_EAP && f[18] == Authenticator.EAP_RESPONSE
                && f[22] == Authenticator.EAP_TYPE_IDENTITY && auth.state() == Authenticator.State.CONNECTING) {
            byte[] g = f.clone();
            g[19] = auth.pendingIdentifier();
            return g;
        }
        return f;
    }

    private static byte[] eapMessage(byte[] radius) {
        ByteArrayOutputStream eap = new ByteArrayOutputStream();
        int len = (radius[2] & 0xFF) << 8 | (radius[3] & 0xFF);
        for (int i = 20; i + 2 <= len; i += radius[i + 1] & 0xFF) {
            if ((radius[i] & 0xFF) == RadiusClient.EAP_MESSAGE) {
                eap.write(radius, i + 2, (radius[i + 1] & 0xFF) - 2);
            }
        }
        return eap.toByteArray();
    }

    private static byte[] hexdump(String text, String label) {
        Matcher m = Pattern.compile(Pattern.quote(label) + " - hexdump\\(len=\\d+\\):((?: [0-9a-f]{2})+)").matcher(text);
        assertTrue(m.find(), label);
        return HEX.parseHex(m.group(1).replace(" ", ""));
    }
}
