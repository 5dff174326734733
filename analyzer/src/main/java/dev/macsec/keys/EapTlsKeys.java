package dev.macsec.keys;

import org.bouncycastle.crypto.Digest;
import org.bouncycastle.crypto.digests.MD5Digest;
import org.bouncycastle.crypto.digests.SHA1Digest;
import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.digests.SHA384Digest;
import org.bouncycastle.crypto.generators.HKDFBytesGenerator;
import org.bouncycastle.crypto.macs.HMac;
import org.bouncycastle.crypto.params.HKDFParameters;
import org.bouncycastle.crypto.params.KeyParameter;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The keys an EAP-TLS session exports (MSK, EMSK, EAP Session-Id), from the session's TLS secrets: RFC 5216 2.3 for
 * TLS 1.0 to 1.2 (the TLS PRF over the master secret), RFC 9190 2.3 for TLS 1.3 (the TLS exporter). The handshake
 * parameters (version, cipher suite, the two randoms) come from the ClientHello and ServerHello on the wire, the
 * secret from a {@link TlsKeyLog}.
 * <p>
 * RFC 9190 passes the EAP Type-Code (0x0D) as the exporter context, for both the key material and the Method-Id,
 * as wpa_supplicant and hostapd 2.10 do (the sessions under src/test/resources/eap-tls); some of the RFC's drafts
 * used no context, and an implementation that followed them exports other keys.
 */
public final class EapTlsKeys {
    public static final int TLS_1_0 = 0x0301;
    public static final int TLS_1_1 = 0x0302;
    public static final int TLS_1_2 = 0x0303;
    public static final int TLS_1_3 = 0x0304;
    /** The EAP method type of EAP-TLS (RFC 3748 5): the first octet of its Session-Id and its TLS 1.3 context. */
    public static final byte EAP_TYPE_TLS = 0x0d;

    static final String RFC5216_LABEL = "client EAP encryption";
    static final String RFC9190_KEY_LABEL = "EXPORTER_EAP_TLS_Key_Material";
    static final String RFC9190_METHOD_ID_LABEL = "EXPORTER_EAP_TLS_Method-Id";
    private static final int MSK_LENGTH = 64;
    private static final int EMSK_LENGTH = 64;
    private static final int METHOD_ID_LENGTH = 64;
    private static final int RANDOM_LENGTH = 32;

    /**
     * TLS 1.2 cipher suites whose PRF is SHA-384, and the TLS 1.3 suites whose HKDF hash is (IANA TLS Cipher Suites
     * registry: every suite named ..._SHA384). Every other TLS 1.2 suite uses the SHA-256 PRF of RFC 5246 5, every
     * other TLS 1.3 suite SHA-256, except the GOST and SM3 suites, which are refused ({@link #supports}).
     */
    private static final int[] SHA384_SUITES = {
        0x009D, 0x009F, 0x00A1, 0x00A3, 0x00A5, 0x00A7, 0x00A9, 0x00AB, 0x00AD, 0x00AF, 0x00B1, 0x00B3, 0x00B5,
        0x00B7, 0x00B9, 0x1302, 0xC024, 0xC026, 0xC028, 0xC02A, 0xC02C, 0xC02E, 0xC030, 0xC032, 0xC038, 0xC03B,
        0xC03D, 0xC03F, 0xC041, 0xC043, 0xC045, 0xC047, 0xC049, 0xC04B, 0xC04D, 0xC04F, 0xC051, 0xC053, 0xC055,
        0xC057, 0xC059, 0xC05B, 0xC05D, 0xC05F, 0xC061, 0xC063, 0xC065, 0xC067, 0xC069, 0xC06B, 0xC06D, 0xC06F,
        0xC071, 0xC073, 0xC075, 0xC077, 0xC079, 0xC07B, 0xC07D, 0xC07F, 0xC081, 0xC083, 0xC085, 0xC087, 0xC089,
        0xC08B, 0xC08D, 0xC08F, 0xC091, 0xC093, 0xC095, 0xC097, 0xC099, 0xC09B, 0xC0B1, 0xC0B3, 0xC0B5, 0xD002,
    };
    /** GOST R 34.11 and SM3 suites: their PRF and hash are not SHA-2, and nothing here computes them. */
    private static final int[] UNSUPPORTED_SUITES = {
        0x0080, 0x0081, 0x0082, 0x0083, 0x00C6, 0x00C7, 0xC100, 0xC101, 0xC102, 0xC103, 0xC104, 0xC105, 0xC106,
    };

