package dev.macsec.conformance.eap;

import dev.macsec.conformance.link.Frame;
import dev.macsec.conformance.link.FrameLink;
import dev.macsec.conformance.link.PcapLiveLink;
import dev.macsec.keys.EapTlsKeys;
import dev.macsec.keys.Hex;
import dev.macsec.keys.TlsKeyLog;
import dev.macsec.mka.actor.MkaClock;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Our {@link Supplicant} with {@link EapTlsPeer} against hostapd 2.10's own EAP server (driver=wired, EAP-TLS) over a
 * veth pair, hostapd in a network namespace of its own, our end in the host's through libpcap. The expected MSK is
 * the one hostapd printed with {@code -K} ("EAP-TLS: Derived key"); whether the port was authorized is what hostapd
 * logged; through FreeRADIUS, the MS-MPPE keys FreeRADIUS printed. hostapd says eapol_version 2: Debian builds it
 * without MACsec, and only a MACsec build accepts 3. The CAs, certificates and keys ({@link TestPki}) are made with
 * openssl in a temporary directory and deleted; with EAP_PEER_KEEP_LOGS=DIR in the environment hostapd's logs are
 * kept there.
 * Runs as root with hostapd, openssl and ip (FreeRADIUS for its case), and skips otherwise.
 */
@Tag("netns")
class SupplicantHostapdTest {
    /** hostapd -K: "EAP-TLS: Derived key - hexdump(len=64): ..." (the MSK), "EAP: Session-Id - hexdump(len=65): ...". */
    private static final Pattern DERIVED = Pattern.compile("(EAP-TLS: Derived key|EAP-TLS: Derived EMSK|EAP: Session-Id) - hexdump\\(len=\\d+\\):((?: [0-9a-f]{2})+)");

    private static Path work;
    private static String namespace;
    private static String authPort;
    private static String ourPort;
    private static TestPki pki;
    /** The CA our peer checks the server's certificate against. */
    private static Path trustedCa;

    @BeforeAll
    static void network() throws Exception {
        assumeTrue("root".equals(System.getProperty("user.name")), "needs root (network namespaces, raw sockets)");
        for (String tool : List.of("hostapd", "openssl", "ip")) {
            assumeTrue(onPath(tool), tool + " is not installed (scripts/install-deps)");
        }
        work = Files.createTempDirectory("eap-peer-");
        long pid = ProcessHandle.current().pid();
        namespace = "ep-auth-" + pid;
        authPort = "epa" + pid % 1_000_000;
        ourPort = "eps" + pid % 1_000_000;
        certificates();
        trustedCa = pki.caCert();
        sh("ip netns add " + namespace);
        sh("ip link add " + ourPort + " type veth peer name " + authPort + " netns " + namespace);
        sh("ip -n " + namespace + " link set " + authPort + " up");
        sh("ip -n " + namespace + " link set lo up");
        // no IPv6 chatter on our end: the link carries only what the test sends
        sh("sysctl -qw net.ipv6.conf." + ourPort + ".disable_ipv6=1 || true");
        sh("ip link set " + ourPort + " up");
    }

    @AfterAll
    static void teardown() throws Exception {
        if (work == null) {
            return;
        }
        sh("ip link del " + ourPort + " 2>/dev/null || true");
        sh("ip netns del " + namespace + " 2>/dev/null || true");
        sh("rm -rf '" + work + "'");
    }

    /** The test PKI, and hostapd's EAP user file naming our two identities, the client and the stranger. */
    private static void certificates() throws Exception {
        try {
            pki = TestPki.create(work.resolve("pki"));
        } catch (ToolMissingException e) {
            assumeTrue(false, e.getMessage());
        }
        Files.writeString(work.resolve("eap_user"), "\"client\" TLS\n\"stranger\" TLS\n");
    }

