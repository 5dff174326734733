package dev.macsec.analysis;

import dev.macsec.capture.CaptureReader;
import dev.macsec.capture.PcapWriter;
import dev.macsec.keys.KeysFile;
import dev.macsec.keys.TlsKeyLog;
import dev.macsec.secy.Verdict;
import dev.macsec.testing.ProjectFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Client-oriented MACsec keyed by 802.1X (pcaps/eap-macsec: a real wpa_supplicant EAP-TLS peer, hostapd with MACsec as
 * the authenticator, FreeRADIUS): every MACsec frame of the session decrypts from the RADIUS shared secret alone, and
 * again from the TLS key log alone, also when only the EAPOL side was captured. The expected values are the 16 MACsec
 * frames tshark counts ({@code -Y macsec}, pcaps/SOURCES.md) and the MSK wpa_supplicant printed ({@code -K},
 * msk.json): neither comes from the analyzer.
 */
class EapMacsecCaptureTest {
    private static final Path CAPTURE = ProjectFiles.pcap("eap-macsec/eap-macsec.pcap");
    private static final Path KEY_LOG = ProjectFiles.pcap("eap-macsec/tls.keylog");
    private static final int MACSEC_FRAMES = 16;
    private static final int MKPDUS = 16;

    /** The MSK wpa_supplicant printed for this session (its -K line, kept in msk.json). */
    private static String wpaSupplicantMsk() throws IOException {
        Matcher m = Pattern.compile("\"msk\":\"([0-9a-f]{128})\"")
                .matcher(Files.readString(ProjectFiles.pcap("eap-macsec/msk.json"), StandardCharsets.UTF_8));
        assertTrue(m.find());
        return m.group(1);
    }

    private static void everyFrameVerifies(AnalysisSummary s) {
        assertEquals(MACSEC_FRAMES, s.run().macsecFrames());
        assertEquals(MACSEC_FRAMES, s.verdicts().getOrDefault(Verdict.OK, 0L).longValue(), s.verdicts().toString());
        assertEquals(MKPDUS, s.mka().icvVerified(), s.mka().toString());
    }

    @Test
    void fromTheRadiusSecretAlone() throws IOException {
        AnalysisSummary s = EapRadiusKeysTest.analyze(CAPTURE, KeysFile.load(ProjectFiles.pcap("eap-macsec/keys.json")),
                true);
        everyFrameVerifies(s);
        assertEquals(1, s.eap().learnedKeys().size(), s.eap().learnedKeys().toString());
        assertTrue(s.eap().learnedKeys().get(0).endsWith("= " + wpaSupplicantMsk()), s.eap().learnedKeys().get(0));
    }

    @Test
    void fromTheTlsKeyLogAlone() throws IOException {
        AnalysisSummary s = EapRadiusKeysTest.analyze(CAPTURE, KeysFile.EMPTY.withTlsKeyLog(TlsKeyLog.load(KEY_LOG)), true);
        everyFrameVerifies(s);
        assertTrue(s.eap().learnedKeys().get(0).contains("from the TLS key log"), s.eap().learnedKeys().toString());
        assertTrue(s.eap().learnedKeys().get(0).endsWith("= " + wpaSupplicantMsk()), s.eap().learnedKeys().get(0));
    }

