package dev.macsec.keys;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Optional;

/**
 * A RADIUS shared secret (RFC 2865 3) between an authenticator (the NAS) and its server: with it the analyzer checks
 * the Response and Message-Authenticators and decrypts the MS-MPPE keys that carry the EAP MSK. Key material: its
 * {@link #toString} never shows it.
 */
public final class RadiusSecret {
    private final int number;
    private final byte[] secret;
    private final String name;

    public RadiusSecret(int number, byte[] secret, String name) {
        this.number = number;
        this.secret = secret.clone();
        this.name = name;
    }

    /** The secret as RADIUS uses it: the octets of its text (RFC 2865 3 leaves the encoding open; UTF-8 here). */
    public static RadiusSecret of(int number, String secret, String name) {
        return new RadiusSecret(number, secret.getBytes(StandardCharsets.UTF_8), name);
    }

    public int number() {
        return number;
    }

    public byte[] secret() {
        return secret.clone();
    }

    public Optional<String> name() {
        return Optional.ofNullable(name);
    }

    /** How summaries name it: number and name, never the secret. */
    public String label() {
        return "RADIUS#" + number + (name == null ? "" : " " + name);
    }

    @Override
    public String toString() {
        return "RADIUS#" + number + "(" + secret.length + " octets" + (name == null ? "" : ", " + name) + ")";
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof RadiusSecret r && number == r.number && Arrays.equals(secret, r.secret)
                && java.util.Objects.equals(name, r.name);
    }

    @Override
    public int hashCode() {
        return number;
    }
}
