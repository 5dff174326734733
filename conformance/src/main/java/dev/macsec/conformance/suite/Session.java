package dev.macsec.conformance.suite;

import dev.macsec.conformance.device.DeviceIdentity;
import dev.macsec.conformance.device.DeviceUnderTest;
import dev.macsec.conformance.device.Devices;
import dev.macsec.conformance.device.linuxvm.LinuxVm;
import dev.macsec.conformance.device.linuxvm.LinuxVmDevice;
import dev.macsec.conformance.link.UdpLink;
import dev.macsec.crypto.CipherSuite;
import org.junit.jupiter.api.extension.ExtensionContext;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;

/**
 * One device for a whole run, shared by every suite class through the root extension store: opened
 * (a VM booted) on first use, closed when the JUnit Platform closes the root context, and by the VM's
 * shutdown hook on Ctrl-C. A failure to open is remembered, so every case reports it without retrying.
 */
public final class Session implements ExtensionContext.Store.CloseableResource {
    private static final ExtensionContext.Namespace NS = ExtensionContext.Namespace.create(Session.class);

    private final DeviceUnderTest device;
    private final UdpLink link;
    private final DeviceIdentity identity;
    private final byte[] deviceMac;
    private final Path outputDir;
    private final Duration answerTimeout;
    private final List<CipherSuite> cipherSuites;
    private final RuntimeException failure;
    /** Why the device stopped answering (null while it answers): later cases then fail at once. */
    private volatile String lost;

    private Session(DeviceUnderTest device, UdpLink link, DeviceIdentity identity, byte[] deviceMac, Path outputDir,
                    Duration answerTimeout, List<CipherSuite> suites, RuntimeException failure) {
        this.device = device;
        this.link = link;
        this.identity = identity;
        this.deviceMac = deviceMac;
        this.outputDir = outputDir;
        this.answerTimeout = answerTimeout;
        this.cipherSuites = suites;
        this.failure = failure;
    }

    /** The run's session; a {@link HarnessException} when the device could not be opened. */
    public static Session get(ExtensionContext ctx) {
        Session s = ctx.getRoot().getStore(NS).getOrComputeIfAbsent(Session.class, k -> open(ctx), Session.class);
        if (s.failure != null) {
            throw new HarnessException("device not available: " + s.failure.getMessage(), s.failure);
        }
        s.vmGone();
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
        try {
            Files.createDirectories(out);
            Path file = ctx.getConfigurationParameter(ConformanceParameters.DEVICE).map(Paths::get)
                    .orElseGet(ConformanceParameters::defaultDeviceFile);
            device = Devices.open(file);
            if (!(device instanceof LinuxVmDevice vmDevice)) {
                String type = device.identity().kind();
                throw new HarnessException("no frame link to a " + type + " device yet: the suite drives "
                        + "linux-vm devices (a live-interface link for the others is not wired up)");
            }
            DeviceIdentity id = device.identity();
            Files.writeString(out.resolve("device.txt"), id.description() + "\n" + id.details() + "\n");
            return new Session(device, vmDevice.dataLink(), id, HexFormat.ofDelimiter(":").parseHex(LinuxVm.DATA_MAC),
                    out, timeout, suites, null);
        } catch (IOException | RuntimeException e) {
            if (device != null) {
                device.close();
            }
            RuntimeException r = e instanceof RuntimeException re ? re : new HarnessException(e.getMessage(), e);
            return new Session(null, null, null, null, out, timeout, suites, r);
        }
    }

    public DeviceUnderTest device() {
        return device;
    }

    public UdpLink link() {
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

    public List<CipherSuite> cipherSuites() {
        return cipherSuites;
    }

    /** Whether the device is a VM that is no longer running (then recorded as lost). */
    boolean vmGone() {
        if (device instanceof LinuxVmDevice vm && !vm.vm().isAlive()) {
            lost("its VM (qemu) is no longer running");
            return true;
        }
        return false;
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
        if (device != null) {
            device.close();
        }
    }
}
