package dev.macsec.keys;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The RADIUS authenticators against the example exchange of RFC 2865 7.1 (NAS 192.168.1.16, secret "xyzzy5461"). */
class RadiusCryptoTest {
    private static final HexFormat HEX = HexFormat.of();
    /** RFC 2865 7.1: Access-Request for "nemo" (User-Password hidden), NAS-IP-Address, NAS-Port 3. */
    private static final byte[] REQUEST = HEX.parseHex("010000380f403f9473978057bd83d5cb98f4227a01066e656d6f02120dbe708d"
            + "93d413ce3196e43f782a0aee0406c0a8011005060000000" + "3");
    /** RFC 2865 7.1: the Access-Accept that answers it. */
    private static final byte[] ACCEPT = HEX.parseHex("0200002686fe220e7624ba2a1005f6bf9b55e0b206060000000" + "10f0600000000"
            + "0e06c0a80103");
    private static final byte[] SECRET = "xyzzy5461".getBytes(StandardCharsets.US_ASCII);

    private static byte[] requestAuthenticator() {
        return java.util.Arrays.copyOfRange(REQUEST, 4, 20);
    }

    @Test
    void rfc2865ResponseAuthenticatorVerifies() {
        assertTrue(RadiusCrypto.responseAuthenticatorOk(ACCEPT, 0, ACCEPT.length, requestAuthenticator(), SECRET));
    }

    @Test
    void oneBitOfTheSecretOrOfTheRequestAuthenticatorBreaksIt() {
        byte[] secret = SECRET.clone();
        secret[0] ^= 1;
        assertFalse(RadiusCrypto.responseAuthenticatorOk(ACCEPT, 0, ACCEPT.length, requestAuthenticator(), secret));
        byte[] auth = requestAuthenticator();
        auth[15] ^= 1;
        assertFalse(RadiusCrypto.responseAuthenticatorOk(ACCEPT, 0, ACCEPT.length, auth, SECRET));
    }

    @Test
    void anMppeValueWithoutAWholeBlockIsNoKey() {
        assertNull(RadiusCrypto.decryptMppeKey(new byte[2 + 15], new byte[16], SECRET));
        assertNull(RadiusCrypto.decryptMppeKey(new byte[1], new byte[16], SECRET));
    }
}
