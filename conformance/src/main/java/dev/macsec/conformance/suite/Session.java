package dev.macsec.conformance.suite;

import dev.macsec.conformance.device.DeviceIdentity;
import dev.macsec.conformance.device.DeviceUnderTest;
import dev.macsec.conformance.device.DeviceSpec;
import dev.macsec.conformance.device.Liveness;
import dev.macsec.conformance.device.OwnLink;
import dev.macsec.conformance.device.linuxvm.LinuxVm;
import dev.macsec.conformance.devicefile.Devices;
import dev.macsec.conformance.link.FrameLink;
import dev.macsec.conformance.link.PcapLiveLink;
import dev.macsec.secy.ReceiveProfile;
import dev.macsec.suite.CipherSuite;
import org.junit.jupiter.api.extension.ExtensionContext;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/**
 * One device for a whole run, shared by every suite class through the root extension store: opened
 * (a VM booted) on first use, closed when the JUnit Platform closes the root context, and by the VM's
 * shutdown hook on Ctrl-C. A failure to open is remembered, so every case reports it without retrying.
 * The frames go over the VM's UDP socket for a linux-vm device, else over a live interface of the tester
 * (the device file's {@code link}, see {@link DeviceSpec}).
 */
public final class Session implements ExtensionContext.Store.CloseableResource {
    private static final ExtensionContext.Namespace NS = ExtensionContext.Namespace.create(Session.class);

    private final DeviceUnderTest device;
    private final FrameLink link;
    /** Whether {@link #close()} closes the link (a live interface is ours; a VM's socket is the VM's). */
    private final boolean ownsLink;
    private final DeviceIdentity identity;
    private final byte[] deviceMac;
    private final Path outputDir;
    private final Duration answerTimeout;
    private final List<CipherSuite> cipherSuites;
    private final RuntimeException failure;
    /** The receive profile the device file declares (null: none), which alone may explain a known deviation. */
    private final ReceiveProfile receiveProfile;
    /** Why the device stopped answering (null while it answers): later cases then fail at once. */
    private volatile String lost;

    private Session(DeviceUnderTest device, FrameLink link, boolean ownsLink, DeviceIdentity identity, byte[] deviceMac,
                    Path outputDir, Duration answerTimeout, List<CipherSuite> suites, RuntimeException failure,
                    ReceiveProfile receiveProfile) {
        this.device = device;
        this.link = link;
        this.ownsLink = ownsLink;
        this.identity = identity;
        this.deviceMac = deviceMac;
        this.outputDir = outputDir;
        this.answerTimeout = answerTimeout;
        this.cipherSuites = suites;
        this.failure = failure;
        this.receiveProfile = receiveProfile;
    }

    /** The run's session; a {@link HarnessException} when the device could not be opened. */
    public static Session get(ExtensionContext ctx) {
        Session s = ctx.getRoot().getStore(NS).getOrComputeIfAbsent(Session.class, k -> open(ctx), Session.class);
        if (s.failure != null) {
            throw new HarnessException("device not available: " + s.failure.getMessage(), s.failure);
        }
        s.deviceGone();
        if (s.lost != null) {
            throw new HarnessException("device lost earlier in the run (" + s.lost + "): case not run");
        }
        return s;
    }

    /** Cipher suites the run covers (no device needed: used by the argument providers). */
    public static List<CipherSuite> cipherSuites(ExtensionContext ctx) {
        return ConformanceParameters.cipherSuites(ctx.getConfigurationParameter(ConformanceParameters.CIPHER_SUITES)
                .orElse(null));
    }

    private static Session open(ExtensionContext ctx) {
        Path out = Paths.get(ctx.getConfigurationParameter(ConformanceParameters.OUTPUT_DIR).orElse("target/conformance"));
        Duration timeout = Duration.ofSeconds(Long.parseLong(
                ctx.getConfigurationParameter(ConformanceParameters.ANSWER_TIMEOUT).orElse("5")));
        List<CipherSuite> suites = cipherSuites(ctx);
        DeviceUnderTest device = null;
        FrameLink live = null;
        try {
            Files.createDirectories(out);
            Path file = ctx.getConfigurationParameter(ConformanceParameters.DEVICE).map(Paths::get)
                    .orElseGet(ConformanceParameters::defaultDeviceFile);
            DeviceSpec spec = Devices.read(file);
            // checked before the device opens: a VM boot or an operator's steps would be wasted
            LiveLinkConfig wire = liveLinkConfig(spec, file.toString());
            device = Devices.open(spec, file.toString());
            if (wire != null) {
                live = openLiveLink(wire);
            }
            return start(device, wire, live, out, timeout, suites, Devices.receiveProfile(spec));
        } catch (IOException | RuntimeException e) {
            if (live != null) {
                live.close();
            }
            if (device != null) {
                device.close();
            }
            RuntimeException r = e instanceof RuntimeException re ? re : new HarnessException(e.getMessage(), e);
            return new Session(null, null, false, null, null, out, timeout, suites, r, null);
        }
    }

    /**
     * The session over an opened device: on the tester's live interface {@code live} when the device file names
     * one ({@code wire}), else on the wire the device brings itself ({@link OwnLink}).
     */
    static Session start(DeviceUnderTest device, LiveLinkConfig wire, FrameLink live, Path out, Duration timeout,
                         List<CipherSuite> suites) throws IOException {
        return start(device, wire, live, out, timeout, suites, null);
    }