    /** Only the EAPOL side (the supplicant's port): the hellos travel in EAP-TLS there, and the key log is enough. */
    @Test
    void fromTheTlsKeyLogWithOnlyTheEapolSideCaptured(@TempDir Path dir) throws IOException {
        Path eapolOnly = dir.resolve("eapol-side.pcap");
        int kept = 0;
        try (CaptureReader in = CaptureReader.open(CAPTURE); PcapWriter out = PcapWriter.create(eapolOnly)) {
            while (in.next()) {
                byte[] b = in.data();
                int type = (b[in.offset() + 12] & 0xFF) << 8 | (b[in.offset() + 13] & 0xFF);
                if (type == 0x888E || type == 0x88E5) {
                    out.write(b, in.offset(), in.capturedLength(), in.timestampNanos());
                    kept++;
                }
            }
        }
        assertTrue(kept >= MACSEC_FRAMES + MKPDUS, "EAPOL and MACsec frames kept: " + kept);
        everyFrameVerifies(EapRadiusKeysTest.analyze(eapolOnly,
                KeysFile.EMPTY.withTlsKeyLog(TlsKeyLog.load(KEY_LOG)), false));
        // and without the key log, nothing of it: the RADIUS side is gone with its MS-MPPE keys
        assertEquals(0L, EapRadiusKeysTest.analyze(eapolOnly, KeysFile.load(ProjectFiles.pcap("eap-macsec/keys.json")),
                false).verdicts().getOrDefault(Verdict.OK, 0L).longValue());
    }

    /**
     * hostapd 2.10 keeps the CA after the supplicant's EAPOL-Logoff: it restarts its participant under the same CKN.
     * Which frame shows it first is read with tshark: the first MKPDU (EAPOL type 5) more than 1 s after the Logoff
     * (EAPOL type 2); a capture whose session ends with the Logoff (pcaps/eap) gives no such finding.
     */
    @Test
    void theCaKeptAfterTheLogoffIsReportedAtTheFirstMkpduPastTheGrace() throws Exception {
        Process p = new ProcessBuilder("tshark", "-r", CAPTURE.toString(), "-Y", "eapol.type == 2 || eapol.type == 5",
                "-T", "fields", "-e", "frame.number", "-e", "frame.time_epoch", "-e", "eapol.type").start();
        List<String> rows = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).lines().toList();
        assertTrue(p.waitFor() == 0 && !rows.isEmpty(), "tshark: " + rows);
        double logoff = -1;
        long expected = -1;
        for (String row : rows) {
            String[] f = row.split("\t");
            double t = Double.parseDouble(f[1]);
            if (f[2].equals("2")) {
                logoff = t;
            } else if (logoff >= 0 && t - logoff > 1.0) {
                expected = Long.parseLong(f[0]);
                break;
            }
        }
        assertTrue(expected > 0, "an MKPDU more than 1 s after the Logoff (tshark): " + rows);
        AnalysisSummary s = EapRadiusKeysTest.analyze(CAPTURE, KeysFile.load(ProjectFiles.pcap("eap-macsec/keys.json")),
                false);
        List<dev.macsec.analysis.MkaSummary.Finding> kept = s.eap().findings().stream()
                .filter(f -> f.code().equals("eap.ca_kept_after_logoff")).toList();
        assertEquals(1, kept.size(), s.eap().findings().toString());
        assertEquals(expected, kept.get(0).frame());
        assertTrue(EapRadiusKeysTest.analyze(ProjectFiles.pcap("eap/eap-tls.pcap"),
                KeysFile.load(ProjectFiles.pcap("eap/keys.json")), false).eap().findings().stream()
                .noneMatch(f -> f.code().equals("eap.ca_kept_after_logoff")));
    }

    @Test
    void aKeyLogWithOneDigitOfTheMasterSecretChangedDecryptsNothing(@TempDir Path dir) throws IOException {
        String log = Files.readString(KEY_LOG, StandardCharsets.US_ASCII).strip();
        char last = log.charAt(log.length() - 1);
        Path wrong = Files.writeString(dir.resolve("wrong.keylog"),
                log.substring(0, log.length() - 1) + (last == '0' ? '1' : '0') + "\n");
        AnalysisSummary s = EapRadiusKeysTest.analyze(CAPTURE, KeysFile.EMPTY.withTlsKeyLog(TlsKeyLog.load(wrong)), false);
        assertEquals(0L, s.verdicts().getOrDefault(Verdict.OK, 0L).longValue(), s.verdicts().toString());
        assertEquals(0, s.mka().icvVerified());
    }
}
