package dev.macsec.conformance.interop;

import dev.macsec.analysis.AnalysisOptions;
import dev.macsec.analysis.AnalysisSummary;
import dev.macsec.analysis.Analyzer;
import dev.macsec.analysis.MkaSummary;
import dev.macsec.capture.CaptureReader;
import dev.macsec.conformance.device.CommandRunner;
import dev.macsec.conformance.device.MkaDaemon;
import dev.macsec.conformance.link.Frame;
import dev.macsec.conformance.link.FrameLink;
import dev.macsec.conformance.link.RecordingLink;
import dev.macsec.conformance.mka.MkaDeviceFixture;
import dev.macsec.conformance.mka.MkaHarness;
import dev.macsec.conformance.mka.MkaReport;
import dev.macsec.conformance.mka.MkaSession;
import dev.macsec.conformance.suite.ConformanceExtension;
import dev.macsec.conformance.suite.Harness;
import dev.macsec.keys.CakEntry;
import dev.macsec.keys.KeysFile;
import dev.macsec.mka.actor.ActorConfig;
import dev.macsec.mka.actor.MkaClock;
import dev.macsec.mka.actor.MkaParticipant;
import dev.macsec.mka.protocol.KeyServerElection;
import dev.macsec.mka.protocol.MkaTimers;
import dev.macsec.secy.Verdict;
import dev.macsec.suite.CipherSuite;
import io.qameta.allure.Allure;
import org.opentest4j.TestAbortedException;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * One interop case on the guest's shared segment: the stations' daemons, our participant when it takes part, and the
 * recording of everything the segment carried; then the analyzer's reading of that recording from the CAK alone.
 * Verdict inputs are the wire (pings through the Controlled Ports, the analyzer's verification of every frame, the
 * Key Server flag in the MKPDUs); daemon logs are attached as supporting evidence only.
 */
final class InteropRun implements AutoCloseable {
    static final String CKN = "6162636465666768696a6b6c6d6e6f707172737475767778797a303132333435";
    static final String CAK128 = "0123456789abcdef0123456789abcdef";
    static final String CAK256 = "000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f";
    static final int KEY_SERVER_PRIORITY = 16;
    static final int OTHER_PRIORITY = 32;
    static final int JOINER_PRIORITY = 64;
    private static final Duration SECURE_TIMEOUT = Duration.ofSeconds(20);
    private static final Duration JOINER_STAY = Duration.ofSeconds(8);
    private static final int PINGS = 3;
    private static final HexFormat HEX = HexFormat.of();
    private static final java.util.regex.Pattern SCI_IN_MESSAGE = java.util.regex.Pattern.compile("SCI ([0-9a-f]{16})");
    /**
     * Findings about timers: the guest is emulated (qemu TCG on a shared host), whose daemons' timers slip by seconds
     * under load; such a finding is listed in the matrix but is no evidence of an implementation's defect.
     */
    private static final java.util.Set<String> TIMING = java.util.Set.of("mka.hello_interval");

    private final MkaDeviceFixture fixture;
    private final MkaHarness harness;
    private final Segment segment;
    private final Path pcap;
    private final RecordingLink link;
    private final Map<String, MkaDaemon> daemons = new LinkedHashMap<>();
    private final Map<String, String> observations = new LinkedHashMap<>();
    private MkaSession session;
    /** The SCI of the third participant a rekey brought in and then stopped: its peers lose it, as they must. */
    private String joinerSci;
    /** Expected observables the pair could not be made to show (not a defect of either side: said why). */
    private final List<String> inconclusive = new ArrayList<>();
    private long plainIpv4Passive;
    private String cak = CAK128;

    private InteropRun(MkaDeviceFixture fixture, MkaHarness harness, Segment segment, Path pcap, RecordingLink link) {
        this.fixture = fixture;
        this.harness = harness;
        this.segment = segment;
        this.pcap = pcap;
        this.link = link;
    }

    static InteropRun open(MkaDeviceFixture f, MkaHarness h, String name) throws IOException {
        // the device's own KaY is not part of interop: its port is the bridge's uplink to the tester
        f.kay().stop();
        h.publish("macsec.device", h.deviceDescription().replaceFirst(", [^,]* MKA$", "")
                + ", its guest holding the interop segment");
        Segment segment = new Segment(f.shell());
        segment.build("A", "B", "C");
        FrameLink data = f.dataLink();
        data.drain();
        Path pcap = f.outDir().resolve(name.replaceAll("[^A-Za-z0-9._-]+", "_") + ".pcap");
        return new InteropRun(f, h, segment, pcap, new RecordingLink(data, pcap, false));
    }

