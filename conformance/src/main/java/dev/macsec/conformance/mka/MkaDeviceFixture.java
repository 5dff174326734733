package dev.macsec.conformance.mka;

import dev.macsec.conformance.device.CommandRunner;
import dev.macsec.conformance.device.DeviceUnderTest;
import dev.macsec.conformance.device.KayControl;
import dev.macsec.conformance.device.ManagedKay;
import dev.macsec.conformance.device.ShellKay;
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
import java.util.function.Predicate;

/**
 * A device running an MKA implementation on its data port ({@link ManagedKay}: driven by the harness through the
 * device's shell, or configured by an operator) over its own wire ({@link OwnLink}) or the tester's live interface,
 * and our participant on the other end of that wire: the shared setup of the MKA conformance cases. The device
 * opens once; {@link #open} restarts the KaY for each case and records the case's frames to its own pcap.
 */
public final class MkaDeviceFixture implements AutoCloseable {
    /** How long a device operation may take during a case: an operator at a console may be slow. */
    private static final Duration OPERATION_TIMEOUT = Duration.ofMinutes(30);

    private final DeviceUnderTest device;
    private final ManagedKay kay;
    private final KayControl control;
    private final OwnLink wire;
    private final FrameLink ownedLink;
    private final Path outDir;

    private MkaDeviceFixture(DeviceUnderTest device, ManagedKay kay, KayControl control, OwnLink wire,
                             FrameLink ownedLink, Path outDir) {
        this.device = device;
        this.kay = kay;
        this.control = control;
        this.wire = wire;
        this.ownedLink = ownedLink;
        this.outDir = outDir;
    }

    /**
     * Runs on an opened device, which {@link #close()} closes. A device without a KaY the harness can have configured,
     * or without its own wire, is not one this suite applies to: a {@link HarnessException} says which it lacks.
     */
    public static MkaDeviceFixture on(DeviceUnderTest device, Path outDir) throws IOException {
        return on(device, null, outDir);
    }

    /**
     * As above, on the tester's live interface {@code live} (the device file's {@code link}, which {@link #close()}
     * closes) when not null, else on the device's own wire.
     */
    public static MkaDeviceFixture on(DeviceUnderTest device, OwnLink live, Path outDir) throws IOException {
        String what = device.identity().description();
        KayControl control = device.capability(KayControl.class).orElse(null);
        ManagedKay kay = device.capability(ManagedKay.class)
                .or(() -> java.util.Optional.ofNullable(control).map(ShellKay::new))
                .orElseThrow(() -> new HarnessException(
                "the 802.1X (MKA) suite does not apply to " + what + ": the harness cannot drive a KaY on it"));
        OwnLink wire = live != null ? live : device.capability(OwnLink.class).orElseThrow(() -> new HarnessException(
                "the 802.1X (MKA) suite does not apply to " + what + ": it needs the device's own data link "
                        + "(a linux-vm's UDP socket, not a tap)"));
        Files.createDirectories(outDir);
        return new MkaDeviceFixture(device, kay, control, wire, live == null ? null : live.dataLink(), outDir);
    }

    /** The KaY, however it is configured (by the harness or by an operator). */
    public ManagedKay managedKay() {
        return kay;
    }

    /** The KaY daemon the harness drives itself through the device's shell (interop, the EAP cases' guest). */
    public MkaDaemon kay() {
        return shellControl().kay();
    }

    private KayControl shellControl() {
        if (control == null) {
            throw new HarnessException("the device offers no KaY or shell the harness drives itself");
        }
        return control;
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
        return shellControl().shell();
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
        private ManagedKay.Ping ping;

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

        /** The KaY's own view (supporting evidence only), when the device has one. */
        public java.util.Optional<MkaDaemon> evidence() {
            return kay.evidence();
        }

        /**
         * Runs a device operation while our side keeps running (hellos, answers to the device's pings): the device's
         * KaY must not lose us while a shell command or an operator is busy.
         */
        private <T> T whileRunning(java.util.concurrent.Callable<T> operation) throws IOException {
            java.util.concurrent.FutureTask<T> task = new java.util.concurrent.FutureTask<>(operation);
            Thread.ofPlatform().daemon().name("mka-device-operation").start(task);
            session.runUntil(task::isDone, OPERATION_TIMEOUT);
            try {
                return task.get(1, java.util.concurrent.TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new java.io.InterruptedIOException("interrupted during a device operation");
            } catch (java.util.concurrent.TimeoutException e) {
                task.cancel(true);
                throw new HarnessException("a device operation took longer than " + OPERATION_TIMEOUT.toMinutes() + " min");
            } catch (java.util.concurrent.ExecutionException e) {
                if (e.getCause() instanceof IOException io) {
                    throw io;
                }
                if (e.getCause() instanceof RuntimeException r) {
                    throw r;
                }
                throw new IllegalStateException(e.getCause());
            }
        }

        /** Gives the device's controlled port our address as its neighbour (see {@link ManagedKay#addressControlledPort}). */
        public void configureDeviceIp() throws IOException {
            String ourMac = mac(participant().config().mac());
            whileRunning(() -> {
                kay.addressControlledPort(Harness.DEVICE_IP_TEXT + "/24", Harness.TESTER_IP_TEXT, ourMac);
                return null;
            });
        }

        /** Starts {@code count} pings (one a second) from the device to us. */
        public void startPing(int count) throws IOException {
            ping = whileRunning(() -> kay.ping(Harness.TESTER_IP_TEXT, count));
        }

        /** How many echo replies the pings got (our side runs until the device says). */
        public int pingReceived() throws IOException {
            if (ping == null) {
                throw new IllegalStateException("no ping started");
            }
            ManagedKay.Ping p = ping;
            return whileRunning(p::replies);
        }

        /** The counters of the device's SecY with its receive SC for us, read while our side runs. */
        public dev.macsec.counter.SecYCounters deviceCounters() throws IOException {
            long sci = participant().config().sci();
            return whileRunning(() -> kay.counters(sci));
        }

        /** Pings us from the device's controlled port {@code count} times while our side runs; returns replies. */
        public int pingFromDevice(int count) throws IOException {
            configureDeviceIp();
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
        kay.startKay(device);
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
                throw new HarnessException(kay.kayName() + " sent no MKPDU that verifies within 10 s");
            }
            return probe.wire().latest().orElseThrow().mkpdu().actorMi();
        }
    }

    @Override
    public void close() {
        try {
            kay.stopKay();
        } catch (IOException | RuntimeException ignored) {
            // the device goes away next anyway
        }
        device.close();
        if (ownedLink != null) {
            ownedLink.close();
        }
    }

    static String mac(byte[] m) {
        return String.format("%02x:%02x:%02x:%02x:%02x:%02x", m[0], m[1], m[2], m[3], m[4], m[5]);
    }

    /** The fixture owns the data link (the VM or the fixture's live link); a case's recording must not close it. */
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
