package dev.macsec.analysis;

import dev.macsec.capture.CaptureReader;
import dev.macsec.keys.KeysFile;
import dev.macsec.keys.RadiusSecret;
import dev.macsec.testing.ProjectFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The 802.1X side of real hostapd + FreeRADIUS + wpa_supplicant captures (pcaps/eap): the MSK taken from the
 * Access-Accept under the RADIUS secret, and the EAP-TLS Session-Id from the hellos, are what wpa_supplicant itself
 * derived and printed in its {@code -dd -K} log of the same session (a second implementation, not our output).
 */
class EapRadiusKeysTest {
    private static final Path CAPTURE = ProjectFiles.pcap("eap/eap-tls.pcap");
    private static final Path REJECT = ProjectFiles.pcap("eap/eap-tls-reject.pcap");
    private static final KeysFile KEYS = KeysFile.load(ProjectFiles.pcap("eap/keys.json"));

    static AnalysisSummary analyze(Path capture, KeysFile keys, boolean showKeys) throws IOException {
        AnalysisOptions options = AnalysisOptions.defaults();
        if (showKeys) {
            options = options.withShowKeys(true);
        }
        try (Analyzer analyzer = new Analyzer(options, keys); CaptureReader reader = CaptureReader.open(capture)) {
            analyzer.analyze(reader, r -> {
            });
            return analyzer.finish();
        }
    }

    /** The hex dump wpa_supplicant printed after {@code label} ("EAP-TLS: Derived key", "EAP: Session-Id"). */
    static String fromWpaSupplicantLog(String label) throws IOException {
        String log = Files.readString(ProjectFiles.pcap("eap/eap-tls.wpa_supplicant.txt"), StandardCharsets.UTF_8);
        Matcher m = Pattern.compile(Pattern.quote(label) + " - hexdump\\(len=\\d+\\): ([0-9a-f ]+)").matcher(log);
        assertTrue(m.find(), label + " not in the wpa_supplicant log");
        return m.group(1).replace(" ", "").toLowerCase(Locale.ROOT);
    }

    @Test
    void mskFromTheAccessAcceptIsTheOneWpaSupplicantDerived() throws IOException {
        String msk = fromWpaSupplicantLog("EAP-TLS: Derived key");
        String sessionId = fromWpaSupplicantLog("EAP: Session-Id");
        assertEquals(128, msk.length());
        AnalysisSummary s = analyze(CAPTURE, KEYS, true);
        List<String> learned = s.eap().learnedKeys();
        assertEquals(1, learned.size(), learned.toString());
        String line = learned.get(0);
        assertTrue(line.endsWith("= " + msk), line + "\nwpa_supplicant's MSK: " + msk);
        assertTrue(line.contains("Session-Id " + sessionId + " "), line + "\nwpa_supplicant's Session-Id: " + sessionId);
        assertTrue(line.contains("for 02:ea:00:00:00:01 and 02:ea:00:00:00:02"), line);
        assertEquals(0, s.eap().errors(), s.eap().findings().toString());
    }

    @Test
    void withoutShowKeysTheMskIsNeverPrinted() throws IOException {
        String msk = fromWpaSupplicantLog("EAP-TLS: Derived key");
        AnalysisSummary s = analyze(CAPTURE, KEYS, false);
        assertFalse(s.eap().learnedKeys().toString().contains(msk.substring(0, 16)));
        assertFalse(s.eap().timeline().toString().contains(msk.substring(0, 16)));
    }

    @Test
    void oneByteOfTheSecretChangedFailsEveryAuthenticatorAndGivesNoMsk() throws IOException {
        byte[] secret = KEYS.radius().get(0).secret();
        secret[3] ^= 1;
        KeysFile wrong = KeysFile.EMPTY.withRadius(List.of(new RadiusSecret(1, secret, "off by one bit")));
        AnalysisSummary s = analyze(CAPTURE, wrong, true);
        assertTrue(s.eap().learnedKeys().isEmpty(), s.eap().learnedKeys().toString());
        List<String> codes = s.eap().findings().stream().map(MkaSummary.Finding::code).toList();
        // as tshark lists the capture: 7 Access-Requests with a Message-Authenticator, 3 Accounting-Requests, and
        // 10 responses (6 Access-Challenges, 1 Access-Accept, 3 Accounting-Responses)
        assertEquals(7, codes.stream().filter("radius.message_authenticator_wrong"::equals).count(), codes.toString());
        assertEquals(3, codes.stream().filter("radius.accounting_authenticator_wrong"::equals).count(), codes.toString());
        assertEquals(10, codes.stream().filter("radius.response_authenticator_wrong"::equals).count(), codes.toString());
        assertTrue(s.hasFindings());
    }

