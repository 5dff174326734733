package dev.macsec.conformance.mka;

import dev.macsec.analysis.AnalysisSummary;
import dev.macsec.conformance.device.ManagedKay;
import dev.macsec.conformance.device.MkaDaemon;
import dev.macsec.conformance.suite.Harness;
import dev.macsec.conformance.suite.HarnessException;
import dev.macsec.conformance.suite.InconclusiveFailure;
import dev.macsec.counter.Counter;
import dev.macsec.field.Bytes;
import dev.macsec.field.FieldFormat;
import dev.macsec.keys.CakEntry;
import dev.macsec.mka.actor.ActorConfig;
import dev.macsec.mka.actor.Fault;
import dev.macsec.mka.actor.Faults;
import dev.macsec.mka.actor.MkaParticipant;
import dev.macsec.mka.actor.SakSource;
import dev.macsec.mka.protocol.MkaTimers;
import dev.macsec.secy.Verdict;
import dev.macsec.suite.CipherSuite;
import io.qameta.allure.Allure;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.opentest4j.TestAbortedException;

import java.io.IOException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.OptionalLong;

/**
 * MKA conformance (IEEE 802.1X-2020) of the linux-vm device's KaY, wpa_supplicant 2.10 ({@code -D macsec_linux})
 * or MKAdaemon (device file {@code mka: mkad}), or of a manual device's KaY an operator configures from the printed
 * steps ({@link dev.macsec.conformance.device.ManagedKay}), with a pre-shared CAK, against our Java participant on the other
 * end of the wire; run by {@code macsec conformance --suite 802.1x}. The KaY is restarted for every case; timers are real
 * (2 s hellos, 6 s MKA_LIFE_TIME), so the cases wait on conditions rather than fixed sleeps wherever they can.
 * Every verdict is judged on the wire: from the device's MKPDUs whose ICV verifies ({@link DeviceOnTheWire}: Key
 * Server flag, Live Peer List, Distributed SAK, SAK Use) and from the data frames it sends and answers, so the suite
 * holds for any MKA device; what wpa_cli and ip macsec say is attached as supporting evidence only (setting a case
 * up may still ask wpa_supplicant, e.g. for its MI of a previous run).
 * A missed expectation about the device is a {@link dev.macsec.conformance.suite.ConformanceFailure}; a problem
 * of the harness (our side, the VM) is anything else.
 */