    /** As above, for a device file that declares receive profile {@code profile} (null: none). */
    static Session start(DeviceUnderTest device, LiveLinkConfig wire, FrameLink live, Path out, Duration timeout,
                         List<CipherSuite> suites, ReceiveProfile profile) throws IOException {
        FrameLink link;
        byte[] mac;
        if (wire == null) {
            OwnLink own = device.capability(OwnLink.class).orElseThrow(() -> new HarnessException(
                    device.getClass().getSimpleName() + " brings no wire of its own: the device file must name the "
                            + "tester's side of the wire (link: {interface: ..., deviceMac: ...})"));
            link = own.dataLink();
            mac = own.dataMac();
        } else {
            link = live;
            mac = wire.deviceMac();
        }
        DeviceIdentity id = device.identity();
        Files.writeString(out.resolve("device.txt"), id.description() + "\n" + id.details() + "\nlink: " + link + "\n");
        return new Session(device, link, wire != null, id, mac, out, timeout, suites, null, profile);
    }

    /**
     * Checks a device file as opening a session will (readable, known type, a usable link), so that a command can
     * report a broken file before a run starts rather than as one harness error per case.
     */
    public static void checkDeviceFile(Path file) {
        liveLinkConfig(Devices.read(file), file.toString());
    }

    /**
     * The tester's side of the wire a device file names ({@code link}), opened, as the device's wire; null for a device
     * that brings its own. Whoever gets it closes its {@link OwnLink#dataLink()}.
     */
    public static OwnLink liveWire(DeviceSpec spec, String origin) {
        LiveLinkConfig c = liveLinkConfig(spec, origin);
        if (c == null) {
            return null;
        }
        FrameLink link = openLiveLink(c);
        byte[] mac = c.deviceMac();
        return new OwnLink() {
            @Override
            public FrameLink dataLink() {
                return link;
            }

            @Override
            public byte[] dataMac() {
                return mac.clone();
            }
        };
    }

    /** Where the tester's live interface is and which MAC the device answers from. */
    record LiveLinkConfig(String iface, byte[] deviceMac) {
        /** Captures the device's frames only: not our own, nor other traffic on a lab segment. */
        String bpfFilter() {
            return "ether src " + HexFormat.ofDelimiter(":").formatHex(deviceMac);
        }
    }

    /**
     * The live link a device file asks for: null for a linux-vm on its UDP socket; a linux-vm on a tap
     * defaults to that tap and the VM's MAC; every other device must name both.
     */
    static LiveLinkConfig liveLinkConfig(DeviceSpec spec, String origin) {
        boolean vm = spec.type().equals("linux-vm");
        if (vm && spec.tap() == null) {
            if (spec.link() != null) {
                throw new HarnessException(origin + ": 'link' needs 'tap' on a linux-vm device (its data NIC is on a "
                        + "UDP socket otherwise)");
            }
            return null;
        }
        DeviceSpec.Link l = spec.link();
        String iface = l != null && l.iface() != null ? l.iface() : vm ? spec.tap() : null;
        String mac = l != null && l.deviceMac() != null ? l.deviceMac() : vm ? LinuxVm.DATA_MAC : null;
        if (iface == null || mac == null) {
            throw new HarnessException(origin + ": a " + spec.type() + " device is driven through a live interface of "
                    + "the tester; add the tester's side of the wire to the device file: link: {interface: <tester NIC "
                    + "cabled to the device>, deviceMac: \"<MAC of the device's port>\"}"
                    + (l == null ? "" : " (missing: " + (iface == null ? "link.interface" : "")
                    + (iface == null && mac == null ? ", " : "") + (mac == null ? "link.deviceMac" : "") + ")"));
        }
        byte[] m;
        try {
            m = HexFormat.ofDelimiter(":").parseHex(mac.trim());
        } catch (IllegalArgumentException e) {
            m = null;
        }
        if (m == null || m.length != 6) {
            throw new HarnessException(origin + ": link.deviceMac '" + mac + "' is not a MAC address "
                    + "(six hex octets separated by ':', e.g. 00:1b:21:aa:bb:cc)");
        }
        return new LiveLinkConfig(iface, m);
    }

    private static FrameLink openLiveLink(LiveLinkConfig c) {
        try {
            return new PcapLiveLink(c.iface(), c.bpfFilter(), 4096);
        } catch (IOException e) {
            throw new HarnessException("cannot open the tester's interface " + c.iface() + " (it must exist, and "
                    + "capturing needs root or CAP_NET_RAW): " + e.getMessage(), e);
        }
    }

    public DeviceUnderTest device() {
        return device;
    }

    public FrameLink link() {
        return link;
    }

    public DeviceIdentity identity() {
        return identity;
    }

    public byte[] deviceMac() {
        return deviceMac.clone();
    }

    public Path outputDir() {
        return outputDir;
    }

    public Duration answerTimeout() {
        return answerTimeout;
    }

    /** The receive profile the device file declares, or null. */
    public ReceiveProfile receiveProfile() {
        return receiveProfile;
    }

    public List<CipherSuite> cipherSuites() {
        return cipherSuites;
    }

    /** Why the device has gone, if it can tell ({@link Liveness}); it is then recorded as lost. */
    Optional<String> deviceGone() {
        if (device == null) {
            return Optional.empty();
        }
        Optional<String> why = device.capability(Liveness.class).flatMap(Liveness::gone);
        why.ifPresent(this::lost);
        return why;
    }

    /**
     * Records that the device stopped answering, so that the remaining cases end as harness errors at once
     * instead of each waiting out its own timeouts.
     */
    void lost(String why) {
        if (lost == null) {
            lost = why;
        }
    }

    @Override
    public void close() {
        if (ownsLink) {
            link.close();
        }
        if (device != null) {
            device.close();
        }
    }
}