    @Test
    void theRightSecretVerifiesEveryAuthenticator() throws IOException {
        AnalysisSummary s = analyze(CAPTURE, KEYS, false);
        assertTrue(s.eap().findings().stream().noneMatch(f -> f.code().startsWith("radius.")), s.eap().findings().toString());
        assertFalse(s.hasFindings());
    }

    @Test
    void oneAuthenticationFromEapolStartToSuccessThenLogoffIsInTheTimeline() throws IOException {
        AnalysisSummary s = analyze(CAPTURE, KeysFile.EMPTY, false);
        List<String> kinds = s.eap().timeline().stream().map(MkaSummary.Event::kind).toList();
        List<String> expected = List.of("eapol-start", "eap-identity", "radius-access-request", "radius-access-accept",
                "eap-success", "eapol-logoff");
        assertEquals(expected, kinds.stream().filter(expected::contains).toList(), kinds.toString());
        List<String> codes = s.eap().findings().stream().map(MkaSummary.Finding::code).toList();
        // no MACsec on that host: the EAP-Success is not followed by MKA before the Logoff
        assertEquals(List.of("eap.success_without_mka", "eapol.logoff"), codes);
    }

    @Test
    void aRejectedCertificateIsAFailedAuthentication() throws IOException {
        AnalysisSummary s = analyze(REJECT, KEYS, false);
        List<String> codes = s.eap().findings().stream().map(MkaSummary.Finding::code).toList();
        assertEquals(List.of("eap.auth_failed", "eap.auth_failed"), codes, s.eap().findings().toString());
        assertTrue(s.eap().learnedKeys().isEmpty());
        assertTrue(s.eap().timeline().stream().anyMatch(e -> e.kind().equals("radius-access-reject")));
        assertTrue(s.eap().timeline().stream().anyMatch(e -> e.kind().equals("eap-failure")));
    }

    /**
     * Mutated copies of the real sessions (bytes flipped, lengths and attribute lengths most often) through the whole
     * pipeline with the right secret: bad RADIUS and EAP lengths give expert findings, never an exception.
     */
    @Test
    void mutatedSessionsNeverThrow(@TempDir Path dir) throws IOException {
        java.util.Random random = new java.util.Random(0x1812);
        List<byte[]> frames = new java.util.ArrayList<>();
        List<Long> times = new java.util.ArrayList<>();
        for (Path p : List.of(CAPTURE, REJECT)) {
            try (CaptureReader reader = CaptureReader.open(p)) {
                while (reader.next()) {
                    frames.add(java.util.Arrays.copyOfRange(reader.data(), reader.offset(),
                            reader.offset() + reader.capturedLength()));
                    times.add(reader.timestampNanos());
                }
            }
        }
        for (int round = 0; round < 30; round++) {
            Path out = dir.resolve("m" + round + ".pcap");
            try (dev.macsec.capture.PcapWriter w = dev.macsec.capture.PcapWriter.create(out)) {
                for (int i = 0; i < frames.size(); i++) {
                    byte[] f = frames.get(i).clone();
                    for (int flips = random.nextInt(4); flips > 0; flips--) {
                        // the IP/UDP/RADIUS and EAPOL/EAP headers and the first attributes are where lengths are
                        int at = random.nextInt(Math.min(f.length, random.nextBoolean() ? 80 : f.length));
                        f[at] = (byte) random.nextInt(256);
                    }
                    int len = random.nextInt(8) == 0 ? random.nextInt(f.length + 1) : f.length;
                    w.write(f, 0, len, times.get(i));
                }
            }
            assertDoesNotThrow(() -> analyze(out, KEYS, true), "round " + round);
        }
    }

    /**
     * MKPDUs signed with the CAK/CKN that 802.1X-2020 6.2.2 derives from wpa_supplicant's MSK and Session-Id for the
     * two stations, put after the EAP-Success of the real session: with the RADIUS secret alone their ICVs verify
     * (the MSK came from the Access-Accept, the Session-Id from the hellos, the MACs from the Station-Ids).
     */
    @Test
    void mkaAfterTheSessionVerifiesFromTheRadiusSecretAlone(@TempDir Path dir) throws IOException {
        byte[][] cakCkn = eapCakAndCkn();
        Path out = withMkpdus(dir.resolve("eap-then-mka.pcap"), cakCkn[1], cakCkn[0], 2);
        AnalysisSummary s = analyze(out, KEYS, false);
        assertEquals(2, s.mka().icvVerified(), s.mka().toString());
        assertEquals(0, s.mka().icvNoKey());
        assertTrue(s.eap().findings().stream().noneMatch(f -> f.code().equals("eap.success_without_mka")
                || f.code().equals("eap.ckn_not_from_eap")), s.eap().findings().toString());
        assertTrue(s.eap().timeline().stream().anyMatch(e -> e.kind().equals("mka-started")
                && e.text().endsWith("(the EAP session's)")), s.eap().timeline().toString());
        // the same with the frames verified on two threads: the MSK is in place before the MKPDUs that need it
        try (Analyzer analyzer = new Analyzer(AnalysisOptions.defaults().withThreads(2), KEYS);
             CaptureReader reader = CaptureReader.open(out)) {
            analyzer.analyze(reader, r -> {
            });
            assertEquals(2, analyzer.finish().mka().icvVerified());
        }
        // without the secret, nothing gives the CAK
        AnalysisSummary none = analyze(out, KeysFile.EMPTY, false);
        assertEquals(0, none.mka().icvVerified());
    }

