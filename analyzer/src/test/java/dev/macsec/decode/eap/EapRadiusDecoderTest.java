package dev.macsec.decode.eap;

import dev.macsec.decode.FrameDecoder;
import dev.macsec.field.Dissection;
import org.junit.jupiter.api.Test;

import java.util.HexFormat;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Lengths that do not add up give expert info, as RFC 3748 4 and RFC 2865 3/5 state the fields. */
class EapRadiusDecoderTest {
    private static final HexFormat HEX = HexFormat.of();
    private static final String ETH_EAPOL = "0180c200000302ea0000000188" + "8e";
    private static final String ETH_IPV4 = "02ea0000010202ea000001010800";

    private static Dissection decode(String hex) {
        Dissection d = new Dissection();
        byte[] b = HEX.parseHex(hex);
        new FrameDecoder().decode(1, b, 0, b.length, d);
        return d;
    }

    private static List<String> codes(Dissection d) {
        return d.experts().stream().map(x -> x.code()).toList();
    }

    /** IPv4/UDP 1812 around a RADIUS packet (checksums zero: not checked). */
    private static String radius(String packet) {
        int udpLen = 8 + packet.length() / 2;
        int ipLen = 20 + udpLen;
        return ETH_IPV4 + "4500" + String.format("%04x", ipLen) + "000040004011" + "0000" + "c0a8fa01c0a8fa02"
                + "d60e0714" + String.format("%04x", udpLen) + "0000" + packet;
    }

    @Test
    void eapLengthPastTheEapolBody() {
        // EAPOL v2 EAP packet of 5 octets holding a Response whose EAP Length says 9
        Dissection d = decode(ETH_EAPOL + "0200000502010009" + "01");
        assertEquals(List.of("eap.len_past_end"), codes(d));
        assertNotNull(d.first(EapFields.TYPE));
    }

    @Test
    void eapLengthShorterThanARequestHeader() {
        assertEquals(List.of("eap.len_too_short"), codes(decode(ETH_EAPOL + "020000040101000" + "4")));
    }

    @Test
    void tlsLengthFlagWithoutTheLength() {
        // Request, EAP-TLS, flags L set, then only two octets where RFC 5216 3.1 puts four
        assertEquals(List.of("eap.tls.truncated"), codes(decode(ETH_EAPOL + "02000008010100080d800000")));
    }

    @Test
    void radiusAttributeLengthBelowTwo() {
        // Access-Request, length 22: one attribute of length 1
        Dissection d = decode(radius("01010016" + "00".repeat(16) + "0101"));
        assertEquals(List.of("radius.avp.bad_length"), codes(d));
    }

    @Test
    void radiusLengthPastTheDatagram() {
        assertTrue(codes(decode(radius("01010040" + "00".repeat(16)))).contains("radius.bad_length"));
    }

    @Test
    void eapMessageWithoutMessageAuthenticator() {
        // Access-Request with EAP-Message (Response, Identity "a") and no Message-Authenticator: RFC 3579 3.2
        Dissection d = decode(radius("0101001c" + "00".repeat(16) + "4f08" + "020100060161"));
        assertEquals(List.of("radius.eap_without_message_authenticator"), codes(d));
        assertEquals("a", d.first(EapFields.IDENTITY).value());
    }

    @Test
    void eapSplitOverTwoEapMessagesIsReassembled() {
        // the Identity "ab" cut after its first letter: 4f 08 (02 01 00 07 01 61) 4f 03 (62), then a
        // Message-Authenticator (value not checked by the decoder)
        Dissection d = decode(radius("01010031" + "00".repeat(16) + "4f08020100070161" + "4f0362" + "5012"
                + "00".repeat(16)));
        assertEquals(List.of(), codes(d));
        assertEquals("ab", d.first(EapFields.IDENTITY).value());
        assertEquals(2, d.all(RadiusFields.EAP_MESSAGE).size());
    }
}