    /** With 1398 (both sides' default) the messages fit; with 200 each flight goes in pieces, both ways, with ACKs. */
    @ParameterizedTest(name = "TLS 1.{0}, fragments of {1} octets")
    @CsvSource({"2, 1398", "3, 1398", "2, 200", "3, 200"})
    void eapTlsSucceedsAndOurMskIsHostapds(int minor, int fragmentSize) throws Exception {
        Run run = authenticate("client", minor == 3, fragmentSize);

        assertEquals(Supplicant.Status.AUTHENTICATED, run.supplicant.status(), "our supplicant: " + run.supplicant.failure());
        assertTrue(run.log.contains("IEEE 802.1X: authorizing port"), "hostapd authorized the port\n" + tail(run.log));
        assertTrue(run.log.contains("CTRL-EVENT-EAP-SUCCESS"), "hostapd's EAP server succeeded");
        assertTrue(run.log.contains("AP-STA-CONNECTED"), "hostapd: station connected");
        assertTrue(run.log.contains("SSL: Using TLS version TLSv1." + minor), "hostapd negotiated TLS 1." + minor);

        EapTlsKeys.Material ours = run.supplicant.keys().orElseThrow();
        List<byte[]> msk = derived(run.log, "EAP-TLS: Derived key");
        assertFalse(msk.isEmpty(), "hostapd -K printed the MSK");
        assertArrayEquals(msk.get(msk.size() - 1), ours.msk(), "our MSK is the one hostapd derived");
        List<byte[]> emsk = derived(run.log, "EAP-TLS: Derived EMSK");
        if (!emsk.isEmpty()) {
            assertArrayEquals(emsk.get(emsk.size() - 1), ours.emsk(), "our EMSK is the one hostapd derived");
        }
        List<byte[]> sessionId = derived(run.log, "EAP: Session-Id");
        assertFalse(sessionId.isEmpty(), "hostapd -K printed the Session-Id");
        assertArrayEquals(sessionId.get(sessionId.size() - 1), ours.sessionId(), "our Session-Id is hostapd's");

        // RFC 9190 2.5: under TLS 1.3 the handshake's end is not enough, the 0x00 of the server's next request is;
        // under TLS 1.2 (RFC 5216) the server's Finished is
        assertEquals(minor == 3, run.keyedButNotAllowed, "EAP-Success allowed only after the success indication");

        // the analyzer's derivation from the key-log secret agrees with Bouncy Castle's PRF or exporter
        EapTlsPeer peer = run.supplicant.method();
        assertEquals(minor == 3 ? EapTlsKeys.TLS_1_3 : EapTlsKeys.TLS_1_2, peer.version());
        EapTlsKeys.Material fromKeyLog = EapTlsKeys.derive(peer.version(), peer.cipherSuite(), peer.clientRandom(),
                peer.serverRandom(), TlsKeyLog.parse(peer.keyLog() + "\n", "our peer")).orElseThrow();
        assertEquals(fromKeyLog, ours, "EapTlsKeys from the key log");
    }

    @Test
    void clientCertificateFromAnotherCaGetsEapFailureAndNoMsk() throws Exception {
        Run run = authenticate("stranger", false, EapTlsPeer.DEFAULT_FRAGMENT_SIZE);

        assertEquals(Supplicant.Status.FAILED, run.supplicant.status());
        assertTrue(run.supplicant.failure().startsWith("EAP-Failure"), run.supplicant.failure());
        // hostapd 2.10 ends the method on its own alert without sending it: the peer sees only the EAP-Failure
        assertTrue(run.log.contains("local TLS alert: unknown CA"), "hostapd refused the certificate's CA");
        assertTrue(run.supplicant.keys().isEmpty(), "no MSK after EAP-Failure");
        assertTrue(run.log.contains("CTRL-EVENT-EAP-FAILURE"), "hostapd's EAP server failed\n" + tail(run.log));
        assertFalse(run.log.contains("IEEE 802.1X: authorizing port"), "hostapd did not authorize the port");
        assertTrue(derived(run.log, "EAP-TLS: Derived key").isEmpty(), "hostapd derived no MSK");
    }

