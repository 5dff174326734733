package dev.macsec.conformance.eap;

import dev.macsec.analysis.AnalysisOptions;
import dev.macsec.analysis.AnalysisSummary;
import dev.macsec.analysis.Analyzer;
import dev.macsec.analysis.MkaSummary;
import dev.macsec.capture.CaptureReader;
import dev.macsec.capture.PcapWriter;
import dev.macsec.conformance.link.Frame;
import dev.macsec.conformance.link.PcapLiveLink;
import dev.macsec.conformance.link.RecordingLink;
import dev.macsec.keys.KeyHierarchy;
import dev.macsec.keys.KeysFile;
import dev.macsec.keys.RadiusSecret;
import dev.macsec.mka.actor.MkaClock;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Our authenticator against two real implementations: wpa_supplicant 2.10 (driver=wired, EAP-TLS) as the supplicant
 * on one end of a veth pair in its own network namespace, our {@link Authenticator} on the other end (host side,
 * through libpcap), relaying to FreeRADIUS (EAP-TLS, {@code require_message_authenticator = yes}) on the host's
 * loopback through our {@link RadiusClient}. The expected values are the other implementations': the MSK and EAP
 * Session-Id wpa_supplicant prints with {@code -dd -K}, its EAP state through wpa_cli. Certificates (a test CA, the
 * server's and the client's, and a second CA with its own client) are made at run time in a temporary directory.
 * <p>
 * Needs root (network namespaces, live capture) and the Debian packages freeradius, wpasupplicant, openssl,
 * iproute2; skips otherwise.
 */
@Tag("netns")
class AuthenticatorFreeRadiusNetnsTest {
    private static final HexFormat HEX = HexFormat.of();
    private static final String SECRET = "radius-auth-test-secret";
    private static final byte[] AUTH_MAC = HEX.parseHex("02ea00000a02");
    private static final byte[] SUP_MAC = HEX.parseHex("02ea00000a01");

    private static Path work;
    private static String ns;
    private static String hostIf;
    private static String nsIf;
    private static TestPki pki;
    private static FreeRadiusServer freeradius;
    private final List<Process> started = new ArrayList<>();

    @BeforeAll
    static void setUp() throws Exception {
        assumeTrue("root".equals(System.getProperty("user.name")), "needs root: network namespaces, live capture");
        for (String tool : List.of("freeradius", "wpa_supplicant", "wpa_cli", "openssl", "ip")) {
            assumeTrue(onPath(tool), tool + " missing (apt-get install freeradius wpasupplicant openssl iproute2)");
        }
        work = Files.createTempDirectory("radauth");
        try {
            pki = TestPki.create(work.resolve("pki"));
            freeradius = FreeRadiusServer.start(work.resolve("freeradius"), pki,
                    SECRET.getBytes(StandardCharsets.US_ASCII));
        } catch (ToolMissingException e) {
            assumeTrue(false, e.getMessage());
        }
        String tag = Long.toString(ProcessHandle.current().pid() % 100000);
        ns = "radauth" + tag;
        hostIf = "rax" + tag + "a";
        nsIf = "rax" + tag + "b";
        sh("ip netns del " + ns + " 2>/dev/null; ip link del " + hostIf + " 2>/dev/null; true");
        sh("ip netns add " + ns);
        sh("ip link add " + hostIf + " type veth peer name " + nsIf + " netns " + ns);
        sh("ip link set " + hostIf + " address " + mac(AUTH_MAC));
        sh("ip netns exec " + ns + " ip link set " + nsIf + " address " + mac(SUP_MAC));
        // no IPv6 on the EAPOL link: router solicitations and MLD reports only clutter the recording
        sh("sysctl -qw net.ipv6.conf." + hostIf + ".disable_ipv6=1");
        sh("ip netns exec " + ns + " sysctl -qw net.ipv6.conf." + nsIf + ".disable_ipv6=1");
        sh("ip link set " + hostIf + " up && ip netns exec " + ns + " ip link set " + nsIf + " up");
    }

