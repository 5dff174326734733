package dev.macsec.conformance.eap;

import dev.macsec.analysis.AnalysisOptions;
import dev.macsec.analysis.AnalysisSummary;
import dev.macsec.analysis.Analyzer;
import dev.macsec.capture.CaptureReader;
import dev.macsec.conformance.device.CommandRunner;
import dev.macsec.conformance.generator.Packets;
import dev.macsec.conformance.link.RecordingLink;
import dev.macsec.conformance.mka.DeviceOnTheWire;
import dev.macsec.conformance.mka.LinkAgent;
import dev.macsec.conformance.mka.MkaDeviceFixture;
import dev.macsec.conformance.mka.MkaReport;
import dev.macsec.conformance.mka.MkaSession;
import dev.macsec.conformance.suite.Harness;
import dev.macsec.decode.mka.EapolDecoder;
import dev.macsec.keys.CakEntry;
import dev.macsec.keys.KeyHierarchy;
import dev.macsec.keys.KeysFile;
import dev.macsec.keys.RadiusSecret;
import dev.macsec.mka.actor.ActorConfig;
import dev.macsec.mka.actor.MkaClock;
import dev.macsec.mka.actor.MkaParticipant;
import dev.macsec.mka.actor.MkaEvent;
import io.qameta.allure.Allure;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * One client-oriented MKA case on the device's wire: the recording (EAPOL, RADIUS, MKA and MACsec in one pcap),
 * the tester's loop with its PAE and RADIUS agents, and, once EAP has succeeded, our MKA participant on the CAK and
 * CKN the EAP session implies (802.1X-2020 6.2.2) with the device's MKPDUs judged under that CAK.
 */
final class EapCase implements AutoCloseable {
    /** The IPv4 subnet of the device's RADIUS client on its uncontrolled port, apart from the secured one. */
    static final String DEVICE_RADIUS_CIDR = "10.1.1.2/24";
    static final byte[] TESTER_RADIUS_IP = {10, 1, 1, 1};
    static final String TESTER_RADIUS_IP_TEXT = "10.1.1.1";
    private static final Pattern PING_RECEIVED = Pattern.compile("(\\d+) packets received");
    private static final Duration SHELL_TIMEOUT = Duration.ofSeconds(30);

    private final MkaDeviceFixture fixture;
    private final Path pcap;
    private final RecordingLink link;
    private final MkaSession session;
    private final long startNanos = System.nanoTime();
    private final byte[] deviceMac;
    private final List<String> notes = new ArrayList<>();
    private final List<DeviceWatch.Seen> deviceEapol = new ArrayList<>();
    private final DeviceWatch watch;
    private final List<EapTlsPeer> tlsPeers = new ArrayList<>();
    private DeviceOnTheWire wire;
    private byte[] cak;
    private byte[] ckn;

    EapCase(MkaDeviceFixture fixture, String name) throws IOException {
        this.fixture = fixture;
        this.deviceMac = fixture.deviceMacBytes();
        fixture.dataLink().drain();
        this.pcap = fixture.outDir().resolve(name.replaceAll("[^A-Za-z0-9._-]+", "_") + ".pcap");
        this.link = new RecordingLink(MkaDeviceFixture.nonClosing(fixture.dataLink()), pcap);
        this.session = new MkaSession(link, MkaClock.system(), Harness.TESTER_MAC, Harness.TESTER_IP);
        this.watch = new DeviceWatch(deviceMac, deviceEapol);
        session.add(watch);
    }

    Path pcap() {
        return pcap;
    }

    RecordingLink link() {
        return link;
    }

    MkaSession session() {
        return session;
    }

    long startNanos() {
        return startNanos;
    }

    byte[] deviceMac() {
        return deviceMac.clone();
    }

    CommandRunner shell() {
        return fixture.shell();
    }

    /** The device's EAPOL packets other than MKPDUs, as they came (EAPOL-Start, -Logoff, EAP). */
    List<DeviceWatch.Seen> deviceEapol() {
        return List.copyOf(deviceEapol);
    }

    void note(String line) {
        notes.add(line);
    }

    /** Our supplicant, or authenticator, as the PAE's agent on the loop. */
    void add(LinkAgent agent) {
        session.add(agent);
    }

    /** The device's MKPDUs that verify under the CAK of the current EAP session (null before one). */
    DeviceOnTheWire wire() {
        return wire;
    }

    byte[] ckn() {
        return ckn == null ? null : ckn.clone();
    }

    /**
     * IEEE 802.1X-2020 6.2.2: the CAK and CKN from the MSK, the EAP Session-Id and the two ports' MAC addresses
     * (supplicant's first); then our participant on them (priority {@code ourPriority}), and the device judged on
     * MKPDUs that verify with that CAK. A new EAP session replaces the previous participant (a new MI).
     */
    MkaParticipant startMka(byte[] msk, byte[] sessionId, byte[] supplicantMac, byte[] authenticatorMac,
                            int ourPriority) {
        cak = KeyHierarchy.cakFromMsk(msk, supplicantMac, authenticatorMac, 128);
        ckn = KeyHierarchy.cknFromMsk(msk, sessionId, supplicantMac, authenticatorMac, 128);
        return startMka(new CakEntry(1, ckn, cak, "EAP"), ourPriority);
    }