    /** @param keyedButNotAllowed a frame came while the handshake was complete but EAP-Success not yet allowed */
    /**
     * hostapd as the RADIUS client of FreeRADIUS (Debian's configuration with the test certificates, EAP-TLS, TLS
     * 1.2): our MSK is MS-MPPE-Recv-Key || MS-MPPE-Send-Key of FreeRADIUS's Access-Accept (RFC 5216 2.3), our
     * Session-Id the EAP-Session-Id it returned for hostapd's EAP-Key-Name.
     */
    @Test
    void throughFreeRadiusOurMskIsTheAccessAcceptsMsMppeKeys() throws Exception {
        Run run;
        FreeRadiusServer radius;
        try {
            radius = FreeRadiusServer.start(work.resolve("freeradius"), pki,
                    "testing123".getBytes(StandardCharsets.US_ASCII),
                    FreeRadiusServer.Options.DEFAULT.withLauncher(List.of("ip", "netns", "exec", namespace)));
        } catch (ToolMissingException e) {
            assumeTrue(false, e.getMessage());
            return;
        }
        try (radius) {
            run = authenticate("client", false, EapTlsPeer.DEFAULT_FRAGMENT_SIZE, "freeradius", List.of("eap_server=0",
                    "own_ip_addr=127.0.0.1", "nas_identifier=eap-peer-test",
                    "auth_server_addr=" + radius.authAddress().getAddress().getHostAddress(),
                    "auth_server_port=" + radius.authAddress().getPort(), "auth_server_shared_secret=testing123",
                    // EAP-Key-Name holding one NUL asks the server for the EAP Session-Id (RFC 4072 6.2)
                    "radius_auth_req_attr=102:x:00"));
        }
        String radiusText = Files.readString(radius.logFile());
        assertEquals(Supplicant.Status.AUTHENTICATED, run.supplicant.status(), "our supplicant: " + run.supplicant.failure());
        assertTrue(run.log.contains("IEEE 802.1X: authorizing port"), "hostapd authorized the port\n" + tail(run.log));
        EapTlsKeys.Material ours = run.supplicant.keys().orElseThrow();
        byte[] recv = radiusValue(radiusText, "MS-MPPE-Recv-Key = 0x");
        byte[] send = radiusValue(radiusText, "MS-MPPE-Send-Key = 0x");
        byte[] msk = ours.msk();
        assertArrayEquals(recv, Arrays.copyOfRange(msk, 0, 32), "MS-MPPE-Recv-Key is the MSK's first half");
        assertArrayEquals(send, Arrays.copyOfRange(msk, 32, 64), "MS-MPPE-Send-Key is the MSK's second half");
        assertArrayEquals(radiusValue(radiusText, "EAP-Key-Name := 0x"), ours.sessionId(), "FreeRADIUS's EAP-Session-Id");
    }

    /** The hex value after the last {@code prefix} in FreeRADIUS's -X output. */
    private static byte[] radiusValue(String log, String prefix) {
        int at = log.lastIndexOf(prefix);
        assertTrue(at >= 0, "FreeRADIUS printed " + prefix);
        Matcher m = Pattern.compile("[0-9a-f]+").matcher(log);
        assertTrue(m.find(at + prefix.length()));
        return Hex.of(m.group());
    }

    private record Run(Supplicant supplicant, String log, boolean keyedButNotAllowed) {
    }

    @Test
    void serverCertificateFromACaWeDoNotTrustIsRefused() throws Exception {
        trustedCa = pki.rogueCaCert();
        Run run;
        try {
            run = authenticate("client", false, EapTlsPeer.DEFAULT_FRAGMENT_SIZE);
        } finally {
            trustedCa = pki.caCert();
        }

        assertEquals(Supplicant.Status.FAILED, run.supplicant.status());
        assertTrue(run.supplicant.failure().contains("the server's certificate does not chain to our CA"),
                run.supplicant.failure());
        assertTrue(run.supplicant.keys().isEmpty(), "no MSK");
        // our alert reached hostapd, which then failed the method
        assertTrue(run.log.contains("SSL3 alert: read (remote end reported an error):fatal:bad certificate"),
                "hostapd received our bad_certificate alert\n" + tail(run.log));
        assertTrue(run.log.contains("CTRL-EVENT-EAP-FAILURE"));
        assertFalse(run.log.contains("IEEE 802.1X: authorizing port"));
    }

    /** With hostapd's own EAP server. */
    private Run authenticate(String who, boolean tls13, int fragmentSize) throws Exception {
        return authenticate(who, tls13, fragmentSize, "internal", List.of("eap_server=1",
                "eap_user_file=" + work.resolve("eap_user"), "ca_cert=" + pki.caCert(),
                "server_cert=" + pki.serverCert(), "private_key=" + pki.serverKey(),
                "tls_flags=" + (tls13 ? "[ENABLE-TLSv1.3]" : "[DISABLE-TLSv1.3]"), "fragment_size=" + fragmentSize));
    }

