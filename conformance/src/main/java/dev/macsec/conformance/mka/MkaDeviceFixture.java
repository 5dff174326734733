package dev.macsec.conformance.mka;

import dev.macsec.conformance.device.CommandRunner;
import dev.macsec.conformance.device.DeviceUnderTest;
import dev.macsec.conformance.device.KayControl;
import dev.macsec.conformance.device.OwnLink;
import dev.macsec.conformance.device.MkaDaemon;
import dev.macsec.conformance.link.Frame;
import dev.macsec.conformance.link.FrameLink;
import dev.macsec.conformance.link.RecordingLink;
import dev.macsec.conformance.suite.Harness;
import dev.macsec.conformance.suite.HarnessException;
import dev.macsec.field.Bytes;
import dev.macsec.mka.actor.ActorConfig;
import dev.macsec.mka.actor.MkaClock;
import dev.macsec.mka.actor.MkaParticipant;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Map;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A device running an MKA implementation on its data port ({@link KayControl}) over its own wire ({@link OwnLink}),
 * and our participant on the other end of that wire: the shared setup of the MKA conformance cases. The device
 * opens once; {@link #open} restarts the KaY for each case and records the case's frames to its own pcap.
 */
public final class MkaDeviceFixture implements AutoCloseable {
    private static final Pattern PING_RECEIVED = Pattern.compile("(\\d+) packets received");
    private static final Duration SHELL_TIMEOUT = Duration.ofSeconds(30);

    private final DeviceUnderTest device;
    private final CommandRunner shell;
    private final OwnLink wire;
    private final MkaDaemon kay;
    private final Path outDir;

    private MkaDeviceFixture(DeviceUnderTest device, KayControl kay, OwnLink wire, Path outDir) {
        this.device = device;
        this.shell = kay.shell();
        this.wire = wire;
        this.kay = kay.kay();
        this.outDir = outDir;
    }

    /**
     * Runs on an opened device, which {@link #close()} closes. A device without a KaY the harness can drive, or
     * without its own wire, is not one this suite applies to: a {@link HarnessException} says which it lacks.
     */
    public static MkaDeviceFixture on(DeviceUnderTest device, Path outDir) throws IOException {
        String what = device.identity().description();
        KayControl kay = device.capability(KayControl.class).orElseThrow(() -> new HarnessException(
                "the 802.1X (MKA) suite does not apply to " + what + ": the harness cannot drive a KaY on it"));
        OwnLink wire = device.capability(OwnLink.class).orElseThrow(() -> new HarnessException(
                "the 802.1X (MKA) suite does not apply to " + what + ": it needs the device's own data link "
                        + "(a linux-vm's UDP socket, not a tap)"));
        Files.createDirectories(outDir);
        return new MkaDeviceFixture(device, kay, wire, outDir);
    }

    public MkaDaemon kay() {
        return kay;
    }

    /** What else the device offers (e.g. its 802.1X PAE, for client-oriented MKA). */
    public <T> java.util.Optional<T> capability(Class<T> type) {
        return device.capability(type);
    }

    /** The device's data port MAC address. */
    public byte[] deviceMacBytes() {
        return wire.dataMac().clone();
    }

    /** The device's shell (interop runs several KaYs of its own in the guest). */
    public CommandRunner shell() {
        return shell;
    }

    /** The device's data link, shared by every case: record on it without closing it. */
    public FrameLink dataLink() {
        return wire.dataLink();
    }

    /** Where the cases' pcaps go. */
    public Path outDir() {
        return outDir;
    }

    /** The MAC address the device's data port sends from, {@code aa:bb:cc:dd:ee:ff}. */
    public String deviceMac() {
        return mac(wire.dataMac());
    }

    /** One case: the device's KaY freshly started, our participant, the recorded link. */
    public final class Case implements AutoCloseable {
        private final String name;
        private final Path pcap;
        private final RecordingLink link;
        private final MkaSession session;
        private final MkaDaemon.Config deviceConfig;
        private final DeviceOnTheWire wire;
        private final long startNanos = System.nanoTime();

        Case(String name, Path pcap, RecordingLink link, MkaSession session, MkaDaemon.Config deviceConfig) {
            this.name = name;
            this.pcap = pcap;
            this.link = link;
            this.session = session;
            this.deviceConfig = deviceConfig;
            this.wire = new DeviceOnTheWire(HexFormat.of().parseHex(deviceConfig.cakHex()),
                    HexFormat.of().parseHex(deviceConfig.cknHex()), session.participant().config().sci());
            session.observe(wire);
        }

        /** The device's verified MKPDUs of this case: what its verdicts are judged on. */
        public DeviceOnTheWire wire() {
            return wire;
        }

        /** When the case started (System.nanoTime), the origin of {@link DeviceOnTheWire#transcript}. */
        public long startNanos() {
            return startNanos;
        }

        /** Runs our side until the device, on the wire, satisfies {@code done}; returns whether it did in time. */
        public boolean awaitWire(java.util.function.Predicate<DeviceOnTheWire> done, Duration timeout) throws IOException {
            return session.runUntil(() -> done.test(wire), timeout);
        }

        /** What the KaY was started with in this case. */
        public MkaDaemon.Config deviceConfig() {
            return deviceConfig;
        }

        public String name() {
            return name;
        }

        public Path pcap() {
            return pcap;
        }

        public MkaSession session() {
            return session;
        }

        public MkaParticipant participant() {
            return session.participant();
        }

        public MkaDaemon device() {
            return kay;
        }

        /** Gives the device's macsec interface (or {@code ifname} when not null) our address as its neighbour. */
        public String configureDeviceIp(String ifname) throws IOException {
            String dev = ifname != null ? ifname : kay.macsecInterface();
            if (dev == null) {
                throw new IOException(kay.name() + " created no macsec interface");
            }
            boolean leaveDown = kay.controlsPortState() && !dev.equals(kay.ifname());
            shell.run((leaveDown ? "" : "/sbin/ip link set " + dev + " up; ") + "/sbin/ip addr flush dev data0; /sbin/ip addr replace "
                    + Harness.DEVICE_IP_TEXT + "/24 dev " + dev + "; /sbin/ip neigh replace " + Harness.TESTER_IP_TEXT + " lladdr "
                    + mac(participant().config().mac()) + " dev " + dev + " nud permanent", SHELL_TIMEOUT);
            return dev;
        }

        /** Starts {@code count} pings (one a second) from the device to us in the background. */
        public void startPing(int count) throws IOException {
            shell.run("rm -f /tmp/mka/ping.out; (ping -c " + count + " -W 1 " + Harness.TESTER_IP_TEXT
                    + " > /tmp/mka/ping.out 2>&1 &)", SHELL_TIMEOUT);
        }

        /** How many echo replies the background ping got. */
        public int pingReceived() throws IOException {
            Matcher m = PING_RECEIVED.matcher(shell.run("cat /tmp/mka/ping.out", SHELL_TIMEOUT).output());
            return m.find() ? Integer.parseInt(m.group(1)) : 0;
        }

        /** Pings us from the device's macsec interface {@code count} times while our side runs; returns replies. */
        public int pingFromDevice(int count) throws IOException {
            configureDeviceIp(null);
            startPing(count);
            session.runFor(Duration.ofSeconds(count + 1));
            return pingReceived();
        }

        @Override
        public void close() {
            link.close();
        }
    }

    /** Starts the KaY with {@code device} and a participant with {@code ours}, recording to NAME.pcap. */
    public Case open(String name, MkaDaemon.Config device, ActorConfig ours) throws IOException {
        // a KaY that discards lower versions would hear nothing of ours: speak the version it listens to
        if (ours.mkaVersion() < kay.lowestMkaVersionAccepted()) {
            ours = ours.withMkaVersion(kay.lowestMkaVersionAccepted());
        }
        kay.start(device);
        FrameLink udp = wire.dataLink();
        udp.drain();
        Path pcap = outDir.resolve(name.replaceAll("[^A-Za-z0-9._-]+", "_") + ".pcap");
        RecordingLink rec = new RecordingLink(new NonClosing(udp), pcap);
        MkaClock clock = MkaClock.system();
        MkaSession session = new MkaSession(rec, clock, new MkaParticipant(ours), Harness.TESTER_IP);
        return new Case(name, pcap, rec, session, device);
    }

    /**
     * The MI of the KaY started with {@code device}, as its first MKPDU on the wire says (for a KaY that does not
     * report its MI itself). The next {@link #open} restarts the KaY: this MI is then stale.
     */
    public Bytes deviceMiOnTheWire(MkaDaemon.Config device, ActorConfig ours) throws IOException {
        try (Case probe = open("device-mi-probe", device, ours)) {
            if (!probe.awaitWire(w -> w.latest().isPresent(), Duration.ofSeconds(10))) {
                throw new HarnessException(kay.name() + " sent no MKPDU that verifies within 10 s");
            }
            return probe.wire().latest().orElseThrow().mkpdu().actorMi();
        }
    }

    @Override
    public void close() {
        try {
            kay.stop();
        } catch (IOException ignored) {
            // the device goes away next anyway
        }
        device.close();
    }

    static String mac(byte[] m) {
        return String.format("%02x:%02x:%02x:%02x:%02x:%02x", m[0], m[1], m[2], m[3], m[4], m[5]);
    }

    /** The VM owns its data link; a case's recording must not close it. */
    public static FrameLink nonClosing(FrameLink link) {
        return new NonClosing(link);
    }

    private record NonClosing(FrameLink inner) implements FrameLink {
        @Override
        public void send(byte[] frame, int off, int len) throws IOException {
            inner.send(frame, off, len);
        }

        @Override
        public Frame receive(Duration timeout) throws IOException {
            return inner.receive(timeout);
        }

        @Override
        public void close() {
        }
    }
}
