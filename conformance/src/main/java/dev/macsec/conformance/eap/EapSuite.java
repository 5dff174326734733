package dev.macsec.conformance.eap;

import dev.macsec.analysis.AnalysisSummary;
import dev.macsec.conformance.device.EapControl;
import dev.macsec.conformance.mka.DeviceOnTheWire;
import dev.macsec.conformance.mka.LinkAgent;
import dev.macsec.conformance.mka.MkaExtension;
import dev.macsec.conformance.mka.MkaHarness;
import dev.macsec.conformance.suite.ConformanceFailure;
import dev.macsec.conformance.suite.Harness;
import dev.macsec.conformance.suite.HarnessException;
import dev.macsec.field.Bytes;
import dev.macsec.keys.CakEntry;
import dev.macsec.keys.EapTlsKeys;
import dev.macsec.mka.actor.MkaParticipant;
import dev.macsec.mka.protocol.MkaTimers;
import dev.macsec.secy.Verdict;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.opentest4j.TestAbortedException;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.function.Supplier;

/**
 * Client-oriented MKA (IEEE 802.1X-2020 6.2.2): the CAK and CKN come from the MSK of an EAP-TLS authentication,
 * against the linux-vm device in both roles: hostapd 2.10 with MACsec as the device's authenticator (a RADIUS client
 * whose Access-Requests reach the harness's FreeRADIUS through our relay on the data link) with our Java EAP-TLS
 * supplicant, and wpa_supplicant 2.10 with EAP-TLS as the device's supplicant with our Java authenticator relaying
 * EAP to the same FreeRADIUS. Then MKA runs with the EAP-derived CAK. Run by {@code macsec conformance --suite 802.1x}
 * beside the pre-shared-key cases ({@link dev.macsec.conformance.mka.MkaSuite}).
 * <p>
 * Every verdict is judged on the wire: the device's EAPOL packets, its MKPDUs that verify under the CAK the EAP
 * session implies, and the data frames it sends and answers. Every case records EAPOL, RADIUS, MKA and MACsec in one
 * pcap, with a keys file beside it holding the RADIUS shared secret only; the analyzer must decrypt every MACsec
 * frame of a secured case from that secret alone. The device's logs are supporting evidence only.
 */