    /** Aborts (not applicable) when the guest image lacks a daemon the case needs, saying why. */
    static void requireImplementations(MkaDeviceFixture f, Implementation... impls) throws IOException {
        for (Implementation i : impls) {
            if (i == Implementation.MKAD) {
                CommandRunner.CommandResult r = f.shell().run("[ -x /sbin/mkad ]", Duration.ofSeconds(10));
                if (!r.ok()) {
                    throw new TestAbortedException("not applicable: the guest image has no mkad (its source could not be "
                            + "obtained or built here: see conformance/vm/build-mkad)");
                }
            }
        }
    }

    // ------------------------------------------------------------------ cases

    /** A pair: secured, data both ways, a rekey, data again; returns the defects found (empty: the cell passes). */
    List<String> pair(InteropSuite.Cell cell) throws IOException {
        CipherSuite suite = cell.suite();
        cak = suite.keyLength() == 32 ? CAK256 : CAK128;
        List<String> defects = new ArrayList<>();
        observations.put("pair", cell.first().id() + " + " + cell.second().id());
        observations.put("keyServer", cell.keyServer().id());
        Segment.Station first = null;
        Segment.Station second;
        String secondIp;
        if (cell.first() == Implementation.OURS) {
            second = segment.station("A");
            secondIp = Harness.TESTER_IP_TEXT;
            startOurs(cell.keyServer() == Implementation.OURS ? KEY_SERVER_PRIORITY : OTHER_PRIORITY, suite);
            startDaemon(second, cell.second(), cell.keyServer() == cell.second() ? KEY_SERVER_PRIORITY : OTHER_PRIORITY,
                    suite);
        } else {
            first = segment.station("A");
            second = segment.station("B");
            secondIp = second.ip();
            startDaemon(first, cell.first(), cell.keyServer() == cell.first() ? KEY_SERVER_PRIORITY : OTHER_PRIORITY, suite);
            startDaemon(second, cell.second(), cell.keyServer() == cell.second() ? KEY_SERVER_PRIORITY : OTHER_PRIORITY,
                    suite);
        }
        // the pinging side is always a daemon: ours only answers
        Segment.Station pinger = first != null ? first : second;
        String target = first != null ? secondIp : Harness.TESTER_IP_TEXT;
        boolean secured = awaitReach(pinger, target);
        observations.put("secured", secured ? "yes" : "no");
        int data = 0;
        int dataExpected = 0;
        String rekey = "-";
        if (!secured) {
            defects.add("no secured CA: " + pinger.namespace() + " (" + daemons.get(pinger.namespace()).name()
                    + ") did not reach " + target + " through its Controlled Port within " + SECURE_TIMEOUT.toSeconds() + " s"
                    + discardedVersions());
        } else {
            dataExpected = 2 * PINGS * (first != null ? 2 : 1);
            data += pingsBothWays(first, second);
            rekey(cell.keyServer(), suite);
            data += pingsBothWays(first, second);
            if (data < dataExpected) {
                defects.add("data: " + data + " of " + dataExpected + " echo replies got through (before and after the rekey)");
            }
        }
        observations.put("pings", data + "/" + dataExpected);
        stopAll();
        AnalysisSummary a = analyze();
        judgeWire(a, cell.keyServer() == Implementation.OURS ? HEX.formatHex(Harness.TESTER_MAC)
                : stationOf(cell.keyServer(), first, second).mac().replace(":", ""), secured, defects);
        if (secured) {
            long saks = learnedSaks(a);
            rekey = saks >= 2 ? "yes (" + saks + " SAKs)" : "no (" + saks + " SAK)";
            if (saks < 2 && cell.keyServer() == Implementation.MKAD) {
                // mkad's Key Server generates a SAK first and then only at PN exhaustion (src/pae/mka_kay_params.c):
                // no command and no membership change makes it rekey, so the rekey cannot be exercised
                rekey = "not exercised (" + saks + " SAK)";
                inconclusive.add("rekey: mkad as Key Server distributed no second SAK when a third participant joined; "
                        + "it rekeys only at PN exhaustion (mka_kay_params.c), which this run cannot reach");
            } else if (saks < 2) {
                defects.add("rekey: the analyzer learned " + saks + " SAK(s) from the exchange, not a second one");
            }
        }
        observations.put("rekey", rekey);
        publish(a, defects);
        return defects;
    }