    private EapTlsKeys() {
    }

    /** What an EAP-TLS session exports. {@link #toString} shows sizes only. */
    public record Material(byte[] msk, byte[] emsk, byte[] sessionId) {
        public Material {
            msk = msk.clone();
            emsk = emsk.clone();
            sessionId = sessionId.clone();
        }

        @Override
        public byte[] msk() {
            return msk.clone();
        }

        @Override
        public byte[] emsk() {
            return emsk.clone();
        }

        @Override
        public byte[] sessionId() {
            return sessionId.clone();
        }

        /** The keys-file form of this MSK, from which the CAK and CKN follow (802.1X 6.2.2). */
        public MskEntry toMskEntry(int number, String name) {
            return new MskEntry(number, msk, sessionId, name);
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Material m && Arrays.equals(msk, m.msk) && Arrays.equals(emsk, m.emsk)
                    && Arrays.equals(sessionId, m.sessionId);
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(sessionId);
        }

        @Override
        public String toString() {
            return "EAP-TLS keys(MSK " + msk.length + " octets, EMSK " + emsk.length + " octets, Session-Id "
                    + sessionId.length + " octets)";
        }
    }

    /** Whether the keys of a session with this version and cipher suite can be derived here. */
    public static boolean supports(int version, int cipherSuite) {
        return version >= TLS_1_0 && version <= TLS_1_3 && Arrays.binarySearch(UNSUPPORTED_SUITES, cipherSuite) < 0;
    }

    /**
     * The session's keys, or empty when {@code log} lacks the secret this version needs (the master secret up to
     * TLS 1.2, the exporter secret for TLS 1.3) for this ClientHello random. A TLS 1.3 log with the traffic secrets
     * but no EXPORTER_SECRET line is not enough: the exporter secret derives from the master secret, not from them.
     *
     * @param version      the negotiated version: the ServerHello's supported_versions for TLS 1.3, else its version
     * @param cipherSuite  the ServerHello's cipher suite
     * @throws IllegalArgumentException for a version or suite that {@link #supports} refuses, or a random not 32 octets
     */
    public static Optional<Material> derive(int version, int cipherSuite, byte[] clientRandom, byte[] serverRandom,
                                            TlsKeyLog log) {
        check(version, cipherSuite, clientRandom, serverRandom);
        if (version == TLS_1_3) {
            return log.secret(TlsKeyLog.Label.EXPORTER_SECRET, clientRandom)
                    .map(secret -> fromExporterSecret(cipherSuite, secret));
        }
        return log.secret(TlsKeyLog.Label.CLIENT_RANDOM, clientRandom)
                .map(master -> fromMasterSecret(version, cipherSuite, master, clientRandom, serverRandom));
    }

    /**
     * RFC 5216 2.3: Key_Material = TLS-PRF-128(master_secret, "client EAP encryption", client.random ||
     * server.random); MSK its first 64 octets, EMSK the next 64; Session-Id = 0x0D || client.random || server.random.
     */
    public static Material fromMasterSecret(int version, int cipherSuite, byte[] masterSecret, byte[] clientRandom,
                                            byte[] serverRandom) {
        check(version, cipherSuite, clientRandom, serverRandom);
        if (version == TLS_1_3) {
            throw new IllegalArgumentException("TLS 1.3 has no master secret; use the exporter secret");
        }
        byte[] randoms = concat(clientRandom, serverRandom);
        byte[] keyMaterial = tlsPrf(version, cipherSuite, masterSecret, RFC5216_LABEL, randoms, MSK_LENGTH + EMSK_LENGTH);
        Material m = split(keyMaterial, concat(new byte[] {EAP_TYPE_TLS}, randoms));
        Arrays.fill(keyMaterial, (byte) 0);
        return m;
    }