@DisplayName("802.1X EAP")
@ExtendWith(MkaExtension.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
public class EapSuite {
    /**
     * The authenticator's side is Key Server (the lower value wins, 802.1X-2020 9.5) and distributes the SAKs: the
     * device as authenticator is judged as Key Server. A supplicant of wpa_supplicant 2.10 never claims Key Server in
     * EAP mode (its participant is created unable to be one), so the device as supplicant gets the lower priority.
     */
    private static final int AUTHENTICATOR_PRIORITY = 16;
    private static final int SUPPLICANT_PRIORITY = 32;
    private static final int DEVICE_PRIORITY = AUTHENTICATOR_PRIORITY;
    private static final int OUR_PRIORITY = SUPPLICANT_PRIORITY;
    private static final int MUST_SECURE = 1;
    private static final String SAK_SUITE = "GCM-AES-128";
    private static final String NO_SAK = "-";
    private static final Duration EAP_TIMEOUT = Duration.ofSeconds(30);
    private static final Duration SECURE_TIMEOUT = Duration.ofSeconds(20);

    /** A pre-shared CKN and CAK the device was never given (802.1X-2020 6.2.2 vs 6.2.1). */
    private static final String PSK_CKN = "6162636465666768696a6b6c6d6e6f70";
    private static final String PSK_CAK = "0123456789abcdef0123456789abcdef";

    private static AaaServer aaa;

    /** FreeRADIUS with the test PKI, shared by the suite's cases, started on first use. */
    record AaaServer(FreeRadiusServer radius, TestPki pki, String secret, Path work) {
    }

    /**
     * The test PKI's private keys and FreeRADIUS's configuration live in a temporary directory that the suite deletes
     * at its end, never in the report; the RADIUS secret, made for the run, is written beside each case's pcap.
     */
    static synchronized AaaServer aaa(MkaHarness h) throws IOException {
        if (aaa == null) {
            Path work = Files.createTempDirectory("macsec-eap-aaa-");
            try {
                TestPki pki = TestPki.create(work.resolve("pki"));
                String secret = "harness-" + HexFormat.of().formatHex(new SecureRandom().generateSeed(8));
                aaa = new AaaServer(FreeRadiusServer.start(work.resolve("radius"), pki,
                        secret.getBytes(StandardCharsets.US_ASCII)), pki, secret, work);
            } catch (ToolMissingException e) {
                deleteTree(work);
                throw new HarnessException("the EAP cases need " + e.tool() + " on the host (scripts/install-deps)", e);
            } catch (IOException | RuntimeException e) {
                deleteTree(work);
                throw e;
            }
        }
        return aaa;
    }

    private static void deleteTree(Path dir) {
        try (java.util.stream.Stream<Path> s = Files.walk(dir)) {
            s.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // a temporary directory left behind is no reason to fail the run
        }
    }

    /** The host programs the EAP cases run (FreeRADIUS, openssl for the test PKI) that this machine lacks. */
    public static List<String> missingHostTools() {
        return java.util.stream.Stream.of("freeradius", "openssl")
                .filter(t -> ToolMissingException.locate(t).isEmpty()).toList();
    }

    @AfterAll
    static synchronized void stopAaa() {
        if (aaa != null) {
            aaa.radius().close();
            deleteTree(aaa.work());
            aaa = null;
        }
    }

    private static EapControl pae(MkaHarness h) {
        return h.fixture().capability(EapControl.class).orElseThrow(() -> new TestAbortedException(
                "not applicable: the harness cannot drive the 802.1X PAE of " + h.deviceDescription()));
    }

    private static EapControl authenticatorDevice(MkaHarness h) throws IOException {
        EapControl pae = pae(h);
        java.util.Optional<String> why = pae.authenticatorUnavailable();
        if (why.isPresent()) {
            throw new TestAbortedException("not applicable: " + why.get());
        }
        return pae;
    }

    private static void expect(boolean ok, Supplier<String> what) {
        if (!ok) {
            throw new ConformanceFailure(what.get());
        }
    }

    // ---------------------------------------------------------------- the two roles

    /** The device authenticates us: hostapd as authenticator, our supplicant, FreeRADIUS behind our relay. */
    private static final class DeviceAuthenticator implements AutoCloseable {
        final EapCase c;
        final AaaServer aaa;
        final RadiusRelay relay;
        final PaeAgent agent;
        final EapControl pae;

        DeviceAuthenticator(MkaHarness h, EapCase c, int policy) throws IOException {
            this.c = c;
            this.pae = authenticatorDevice(h);
            this.aaa = aaa(h);
            this.relay = new RadiusRelay(Harness.TESTER_MAC, EapCase.TESTER_RADIUS_IP, aaa.radius().authAddress());
            c.add(relayAgent(relay));
            this.agent = new PaeAgent(supplicant(false));
            EapControl.AuthenticatorConfig config = new EapControl.AuthenticatorConfig(EapCase.DEVICE_RADIUS_CIDR,
                    EapCase.TESTER_RADIUS_IP_TEXT, aaa.secret(), DEVICE_PRIORITY, policy);
            c.note("device: " + pae.authenticatorName() + " " + config);
            pae.startAuthenticator(config);
            c.add(agent);
        }

        Supplicant supplicant(boolean rogue) throws IOException {
            EapTlsPeer peer = new EapTlsPeer(aaa.pki().clientCredentials(rogue), EapTlsKeys.TLS_1_2,
                    EapTlsPeer.DEFAULT_FRAGMENT_SIZE, new SecureRandom());
            c.tlsPeer(peer);
            return new Supplicant(Harness.TESTER_MAC, TestPki.CLIENT_IDENTITY, peer, 3, 3000, 3);
        }

        Supplicant ours() {
            return (Supplicant) agent.actor();
        }

        /** Runs our supplicant until EAP ends; returns its status. */
        Supplicant.Status authenticate() throws IOException {
            c.session().runUntil(() -> ours().status() == Supplicant.Status.AUTHENTICATED
                    || ours().status() == Supplicant.Status.FAILED, EAP_TIMEOUT);
            c.note("our supplicant: " + ours().status() + (ours().failure() == null ? "" : " (" + ours().failure() + ")")
                    + "; RADIUS relayed " + relay.forwarded() + " requests, " + relay.answered() + " answers");
            return ours().status();
        }

        MkaParticipant startMka() {
            EapTlsKeys.Material keys = ours().keys().orElseThrow(() -> new HarnessException(
                    "our supplicant authenticated without keys: " + ours().failure()));
            return c.startMka(keys.msk(), keys.sessionId(), Harness.TESTER_MAC, c.deviceMac(), OUR_PRIORITY);
        }

        /** EAP-TLS succeeds, MKA secures the link under the derived CAK, and the device pings us {@code pings} times. */
        MkaParticipant securedWithData(int pings) throws IOException {
            expect(authenticate() == Supplicant.Status.AUTHENTICATED, () -> "EAP-TLS did not succeed: "
                    + ours().failure());
            MkaParticipant p = startMka();
            secure(c, p);
            dataBothWays(c, pae, pings);
            return p;
        }

        @Override
        public void close() throws IOException {
            relay.close();
        }
    }

    private static LinkAgent relayAgent(RadiusRelay relay) {
        return new LinkAgent() {
            @Override
            public List<byte[]> receive(byte[] frame, long nowMillis) throws IOException {
                return relay.receive(frame);
            }

            @Override
            public List<byte[]> tick(long nowMillis) throws IOException {
                return relay.poll();
            }
        };
    }

    /** The device authenticates to us: wpa_supplicant as supplicant, our authenticator relaying to FreeRADIUS. */
    private static final class DeviceSupplicant implements AutoCloseable {
        final EapCase c;
        final AaaServer aaa;
        final RadiusClient radius;
        final Authenticator ours;
        final EapControl pae;

        DeviceSupplicant(MkaHarness h, EapCase c, boolean rogue, boolean answerStarts) throws IOException {
            this.c = c;
            this.pae = pae(h);
            this.aaa = aaa(h);
            this.radius = new RadiusClient(new RadiusClient.Config(aaa.radius().authAddress(),
                    aaa.secret().getBytes(StandardCharsets.US_ASCII), new byte[] {127, 0, 0, 1}, Duration.ofSeconds(3),
                    3, true, 1400));
            RadiusRecorder.record(radius, c.link());
            this.ours = new Authenticator(Authenticator.Config.of(Harness.TESTER_MAC), radius);
            TestPki pki = aaa.pki();
            EapControl.SupplicantConfig config = new EapControl.SupplicantConfig(TestPki.CLIENT_IDENTITY,
                    Files.readString(pki.caCert()), Files.readString(rogue ? pki.rogueClientCert() : pki.clientCert()),
                    Files.readString(rogue ? pki.rogueClientKey() : pki.clientKey()), SUPPLICANT_PRIORITY, MUST_SECURE);
            c.note("device: " + pae.supplicantName() + " " + config + (rogue ? " with a certificate of a CA the server does not trust" : ""));
            if (answerStarts) {
                c.add(new PaeAgent(ours));
            }
            pae.startSupplicant(config);
        }

        /** Runs until the authentication ended (the device's EAP answered with Success or Failure). */
        Authenticator.Result authenticate() throws IOException {
            c.session().runUntil(() -> ours.result().isPresent(), EAP_TIMEOUT);
            Authenticator.Result r = ours.result().orElseThrow(() -> new ConformanceFailure(
                    "no EAP authentication ended within " + EAP_TIMEOUT.toSeconds() + " s: our authenticator is "
                            + ours + "; the device's EAPOL: " + c.deviceEapol().size() + " packets"));
            c.note("our authenticator: " + r);
            return r;
        }

        MkaParticipant startMka(Authenticator.Result r) {
            return c.startMka(r.msk(), r.sessionId(), c.deviceMac(), Harness.TESTER_MAC, AUTHENTICATOR_PRIORITY);
        }

        /** Our authenticator asks for the device's identity; EAP-TLS succeeds; MKA secures; the device pings us. */
        Authenticator.Result securedWithData(int pings) throws IOException {
            ours.start(c.link(), dev.macsec.mka.actor.MkaClock.system());
            Authenticator.Result r = authenticate();
            expect(r.success(), () -> "EAP-TLS did not succeed: " + r.reason());
            secure(c, startMka(r));
            dataBothWays(c, pae, pings);
            return r;
        }

        @Override
        public void close() {
            radius.close();
        }
    }

    // ---------------------------------------------------------------- shared steps and checks

    private static EapCase open(MkaHarness h, String clause, String name, String suite) throws IOException {
        h.label(clause, name, suite);
        pae(h);
        EapCase c = new EapCase(h.fixture(), "802.1X-" + clause + "-" + name);
        h.recordedElsewhere(c.pcap(), () -> {
            String log;
            try {
                log = pae(h).paeLog(200);
                pae(h).stopPae();
            } catch (IOException | RuntimeException e) {
                log = "unavailable: " + e.getMessage();
            }
            if (aaa != null) {
                try {
                    c.writeKeysFile(aaa.secret());
                    c.writeTlsKeyLog();
                } catch (IOException e) {
                    log += "\nkeys file not written: " + e.getMessage();
                }
            }
            c.attach(aaa == null ? "" : aaa.secret(), log);
            c.close();
        });
        return c;
    }

    /** Waits until the device lists our participant live with a key in use, and our side is secured too. */
    private static void secure(EapCase c, MkaParticipant p) throws IOException {
        boolean secured = c.awaitWire(w -> w.securedWith(p.mi()), SECURE_TIMEOUT);
        expect(secured, () -> "the device's MKPDUs under the EAP-derived CAK never listed us live with a SAK in use:\n"
                + (c.wire() == null ? "" : c.wire().transcript(c.startNanos())) + p.events());
        expect(c.session().runUntil(p::secured, Duration.ofSeconds(6)),
                () -> "no SAK agreed with the device (our side not secured): " + p.events());
    }

    /** Pings us from the device's Controlled Port: every echo answered, through MACsec only. */
    private static void dataBothWays(EapCase c, EapControl pae, int count) throws IOException {
        String port = pae.controlledPort();
        expect(port != null, () -> "the device's PAE created no Controlled Port (macsec interface)");
        c.configureControlledPort(port);
        int got = c.pingFromDevice(count);
        expect(got == count, () -> "echo replies the device got through the secured link: " + got + " of " + count
                + " (" + c.session() + ")");
        expect(c.session().verdict(Verdict.OK) >= count, () -> "device frames that verify: " + c.session());
    }

    /** The analyzer, from the RADIUS shared secret alone, decrypts every MACsec frame of the case. */
    private static void everyMacsecFrameFromTheRadiusSecret(EapCase c, byte[] expectedMsk) throws IOException {
        AnalysisSummary a = c.analyzeFromRadiusSecret(aaa.secret(), true);
        long ok = a.verdicts().getOrDefault(Verdict.OK, 0L);
        expect(a.run().macsecFrames() >= 6, () -> "MACsec frames on the wire: " + a.run().macsecFrames());
        expect(ok == a.run().macsecFrames(), () -> "MACsec frames the analyzer verifies from the RADIUS secret alone: "
                + ok + " of " + a.run().macsecFrames() + " " + a.verdicts());
        String msk = HexFormat.of().formatHex(expectedMsk);
        expect(a.eap().learnedKeys().stream().anyMatch(k -> k.endsWith(msk)), () -> "the analyzer learned the MSK of "
                + "this session from the Access-Accept: " + a.eap().learnedKeys().size() + " keys learned");
        expect(a.mka().icvFailed() == 0, () -> "MKPDUs whose ICV fails (analyzer): " + a.mka().icvFailed());
    }

    /** The analyzer finds no MKA rule broken on the wire of a case that secured (timers aside: the guest is emulated). */
    private static void noMkaFinding(EapCase c) throws IOException {
        List<String> findings = c.analyzeFromRadiusSecret(aaa.secret(), false).mka().cas().stream()
                .flatMap(ca -> ca.findings().stream()).filter(f -> !f.code().equals(dev.macsec.mka.Rules.HELLO_INTERVAL.code()))
                .map(f -> f.code() + " (frame " + f.frame() + "): " + f.message()).toList();
        expect(findings.isEmpty(), () -> "MKA rules the analyzer finds broken: " + findings);
    }

    // ---------------------------------------------------------------- cases

    @Order(1)
    @DisplayName("802.1X-6.2.2-eap-tls-mka-device-authenticator")
    @Test
    void eapTlsThenMkaWithTheDeviceAsAuthenticator(MkaHarness h) throws IOException {
        EapCase c = open(h, "6.2.2", "eap-tls-mka-device-authenticator", SAK_SUITE);
        try (DeviceAuthenticator a = new DeviceAuthenticator(h, c, MUST_SECURE)) {
            a.securedWithData(3);
            expect(c.session().plainIpv4In() == 0, () -> "plaintext IPv4 frames on the secured link: " + c.session());
            everyMacsecFrameFromTheRadiusSecret(c, a.ours().keys().orElseThrow().msk());
            noMkaFinding(c);
        }
    }

    @Order(2)
    @DisplayName("802.1X-6.2.2-eap-tls-mka-device-supplicant")
    @Test
    void eapTlsThenMkaWithTheDeviceAsSupplicant(MkaHarness h) throws IOException {
        EapCase c = open(h, "6.2.2", "eap-tls-mka-device-supplicant", SAK_SUITE);
        try (DeviceSupplicant s = new DeviceSupplicant(h, c, false, true)) {
            Authenticator.Result r = s.securedWithData(3);
            expect(c.session().plainIpv4In() == 0, () -> "plaintext IPv4 frames on the secured link: " + c.session());
            everyMacsecFrameFromTheRadiusSecret(c, r.msk());
            noMkaFinding(c);
        }
    }

    @Order(3)
    @DisplayName("802.1X-12-eap-failure-no-mka-device-authenticator")
    @Test
    void accessRejectGivesNoMkaAndNoPlaintextWithTheDeviceAsAuthenticator(MkaHarness h) throws IOException {
        EapCase c = open(h, "12", "eap-failure-no-mka-device-authenticator", NO_SAK);
        try (DeviceAuthenticator a = new DeviceAuthenticator(h, c, MUST_SECURE)) {
            a.agent.actor(a.supplicant(true));
            expect(a.authenticate() == Supplicant.Status.FAILED, () -> "EAP with a client certificate of a CA the "
                    + "server does not trust ended " + a.ours().status());
            expect(c.deviceEapol().stream().anyMatch(EapCase.DeviceWatch.Seen::isEapFailure),
                    () -> "the device sent no EAP-Failure: " + describe(c));
            noMkaAndNoPlaintext(c, a.pae);
        }
    }

    @Order(4)
    @DisplayName("802.1X-12-eap-failure-no-mka-device-supplicant")
    @Test
    void accessRejectGivesNoMkaAndNoPlaintextWithTheDeviceAsSupplicant(MkaHarness h) throws IOException {
        EapCase c = open(h, "12", "eap-failure-no-mka-device-supplicant", NO_SAK);
        try (DeviceSupplicant s = new DeviceSupplicant(h, c, true, true)) {
            s.ours.start(c.link(), dev.macsec.mka.actor.MkaClock.system());
            Authenticator.Result r = s.authenticate();
            expect(!r.success(), () -> "EAP with a device certificate of a CA the server does not trust succeeded");
            noMkaAndNoPlaintext(c, s.pae);
        }
    }

    @Order(5)
    @DisplayName("802.1X-12-eapol-logoff-ends-the-ca-device-authenticator")
    @Test
    void logoffEndsTheCaWithTheDeviceAsAuthenticator(MkaHarness h) throws IOException {
        EapCase c = open(h, "12", "eapol-logoff-ends-the-ca-device-authenticator", SAK_SUITE);
        try (DeviceAuthenticator a = new DeviceAuthenticator(h, c, MUST_SECURE)) {
            a.securedWithData(2);
            // our user logs off: EAPOL-Logoff, and our side forgets the CAK with its session
            c.session().inject(a.ours().logoff());
            c.session().participant(null);
            long logoff = System.nanoTime();
            c.note("EAPOL-Logoff sent; our participant stopped");
            caEnded(c, a.pae, logoff);
        }
    }

    @Order(6)
    @DisplayName("802.1X-12-eapol-logoff-ends-the-ca-device-supplicant")
    @Test
    void logoffEndsTheCaWithTheDeviceAsSupplicant(MkaHarness h) throws IOException {
        EapCase c = open(h, "12", "eapol-logoff-ends-the-ca-device-supplicant", SAK_SUITE);
        try (DeviceSupplicant s = new DeviceSupplicant(h, c, false, true)) {
            s.securedWithData(2);
            s.pae.supplicantLogoff();
            expect(c.session().runUntil(() -> c.deviceEapol().stream().anyMatch(EapCase.DeviceWatch.Seen::isLogoff),
                    Duration.ofSeconds(5)), () -> "the device sent no EAPOL-Logoff after its user logged off: "
                    + describe(c));
            long logoff = c.deviceEapol().stream().filter(EapCase.DeviceWatch.Seen::isLogoff).findFirst().orElseThrow()
                    .nanos();
            // the authenticator's side of a logoff: the CA with this supplicant ends here too
            c.session().participant(null);
            caEnded(c, s.pae, logoff);
        }
    }

    /**
     * After EAPOL-Logoff the EAP session's CAK is gone on both sides, and with it the CA: the device sends no MKPDU
     * under that CKN more than a second after the Logoff, and no data frame of its Controlled Port leaves, protected or
     * in clear, while it is asked to ping us.
     */
    private static void caEnded(EapCase c, EapControl pae, long logoffNanos) throws IOException {
        String port = pae.controlledPort();
        c.note("the device's Controlled Port after the Logoff: " + (port == null ? "removed" : port));
        int before = c.session().verdict(Verdict.OK);
        c.session().runFor(Duration.ofSeconds(1));
        long after = System.nanoTime();
        if (port != null) {
            c.configureControlledPort(port);
            c.pingFromDevice(3);
        }
        c.session().runFor(Duration.ofMillis(MkaTimers.LIFE_TIME));
        long late = c.wire().said().stream().filter(x -> x.nanos() > after).count();
        long protectedLate = c.macsecFromDeviceAfter(after);
        expect(late == 0 && protectedLate == 0, () -> "the CA outlived the EAPOL-Logoff: more than 1 s after it, the device"
                + " sent " + late + " MKPDUs under the logged-off session's CKN and " + protectedLate
                + " MACsec frames (asked to ping us " + (port == null ? "but without a Controlled Port" : "from " + port)
                + ")\n" + c.wire().transcript(c.startNanos()));
        expect(c.session().plainIpv4In() == 0, () -> "plaintext IPv4 frames after the Logoff: " + c.session());
        expect(c.plainFromDeviceIp() == 0, () -> "frames from the device's secured address in clear: "
                + c.plainFromDeviceIp());
        c.note("MACsec frames verified before the Logoff: " + before);
    }

    @Order(7)
    @DisplayName("802.1X-6.2.2-reauthentication-new-cak-device-authenticator")
    @Test
    void reauthenticationGivesANewCakAndSakWithTheDeviceAsAuthenticator(MkaHarness h) throws IOException {
        EapCase c = open(h, "6.2.2", "reauthentication-new-cak-device-authenticator", SAK_SUITE);
        try (DeviceAuthenticator a = new DeviceAuthenticator(h, c, MUST_SECURE)) {
            MkaParticipant first = a.securedWithData(2);
            byte[] firstMsk = a.ours().keys().orElseThrow().msk();
            byte[] firstCkn = c.ckn();
            Bytes firstKeyServer = c.wire().latest().orElseThrow().keyInUse().orElseThrow().keyServerMi();
            // Our side ends the first CA before it re-authenticates, and waits until the device has dropped it: a
            // device may hold one CA per peer SCI at a time (hostapd 2.10's new participant cannot create the
            // receive SC the old one holds, "Can't create SC, discard peer", and is deleted after MKA_LIFE_TIME
            // without a live peer), so a make-before-break re-authentication would race its timers
            Bytes firstMi = first.mi();
            c.session().participant(null);
            long stopped = c.session().lastMkpduOutNanos();
            c.session().runFor(Duration.ofMillis(MkaTimers.LIFE_TIME + MkaTimers.HELLO_TIME + 1000));
            long expired = stopped + (MkaTimers.LIFE_TIME + MkaTimers.HELLO_TIME) * 1_000_000L;
            expect(c.wire().said().stream().noneMatch(x -> x.nanos() > expired && x.listsLive(firstMi)),
                    () -> "the device still lists our first participant live more than MKA_LIFE_TIME and a hello "
                            + "after it went silent (9.4.3):\n" + c.wire().transcript(c.startNanos()));
            c.note("the device dropped our first participant; re-authenticating");
            // re-authentication asked by the supplicant: EAPOL-Start, a fresh EAP-TLS session
            Supplicant again = a.supplicant(false);
            a.agent.actor(again);
            for (byte[] f : again.restart(c.session().now())) {
                c.session().inject(f);
            }
            expect(a.authenticate() == Supplicant.Status.AUTHENTICATED, () -> "re-authentication did not succeed: "
                    + again.failure());
            byte[] secondMsk = again.keys().orElseThrow().msk();
            expect(!Arrays.equals(firstMsk, secondMsk), () -> "the re-authentication gave the same MSK");
            MkaParticipant second = a.startMka();
            expect(!Arrays.equals(firstCkn, c.ckn()), () -> "the new EAP session implies the same CKN");
            secure(c, second);
            Bytes secondKeyServer = c.wire().latest().orElseThrow().keyInUse().orElseThrow().keyServerMi();
            expect(!secondKeyServer.equals(firstKeyServer), () -> "the SAK in use after the re-authentication is "
                    + "named by the same Key Server MI as before: " + secondKeyServer);
            dataBothWays(c, a.pae, 2);
            expect(c.session().plainIpv4In() == 0, () -> "plaintext IPv4 frames during the re-authentication: "
                    + c.session());
            expect(c.plainFromDeviceIp() == 0, () -> "frames from the device's secured address in clear: "
                    + c.plainFromDeviceIp());
            everyMacsecFrameFromTheRadiusSecret(c, secondMsk);
        }
    }

    @Order(8)
    @DisplayName("802.1X-8-eapol-start-retransmission-device-supplicant")
    @Test
    void eapolStartIsRetransmittedUntilAnswered(MkaHarness h) throws IOException {
        EapCase c = open(h, "8", "eapol-start-retransmission-device-supplicant", SAK_SUITE);
        int startPeriod = 3;
        int maxStart = 3;
        try (DeviceSupplicant s = new DeviceSupplicant(h, c, false, false)) {
            s.pae.supplicantRestart(startPeriod, maxStart);
            long restarted = System.nanoTime();
            c.note("the device's supplicant restarted with startPeriod " + startPeriod + " s, maxStart " + maxStart);
            c.session().runFor(Duration.ofSeconds((long) startPeriod * (maxStart + 1) + 2));
            List<Long> starts = c.deviceEapol().stream().filter(x -> x.isStart() && x.nanos() >= restarted - 2_000_000_000L)
                    .map(EapCase.DeviceWatch.Seen::nanos).toList();
            expect(starts.size() == maxStart, () -> "EAPOL-Starts while nobody answers: " + starts.size()
                    + " (maxStart " + maxStart + "): " + describe(c));
            for (int i = 1; i < starts.size(); i++) {
                long ms = (starts.get(i) - starts.get(i - 1)) / 1_000_000;
                int n = i;
                expect(ms >= startPeriod * 1000L - 500 && ms <= startPeriod * 1000L + 1500, () -> "EAPOL-Start " + (n + 1)
                        + " came " + ms + " ms after the one before (startPeriod " + startPeriod + " s)");
            }
            // now the authenticator answers: EAP-Request/Identity, and the authentication runs
            c.add(new PaeAgent(s.ours));
            s.ours.start(c.link(), dev.macsec.mka.actor.MkaClock.system());
            Authenticator.Result r = s.authenticate();
            expect(r.success(), () -> "EAP-TLS after the Starts did not succeed: " + r.reason());
            MkaParticipant p = s.startMka(r);
            secure(c, p);
        }
    }

    @Order(9)
    @DisplayName("802.1X-6.2.2-eap-ckn-only-device-authenticator")
    @Test
    void onlyTheEapDerivedCknIsAccepted(MkaHarness h) throws IOException {
        EapCase c = open(h, "6.2.2", "eap-ckn-only-device-authenticator", NO_SAK);
        try (DeviceAuthenticator a = new DeviceAuthenticator(h, c, MUST_SECURE)) {
            expect(a.authenticate() == Supplicant.Status.AUTHENTICATED, () -> "EAP-TLS did not succeed: "
                    + a.ours().failure());
            a.startMka();
            // in place of the EAP session's CAK, a pre-shared one that the device was never given
            MkaParticipant psk = c.startMka(new CakEntry(1, HexFormat.of().parseHex(PSK_CKN),
                    HexFormat.of().parseHex(PSK_CAK), "pre-shared"), OUR_PRIORITY);
            c.session().runFor(Duration.ofSeconds(9));
            Bytes ours = psk.mi();
            expect(c.wire().said().size() >= 3, () -> "the device kept its CA under the EAP-derived CKN (hellos that "
                    + "verify): " + c.wire().said().size());
            expect(!c.wire().everListedLive(ours, c.startNanos()), () -> "the device listed our pre-shared-key "
                    + "participant live:\n" + c.wire().transcript(c.startNanos()));
            expect(!c.wire().everUsedKeyFrom(ours, c.startNanos()), () -> "the device used a SAK of our pre-shared-key "
                    + "participant");
            expect(c.session().verdict(Verdict.OK) == 0, () -> "MACsec frames that verify: " + c.session());
        }
    }

    /**
     * After a failed authentication the device runs no MKA (it has no CAK) and, under must-secure, its Controlled Port
     * passes nothing in clear: no MKPDU from it, no IPv4 from its secured address, no answer to our plaintext ARP and
     * echo requests for that address.
     */
    private static void noMkaAndNoPlaintext(EapCase c, EapControl pae) throws IOException {
        String port = pae.controlledPort();
        c.note("the device's Controlled Port after the failure: " + (port == null ? "none created" : port));
        if (port != null) {
            c.configureControlledPort(port);
        }
        c.session().resetCounters();
        c.resetDeviceCounts();
        c.session().runFor(Duration.ofSeconds(2));
        for (int i = 1; i <= 3; i++) {
            for (byte[] probe : c.plaintextProbes(i)) {
                c.session().inject(probe);
            }
            c.session().runFor(Duration.ofSeconds(1));
        }
        c.session().runFor(Duration.ofMillis(MkaTimers.HELLO_TIME * 2L));
        expect(c.mkpdusFromDevice() == 0, () -> "MKPDUs the device sent after the failed authentication: "
                + c.mkpdusFromDevice());
        expect(c.plainFromDeviceIp() == 0, () -> "frames the device sent from its secured address "
                + Harness.DEVICE_IP_TEXT + " in clear: " + c.plainFromDeviceIp());
        expect(c.session().plainIpv4In() == 0, () -> "plaintext IPv4 frames on the link (RADIUS aside): "
                + c.session());
    }

    private static String describe(EapCase c) {
        return c.deviceEapol().stream().map(x -> x.describe(c.startNanos())).toList().toString();
    }
}