    @AfterAll
    static void tearDown() throws Exception {
        if (freeradius != null) {
            freeradius.close();
        }
        if (ns != null) {
            sh("ip link del " + hostIf + " 2>/dev/null; ip netns del " + ns + " 2>/dev/null; true");
        }
        if (work != null && System.getenv("RADAUTH_KEEP") == null) {
            try (Stream<Path> s = Files.walk(work)) {
                s.sorted(Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
            }
        }
    }

    @AfterEach
    void stopStarted() throws InterruptedException {
        for (Process p : started) {
            stop(p);
        }
        started.clear();
    }

    @Test
    void eapTlsSuccessGivesUsTheMskWpaSupplicantDerived() throws Exception {
        Session s = authenticate("ok", false, true);
        Authenticator.Result r = s.result;
        assertTrue(r.success(), "our result: " + r);
        assertEquals("client@eap.test", r.identity());
        assertArrayEquals(SUP_MAC, r.supplicantMac());
        String log = waitFor(s.wpaLog, "CTRL-EVENT-EAP-SUCCESS");
        assertTrue(log.contains("CTRL-EVENT-EAP-SUCCESS"), "wpa_supplicant saw no EAP-Success");
        assertEquals(1, s.authenticator.logoffs(), "wpa_cli logoff: EAPOL-Logoff ended our session");

        byte[] supplicantMsk = hexdump(log, "EAP-TLS: Derived key");
        assertEquals(64, supplicantMsk.length);
        assertArrayEquals(supplicantMsk, r.msk(), "MSK from the Access-Accept's MS-MPPE-Recv-Key || Send-Key");
        byte[] supplicantSessionId = hexdump(log, "EAP: Session-Id");
        assertArrayEquals(supplicantSessionId, r.sessionIdOfHellos(), "Session-Id from the relayed TLS hellos");
        assertArrayEquals(supplicantSessionId, r.keyName(), "FreeRADIUS's EAP-Key-Name");
        assertArrayEquals(supplicantSessionId, r.sessionId());

        // wpa_supplicant derives and logs a CKN only with MACsec (driver macsec_linux), which this host lacks
        Matcher ckn = Pattern.compile("Derived CKN - hexdump\\(len=16\\):((?: [0-9a-f]{2})+)").matcher(log);
        if (ckn.find()) {
            assertArrayEquals(HEX.parseHex(ckn.group(1).replace(" ", "")),
                    KeyHierarchy.cknFromMsk(r.msk(), r.sessionId(), AUTH_MAC, SUP_MAC, 128));
        }
        assertTrue(s.radius.discarded() == 0, "answers discarded: " + s.radius.discarded());
        assertEapOnTheRecording(s.pcap, 3, 4);

        // the switch's view (EAPOL and RADIUS) gives our analyzer the same MSK from the RADIUS secret alone
        AnalysisSummary a = analyze(s.switchPcap);
        List<String> learned = a.eap().learnedKeys();
        assertEquals(1, learned.size(), learned + " " + a.eap().findings());
        assertTrue(learned.get(0).endsWith("= " + HEX.formatHex(supplicantMsk)), learned.get(0));
        assertEquals(0, a.eap().errors(), a.eap().findings().toString());
    }

    @Test
    void aClientCertificateOfAnotherCaIsRejected() throws Exception {
        Session s = authenticate("rogue", true, false);
        Authenticator.Result r = s.result;
        assertFalse(r.success(), "our result: " + r);
        assertNull(r.msk());
        assertEquals("Access-Reject", r.reason());
        assertEquals(Authenticator.State.HELD, s.authenticator.state());
        String log = waitFor(s.wpaLog, "CTRL-EVENT-EAP-FAILURE");
        assertTrue(log.contains("CTRL-EVENT-EAP-FAILURE"), "wpa_supplicant saw no EAP-Failure");
        assertFalse(log.contains("CTRL-EVENT-EAP-SUCCESS"));
        assertEapOnTheRecording(s.pcap, 4, 3);

        AnalysisSummary a = analyze(s.switchPcap);
        assertTrue(a.eap().learnedKeys().isEmpty(), a.eap().learnedKeys().toString());
        List<String> codes = a.eap().findings().stream().map(MkaSummary.Finding::code).toList();
        assertTrue(codes.contains("eap.auth_failed"), codes.toString());
        assertTrue(a.eap().timeline().stream().anyMatch(e -> e.kind().equals("radius-access-reject")),
                a.eap().timeline().toString());
    }

    /** @param pcap the EAPOL link as we recorded it; switchPcap that and the RADIUS datagrams, as a switch sees */
    private record Session(Authenticator.Result result, Authenticator authenticator, RadiusClient radius,
                           Path wpaLog, Path ctrl, Path pcap, Path switchPcap) {
    }

    /** @param logoff whether wpa_supplicant logs off after its EAP-Success (wpa_cli logoff) */
    private Session authenticate(String name, boolean rogue, boolean logoff) throws Exception {
        Path d = Files.createDirectories(work.resolve(name));
        Path ctrl = d.resolve("wpa-ctrl");
        Files.writeString(d.resolve("wpa.conf"), """
                ctrl_interface=%s
                ap_scan=0
                eapol_version=3
                network={
                	key_mgmt=IEEE8021X
                	eap=TLS
                	identity="client@eap.test"
                	ca_cert="%s"
                	client_cert="%s"
                	private_key="%s"
                	eapol_flags=0
                	phase1="tls_disable_tlsv1_3=1"
                }
                """.formatted(ctrl, pki.caCert(), rogue ? pki.rogueClientCert() : pki.clientCert(),
                        rogue ? pki.rogueClientKey() : pki.clientKey()));
        Path wpaLog = d.resolve("wpa_supplicant.log");
        Path pcap = d.resolve("eapol.pcap");
        RadiusClient.Config rc = RadiusClient.Config.of(
                freeradius.authAddress(), SECRET, new byte[] {127, 0, 0, 1});
        MkaClock clock = MkaClock.system();
        List<Frame> radiusFrames = new ArrayList<>();
        Session session;
        try (RadiusClient radius = new RadiusClient(rc);
             PcapLiveLink radiusSide = new PcapLiveLink("lo", "udp port 1812 and host " + freeradius.authAddress().getAddress().getHostAddress(), 1024);
             RecordingLink link = new RecordingLink(new PcapLiveLink(hostIf, "ether proto 0x888e", 256), pcap)) {
            Authenticator auth = new Authenticator(
                    new Authenticator.Config(AUTH_MAC, 3, Duration.ofSeconds(2), 2), radius);
            auth.start(link, clock);
            started.add(new ProcessBuilder("ip", "netns", "exec", ns, "wpa_supplicant", "-D", "wired", "-i", nsIf,
                    "-c", d.resolve("wpa.conf").toString(), "-dd", "-K", "-t")
                    .redirectErrorStream(true).redirectOutput(wpaLog.toFile()).start());
            boolean ended = auth.runUntil(link, clock, () -> auth.result().isPresent(), Duration.ofSeconds(30));
            assertTrue(ended, "no result in 30 s: " + auth + "; wpa_supplicant: " + tail(wpaLog)
                    + "\nFreeRADIUS: " + freeradius.logTail(30));
            // the supplicant's answer to our last frame, if any, is not needed; give its log time to show the end
            auth.runUntil(link, clock, () -> false, Duration.ofMillis(500));
            if (logoff) {
                assertTrue(waitFor(wpaLog, "CTRL-EVENT-EAP-SUCCESS").contains("CTRL-EVENT-EAP-SUCCESS"));
                String status = wpaCli(ctrl, "status");
                assertTrue(status.contains("Supplicant PAE state=AUTHENTICATED"), status);
                assertTrue(status.contains("EAP state=SUCCESS"), status);
                wpaCli(ctrl, "logoff");
                assertTrue(auth.runUntil(link, clock, () -> auth.state() == Authenticator.State.LOGGED_OFF,
                        Duration.ofSeconds(5)), "wpa_supplicant's EAPOL-Logoff did not end the session: " + auth);
            }
            for (Frame f; (f = radiusSide.receive(Duration.ofMillis(200))) != null; ) {
                radiusFrames.add(f);
            }
            session = new Session(auth.result().orElseThrow(), auth, radius, wpaLog, ctrl, pcap,
                    d.resolve("switch.pcap"));
        }
        merge(pcap, radiusFrames, session.switchPcap());
        return session;
    }

    /** One pcap of the EAPOL recording and the RADIUS datagrams from loopback, in time order. */
    private static void merge(Path eapol, List<Frame> radius, Path out) throws IOException {
        List<long[]> order = new ArrayList<>();
        List<byte[]> frames = new ArrayList<>();
        try (CaptureReader r = CaptureReader.open(eapol)) {
            while (r.next()) {
                frames.add(Arrays.copyOfRange(r.data(), r.offset(), r.offset() + r.capturedLength()));
                order.add(new long[] {r.timestampNanos(), frames.size() - 1});
            }
        }
        for (Frame f : radius) {
            frames.add(f.data());
            order.add(new long[] {f.timestampMicros() * 1_000L, frames.size() - 1});
        }
        order.sort(Comparator.comparingLong((long[] o) -> o[0]).thenComparingLong(o -> o[1]));
        try (PcapWriter w = PcapWriter.create(out)) {
            for (long[] o : order) {
                byte[] f = frames.get((int) o[1]);
                w.write(f, 0, f.length, o[0]);
            }
        }
    }

    /** Our analyzer on the switch's view, with the RADIUS secret alone. */
    private static AnalysisSummary analyze(Path capture) throws IOException {
        KeysFile keys = KeysFile.EMPTY.withRadius(List.of(RadiusSecret.of(1, SECRET, "radauth")));
        try (Analyzer analyzer = new Analyzer(AnalysisOptions.defaults().withShowKeys(true), keys);
             CaptureReader reader = CaptureReader.open(capture)) {
            analyzer.analyze(reader, r -> {
            });
            return analyzer.finish();
        }
    }

    /** tshark (another implementation) reads the EAP exchange in our recording, if it is installed. */
    private static void assertEapOnTheRecording(Path pcap, int finalCode, int absentCode) throws Exception {
        if (!onPath("tshark")) {
            return;
        }
        Process p = new ProcessBuilder("tshark", "-r", pcap.toString(), "-Y", "eap", "-T", "fields", "-e", "eap.code",
                "-e", "eap.type").redirectErrorStream(false).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.US_ASCII);
        p.waitFor(30, TimeUnit.SECONDS);
        List<String> lines = out.lines().toList();
        assertTrue(lines.contains("1\t1"), "EAP-Request/Identity recorded: " + lines);
        assertTrue(lines.contains("2\t1"), "EAP-Response/Identity recorded: " + lines);
        assertTrue(lines.contains("1\t13") && lines.contains("2\t13"), "EAP-TLS both ways: " + lines);
        assertEquals(finalCode + "\t", lines.get(lines.size() - 1), "the last EAP packet: " + lines);
        assertFalse(lines.contains(absentCode + "\t"), lines.toString());
    }

