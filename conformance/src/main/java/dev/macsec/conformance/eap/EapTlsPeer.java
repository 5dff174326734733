package dev.macsec.conformance.eap;

import dev.macsec.keys.EapTlsKeys;
import dev.macsec.keys.Hex;
import org.bouncycastle.crypto.params.AsymmetricKeyParameter;
import org.bouncycastle.crypto.params.ECPrivateKeyParameters;
import org.bouncycastle.crypto.params.RSAKeyParameters;
import org.bouncycastle.crypto.util.PrivateKeyFactory;
import org.bouncycastle.tls.AlertDescription;
import org.bouncycastle.tls.AlertLevel;
import org.bouncycastle.tls.Certificate;
import org.bouncycastle.tls.CertificateEntry;
import org.bouncycastle.tls.CertificateRequest;
import org.bouncycastle.tls.DefaultTlsClient;
import org.bouncycastle.tls.ProtocolVersion;
import org.bouncycastle.tls.SecurityParameters;
import org.bouncycastle.tls.SignatureAndHashAlgorithm;
import org.bouncycastle.tls.SignatureScheme;
import org.bouncycastle.tls.TlsAuthentication;
import org.bouncycastle.tls.TlsClientProtocol;
import org.bouncycastle.tls.TlsCredentials;
import org.bouncycastle.tls.TlsFatalAlert;
import org.bouncycastle.tls.TlsServerCertificate;
import org.bouncycastle.tls.TlsUtils;
import org.bouncycastle.tls.crypto.TlsCertificate;
import org.bouncycastle.tls.crypto.TlsCryptoParameters;
import org.bouncycastle.tls.crypto.impl.bc.BcDefaultTlsCredentialedSigner;
import org.bouncycastle.tls.crypto.impl.bc.BcTlsCrypto;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.security.cert.CertPathValidator;
import java.security.cert.CertificateFactory;
import java.security.cert.PKIXParameters;
import java.security.cert.TrustAnchor;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The peer side of EAP-TLS (RFC 5216 for TLS 1.2, RFC 9190 for TLS 1.3) on Bouncy Castle's TLS client in its
 * non-blocking mode: {@link #process} takes the Type-Data of one EAP-Request/EAP-TLS (the Flags octet onward) and
 * returns the Type-Data of the Response. It reassembles fragmented requests (answering each fragment that has M
 * set with an empty ACK), fragments what TLS gives it into pieces of at most {@code fragmentSize} octets of TLS
 * data (the first with L and the TLS Message Length, as wpa_supplicant does; each next piece after the server's
 * ACK), and answers a request that completes a flight without TLS output with an ACK.
 * <p>
 * The method may accept an EAP-Success ({@link #mayAcceptSuccess}) once TLS 1.2's handshake completed, or, for TLS
 * 1.3, once the server's protected success indication came (RFC 9190 2.5: one application-data octet 0x00). The
 * keys are RFC 5216 2.3's PRF over the master secret, or RFC 9190 2.3's exporter with context 0x0D, computed by
 * Bouncy Castle's own PRF and exporter; {@link #keyLog} gives the secret in the NSS key-log form so that
 * {@link EapTlsKeys}, an independent derivation, can be checked against it, and so that captures of the harness
 * decrypt with {@code --tls-keylog}.
 */
public final class EapTlsPeer {
    /** wpa_supplicant's default fragment_size: TLS data octets per EAP-TLS message. */
    public static final int DEFAULT_FRAGMENT_SIZE = 1398;

    static final int FLAG_LENGTH = 0x80;
    static final int FLAG_MORE = 0x40;
    static final int FLAG_START = 0x20;
    private static final byte SUCCESS_INDICATION = 0x00;

    /**
     * Our certificate chain (ours first) and its PKCS#8 private key, and the CAs we accept the server's chain from.
     * An empty trust list accepts any server certificate (only for tests that are about the client side).
     */
    public record Credentials(List<byte[]> chain, byte[] pkcs8PrivateKey, List<byte[]> trustedCas) {
        public Credentials {
            chain = chain.stream().map(byte[]::clone).toList();
            pkcs8PrivateKey = pkcs8PrivateKey.clone();
            trustedCas = trustedCas.stream().map(byte[]::clone).toList();
        }

        @Override
        public String toString() {
            return "Credentials(" + chain.size() + " certificates, private key, " + trustedCas.size() + " trusted CAs)";
        }
    }

    /** Where the method stands. */
    public enum State { IDLE, HANDSHAKE, SUCCESS_ALLOWED, FAILED }

    private final Credentials credentials;
    private final ProtocolVersion maxVersion;
    private final int fragmentSize;
    private final SecureRandom random;

    private State state = State.IDLE;
    private String failure;
    private TlsClientProtocol tls;
    private Client client;
    private final ByteArrayOutputStream inbound = new ByteArrayOutputStream();
    private byte[] outbound = new byte[0];
    private int outboundAt;
    private EapTlsKeys.Material keys;
    private String keyLog;
    private int version;
    private int cipherSuite;
    private byte[] clientRandom;
    private byte[] serverRandom;

    /**
     * @param maxVersion   {@code EapTlsKeys.TLS_1_2} or {@code TLS_1_3}: the highest version the ClientHello offers
     *                     (TLS 1.2 is the lowest; RFC 9190 2.1.1 still allows it, nothing here goes below)
     * @param fragmentSize the most TLS data octets in one EAP-TLS Response
     */
    public EapTlsPeer(Credentials credentials, int maxVersion, int fragmentSize, SecureRandom random) {
        if (maxVersion != EapTlsKeys.TLS_1_2 && maxVersion != EapTlsKeys.TLS_1_3) {
            throw new IllegalArgumentException(String.format("TLS version 0x%04X: the peer offers TLS 1.2 or 1.3", maxVersion));
        }
        if (fragmentSize < 64) {
            throw new IllegalArgumentException("fragment size " + fragmentSize + ": at least 64 octets of TLS data");
        }
        this.credentials = credentials;
        this.maxVersion = maxVersion == EapTlsKeys.TLS_1_3 ? ProtocolVersion.TLSv13 : ProtocolVersion.TLSv12;
        this.fragmentSize = fragmentSize;
        this.random = random;
    }

    public State state() {
        return state;
    }

    /** Why the method failed (a TLS alert sent or received, a malformed request), or null. */
    public String failure() {
        return failure;
    }

    /** Whether an EAP-Success may end the method now (RFC 9190 2.5 for TLS 1.3). */
    public boolean mayAcceptSuccess() {
        return state == State.SUCCESS_ALLOWED;
    }

    /** The MSK, EMSK and Session-Id once the handshake completed. */
    public Optional<EapTlsKeys.Material> keys() {
        return Optional.ofNullable(keys);
    }

    /** The session's secret as an NSS key-log line (CLIENT_RANDOM for TLS 1.2, EXPORTER_SECRET for 1.3), or null. */
    public String keyLog() {
        return keyLog;
    }

    /** The negotiated version ({@code 0x0303}, {@code 0x0304}) once the handshake completed, else 0. */
    public int version() {
        return version;
    }

    public int cipherSuite() {
        return cipherSuite;
    }

    /** The ClientHello's random once the handshake completed, else null. */
    public byte[] clientRandom() {
        return clientRandom == null ? null : clientRandom.clone();
    }

    /** The ServerHello's random once the handshake completed, else null. */
    public byte[] serverRandom() {
        return serverRandom == null ? null : serverRandom.clone();
    }

    /**
     * One EAP-Request/EAP-TLS in, one EAP-Response/EAP-TLS out.
     *
     * @param typeData the request after its Type octet: Flags, [TLS Message Length], [TLS Data]
     * @return the response's Type-Data, to go after Type 13
     */
    public byte[] process(byte[] typeData) {
        if (typeData.length < 1) {
            return fail("an EAP-TLS request without its Flags octet");
        }
        int flags = typeData[0] & 0xFF;
        if ((flags & FLAG_START) != 0) {
            return start();
        }
        if (state != State.HANDSHAKE && state != State.SUCCESS_ALLOWED) {
            return fail("an EAP-TLS request without Start before it (state " + state + ")");
        }
        if (outboundAt < outbound.length) {
            // RFC 5216 2.1.5: while our message is in pieces, each request is the server's ACK for the last one
            return nextFragment();
        }
        int at = 1;
        if ((flags & FLAG_LENGTH) != 0) {
            if (typeData.length < 5) {
                return fail("an EAP-TLS request with L set but no TLS Message Length");
            }
            at = 5;
        }
        inbound.write(typeData, at, typeData.length - at);
        if ((flags & FLAG_MORE) != 0) {
            return new byte[] {0};
        }
        byte[] message = inbound.toByteArray();
        inbound.reset();
        if (message.length == 0) {
            // the server's ACK with nothing pending: an ACK back keeps the exchange going (it should not happen)
            return new byte[] {0};
        }
        try {
            tls.offerInput(message);
            readApplicationData();
        } catch (IOException e) {
            failure = failure != null ? failure : "TLS: " + e.getMessage();
            state = State.FAILED;
            // the alert Bouncy Castle queued goes to the server, as wpa_supplicant sends its own
        }
        return output();
    }

    private byte[] start() {
        tls = new TlsClientProtocol();
        client = new Client();
        inbound.reset();
        keys = null;
        keyLog = null;
        failure = null;
        version = 0;
        cipherSuite = 0;
        clientRandom = null;
        serverRandom = null;
        state = State.HANDSHAKE;
        try {
            tls.connect(client);
        } catch (IOException e) {
            return fail("TLS: cannot start the handshake: " + e.getMessage());
        }
        return output();
    }

    private void readApplicationData() throws IOException {
        int n = tls.getAvailableInputBytes();
        if (n == 0) {
            return;
        }
        byte[] data = new byte[n];
        tls.readInput(data, 0, n);
        if (version == EapTlsKeys.TLS_1_3 && n == 1 && data[0] == SUCCESS_INDICATION && keys != null) {
            state = State.SUCCESS_ALLOWED;
        } else {
            failure = "TLS: " + n + " octets of unexpected application data";
            state = State.FAILED;
        }
    }

    private byte[] output() {
        int n = tls.getAvailableOutputBytes();
        outbound = new byte[n];
        outboundAt = 0;
        tls.readOutput(outbound, 0, n);
        return n == 0 ? new byte[] {0} : nextFragment();
    }

    private byte[] nextFragment() {
        int remaining = outbound.length - outboundAt;
        int len = Math.min(remaining, fragmentSize);
        boolean first = outboundAt == 0;
        boolean more = len < remaining;
        boolean withLength = first && more;
        byte[] out = new byte[1 + (withLength ? 4 : 0) + len];
        out[0] = (byte) ((withLength ? FLAG_LENGTH : 0) | (more ? FLAG_MORE : 0));
        int at = 1;
        if (withLength) {
            out[1] = (byte) (outbound.length >>> 24);
            out[2] = (byte) (outbound.length >>> 16);
            out[3] = (byte) (outbound.length >>> 8);
            out[4] = (byte) outbound.length;
            at = 5;
        }
        System.arraycopy(outbound, outboundAt, out, at, len);
        outboundAt += len;
        return out;
    }

    private byte[] fail(String why) {
        failure = why;
        state = State.FAILED;
        return new byte[] {0};
    }

    /** RFC 5216 2.3 / RFC 9190 2.3, on the connection's security parameters, with Bouncy Castle's PRF and exporter. */
    private void derive(SecurityParameters sp, org.bouncycastle.tls.TlsClientContext context) {
        version = sp.getNegotiatedVersion().getFullVersion();
        cipherSuite = sp.getCipherSuite();
        clientRandom = sp.getClientRandom().clone();
        serverRandom = sp.getServerRandom().clone();
        byte[] typeCode = {EapTlsKeys.EAP_TYPE_TLS};
        byte[] keyMaterial;
        byte[] sessionId;
        String secretLine;
        if (TlsUtils.isTLSv13(sp.getNegotiatedVersion())) {
            keyMaterial = context.exportKeyingMaterial("EXPORTER_EAP_TLS_Key_Material", typeCode, 128);
            sessionId = concat(typeCode, context.exportKeyingMaterial("EXPORTER_EAP_TLS_Method-Id", typeCode, 64));
            secretLine = "EXPORTER_SECRET " + Hex.format(clientRandom) + " "
                    + Hex.format(context.getCrypto().adoptSecret(sp.getExporterMasterSecret()).extract());
        } else {
            // RFC 5216 predates RFC 7627: the PRF applies whether or not the session used the extended master secret,
            // which Bouncy Castle's exporter insists on, so the PRF is called directly
            byte[] randoms = concat(clientRandom, serverRandom);
            keyMaterial = TlsUtils.PRF(sp, sp.getMasterSecret(), "client EAP encryption", randoms, 128).extract();
            sessionId = concat(typeCode, randoms);
            secretLine = "CLIENT_RANDOM " + Hex.format(clientRandom) + " "
                    + Hex.format(context.getCrypto().adoptSecret(sp.getMasterSecret()).extract());
        }
        keys = new EapTlsKeys.Material(Arrays.copyOfRange(keyMaterial, 0, 64), Arrays.copyOfRange(keyMaterial, 64, 128),
                sessionId);
        Arrays.fill(keyMaterial, (byte) 0);
        keyLog = secretLine;
        if (!TlsUtils.isTLSv13(sp.getNegotiatedVersion())) {
            state = State.SUCCESS_ALLOWED;
        }
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    private final class Client extends DefaultTlsClient {
        Client() {
            super(new BcTlsCrypto(random));
        }

        @Override
        protected ProtocolVersion[] getSupportedVersions() {
            return maxVersion.downTo(ProtocolVersion.TLSv12);
        }

        @Override
        public TlsAuthentication getAuthentication() {
            return new TlsAuthentication() {
                @Override
                public void notifyServerCertificate(TlsServerCertificate serverCertificate) throws IOException {
                    verifyServer(serverCertificate.getCertificate());
                }

                @Override
                public TlsCredentials getClientCredentials(CertificateRequest request) throws IOException {
                    return credentials(request);
                }
            };
        }

        @Override
        public void notifyHandshakeComplete() throws IOException {
            super.notifyHandshakeComplete();
            derive(context.getSecurityParametersConnection(), context);
        }

        @Override
        public void notifyAlertReceived(short level, short description) {
            if (level == AlertLevel.fatal || description != AlertDescription.close_notify) {
                failure = "TLS: the server sent alert " + AlertDescription.getText(description);
                state = State.FAILED;
            }
        }

        @Override
        public void notifyAlertRaised(short level, short description, String message, Throwable cause) {
            if (level == AlertLevel.fatal) {
                // a cause already noted (the server's certificate) says more than Bouncy Castle's message
                String sent = "we sent alert " + AlertDescription.getText(description);
                failure = failure != null ? failure + "; " + sent
                        : "TLS: " + sent + (message == null ? "" : " (" + message + ")");
                state = State.FAILED;
            }
        }

        /** PKIX from our trusted CAs, without revocation (test CAs publish none). */
        private void verifyServer(Certificate chain) throws IOException {
            if (credentials.trustedCas().isEmpty()) {
                return;
            }
            try {
                CertificateFactory x509 = CertificateFactory.getInstance("X.509");
                List<X509Certificate> path = new ArrayList<>();
                for (TlsCertificate c : chain.getCertificateList()) {
                    path.add((X509Certificate) x509.generateCertificate(new ByteArrayInputStream(c.getEncoded())));
                }
                Set<TrustAnchor> anchors = new HashSet<>();
                for (byte[] ca : credentials.trustedCas()) {
                    anchors.add(new TrustAnchor((X509Certificate) x509.generateCertificate(new ByteArrayInputStream(ca)), null));
                }
                PKIXParameters params = new PKIXParameters(anchors);
                params.setRevocationEnabled(false);
                CertPathValidator.getInstance("PKIX").validate(x509.generateCertPath(path), params);
            } catch (GeneralSecurityException e) {
                failure = "TLS: the server's certificate does not chain to our CA: " + e.getMessage();
                throw new TlsFatalAlert(AlertDescription.bad_certificate, e);
            }
        }

        private TlsCredentials credentials(CertificateRequest request) throws IOException {
            AsymmetricKeyParameter key = PrivateKeyFactory.createKey(credentials.pkcs8PrivateKey());
            boolean tls13 = TlsUtils.isTLSv13(context);
            SignatureAndHashAlgorithm algorithm = signatureAlgorithm(key, tls13, request);
            if (algorithm == null) {
                return null;
            }
            TlsCertificate[] certs = new TlsCertificate[credentials.chain().size()];
            for (int i = 0; i < certs.length; i++) {
                certs[i] = getCrypto().createCertificate(credentials.chain().get(i));
            }
            Certificate chain;
            if (tls13) {
                CertificateEntry[] entries = new CertificateEntry[certs.length];
                for (int i = 0; i < certs.length; i++) {
                    entries[i] = new CertificateEntry(certs[i], null);
                }
                chain = new Certificate(request.getCertificateRequestContext(), entries);
            } else {
                chain = new Certificate(certs);
            }
            return new BcDefaultTlsCredentialedSigner(new TlsCryptoParameters(context), (BcTlsCrypto) getCrypto(), key,
                    chain, algorithm);
        }
    }

    /**
     * A scheme the server accepts for our key: ECDSA P-256 with SHA-256, or for RSA PSS (the only RSA signatures of
     * TLS 1.3) or PKCS#1 v1.5 with SHA-256 under TLS 1.2. Null when none fits: the handshake goes on without a client
     * certificate and the server decides.
     */
    private static SignatureAndHashAlgorithm signatureAlgorithm(AsymmetricKeyParameter key, boolean tls13,
                                                                CertificateRequest request) {
        int[] candidates;
        if (key instanceof ECPrivateKeyParameters) {
            candidates = new int[] {SignatureScheme.ecdsa_secp256r1_sha256};
        } else if (key instanceof RSAKeyParameters) {
            candidates = tls13 ? new int[] {SignatureScheme.rsa_pss_rsae_sha256}
                    : new int[] {SignatureScheme.rsa_pss_rsae_sha256, SignatureScheme.rsa_pkcs1_sha256};
        } else {
            return null;
        }
        List<?> offered = request.getSupportedSignatureAlgorithms();
        for (int scheme : candidates) {
            SignatureAndHashAlgorithm a = SignatureScheme.getSignatureAndHashAlgorithm(scheme);
            if (offered == null || offered.contains(a)) {
                return a;
            }
        }
        return null;
    }

    /** The DER bodies of the PEM blocks labelled {@code label} (CERTIFICATE, PRIVATE KEY) in {@code pem}. */
    public static List<byte[]> pemBlocks(String pem, String label) {
        String begin = "-----BEGIN " + label + "-----";
        String end = "-----END " + label + "-----";
        List<byte[]> out = new ArrayList<>();
        int at = 0;
        while ((at = pem.indexOf(begin, at)) >= 0) {
            int stop = pem.indexOf(end, at);
            if (stop < 0) {
                throw new IllegalArgumentException("PEM: " + begin + " without " + end);
            }
            String body = pem.substring(at + begin.length(), stop).replaceAll("\\s", "");
            out.add(java.util.Base64.getDecoder().decode(body.getBytes(StandardCharsets.US_ASCII)));
            at = stop + end.length();
        }
        return out;
    }
}
