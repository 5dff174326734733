package dev.macsec.conformance.eap;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The certificates of an EAP-TLS test, made by openssl at run time: a test CA with a server certificate (serverAuth)
 * and a client certificate (clientAuth, CN client@eap.test), and a rogue CA with a client certificate of the same CN
 * that the servers trusting the test CA must refuse. Keys are ECDSA P-256 (quick to make; hostapd, wpa_supplicant,
 * FreeRADIUS and our {@link EapTlsPeer} all take them). Everything, the private keys too, is written to the
 * directory given and nowhere else: the caller deletes it.
 */
public final class TestPki {
    public static final String CLIENT_IDENTITY = "client@eap.test";
    private static final String SUBJECT = "/O=macsec test/CN=";

    private final Path dir;

    private TestPki(Path dir) {
        this.dir = dir;
    }

    /** Makes the CAs, certificates and keys in {@code dir} (created if missing). */
    public static TestPki create(Path dir) throws IOException {
        Path openssl = ToolMissingException.find("openssl");
        Files.createDirectories(dir);
        Files.writeString(dir.resolve("ext.cnf"), """
                [req]
                distinguished_name = dn
                [dn]
                [ca]
                basicConstraints = critical, CA:TRUE
                keyUsage = critical, keyCertSign, cRLSign
                subjectKeyIdentifier = hash
                [server]
                basicConstraints = CA:FALSE
                keyUsage = digitalSignature
                extendedKeyUsage = serverAuth
                [client]
                basicConstraints = CA:FALSE
                keyUsage = digitalSignature
                extendedKeyUsage = clientAuth
                """);
        String o = "'" + openssl + "'";
        String key = " -newkey ec -pkeyopt ec_paramgen_curve:P-256 -nodes";
        StringBuilder script = new StringBuilder("set -e\n");
        for (String ca : List.of("ca", "rogue-ca")) {
            script.append(o).append(" req -x509").append(key).append(" -days 30 -sha256 -keyout ").append(ca)
                    .append(".key -out ").append(ca).append(".pem -subj '").append(SUBJECT).append("macsec test ")
                    .append(ca).append("' -config ext.cnf -extensions ca\n");
        }
        String[][] leaves = {{"server", "radius.eap.test", "ca", "server"},
            {"client", CLIENT_IDENTITY, "ca", "client"},
            {"rogue-client", CLIENT_IDENTITY, "rogue-ca", "client"}};
        for (String[] l : leaves) {
            script.append(o).append(" req -new").append(key).append(" -keyout ").append(l[0]).append(".key -subj '")
                    .append(SUBJECT).append(l[1]).append("' -config ext.cnf -out ").append(l[0]).append(".csr\n")
                    .append(o).append(" x509 -req -in ").append(l[0]).append(".csr -CA ").append(l[2])
                    .append(".pem -CAkey ").append(l[2]).append(".key -CAcreateserial -days 30 -sha256")
                    .append(" -extfile ext.cnf -extensions ").append(l[3]).append(" -out ").append(l[0])
                    .append(".pem\n");
        }
        Process p = new ProcessBuilder("sh", "-c", script.toString()).directory(dir.toFile())
                .redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        try {
            if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
                p.destroyForcibly();
                throw new IOException("openssl could not make the test certificates in " + dir + ": " + out.strip());
            }
        } catch (InterruptedException e) {
            p.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while making the test certificates", e);
        }
        return new TestPki(dir);
    }

    public Path dir() {
        return dir;
    }

    public Path caCert() {
        return dir.resolve("ca.pem");
    }

    public Path serverCert() {
        return dir.resolve("server.pem");
    }

    public Path serverKey() {
        return dir.resolve("server.key");
    }

    public Path clientCert() {
        return dir.resolve("client.pem");
    }

    public Path clientKey() {
        return dir.resolve("client.key");
    }

    /** The CA no server of the test trusts. */
    public Path rogueCaCert() {
        return dir.resolve("rogue-ca.pem");
    }

    public Path rogueClientCert() {
        return dir.resolve("rogue-client.pem");
    }

    public Path rogueClientKey() {
        return dir.resolve("rogue-client.key");
    }

    /** Our peer's credentials: the client (or the rogue client) certificate, trusting the test CA for the server. */
    public EapTlsPeer.Credentials clientCredentials(boolean rogue) throws IOException {
        return rogue ? credentials(rogueClientCert(), rogueClientKey(), caCert())
                : credentials(clientCert(), clientKey(), caCert());
    }

    /** Credentials of any certificate and PKCS#8 key in PEM, with the CA certificates of {@code trustedCa}. */
    public static EapTlsPeer.Credentials credentials(Path cert, Path key, Path trustedCa) throws IOException {
        return new EapTlsPeer.Credentials(EapTlsPeer.pemBlocks(read(cert), "CERTIFICATE"),
                EapTlsPeer.pemBlocks(read(key), "PRIVATE KEY").get(0),
                EapTlsPeer.pemBlocks(read(trustedCa), "CERTIFICATE"));
    }

    private static String read(Path p) throws IOException {
        return Files.readString(p, StandardCharsets.US_ASCII);
    }
}