    private static byte[] hexdump(String log, String label) {
        Matcher m = Pattern.compile(Pattern.quote(label) + " - hexdump\\(len=\\d+\\):((?: [0-9a-f]{2})+)").matcher(log);
        assertTrue(m.find(), "wpa_supplicant's log has no '" + label + "' (run with -K)");
        return HEX.parseHex(m.group(1).replace(" ", ""));
    }

    private static String waitFor(Path log, String text) throws Exception {
        String s = "";
        for (int i = 0; i < 50; i++) {
            s = Files.exists(log) ? Files.readString(log, StandardCharsets.ISO_8859_1) : "";
            if (s.contains(text)) {
                break;
            }
            Thread.sleep(100);
        }
        return s;
    }

    private static String tail(Path log) throws IOException {
        if (!Files.exists(log)) {
            return "(no log)";
        }
        List<String> lines = Files.readAllLines(log, StandardCharsets.ISO_8859_1);
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 30), lines.size()));
    }

    private String wpaCli(Path ctrl, String command) throws Exception {
        Process p = new ProcessBuilder("ip", "netns", "exec", ns, "wpa_cli", "-p", ctrl.toString(), "-i", nsIf, command)
                .redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        p.waitFor(10, TimeUnit.SECONDS);
        return out;
    }

    private static boolean onPath(String tool) {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(":")) {
            if (Files.isExecutable(Path.of(dir, tool))) {
                return true;
            }
        }
        return Files.isExecutable(Path.of("/usr/sbin", tool)) || Files.isExecutable(Path.of("/sbin", tool));
    }

    private static String sh(String script) throws Exception {
        Process p = new ProcessBuilder("bash", "-c", script).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IOException("failed: " + script.lines().findFirst().orElse("") + "\n" + out);
        }
        return out;
    }

    private static void stop(Process p) throws InterruptedException {
        p.destroy();
        if (!p.waitFor(3, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            p.waitFor(3, TimeUnit.SECONDS);
        }
    }

    private static String mac(byte[] m) {
        return HexFormat.ofDelimiter(":").formatHex(m);
    }
}