    /**
     * Three participants on the segment: wpa_supplicant A (16) and B (32) secure first, our participant (255) joins
     * them; A must be Key Server and rekey for the joiner.
     * <p>
     * The join is deliberately late. wpa_supplicant 2.10 gives a peer that becomes live after it installed a SAK a
     * receive SC without a receive SA ({@code ieee802_1x_kay_move_live_peer}; SAs are made for the SCs that exist at
     * install time, {@code ieee802_1x_kay_create_sas}), and its Key Server drops, rather than defers, the fresh SAK a
     * new live peer calls for when the MKA Life Time has not passed since its last distribution
     * ({@code ieee802_1x_kay_generate_new_sak}). Started together, whether the third member went live before the
     * first distribution was a matter of milliseconds, and about one run in eight never secured. Joining once the pair
     * is secured and a Life Time has passed always gets the fresh SAK that covers all three.
     */
    List<String> groupCa() throws IOException {
        List<String> defects = new ArrayList<>();
        Segment.Station a = segment.station("A");
        Segment.Station b = segment.station("B");
        observations.put("pair", "wpa_supplicant + wpa_supplicant + ours");
        observations.put("keyServer", "wpa_supplicant A");
        startDaemon(a, Implementation.WPA_SUPPLICANT, KEY_SERVER_PRIORITY, CipherSuite.GCM_AES_128);
        startDaemon(b, Implementation.WPA_SUPPLICANT, OTHER_PRIORITY, CipherSuite.GCM_AES_128);
        boolean secured = awaitReach(a, b.ip());
        if (secured) {
            // wpa_supplicant compares whole seconds (time(NULL) - dist_time), hence one more
            drive(Duration.ofMillis(MkaTimers.LIFE_TIME + 1000));
            // priority 255: a member that never becomes Key Server, so its join is a membership change alone
            startOurs(KeyServerElection.NEVER_KEY_SERVER, CipherSuite.GCM_AES_128);
            secured = awaitReach(b, Harness.TESTER_IP_TEXT);
        } else {
            defects.add("A (wpa_supplicant 2.10) did not reach B (wpa_supplicant 2.10) within "
                    + SECURE_TIMEOUT.toSeconds() + " s, before our participant joined");
        }
        observations.put("secured", secured ? "yes" : "no");
        int replies = 0;
        if (secured) {
            guest(() -> {
                segment.startPing(a, b.ip(), PINGS);
                segment.startPing(b, Harness.TESTER_IP_TEXT, PINGS);
                return null;
            });
            drive(Duration.ofMillis(PINGS * 500L + 2500));
            int ab = guest(() -> segment.pingReplies(a));
            int bUs = guest(() -> segment.pingReplies(b));
            guest(() -> {
                segment.startPing(a, Harness.TESTER_IP_TEXT, PINGS);
                return null;
            });
            drive(Duration.ofMillis(PINGS * 500L + 2500));
            int aUs = guest(() -> segment.pingReplies(a));
            replies = ab + bUs + aUs;
            if (replies < 3 * PINGS) {
                defects.add("data: A to B " + ab + ", B to us " + bUs + ", A to us " + aUs + " of " + PINGS + " echo replies each");
            }
            long ksMac = Long.parseLong(a.mac().replace(":", ""), 16);
            long ks = session.participant().keyServerSci() >>> 16;
            if (ks != ksMac) {
                defects.add("our participant's Key Server is " + Long.toHexString(ks) + ", not A (" + a.mac() + ")");
            }
        } else if (defects.isEmpty()) {
            defects.add("no secured group CA within " + SECURE_TIMEOUT.toSeconds()
                    + " s of our participant joining the secured pair (B to us)");
        }
        observations.put("pings", replies + "/" + 3 * PINGS);
        stopAll();
        AnalysisSummary s = analyze();
        long saks = learnedSaks(s);
        observations.put("rekey", saks >= 2 ? "yes, for the joiner (" + saks + " SAKs)" : "no (" + saks + " SAK)");
        judgeWire(s, a.mac().replace(":", ""), secured, defects);
        publish(s, defects);
        return defects;
    }

