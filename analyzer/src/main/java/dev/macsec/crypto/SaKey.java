package dev.macsec.crypto;

import dev.macsec.suite.CipherSuite;
import java.util.Arrays;
import java.util.HexFormat;
import javax.crypto.spec.SecretKeySpec;

/**
 * The key material of one secure association: SAK and cipher suite, plus SSCI and salt for the XPN suites.
 * Immutable and shared between threads; each thread builds its own {@link MacsecGcm} from it.
 * {@link #toString()} never shows the key.
 */
public final class SaKey {
    private final CipherSuite suite;
    private final SecretKeySpec keySpec;
    private final int ssci;
    private final byte[] salt;
    private final String label;
    /** 0, 30 or 50 when the key's announcement fixes it (an MKA Distributed SAK); -1: the SecY's own. */
    private final int confidentialityOffset;

    private SaKey(CipherSuite suite, byte[] sak, int ssci, byte[] salt, String label) {
        this(suite, sak, ssci, salt, label, -1);
    }

    private SaKey(CipherSuite suite, byte[] sak, int ssci, byte[] salt, String label, int confidentialityOffset) {
        if (sak.length != suite.keyLength()) {
            throw new IllegalArgumentException(suite + " needs a " + suite.keyLength() + "-octet SAK, got " + sak.length + " octets");
        }
        if (suite.xpn() && (salt == null || salt.length != CipherSuite.SALT_LENGTH)) {
            throw new IllegalArgumentException(suite + " needs a 12-octet salt");
        }
        this.suite = suite;
        this.keySpec = new SecretKeySpec(sak, "AES");
        this.ssci = ssci;
        this.salt = salt == null ? null : salt.clone();
        this.label = label;
        this.confidentialityOffset = confidentialityOffset;
    }

    /** A key for the non-XPN suites. */
    public static SaKey of(CipherSuite suite, byte[] sak) {
        return new SaKey(suite, sak, 0, null, null);
    }

    /** A key for any suite; ssci and salt are ignored by the non-XPN suites. */
    public static SaKey of(CipherSuite suite, byte[] sak, int ssci, byte[] salt) {
        return new SaKey(suite, sak, ssci, suite.xpn() ? salt : null, null);
    }

    /** Hex convenience (SAK and salt as hex strings, salt may be null for non-XPN). */
    public static SaKey ofHex(CipherSuite suite, String sakHex, int ssci, String saltHex) {
        HexFormat hex = HexFormat.of();
        return of(suite, hex.parseHex(sakHex), ssci, saltHex == null ? null : hex.parseHex(saltHex));
    }

    /** The same key with a name for reports, e.g. "KN 1" or a file line; never the key itself. */
    public SaKey withLabel(String newLabel) {
        return new SaKey(suite, keySpec.getEncoded(), ssci, salt, newLabel, confidentialityOffset);
    }

    /** The same key bound to a confidentiality offset (0, 30 or 50), as MKA's Distributed SAK announces it. */
    public SaKey withConfidentialityOffset(int offset) {
        if (offset != 0 && offset != 30 && offset != 50) {
            throw new IllegalArgumentException("confidentiality offset must be 0, 30 or 50: " + offset);
        }
        return new SaKey(suite, keySpec.getEncoded(), ssci, salt, label, offset);
    }

    /** The confidentiality offset this key is bound to, or -1 when the receiving SecY's configured one applies. */
    public int confidentialityOffset() {
        return confidentialityOffset;
    }

    public CipherSuite suite() {
        return suite;
    }

    public int ssci() {
        return ssci;
    }

    /** A copy of the salt (XPN), or null. */
    public byte[] salt() {
        return salt == null ? null : salt.clone();
    }

    /**
     * A copy of the SAK itself, for installing it on a device under test (ip macsec, a manual operator) or for a
     * user who asked to see learned keys ({@code --show-keys}). Secret: never log it.
     */
    public byte[] keyBytes() {
        return keySpec.getEncoded();
    }

    byte[] saltRef() {
        return salt;
    }

    SecretKeySpec keySpec() {
        return keySpec;
    }

    public String label() {
        return label;
    }

    @Override
    public String toString() {
        return "SaKey[" + suite + (suite.xpn() ? ", SSCI " + Integer.toHexString(ssci) : "")
                + (label != null ? ", " + label : "") + ", key hidden]";
    }

    /** Two keys are equal when suite, key, SSCI and salt are equal (constant-time key compare). */
    @Override
    public boolean equals(Object o) {
        return o instanceof SaKey k && k.suite == suite && k.ssci == ssci && Arrays.equals(k.salt, salt)
                && java.security.MessageDigest.isEqual(k.keySpec.getEncoded(), keySpec.getEncoded());
    }

    @Override
    public int hashCode() {
        return suite.hashCode() * 31 + ssci;
    }
}