    private Run authenticate(String who, boolean tls13, int fragmentSize, String server, List<String> serverLines)
            throws Exception {
        Path conf = work.resolve("hostapd-" + server + "-" + who + (tls13 ? "-13-" : "-12-") + fragmentSize + ".conf");
        Path log = work.resolve(conf.getFileName() + ".log");
        List<String> lines = new ArrayList<>(List.of("interface=" + authPort, "driver=wired", "logger_stdout=-1",
                "logger_stdout_level=0", "ieee8021x=1", "eapol_version=2", "use_pae_group_addr=1"));
        lines.addAll(serverLines);
        lines.add("");
        Files.writeString(conf, String.join("\n", lines));
        Process hostapd = new ProcessBuilder("ip", "netns", "exec", namespace, "hostapd", "-dd", "-K", conf.toString())
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        try {
            waitFor(log, "AP-ENABLED", Duration.ofSeconds(10));
            boolean[] keyedButNotAllowed = {false};
            // the stranger holds the rogue CA's client certificate, which hostapd does not trust
            boolean stranger = who.equals("stranger");
            EapTlsPeer peer = new EapTlsPeer(TestPki.credentials(stranger ? pki.rogueClientCert() : pki.clientCert(),
                    stranger ? pki.rogueClientKey() : pki.clientKey(), trustedCa),
                    tls13 ? EapTlsKeys.TLS_1_3 : EapTlsKeys.TLS_1_2, fragmentSize, new SecureRandom());
            Supplicant supplicant = new Supplicant(Hex.of(Files.readString(Path.of("/sys/class/net", ourPort, "address"))
                    .strip().replace(":", "")), who, peer, 3, 3_000, 3);
            try (PcapLiveLink live = new PcapLiveLink(ourPort, "ether proto 0x888e", 256)) {
                // notes, as each frame comes in, whether the method had its keys but did not yet allow EAP-Success
                FrameLink link = new FrameLink() {
                    @Override
                    public void send(byte[] frame, int off, int len) throws IOException {
                        live.send(frame, off, len);
                    }

                    @Override
                    public Frame receive(Duration timeout) throws IOException {
                        Frame f = live.receive(timeout);
                        if (f != null && peer.keys().isPresent() && !peer.mayAcceptSuccess()) {
                            keyedButNotAllowed[0] = true;
                        }
                        return f;
                    }

                    @Override
                    public void close() {
                    }
                };
                supplicant.runUntil(link, MkaClock.system(), () -> supplicant.status() == Supplicant.Status.AUTHENTICATED
                        || supplicant.status() == Supplicant.Status.FAILED, Duration.ofSeconds(20));
                // hostapd logs the port's authorization after sending EAP-Success
                Thread.sleep(300);
            }
            String text = Files.readString(log);
            if (System.getenv("EAP_PEER_KEEP_LOGS") != null) {
                Files.writeString(Path.of(System.getenv("EAP_PEER_KEEP_LOGS"), log.getFileName().toString()), text);
            }
            return new Run(supplicant, text, keyedButNotAllowed[0]);
        } finally {
            hostapd.destroy();
            if (!hostapd.waitFor(5, TimeUnit.SECONDS)) {
                hostapd.destroyForcibly();
            }
        }
    }

    /** The values of hostapd's {@code what} hexdump lines, in order. */
    private static List<byte[]> derived(String log, String what) {
        List<byte[]> out = new ArrayList<>();
        Matcher m = DERIVED.matcher(log);
        while (m.find()) {
            if (m.group(1).equals(what)) {
                out.add(Hex.of(m.group(2).replace(" ", "")));
            }
        }
        return out;
    }

    private static String tail(String log) {
        String[] lines = log.split("\n");
        return String.join("\n", Arrays.copyOfRange(lines, Math.max(0, lines.length - 40), lines.length));
    }

    private static void waitFor(Path log, String text, Duration timeout) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (Files.exists(log) && Files.readString(log).contains(text)) {
                return;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("hostapd did not log " + text + " within " + timeout + ":\n"
                + (Files.exists(log) ? tail(Files.readString(log)) : "(no log)"));
    }

    private static boolean onPath(String tool) {
        for (String dir : (System.getenv("PATH") + ":/usr/sbin:/sbin").split(":")) {
            if (new File(dir, tool).canExecute()) {
                return true;
            }
        }
        return false;
    }

    private static void sh(String script) throws Exception {
        Process p = new ProcessBuilder("sh", "-c", script).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (p.waitFor() != 0) {
            throw new IOException("failed (" + p.exitValue() + "): " + script + "\n" + out);
        }
    }
}