    @Test
    void mkaOfTheAuthenticatedStationsUnderAnotherCknIsAFinding(@TempDir Path dir) throws IOException {
        byte[] psk = new byte[16];
        byte[] otherCkn = java.util.HexFormat.of().parseHex("0102030405060708");
        Path out = withMkpdus(dir.resolve("eap-then-psk.pcap"), otherCkn, psk, 2);
        AnalysisSummary s = analyze(out, KEYS, false);
        List<String> codes = s.eap().findings().stream().map(MkaSummary.Finding::code).toList();
        assertEquals(2, codes.stream().filter("eap.ckn_not_from_eap"::equals).count(), codes.toString());
    }

    /** CAK and CKN (802.1X-2020 6.2.2, 128-bit CAK) from wpa_supplicant's MSK and Session-Id and the two MACs. */
    private static byte[][] eapCakAndCkn() throws IOException {
        byte[] msk = java.util.HexFormat.of().parseHex(fromWpaSupplicantLog("EAP-TLS: Derived key"));
        byte[] sessionId = java.util.HexFormat.of().parseHex(fromWpaSupplicantLog("EAP: Session-Id"));
        return new byte[][] {dev.macsec.keys.KeyHierarchy.cakFromMsk(msk, SUPPLICANT, AUTHENTICATOR, 128),
                dev.macsec.keys.KeyHierarchy.cknFromMsk(msk, sessionId, SUPPLICANT, AUTHENTICATOR, 128)};
    }

    private static final byte[] SUPPLICANT = java.util.HexFormat.of().parseHex("02ea00000001");
    private static final byte[] AUTHENTICATOR = java.util.HexFormat.of().parseHex("02ea00000002");

    /**
     * The real session with {@code count} MKPDUs (authenticator, then supplicant) under {@code ckn}/{@code cak} put
     * after its Accounting-Response of frame 34, a tenth of a second apart: after the EAP-Success, before the Logoff.
     */
    private static Path withMkpdus(Path out, byte[] ckn, byte[] cak, int count) throws IOException {
        byte[] ick = dev.macsec.keys.KeyHierarchy.ick(cak, ckn);
        try (CaptureReader reader = CaptureReader.open(CAPTURE);
             dev.macsec.capture.PcapWriter w = dev.macsec.capture.PcapWriter.create(out)) {
            while (reader.next()) {
                w.write(reader.data(), reader.offset(), reader.capturedLength(), reader.timestampNanos());
                if (reader.frameNumber() == 34) {
                    long t = reader.timestampNanos();
                    for (int n = 1; n <= count; n++) {
                        byte[] mac = n % 2 == 1 ? AUTHENTICATOR : SUPPLICANT;
                        byte[] mi = new byte[12];
                        mi[11] = (byte) n;
                        long sci = dev.macsec.field.Octets.u48(mac, 0) << 16 | 1;
                        byte[] frame = dev.macsec.mka.actor.MkpduEncoder.frame(mac, List.of(
                                dev.macsec.mka.actor.MkpduEncoder.basic(new dev.macsec.mka.actor.MkpduEncoder.Basic(3,
                                        16 * n, n == 1, true, 2, sci, mi, 1,
                                        dev.macsec.decode.mka.Mkpdu.ALGORITHM_AGILITY_2010, ckn))), ick);
                        w.write(frame, 0, frame.length, t + n * 100_000_000L);
                    }
                }
            }
        }
        return out;
    }

    @Test
    void anEapSuccessThatMkaFollowsIsNoFinding() throws IOException {
        AnalysisSummary s = analyze(ProjectFiles.pcap("macsec_lab/mka-after-eap.pcap"), KeysFile.EMPTY, false);
        assertTrue(s.eap().timeline().stream().anyMatch(e -> e.kind().equals("eap-success")));
        assertTrue(s.eap().findings().isEmpty(), s.eap().findings().toString());
    }
}