    /**
     * RFC 9190 2.3: Key_Material = TLS-Exporter("EXPORTER_EAP_TLS_Key_Material", Type-Code, 128), MSK its first 64
     * octets, EMSK the next 64; Method-Id = TLS-Exporter("EXPORTER_EAP_TLS_Method-Id", Type-Code, 64); Session-Id =
     * Type-Code || Method-Id.
     */
    public static Material fromExporterSecret(int cipherSuite, byte[] exporterSecret) {
        if (!supports(TLS_1_3, cipherSuite)) {
            throw new IllegalArgumentException(String.format("cipher suite 0x%04X: key derivation not supported", cipherSuite));
        }
        Supplier<Digest> hash = hash(cipherSuite);
        int hashLength = hash.get().getDigestSize();
        if (exporterSecret.length != hashLength) {
            throw new IllegalArgumentException("the exporter secret is " + exporterSecret.length + " octets; cipher suite "
                    + String.format("0x%04X", cipherSuite) + " hashes with " + hash.get().getAlgorithmName()
                    + " (" + hashLength + ")");
        }
        byte[] context = {EAP_TYPE_TLS};
        byte[] keyMaterial = tls13Exporter(hash, exporterSecret, RFC9190_KEY_LABEL, context, MSK_LENGTH + EMSK_LENGTH);
        byte[] methodId = tls13Exporter(hash, exporterSecret, RFC9190_METHOD_ID_LABEL, context, METHOD_ID_LENGTH);
        Material m = split(keyMaterial, concat(context, methodId));
        Arrays.fill(keyMaterial, (byte) 0);
        return m;
    }

    private static Material split(byte[] keyMaterial, byte[] sessionId) {
        byte[] msk = Arrays.copyOfRange(keyMaterial, 0, MSK_LENGTH);
        byte[] emsk = Arrays.copyOfRange(keyMaterial, MSK_LENGTH, MSK_LENGTH + EMSK_LENGTH);
        Material m = new Material(msk, emsk, sessionId);
        Arrays.fill(msk, (byte) 0);
        Arrays.fill(emsk, (byte) 0);
        return m;
    }

    private static void check(int version, int cipherSuite, byte[] clientRandom, byte[] serverRandom) {
        if (version < TLS_1_0 || version > TLS_1_3) {
            throw new IllegalArgumentException(String.format("TLS version 0x%04X: EAP-TLS keys are defined for TLS 1.0 to 1.3", version));
        }
        if (!supports(version, cipherSuite)) {
            throw new IllegalArgumentException(String.format("cipher suite 0x%04X: key derivation not supported", cipherSuite));
        }
        if (clientRandom.length != RANDOM_LENGTH || serverRandom.length != RANDOM_LENGTH) {
            throw new IllegalArgumentException("TLS randoms are 32 octets, got " + clientRandom.length + " and " + serverRandom.length);
        }
    }

    // ---------------------------------------------------------------- TLS 1.0 to 1.2: the PRF

    /**
     * The TLS PRF of the negotiated version: TLS 1.0 and 1.1 the MD5/SHA-1 PRF of RFC 2246 5 (both versions share
     * it), TLS 1.2 P_SHA256 or the suite's P_SHA384 (RFC 5246 5), on Bouncy Castle's HMAC. Bouncy Castle's own TLS
     * PRF is reachable only through its JCA provider (TLSKDF), and constructing the provider loads all of it: 0.4 to
     * 0.7 s on the development VM, against some 10 ms for the first derivation here; the test checks one against the
     * other.
     */
    static byte[] tlsPrf(int version, int cipherSuite, byte[] secret, String label, byte[] seed, int length) {
        byte[] labelAndSeed = concat(label.getBytes(StandardCharsets.US_ASCII), seed);
        if (version >= TLS_1_2) {
            return pHash(isSha384(cipherSuite) ? new SHA384Digest() : new SHA256Digest(), secret, labelAndSeed, length);
        }
        // the two halves of the secret (sharing the middle octet when its length is odd), XORed after P_MD5 and P_SHA-1
        int half = (secret.length + 1) / 2;
        byte[] out = pHash(new MD5Digest(), Arrays.copyOfRange(secret, 0, half), labelAndSeed, length);
        byte[] sha1 = pHash(new SHA1Digest(), Arrays.copyOfRange(secret, secret.length - half, secret.length), labelAndSeed, length);
        for (int i = 0; i < length; i++) {
            out[i] ^= sha1[i];
        }
        Arrays.fill(sha1, (byte) 0);
        return out;
    }