    // ------------------------------------------------------------------ members

    private void startOurs(int priority, CipherSuite suite) {
        ActorConfig us = ActorConfig.of(new CakEntry(1, HEX.parseHex(CKN), HEX.parseHex(cak), null), Harness.TESTER_MAC)
                .withPriority(priority)
                .withCipherSuite(suite, suite != CipherSuite.GCM_AES_128)
                // mkad hears version 3 only; wpa_supplicant any
                .withMkaVersion(3);
        session = new MkaSession(link, MkaClock.system(), new MkaParticipant(us), Harness.TESTER_IP);
    }

    private MkaDaemon startDaemon(Segment.Station s, Implementation impl, int priority, CipherSuite suite)
            throws IOException {
        MkaDaemon d = impl.daemon(s.shell(), s.ifname(), "/tmp/mka-" + s.namespace());
        MkaDaemon.Config config = MkaDaemon.Config.of(cak, CKN, priority).withCipherSuite(suite);
        guest(() -> {
            d.start(config);
            return null;
        });
        daemons.put(s.namespace(), d);
        return d;
    }

    /** What mkad's log says about MKPDUs it discarded for their MKA version (supporting evidence of a failed pair). */
    private String discardedVersions() throws IOException {
        StringBuilder why = new StringBuilder();
        for (Map.Entry<String, MkaDaemon> e : daemons.entrySet()) {
            if (e.getValue() instanceof dev.macsec.conformance.device.MkadMka mkad) {
                int n = guest(() -> mkad.logCount("unsupported version [0-9]+\\. Discarding"));
                if (n > 0) {
                    why.append("; mkad's log: it discarded ").append(n)
                            .append(" MKPDU(s) for their MKA version (it accepts version 3 only; wpa_supplicant 2.10 sends 1)");
                }
            }
        }
        return why.toString();
    }

    private void stopAll() throws IOException {
        for (MkaDaemon d : daemons.values()) {
            d.stop();
        }
        drive(Duration.ofMillis(300));
        if (session != null) {
            plainIpv4Passive += session.plainIpv4In();
        }
        session = null;
    }

    private Segment.Station stationOf(Implementation impl, Segment.Station first, Segment.Station second) {
        for (Map.Entry<String, MkaDaemon> e : daemons.entrySet()) {
            Segment.Station s = first != null && first.namespace().equals(e.getKey()) ? first
                    : second.namespace().equals(e.getKey()) ? second : null;
            if (s != null && e.getValue().name().equals(impl.title())) {
                return s;
            }
        }
        throw new IllegalStateException(impl + " runs on no station");
    }

    // ------------------------------------------------------------------ driving

    @FunctionalInterface
    private interface GuestCall<T> {
        T call() throws IOException;
    }

    /**
     * Runs a guest command while our participant keeps running: a guest command takes a good part of a second on the
     * emulated guest, and a participant stalled that long would miss its own hellos (and be reported for it).
     */
    private <T> T guest(GuestCall<T> c) throws IOException {
        if (session == null) {
            return c.call();
        }
        java.util.concurrent.CompletableFuture<T> f = new java.util.concurrent.CompletableFuture<>();
        Thread.ofVirtual().start(() -> {
            try {
                f.complete(c.call());
            } catch (Throwable t) {
                f.completeExceptionally(t);
            }
        });
        while (!f.isDone()) {
            session.runFor(Duration.ofMillis(20));
        }
        try {
            return f.join();
        } catch (java.util.concurrent.CompletionException e) {
            if (e.getCause() instanceof IOException io) {
                throw io;
            }
            throw e;
        }
    }

    /** Keeps our participant running (when it takes part) and the recording reading, for {@code d}. */
    private void drive(Duration d) throws IOException {
        if (session != null) {
            session.runFor(d);
            return;
        }
        long end = System.nanoTime() + d.toNanos();
        for (long left; (left = end - System.nanoTime()) > 0; ) {
            Frame f = link.receive(Duration.ofNanos(Math.min(left, 50_000_000L)));
            if (f != null && f.length() >= 14 && (f.data()[12] & 0xFF) == 0x08 && f.data()[13] == 0) {
                plainIpv4Passive++;
            }
        }
    }