    /** Our participant on {@code ours} while the device is judged under the EAP session's CAK (which stays). */
    MkaParticipant startMka(CakEntry ours, int ourPriority) {
        MkaParticipant p = new MkaParticipant(ActorConfig.of(ours, Harness.TESTER_MAC).withPriority(ourPriority));
        session.participant(p);
        wire = new DeviceOnTheWire(cak, ckn, Harness.TESTER_SCI);
        session.observe(wire);
        return p;
    }

    /** Runs until the device's MKPDUs satisfy {@code done}; false when it did not in time. */
    boolean awaitWire(Predicate<DeviceOnTheWire> done, Duration timeout) throws IOException {
        return session.runUntil(() -> wire != null && done.test(wire), timeout);
    }

    /** The device's Controlled Port (its macsec interface) gets the secured address and us as its neighbour. */
    String configureControlledPort(String port) throws IOException {
        fixture.shell().run("/sbin/ip link set " + port + " up; /sbin/ip addr replace " + Harness.DEVICE_IP_TEXT
                + "/24 dev " + port + "; /sbin/ip neigh replace " + Harness.TESTER_IP_TEXT + " lladdr "
                + HexFormat.ofDelimiter(":").formatHex(Harness.TESTER_MAC) + " dev " + port + " nud permanent",
                SHELL_TIMEOUT);
        return port;
    }

    /** Pings us from the device {@code count} times (one a second) while our side runs; returns the replies it got. */
    int pingFromDevice(int count) throws IOException {
        fixture.shell().run("rm -f /tmp/pae-ping.out; (ping -c " + count + " -W 1 " + Harness.TESTER_IP_TEXT
                + " > /tmp/pae-ping.out 2>&1 &)", SHELL_TIMEOUT);
        session.runFor(Duration.ofSeconds(count + 1));
        Matcher m = PING_RECEIVED.matcher(fixture.shell().run("cat /tmp/pae-ping.out", SHELL_TIMEOUT).output());
        return m.find() ? Integer.parseInt(m.group(1)) : 0;
    }

    /** Our EAP-TLS peer of one authentication in this case (its key log is written with {@link #writeTlsKeyLog}). */
    void tlsPeer(EapTlsPeer peer) {
        tlsPeers.add(peer);
    }

    /**
     * The key log (NSS format) of our EAP-TLS sessions in this case beside the pcap, {@code <case>.tls.keylog}: the
     * other way the analyzer learns the MSK when only the EAPOL side is captured. Nothing is written for a case
     * whose sessions gave no key log (no TLS session of ours, or none that completed).
     */
    void writeTlsKeyLog() throws IOException {
        String lines = tlsPeers.stream().map(EapTlsPeer::keyLog).filter(java.util.Objects::nonNull)
                .collect(Collectors.joining("\n"));
        if (!lines.isEmpty()) {
            Files.writeString(sibling(".tls.keylog"), lines + "\n", StandardCharsets.US_ASCII);
        }
    }

    private Path sibling(String suffix) {
        return pcap.resolveSibling(pcap.getFileName().toString().replaceFirst("\\.pcap$", "") + suffix);
    }

    /** The RADIUS shared secret as a keys file beside the pcap: what the analyzer may use, and nothing else. */
    Path writeKeysFile(String secret) throws IOException {
        Path keys = sibling(".keys.json");
        Files.writeString(keys, "{\"radius\":[{\"secret\":\"" + secret + "\",\"name\":\"harness RADIUS\"}]}\n",
                StandardCharsets.UTF_8);
        return keys;
    }

    /**
     * The analyzer over the case's pcap, with the RADIUS shared secret as its only key; {@code showKeys} to compare the
     * keys it learns (never for what is attached).
     */
    AnalysisSummary analyzeFromRadiusSecret(String secret, boolean showKeys) throws IOException {
        KeysFile keys = KeysFile.EMPTY.withRadius(List.of(RadiusSecret.of(1, secret, "harness RADIUS")));
        try (Analyzer analyzer = new Analyzer(AnalysisOptions.defaults().withThreads(1).withShowKeys(showKeys), keys);
             CaptureReader reader = CaptureReader.open(pcap)) {
            analyzer.analyze(reader, r -> {
            });
            return analyzer.finish();
        }
    }