    /** RFC 5246 5: P_hash(secret, seed) = HMAC(secret, A(1) || seed) || HMAC(secret, A(2) || seed) || ..., A(i) = HMAC(secret, A(i-1)), A(0) = seed. */
    private static byte[] pHash(Digest hash, byte[] secret, byte[] seed, int length) {
        HMac hmac = new HMac(hash);
        hmac.init(new KeyParameter(secret));
        int size = hmac.getMacSize();
        byte[] a = seed;
        byte[] block = new byte[size];
        byte[] out = new byte[length];
        for (int at = 0; at < length; at += size) {
            byte[] next = new byte[size];
            hmac.update(a, 0, a.length);
            hmac.doFinal(next, 0);
            a = next;
            hmac.update(a, 0, a.length);
            hmac.update(seed, 0, seed.length);
            hmac.doFinal(block, 0);
            System.arraycopy(block, 0, out, at, Math.min(size, length - at));
        }
        Arrays.fill(block, (byte) 0);
        return out;
    }

    // ---------------------------------------------------------------- TLS 1.3: the exporter

    /**
     * RFC 8446 7.5: TLS-Exporter(label, context, length) = HKDF-Expand-Label(Derive-Secret(exporter_secret, label, ""),
     * "exporter", Hash(context), length), with Derive-Secret(S, label, "") = HKDF-Expand-Label(S, label, Hash(""),
     * Hash.length).
     */
    static byte[] tls13Exporter(Supplier<Digest> hash, byte[] exporterSecret, String label, byte[] context, int length) {
        byte[] derived = hkdfExpandLabel(hash, exporterSecret, label, digest(hash, new byte[0]), hash.get().getDigestSize());
        byte[] out = hkdfExpandLabel(hash, derived, "exporter", digest(hash, context), length);
        Arrays.fill(derived, (byte) 0);
        return out;
    }

    /** RFC 8446 7.1: HKDF-Expand(secret, uint16 length || opaque "tls13 " + label<7..255> || opaque context<0..255>). */
    static byte[] hkdfExpandLabel(Supplier<Digest> hash, byte[] secret, String label, byte[] context, int length) {
        byte[] fullLabel = ("tls13 " + label).getBytes(StandardCharsets.US_ASCII);
        ByteArrayOutputStream info = new ByteArrayOutputStream();
        info.write(length >>> 8);
        info.write(length);
        info.write(fullLabel.length);
        info.writeBytes(fullLabel);
        info.write(context.length);
        info.writeBytes(context);
        HKDFBytesGenerator hkdf = new HKDFBytesGenerator(hash.get());
        hkdf.init(HKDFParameters.skipExtractParameters(secret, info.toByteArray()));
        byte[] out = new byte[length];
        hkdf.generateBytes(out, 0, length);
        return out;
    }

    private static byte[] digest(Supplier<Digest> hash, byte[] data) {
        Digest d = hash.get();
        d.update(data, 0, data.length);
        byte[] out = new byte[d.getDigestSize()];
        d.doFinal(out, 0);
        return out;
    }

    static Supplier<Digest> hash(int cipherSuite) {
        return isSha384(cipherSuite) ? SHA384Digest::new : SHA256Digest::new;
    }

    static boolean isSha384(int cipherSuite) {
        return Arrays.binarySearch(SHA384_SUITES, cipherSuite) >= 0;
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