    /** Waits until {@code from} reaches {@code ip} through its Controlled Port (one ping at a time). */
    private boolean awaitReach(Segment.Station from, String ip) throws IOException {
        long deadline = System.nanoTime() + SECURE_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            boolean ready = true;
            for (Map.Entry<String, MkaDaemon> e : daemons.entrySet()) {
                Segment.Station st = segment.station(e.getKey().substring(2));
                ready &= guest(() -> segment.addressPort(st, e.getValue().controlsPortState()));
            }
            if (!ready) {
                drive(Duration.ofMillis(500));
                continue;
            }
            guest(() -> {
                segment.startPing(from, ip, 1);
                return null;
            });
            drive(Duration.ofMillis(1500));
            if (guest(() -> segment.pingReplies(from)) >= 1) {
                return true;
            }
        }
        return false;
    }

    /**
     * Pings both ways between two daemons (each request and reply crosses the CA), or from the daemon to us (our
     * replies are the other way); returns the echo replies.
     */
    private int pingsBothWays(Segment.Station first, Segment.Station second) throws IOException {
        if (first == null) {
            guest(() -> {
                segment.startPing(second, Harness.TESTER_IP_TEXT, PINGS);
                return null;
            });
            drive(Duration.ofMillis(PINGS * 500L + 2500));
            return guest(() -> segment.pingReplies(second));
        }
        segment.startPing(first, second.ip(), PINGS);
        segment.startPing(second, first.ip(), PINGS);
        drive(Duration.ofMillis(PINGS * 500L + 2500));
        return segment.pingReplies(first) + segment.pingReplies(second);
    }

    /**
     * A rekey: our participant distributes its next SAK when it is Key Server; a daemon Key Server has no command for
     * it, so a third participant of its own implementation joins the CA for a while (a change of live membership makes
     * the Key Server distribute a new SAK, 802.1X-2020 9.8) and leaves.
     */
    private void rekey(Implementation keyServer, CipherSuite suite) throws IOException {
        if (keyServer == Implementation.OURS) {
            session.participant().rekey();
            drive(Duration.ofSeconds(4));
            return;
        }
        Segment.Station joiner = segment.station("C");
        MkaDaemon d = startDaemon(joiner, keyServer, JOINER_PRIORITY, suite);
        drive(JOINER_STAY);
        guest(() -> {
            d.stop();
            return null;
        });
        joinerSci = segment.station("C").mac().replace(":", "") + "0001";
        daemons.remove(joiner.namespace());
    }

    // ------------------------------------------------------------------ judging

    private AnalysisSummary analyze() throws IOException {
        link.close();
        CakEntry key = new CakEntry(1, HEX.parseHex(CKN), HEX.parseHex(cak), "interop");
        try (Analyzer analyzer = new Analyzer(AnalysisOptions.defaults().withThreads(1),
                new KeysFile(List.of(), List.of(key), List.of()));
             CaptureReader reader = CaptureReader.open(pcap)) {
            analyzer.analyze(reader, r -> {
            });
            return analyzer.finish();
        }
    }

    /** What the wire says, whoever sent it: Key Server, every frame verifying, no clear text, no rule broken. */
    private void judgeWire(AnalysisSummary a, String keyServerMacHex, boolean secured, List<String> defects) {
        MkaSummary m = a.mka();
        if (m.icvFailed() > 0) {
            defects.add(m.icvFailed() + " MKPDU(s) whose ICV does not verify with the CAK");
        }
        List<MkaSummary.Participant> claimers = m.cas().stream().flatMap(c -> c.participants().stream())
                .filter(MkaSummary.Participant::keyServer).toList();
        String claimed = claimers.stream().map(p -> p.mac()).collect(Collectors.joining(", "));
        observations.put("keyServerOnWire", claimed.isEmpty() ? "none" : claimed);
        String expectedMac = keyServerMacHex.replaceAll("(..)(?!$)", "$1:");
        if (secured && (claimers.size() != 1 || !claimers.get(0).mac().equalsIgnoreCase(expectedMac))) {
            defects.add("Key Server on the wire: " + (claimed.isEmpty() ? "none" : claimed) + ", expected " + expectedMac
                    + " alone (the priority " + KEY_SERVER_PRIORITY + " side)");
        }
        long ok = a.verdicts().getOrDefault(Verdict.OK, 0L);
        long macsec = a.run().macsecFrames();
        observations.put("framesVerified", ok + "/" + macsec);
        if (ok != macsec) {
            defects.add("the analyzer verifies " + ok + " of " + macsec + " MACsec frames from the CAK alone "
                    + a.verdicts());
        }
        long plain = plainIpv4Passive;
        if (plain > 0) {
            defects.add(plain + " IPv4 frame(s) in clear on the segment");
        }
        List<String> findings = new ArrayList<>();
        List<String> defectFindings = new ArrayList<>();
        for (MkaSummary.Ca ca : m.cas()) {
            for (MkaSummary.Finding f : ca.findings()) {
                java.util.regex.Matcher sci = SCI_IN_MESSAGE.matcher(f.message());
                String who = sci.find() ? sci.group(1) : null;
                if (f.code().equals("mka.peer_lost") && who != null && who.equals(joinerSci)) {
                    continue;
                }
                String text = f.code() + " by " + (who == null ? "?" : whose(who)) + " (frame " + f.frame() + ")";
                if (TIMING.contains(f.code())) {
                    findings.add(text + " [timing, emulated guest]");
                } else {
                    findings.add(text);
                    defectFindings.add(text + ": " + f.message());
                }
            }
        }
        observations.put("findings", findings.isEmpty() ? "none" : String.join("; ", findings));
        if (!defectFindings.isEmpty()) {
            defects.add("MKA findings: " + String.join("; ", defectFindings));
        }
    }

    private static long learnedSaks(AnalysisSummary a) {
        return a.mka().cas().stream().flatMap(c -> c.learnedKeys().stream()).filter(k -> k.startsWith("SAK")).count();
    }

    /** The implementation behind an SCI seen on the segment (its MAC address part), or the SCI itself. */
    private String whose(String sciHex) {
        String mac = sciHex.substring(0, 12);
        if (mac.equalsIgnoreCase(HEX.formatHex(Harness.TESTER_MAC))) {
            return "ours";
        }
        for (Map.Entry<String, MkaDaemon> e : daemons.entrySet()) {
            if (segment.station(e.getKey().substring(2)).mac().replace(":", "").equalsIgnoreCase(mac)) {
                return e.getValue().name() + " (" + e.getKey() + ")";
            }
        }
        return "SCI " + sciHex;
    }

    /** The row of the matrix as report entries, and the evidence as Allure attachments. */
    private void publish(AnalysisSummary a, List<String> defects) throws IOException {
        observations.forEach((k, v) -> harness.publish("macsec.interop." + k, v));
        if (Files.size(pcap) > 24) {
            harness.publish(ConformanceExtension.ENTRY_PCAP, pcap.toString());
            try (InputStream in = Files.newInputStream(pcap)) {
                Allure.addAttachment("the segment's frames (" + pcap.getFileName() + ")", "application/vnd.tcpdump.pcap",
                        in, "pcap");
            }
        }
        Allure.addAttachment("analyzer, from the CAK alone", "text/plain", MkaReport.describe(a), "txt");
        Allure.addAttachment("matrix row", "text/plain", observations.entrySet().stream()
                .map(e -> e.getKey() + ": " + e.getValue()).collect(Collectors.joining("\n"))
                + (defects.isEmpty() ? "" : "\ndefects: " + String.join("; ", defects)), "txt");
    }

    /** Expected observables the case could not be made to show, each saying why. */
    List<String> inconclusive() {
        return List.copyOf(inconclusive);
    }

    /** Attaches each daemon's log tail (supporting evidence only) while they still exist. */
    private void attachLogs() {
        for (Map.Entry<String, MkaDaemon> e : daemons.entrySet()) {
            try {
                Allure.addAttachment(e.getValue().name() + " in " + e.getKey() + ": log tail (supporting evidence)",
                        "text/plain", e.getValue().logTail(60), "txt");
            } catch (IOException ex) {
                Allure.addAttachment(e.getValue().name() + " log unavailable", ex.toString());
            }
        }
    }

    @Override
    public void close() {
        attachLogs();
        try {
            for (MkaDaemon d : daemons.values()) {
                d.stop();
            }
        } catch (IOException ignored) {
            // the next case starts its daemons afresh; a stale one shows in its log
        }
        link.close();
    }
}
