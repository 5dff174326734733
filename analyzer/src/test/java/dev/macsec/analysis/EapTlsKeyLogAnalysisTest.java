package dev.macsec.analysis;

import dev.macsec.keys.KeysFile;
import dev.macsec.keys.TlsKeyLog;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The analyzer reads an EAP-TLS session off the wire (EAPOL side only: hellos in EAP-TLS fragments), takes the version
 * and cipher suite its ServerHello chose (TLS 1.3 from supported_versions), and with the session's TLS key log
 * learns the MSK that wpa_supplicant printed for it ({@code EAP-TLS: Derived key}, its own log beside the capture):
 * TLS 1.0, 1.2 with SHA-256 and SHA-384 suites, 1.3 with both hashes, against hostapd's EAP server and FreeRADIUS.
 */
class EapTlsKeyLogAnalysisTest {

    private static Path resource(String name) {
        try {
            return Path.of(EapTlsKeyLogAnalysisTest.class.getResource("/eap-tls/" + name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"tls10", "tls12-sha256", "tls12-sha384", "tls13-sha256", "tls13-sha384", "fr-tls12", "fr-tls13"})
    void theMskLearnedFromTheKeyLogIsTheOneWpaSupplicantDerived(String session) throws IOException {
        Matcher m = Pattern.compile("EAP-TLS: Derived key - hexdump\\(len=64\\): ([0-9a-f ]+)")
                .matcher(Files.readString(resource(session + ".wpa_supplicant"), StandardCharsets.UTF_8));
        assertTrue(m.find(), session + ": no MSK in wpa_supplicant's log");
        String msk = m.group(1).replace(" ", "").strip();
        AnalysisSummary s = EapRadiusKeysTest.analyze(resource(session + ".pcap"),
                KeysFile.EMPTY.withTlsKeyLog(TlsKeyLog.load(resource(session + ".keylog"))), true);
        List<String> learned = s.eap().learnedKeys();
        assertEquals(1, learned.size(), session + ": " + learned + " " + s.eap().timeline());
        assertTrue(learned.get(0).endsWith("= " + msk), session + ": " + learned.get(0) + "\nwpa_supplicant: " + msk);
    }
}