@DisplayName("802.1X MKA")
@ExtendWith(MkaExtension.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
public class MkaSuite {
    private static final HexFormat HEX = HexFormat.of();
    static final String CKN = "6162636465666768696a6b6c6d6e6f707172737475767778797a303132333435";
    static final String CAK128 = "0123456789abcdef0123456789abcdef";
    static final String CAK256 = "000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f";
    static final String TESTER_SCI_TEXT = FieldFormat.sci(Harness.TESTER_SCI);
    /** wpa_supplicant 2.10 always distributes and accepts GCM-AES-128 SAKs. */
    private static final String SAK_SUITE = CipherSuite.GCM_AES_128.standardName();
    private static final String NO_SAK = "-";

    static CakEntry cak(String cakHex, String cknHex) {
        return new CakEntry(1, HEX.parseHex(cknHex), HEX.parseHex(cakHex), null);
    }

    static ActorConfig ours(String cakHex, int priority) {
        return ActorConfig.of(cak(cakHex, CKN), Harness.TESTER_MAC).withPriority(priority);
    }

    /**
     * Runs until the device, on the wire, lists us live and announces a SAK in use for transmit and receive, and our
     * side transmits; returns the time taken.
     */
    private static long secure(MkaDeviceFixture.Case c) throws IOException {
        long t0 = System.nanoTime();
        boolean secured = c.awaitWire(w -> w.securedWith(c.participant().mi()), Duration.ofSeconds(15));
        Expect.that(secured, () -> "the device's MKPDUs never listed us live with a SAK in use:\n"
                + c.wire().transcript(c.startNanos()) + c.participant().events());
        Expect.that(c.session().runUntil(() -> c.participant().secured(), Duration.ofSeconds(6)),
                () -> "no SAK agreed with the device (our side not secured): " + c.participant().events());
        return (System.nanoTime() - t0) / 1_000_000;
    }

    // ------------------------------------------------------------------ peering

    @Order(1)
    @DisplayName("802.1X-9.4-peering")
    @ParameterizedTest(name = "{0}-bit CAK")
    @ValueSource(ints = {128, 256})
    void peeringAndDataBothWays(int bits, MkaHarness h) throws IOException {
        String cak = bits == 128 ? CAK128 : CAK256;
        MkaDeviceFixture.Case c = h.open("9.4", "peering-cak" + bits, SAK_SUITE,
                MkaDaemon.Config.of(cak, CKN, 32), ours(cak, 16));
        long ms = secure(c);
        Expect.that(ms < 3 * MkaTimers.HELLO_TIME + 2000, "live within a few hellos: took " + ms + " ms");
        Expect.equal(3, c.pingFromDevice(3), "echo replies the device got through the secured link");
        Expect.that(c.session().verdict(Verdict.OK) >= 3, c.session()::toString);
        Expect.equal(0L, c.session().plainIpv4In(), "plaintext IPv4 frames on the wire");
        Expect.that(c.session().echoRepliesOut() >= 3, c.session()::toString);
        // the analyzer, from the CAK alone, verifies every MKPDU of both sides and decrypts the data with the SAK it learns
        AnalysisSummary a = MkaReport.analyze(c);
        Expect.equal(0L, a.mka().icvFailed(), "MKPDUs whose ICV fails (analyzer)");
        Expect.equal((c.session().mkpdusIn() + c.session().mkpdusOut()), a.mka().icvVerified(),
                "MKPDUs whose ICV verifies (analyzer)");
        List<String> learned = a.mka().cas().get(0).learnedKeys();
        Expect.equal(1, learned.size(), () -> "SAKs learned by the analyzer " + learned);
        Expect.that(!learned.get(0).contains("integrity only"), "we announce confidentiality offset 0: " + learned);
        Expect.that(a.mka().cas().get(0).findings().isEmpty(), a.mka().cas().get(0).findings()::toString);
        Expect.equal(a.run().macsecFrames(), a.verdicts().getOrDefault(Verdict.OK, 0L).longValue(),
                () -> "MACsec frames that verify (analyzer) " + a.verdicts());
    }

    // ------------------------------------------------------------------ key server election

    @Order(2)
    @DisplayName("802.1X-9.5-key-server-election")
    @ParameterizedTest(name = "our priority {0}, device {1}, our MAC ..:{2}: we are key server = {3}")
    @CsvSource({"16, 32, 01, true", "64, 16, 01, false", "32, 32, 01, true", "32, 32, 03, false"})
    void keyServerElection(int ourPriority, int devicePriority, String macLast, boolean weWin, MkaHarness h)
            throws IOException {
        byte[] mac = Harness.TESTER_MAC.clone();
        mac[5] = (byte) Integer.parseInt(macLast, 16);
        ActorConfig us = new ActorConfig(cak(CAK128, CKN), mac, 1, ourPriority, true, true, 3, 1,
                MkaTimers.HELLO_TIME, MkaTimers.LIFE_TIME, MkaTimers.SAK_RETIRE_TIME,
                SakSource.KDF, CipherSuite.GCM_AES_128, false, 0, null,
                ActorConfig.of(cak(CAK128, CKN), mac).rx());
        boolean tie = ourPriority == devicePriority;
        MkaDeviceFixture.Case c = h.open("9.5", "key-server-election-" + (weWin ? "win" : "lose") + "-"
                        + (tie ? "sci-tie-break" : "priority"), SAK_SUITE,
                MkaDaemon.Config.of(CAK128, CKN, devicePriority), us);
        long from = System.nanoTime();
        secure(c);
        MkaParticipant p = c.participant();
        Expect.equal(weWin, p.isKeyServer(), "we are the key server both sides agree on");
        DeviceOnTheWire.Said last = c.wire().latest().orElseThrow();
        Expect.equal(!weWin, last.mkpdu().keyServer(), () -> "the device's Key Server flag (9.5): " + last);
        Bytes keyServerMi = weWin ? p.mi() : last.mkpdu().actorMi();
        Expect.that(last.keyInUse().filter(k -> k.is(keyServerMi, 1)).isPresent(), () -> "the device uses SAK KN 1 of the "
                + (weWin ? "tester" : "device") + " as Key Server, for transmit and receive: " + last);
        Expect.equal(!weWin, c.wire().everDistributed(from), "the device distributed a SAK (only the Key Server does)");
        Expect.equal(1L, p.latestKey().kn(), "KN of the agreed SAK");
        if (!weWin) {
            Expect.that(!p.latestKey().keyServerMi().equals(p.mi()), "our SAK came from the device");
        }
        // the device as key server: we unwrapped its SAK, so its frames must verify here and ours there
        Expect.equal(2, c.pingFromDevice(2), "echo replies the device got");
        Expect.that(c.session().okWithAn(p.latestKey().an()) >= 2, c.session()::toString);
    }

    // ------------------------------------------------------------------ rekey and liveness

    @Order(3)
    @DisplayName("802.1X-9.8-rekey")
    @Test
    void rekeyByUsIsTakenIntoUseWithoutLosingTheLink(MkaHarness h) throws IOException {
        MkaDeviceFixture.Case c = h.open("9.8", "rekey-next-an-kn-link-kept", SAK_SUITE,
                MkaDaemon.Config.of(CAK128, CKN, 32), ours(CAK128, 1));
        secure(c);
        MkaParticipant p = c.participant();
        Expect.equal(0, p.latestKey().an(), "AN of the first SAK");
        c.configureDeviceIp();
        c.startPing(8);
        c.session().runFor(Duration.ofMillis(2500));
        // KN 1 must have been in use for MKA_LIFE_TIME before wpa_supplicant takes a new one: not checked by it
        p.rekey();
        Expect.that(c.session().runUntil(() -> p.latestKey().kn() == 2 && p.latestKey().tx(), Duration.ofSeconds(8)),
                () -> "the device did not take KN 2 into use: " + p.events());
        c.session().runFor(Duration.ofSeconds(7));
        int got = c.pingReceived();
        Expect.equal(1, p.latestKey().an(), "AN after the rekey");
        DeviceOnTheWire.Said last = c.wire().latest().orElseThrow();
        Expect.that(last.keyInUse().filter(k -> k.is(p.mi(), 2) && k.an() == 1).isPresent(),
                () -> "the device announces KN 2 on AN 1 in use for transmit and receive (9.8): " + last);
        Expect.that(c.session().okWithAn(1) >= 2, "device frames under AN 1: " + c.session());
        Expect.that(got >= 7, "echo replies during the rekey: " + got + " of 8");
    }

    @Order(4)
    @DisplayName("802.1X-9.4.3-mka-life-time")
    @Test
    void silentPeerIsDroppedAfterMkaLifeTime(MkaHarness h) throws IOException {
        MkaDeviceFixture.Case c = h.open("9.4.3", "mka-life-time-silent-peer-dropped", SAK_SUITE,
                MkaDaemon.Config.of(CAK128, CKN, 32), ours(CAK128, 1));
        secure(c);
        Bytes us = c.participant().mi();
        c.participant().silent(true);
        long lastSent = c.session().lastMkpduOutNanos();
        c.awaitWire(w -> w.firstNotListing(us, lastSent).isPresent(), Duration.ofSeconds(15));
        java.util.Optional<DeviceOnTheWire.Said> dropped = c.wire().firstNotListing(us, lastSent);
        Expect.that(dropped.isPresent(), () -> "the device still lists us live 15 s after we went silent:\n"
                + c.wire().transcript(c.startNanos()));
        long ms = (dropped.get().nanos() - lastSent) / 1_000_000;
        // the first MKPDU without us may come up to a hello after the device dropped us
        Expect.that(ms >= MkaTimers.LIFE_TIME - 1000 && ms <= MkaTimers.LIFE_TIME + MkaTimers.HELLO_TIME + 2000,
                "dropped from the Live Peer List " + ms + " ms after our last MKPDU (MKA_LIFE_TIME 6 s, hello 2 s)");
        Expect.that(c.wire().latest().filter(x -> !x.listsAtAll(us)).isPresent(),
                () -> "the device stopped listing us at all: " + c.wire().latest().orElseThrow());
    }

    // ------------------------------------------------------------------ rejection

    enum Rejection { WRONG_CAK, UNKNOWN_CKN, REPLAYED_MN, STALE_PEER_MN, STALE_PEER_MI }

    @Order(5)
    @DisplayName("802.1X-11.11.2-rejected")
    @ParameterizedTest(name = "{0}")
    @EnumSource(Rejection.class)
    void rejectedParticipantIsNeverLiveAndNeverKeysTheDevice(Rejection how, MkaHarness h) throws IOException {
        MkaDaemon.Config device = MkaDaemon.Config.of(CAK128, CKN, 32);
        ActorConfig us = switch (how) {
            case WRONG_CAK -> ours("ffeeddccbbaa99887766554433221100", 1);
            case UNKNOWN_CKN -> ActorConfig.of(cak(CAK128, "0badc0de"), Harness.TESTER_MAC).withPriority(1);
            default -> ours(CAK128, 1);
        };
        String caseName = "rejected-" + how.name().toLowerCase(Locale.ROOT).replace('_', '-');
        Bytes staleMi = null;
        if (how == Rejection.STALE_PEER_MI) {
            h.label("11.11.2", caseName, NO_SAK);
            // the device's MI from a previous run of its KaY: a peer that lists it is not listening now
            MkaDeviceFixture f = h.fixture();
            String mi = null;
            java.util.Optional<MkaDaemon> own = f.managedKay().evidence();
            if (own.isPresent()) {
                f.managedKay().startKay(device);
                mi = own.get().status().get("mi");
            }
            // a KaY that does not report its MI (mkad without D-Bus, a device configured by hand) says it on the wire
            staleMi = mi != null ? new Bytes(HEX.parseHex(mi)) : f.deviceMiOnTheWire(device, us);
        }
        MkaDeviceFixture.Case c = h.open("11.11.2", caseName, NO_SAK, device, us);
        switch (how) {
            case REPLAYED_MN -> c.participant().tamper(Faults.of(Fault.REPLAYED_MN));
            case STALE_PEER_MN -> c.participant().tamper(Faults.of(Fault.STALE_PEER_MN));
            case STALE_PEER_MI -> c.participant().tamper(Faults.of(Fault.STALE_PEER_MI).withStaleMi(staleMi, 1));
            default -> {
            }
        }
        long from = c.startNanos();
        Bytes ourMi = c.participant().mi();
        c.session().runFor(Duration.ofSeconds(9));
        Expect.that(!c.wire().everListedLive(ourMi, from), () -> how + ": the device listed us live:\n"
                + c.wire().transcript(from));
        Expect.that(!c.wire().everUsedKeyFrom(ourMi, from), () -> how + ": the device used a SAK of ours:\n"
                + c.wire().transcript(from));
        Expect.that(c.wire().said().size() >= 3, () -> "the device kept sending hellos that verify: "
                + c.wire().said().size() + " (" + c.session() + ")");
    }

    // ------------------------------------------------------------------ robustness

    @Order(6)
    @DisplayName("802.1X-11.11-malformed-mkpdus")
    @Test
    void malformedMkpdusNeitherBreakTheSessionNorInstallKeys(MkaHarness h) throws IOException {
        MkaDeviceFixture.Case c = h.open("11.11", "malformed-mkpdus", SAK_SUITE,
                MkaDaemon.Config.of(CAK128, CKN, 32), ours(CAK128, 1));
        secure(c);
        MkaParticipant p = c.participant();
        // each invalid MKPDU carries a fresh SAK (next KN) that a peer must not take from an MKPDU it cannot trust
        List<Fault> invalid = List.of(Fault.WRONG_ICV, Fault.WRONG_CKN, Fault.WRONG_ALGORITHM_AGILITY,
                Fault.BAD_BASIC_LENGTH, Fault.BAD_EAPOL_LENGTH, Fault.BAD_PEER_LIST_LENGTH, Fault.BAD_WRAPPED_SAK);
        for (Fault f : invalid) {
            byte[] frame = p.craftRogueSak(c.session().now(), Faults.of(f));
            if (frame == null) {
                throw new HarnessException("our participant crafted no MKPDU with " + f);
            }
            c.session().inject(frame);
            c.session().runFor(Duration.ofMillis(300));
        }
        // well-formed but unusual: unknown parameter set, sets out of order; no new key in these
        for (Fault f : List.of(Fault.UNKNOWN_SET, Fault.SETS_OUT_OF_ORDER)) {
            c.session().inject(p.craft(c.session().now(), Faults.of(f)));
            c.session().runFor(Duration.ofMillis(300));
        }
        c.session().runFor(Duration.ofSeconds(2));
        DeviceOnTheWire.Said last = c.wire().latest().orElseThrow();
        Expect.that(c.wire().securedWith(p.mi()), () -> "the session survived: the device lists us live with a SAK in use: "
                + last);
        Expect.that(last.keyInUse().filter(k -> k.is(p.mi(), 1)).isPresent(),
                () -> "the device still uses KN 1 (no key from an invalid MKPDU): "
                + last);
        Expect.equal(2, c.pingFromDevice(2), "echo replies the device got");
        Expect.that(p.secured(), "our side still secured");
        Expect.equal(1L, p.latestKey().kn(), "KN in use");
    }

    // ------------------------------------------------------------------ keychain

    @Order(7)
    @DisplayName("802.1X-9.3-keychain")
    @ParameterizedTest(name = "device holds pair {0} of 3")
    @ValueSource(ints = {0, 1, 2})
    void keychainFallsBackToTheOlderPairTheDeviceHolds(int deviceIndex, MkaHarness h) throws IOException {
        List<CakEntry> chain = List.of(
                new CakEntry(3, HEX.parseHex("c0c0c0c003"), HEX.parseHex("33333333333333333333333333333333"), "newest"),
                new CakEntry(2, HEX.parseHex("c0c0c0c002"), HEX.parseHex(CAK256), "previous"),
                new CakEntry(1, HEX.parseHex("c0c0c0c001"), HEX.parseHex(CAK128), "oldest"));
        CakEntry held = chain.get(deviceIndex);
        MkaDeviceFixture.Case c = h.open("9.3", "keychain-device-holds-entry-" + deviceIndex, SAK_SUITE,
                MkaDaemon.Config.of(HEX.formatHex(held.cak()), HEX.formatHex(held.ckn()), 32), ours(CAK128, 1));
        KeychainPeering.Result r = KeychainPeering.run(c.session(), c.participant().config(), chain,
                Duration.ofSeconds(6));
        Allure.addAttachment("keychain attempts", r.attempts().toString());
        Expect.equal(held, r.chosen(), "the keychain entry that peered");
        Expect.equal(deviceIndex + 1, r.attempts().size(), () -> "attempts " + r.attempts());
        for (KeychainPeering.Attempt a : r.attempts().subList(0, deviceIndex)) {
            Expect.that(a.millis() < 2 * MkaTimers.HELLO_TIME + 1000, "rejection seen within a hello: " + a);
        }
        secure(c);
        Expect.equal(2, c.pingFromDevice(2), "echo replies the device got");
    }

    // ------------------------------------------------------------------ policies

    @Order(8)
    @DisplayName("802.1X-12-macsec-policy")
    @ParameterizedTest(name = "macsec_policy={0}")
    @ValueSource(ints = {1, 0})
    void failedNegotiationAndThePolicy(int policy, MkaHarness h) throws IOException {
        MkaDeviceFixture.Case c = h.open("12", policy == 1 ? "must-secure-no-plaintext" : "should-secure-plaintext",
                NO_SAK, MkaDaemon.Config.of(CAK128, CKN, 32).withPolicy(policy), ours("ffeeddccbbaa99887766554433221100", 1));
        // MKA has failed once MKA Life Time passes with no live peer (802.1X-2020 9.4.3, 12.5 unsecuredAllowed =
        // MKA_FAIL): a device may wait that long before it falls back (mkad does; wpa_supplicant falls back at once)
        c.session().runFor(Duration.ofMillis(MkaTimers.LIFE_TIME + MkaTimers.HELLO_TIME));
        // where the device shows its own view: must-secure keeps a macsec interface (with no SA) in the data path
        // (supporting evidence; the wire below decides)
        java.util.Optional<MkaDaemon> own = c.evidence();
        if (policy == 1 && own.isPresent()) {
            Expect.that(own.get().macsecInterface() != null, "must-secure keeps a macsec interface (with no SA) in the data path");
        }
        c.configureDeviceIp();
        c.startPing(3);
        c.session().runFor(Duration.ofSeconds(4));
        int got = c.pingReceived();
        Expect.equal(0L, c.session().verdict(Verdict.OK), "frames that verify (no SAK was agreed)");
        if (policy == 1) {
            Expect.equal(0L, c.session().plainIpv4In(), "plaintext IPv4 frames under must-secure");
            Expect.equal(0, got, "echo replies under must-secure");
        } else {
            Expect.that(c.session().plainIpv4In() >= 3, "should-secure falls back to unprotected frames: " + c.session());
            Expect.equal(3, got, "echo replies over unprotected frames");
        }
    }

    @Order(9)
    @DisplayName("802.1X-12-integrity-only")
    @Test
    void integrityOnlyGivesUnencryptedFramesThatVerify(MkaHarness h) throws IOException {
        MkaDeviceFixture.Case c = h.open("12", "integrity-only", SAK_SUITE,
                MkaDaemon.Config.of(CAK128, CKN, 32).withIntegrityOnly(true),
                ours(CAK128, 1).withConfidentialityOffset(ActorConfig.INTEGRITY_ONLY));
        secure(c);
        Expect.equal(3, c.pingFromDevice(3), "echo replies the device got");
        Expect.that(c.session().integrityOnlyIn() >= 3, c.session()::toString);
        Expect.that(c.session().verdict(Verdict.OK) >= 3, c.session()::toString);
    }

    @Order(10)
    @DisplayName("802.1X-12-replay-window")
    @ParameterizedTest(name = "macsec_replay_protect=1, window {0}")
    @ValueSource(ints = {0, 16})
    void replaySettingsShowInTheDeviceCounters(int window, MkaHarness h) throws IOException {
        MkaDeviceFixture.Case c = h.open("12", "replay-window-" + window, SAK_SUITE,
                MkaDaemon.Config.of(CAK128, CKN, 32).withReplay(true, window), ours(CAK128, 1));
        secure(c);
        Expect.equal(3, c.pingFromDevice(3), "echo replies the device got");
        java.util.Optional<MkaDaemon> own = c.evidence();
        if (own.isPresent()) {
            String shown = own.get().macsecShow();
            Expect.that(shown.contains("replay on window " + window), shown);
        }
        long lateBefore = inPktsLate(c);
        byte[] old = c.session().lastProtectedOut();
        if (old == null) {
            throw new HarnessException("we sent no protected frame to replay");
        }
        // send our last protected frame twice more: its PN is now below the device's next expected PN
        c.session().inject(old);
        c.session().inject(old);
        c.session().runFor(Duration.ofMillis(500));
        long late = inPktsLate(c) - lateBefore;
        if (window == 0) {
            Expect.equal(2L, late, Counter.IN_PKTS_LATE + " after 2 replayed frames, window 0");
        } else {
            // within the window: Linux accepts the repeated PN (it keeps no bitmap), so nothing is counted late
            Expect.equal(0L, late, Counter.IN_PKTS_LATE + " after 2 replayed frames within window " + window);
        }
    }

    /** The device's InPktsLate for our receive SC; inconclusive when the device does not report it. */
    private static long inPktsLate(MkaDeviceFixture.Case c) throws IOException {
        OptionalLong late = c.deviceCounters().receiveSc(c.participant().config().sci(), Counter.IN_PKTS_LATE);
        if (late.isEmpty()) {
            throw new InconclusiveFailure(Counter.IN_PKTS_LATE + " of the receive SC for us (the device did not report it)");
        }
        return late.getAsLong();
    }

    // ------------------------------------------------------------------ XPN

    @Order(11)
    @DisplayName("802.1X-9.8-sak-xpn")
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"GCM-AES-XPN-128", "GCM-AES-XPN-256"})
    void xpnThroughMka(String suite, MkaHarness h) throws IOException {
        CipherSuite cs = CipherSuite.byName(suite);
        ManagedKay kay = h.fixture().managedKay();
        if (!kay.mkaCipherSuites().contains(cs)) {
            h.label("9.8", "sak-xpn", suite);
            throw new TestAbortedException("not applicable: " + kay.kayName() + " cannot negotiate " + suite
                    + " through MKA (it negotiates " + kay.mkaCipherSuites().stream().map(CipherSuite::standardName)
                    .sorted().toList() + " only); XPN against this device is tested with static SAs");
        }
        String cak = cs.keyLength() == 32 ? CAK256 : CAK128;
        // we are Key Server: our salt (from our MI and KN) and SSCIs are what the device's kernel must use
        MkaDeviceFixture.Case c = h.open("9.8", "sak-xpn", suite,
                MkaDaemon.Config.of(cak, CKN, 32).withCipherSuite(cs),
                ours(cak, 1).withCipherSuite(cs, true).withMkaVersion(3));
        secure(c);
        MkaParticipant p = c.participant();
        Expect.equal(cs, p.latestKey().saKey().suite(), "the suite of the SAK in use");
        DeviceOnTheWire.Said last = c.wire().latest().orElseThrow();
        Expect.that(last.keyInUse().filter(k -> k.is(p.mi(), 1)).isPresent(),
                () -> "the device says: key in use KN 1 of ours: " + last);
        // its echo requests verify with our derivation, and it accepts our replies only if it derives as we do
        Expect.equal(3, c.pingFromDevice(3), "echo replies the device got through the XPN-secured link");
        Expect.that(c.session().verdict(Verdict.OK) >= 3, c.session()::toString);
        Expect.equal(0L, c.session().plainIpv4In(), "plaintext IPv4 frames on the wire");
        AnalysisSummary a = MkaReport.analyze(c);
        Expect.equal(0L, a.mka().icvFailed(), "MKPDUs whose ICV fails (analyzer)");
        Expect.that(a.run().macsecFrames() >= 6, () -> "MACsec frames on the wire " + a.run().macsecFrames());
        Expect.equal(a.run().macsecFrames(), a.verdicts().getOrDefault(Verdict.OK, 0L).longValue(),
                () -> "MACsec frames that verify (analyzer, salt and SSCI from the CAK alone) " + a.verdicts());
    }
}