    /** Attaches the pcap, the device's MKPDUs as judged, our events, the device's PAE log and the analyzer's reading. */
    void attach(String radiusSecret, String paeLog) {
        try (InputStream in = Files.newInputStream(pcap)) {
            Allure.addAttachment("EAPOL, RADIUS, MKA and MACsec (" + pcap.getFileName() + ")",
                    "application/vnd.tcpdump.pcap", in, "pcap");
        } catch (IOException e) {
            Allure.addAttachment("pcap missing", e.toString());
        }
        Allure.addAttachment("device on the wire: its EAPOL and its verified MKPDUs (what the verdict is judged on)",
                "text/plain", deviceEapol.stream().map(s -> s.describe(startNanos)).collect(Collectors.joining("\n"))
                        + "\n\n" + (wire == null ? "no EAP session, no CAK: no MKPDU judged" : wire.transcript(startNanos)),
                "txt");
        MkaParticipant p = session.participant();
        Allure.addAttachment("tester: notes and participant events", "text/plain", String.join("\n", notes) + "\n\n"
                + (p == null ? "no participant" : p + "\n" + p.events().stream().map(MkaEvent::toString)
                .collect(Collectors.joining("\n"))) + "\n" + session, "txt");
        Allure.addAttachment("device's own view, supporting evidence only: its PAE log (tail)", "text/plain", paeLog,
                "txt");
        try {
            Allure.addAttachment("analyzer from the RADIUS secret alone", "text/plain",
                    MkaReport.describe(analyzeFromRadiusSecret(radiusSecret, false)), "txt");
        } catch (IOException | RuntimeException e) {
            Allure.addAttachment("analyzer failed on the exchange", e.toString());
        }
    }

    @Override
    public void close() {
        link.close();
    }

    /** MKPDUs the device sent, whatever their CKN or ICV. */
    int mkpdusFromDevice() {
        return watch.mkpdus;
    }

    /** Untagged IPv4 frames from the device's secured address (its Controlled Port's traffic in clear). */
    int plainFromDeviceIp() {
        return watch.plainFromSecuredAddress;
    }

    /** MACsec frames the device sent after {@code fromNanos} (System.nanoTime), whatever their key. */
    long macsecFromDeviceAfter(long fromNanos) {
        return watch.macsecAt.stream().filter(t -> t > fromNanos).count();
    }

    /** Resets what {@link #mkpdusFromDevice} and {@link #plainFromDeviceIp} count. */
    void resetDeviceCounts() {
        watch.mkpdus = 0;
        watch.plainFromSecuredAddress = 0;
    }

    /** In clear to the device's secured address: an ARP request for it and an ICMP echo request to it. */
    List<byte[]> plaintextProbes(int seq) {
        byte[] arp = Packets.arpRequest(Harness.TESTER_MAC, Harness.TESTER_IP, Harness.DEVICE_IP);
        byte[] user = Packets.echoRequest(Harness.TESTER_IP, Harness.DEVICE_IP, Packets.ECHO_ID, seq, new byte[32]);
        byte[] echo = new byte[12 + user.length];
        System.arraycopy(deviceMac, 0, echo, 0, 6);
        System.arraycopy(Harness.TESTER_MAC, 0, echo, 6, 6);
        System.arraycopy(user, 0, echo, 12, user.length);
        return List.of(arp, echo);
    }

    /** Records the device's EAPOL packets other than MKPDUs and counts what it sends in clear; consumes nothing. */
    static final class DeviceWatch implements LinkAgent {
        private static final int MACSEC_ETHERTYPE = 0x88E5;
        record Seen(long nanos, int type, byte[] frame) {
            boolean isEapFailure() {
                return type == EapolDecoder.TYPE_EAP && frame.length > 18 && frame[18] == 4;
            }

            boolean isStart() {
                return type == EapolDecoder.TYPE_START;
            }

            boolean isLogoff() {
                return type == EapolDecoder.TYPE_LOGOFF;
            }

            String describe(long origin) {
                String what = switch (type) {
                    case EapolDecoder.TYPE_EAP -> "EAPOL-EAP code " + (frame.length > 18 ? frame[18] & 0xFF : -1);
                    case EapolDecoder.TYPE_START -> "EAPOL-Start";
                    case EapolDecoder.TYPE_LOGOFF -> "EAPOL-Logoff";
                    default -> "EAPOL type " + type;
                };
                return String.format("%8.3f s  %s", (nanos - origin) / 1e9, what);
            }
        }

        private final byte[] deviceMac;
        private final List<Seen> seen;
        private int mkpdus;
        private int plainFromSecuredAddress;
        private final List<Long> macsecAt = new ArrayList<>();

        DeviceWatch(byte[] deviceMac, List<Seen> seen) {
            this.deviceMac = deviceMac;
            this.seen = seen;
        }

        @Override
        public List<byte[]> receive(byte[] f, long nowMillis) {
            if (f.length < 18 || !Arrays.equals(f, 6, 12, deviceMac, 0, 6)) {
                return null;
            }
            int type = (f[12] & 0xFF) << 8 | (f[13] & 0xFF);
            if (type == EapolDecoder.ETHERTYPE) {
                if (f[15] == EapolDecoder.TYPE_MKA) {
                    mkpdus++;
                } else {
                    seen.add(new Seen(System.nanoTime(), f[15] & 0xFF, f.clone()));
                }
            } else if (type == MACSEC_ETHERTYPE) {
                macsecAt.add(System.nanoTime());
            } else if (type == Packets.ETH_IPV4 && f.length >= 34 && Arrays.equals(f, 26, 30, Harness.DEVICE_IP, 0, 4)) {
                plainFromSecuredAddress++;
            }
            return null;
        }
    }
}
