package dev.macsec.keys;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Arrays;

/**
 * What a RADIUS shared secret protects: the Response Authenticator (RFC 2865 3), the Accounting-Request's Request
 * Authenticator (RFC 2866 3), the Message-Authenticator (RFC 3579 3.2) and the MS-MPPE-Send/Recv-Key salt encryption
 * (RFC 2548 2.4.2, 2.4.3). Every method reads a RADIUS packet at {@code b[off, off+len)}, {@code len} being its
 * RADIUS Length, already checked against the capture by the caller.
 */
public final class RadiusCrypto {
    private RadiusCrypto() {
    }

    /**
     * RFC 2865 3: MD5(Code + Identifier + Length + Request Authenticator + Attributes + Secret) is the response's
     * Authenticator field.
     */
    public static boolean responseAuthenticatorOk(byte[] b, int off, int len, byte[] requestAuthenticator, byte[] secret) {
        MessageDigest md5 = md5();
        md5.update(b, off, 4);
        md5.update(requestAuthenticator);
        md5.update(b, off + 20, len - 20);
        md5.update(secret);
        return MessageDigest.isEqual(md5.digest(), Arrays.copyOfRange(b, off + 4, off + 20));
    }

    /** RFC 2866 3: an Accounting-Request's authenticator is the same MD5 over 16 zero octets in place of a request's. */
    public static boolean accountingRequestOk(byte[] b, int off, int len, byte[] secret) {
        return responseAuthenticatorOk(b, off, len, new byte[16], secret);
    }

    /**
     * RFC 3579 3.2: HMAC-MD5 under the secret over the packet with the Message-Authenticator's value as 16 zero octets
     * and, in a response, the Request Authenticator of its request in the Authenticator field.
     *
     * @param valueOffset          where the Message-Authenticator's 16-octet value is in {@code b}
     * @param requestAuthenticator the request's authenticator for a response; null for a request (its own is used)
     */
    public static boolean messageAuthenticatorOk(byte[] b, int off, int len, int valueOffset, byte[] requestAuthenticator,
                                                 byte[] secret) {
        byte[] packet = Arrays.copyOfRange(b, off, off + len);
        if (requestAuthenticator != null) {
            System.arraycopy(requestAuthenticator, 0, packet, 4, 16);
        }
        Arrays.fill(packet, valueOffset - off, valueOffset - off + 16, (byte) 0);
        byte[] mac = hmacMd5(secret, packet);
        return MessageDigest.isEqual(mac, Arrays.copyOfRange(b, valueOffset, valueOffset + 16));
    }

    /**
     * RFC 2548 2.4.2: an MS-MPPE key's value is a 2-octet Salt and the String, P = key length (1 octet), key, padding
     * to a multiple of 16, encrypted as c(1) = p(1) xor MD5(secret + Request Authenticator + Salt), c(i) = p(i) xor
     * MD5(secret + c(i-1)).
     *
     * @param value the attribute's value after the vendor header: Salt, then the String
     * @return the key, or null when the value cannot be one (no whole 16-octet block, a key length past the plaintext)
     */
    public static byte[] decryptMppeKey(byte[] value, byte[] requestAuthenticator, byte[] secret) {
        int n = value.length - 2;
        if (n < 16 || n % 16 != 0) {
            return null;
        }
        byte[] plain = new byte[n];
        MessageDigest md5 = md5();
        byte[] previous = null;
        for (int i = 0; i < n; i += 16) {
            md5.update(secret);
            if (previous == null) {
                md5.update(requestAuthenticator);
                md5.update(value, 0, 2);
            } else {
                md5.update(previous);
            }
            byte[] mask = md5.digest();
            for (int j = 0; j < 16; j++) {
                plain[i + j] = (byte) (value[2 + i + j] ^ mask[j]);
            }
            previous = Arrays.copyOfRange(value, 2 + i, 2 + i + 16);
        }
        int keyLength = plain[0] & 0xFF;
        if (keyLength == 0 || keyLength > n - 1) {
            Arrays.fill(plain, (byte) 0);
            return null;
        }
        byte[] key = Arrays.copyOfRange(plain, 1, 1 + keyLength);
        Arrays.fill(plain, (byte) 0);
        return key;
    }

    private static MessageDigest md5() {
        try {
            return MessageDigest.getInstance("MD5");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the JDK has no MD5", e);
        }
    }

    /** HMAC-MD5 (RFC 2104): what a RADIUS client signs its Message-Authenticator with (RFC 3579 3.2). */
    public static byte[] hmacMd5(byte[] key, byte[] data) {
        try {
            Mac mac = Mac.getInstance("HmacMD5");
            // HMAC takes any key length; SecretKeySpec refuses only an empty one, which the keys file refuses first
            mac.init(new SecretKeySpec(key, "HmacMD5"));
            return mac.doFinal(data);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the JDK has no HmacMD5", e);
        }
    }
}
