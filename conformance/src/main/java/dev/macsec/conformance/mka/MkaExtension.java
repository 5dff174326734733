package dev.macsec.conformance.mka;

import dev.macsec.conformance.device.DeviceSpec;
import dev.macsec.conformance.device.DeviceUnderTest;
import dev.macsec.conformance.device.OwnLink;
import dev.macsec.conformance.suite.Session;
import dev.macsec.conformance.devicefile.Devices;
import dev.macsec.conformance.suite.ConformanceExtension;
import dev.macsec.conformance.suite.ConformanceFailure;
import dev.macsec.conformance.suite.ConformanceParameters;
import dev.macsec.conformance.suite.HarnessException;
import io.qameta.allure.Allure;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.jupiter.api.extension.TestExecutionExceptionHandler;
import org.opentest4j.TestAbortedException;

import java.io.IOException;
import java.nio.file.Path;
import java.nio.file.Paths;

/**
 * Gives each MKA case an {@link MkaHarness} on the suite's device (a VM booted once per suite class from the run's device
 * file, shut down when the class ends, so a run of both suites never holds two VMs; or a manual device, reached through
 * the tester's interface its file names), reports the case to the
 * runner with the same entries as the 802.1AE suite, and attaches the exchange afterwards.
 */
public final class MkaExtension implements ParameterResolver, AfterEachCallback, TestExecutionExceptionHandler {
    private static final ExtensionContext.Namespace NS = ExtensionContext.Namespace.create(MkaExtension.class);

    /** The suite's VM, or why there is none: every case then fails with the same reason, without a reboot. */
    record Fixture(MkaDeviceFixture fixture, String device, RuntimeException failure)
            implements ExtensionContext.Store.CloseableResource {
        @Override
        public void close() {
            if (fixture != null) {
                fixture.close();
            }
        }
    }

    @Override
    public boolean supportsParameter(ParameterContext p, ExtensionContext ctx) {
        return p.getParameter().getType() == MkaHarness.class;
    }

    @Override
    public Object resolveParameter(ParameterContext p, ExtensionContext ctx) {
        return ctx.getStore(NS).getOrComputeIfAbsent(MkaHarness.class, k -> new MkaHarness(ctx, fixture(ctx)),
                MkaHarness.class);
    }

    private static MkaHarness.Lazy fixture(ExtensionContext ctx) {
        ExtensionContext classCtx = ctx;
        while (classCtx.getTestMethod().isPresent() && classCtx.getParent().isPresent()) {
            classCtx = classCtx.getParent().get();
        }
        ExtensionContext.Store store = classCtx.getStore(NS);
        return () -> {
            Fixture f = store.getOrComputeIfAbsent(Fixture.class, k -> open(ctx), Fixture.class);
            if (f.failure() != null) {
                throw new HarnessException("device not available: " + f.failure().getMessage(), f.failure());
            }
            return f;
        };
    }

    private static Fixture open(ExtensionContext ctx) {
        DeviceUnderTest device = null;
        OwnLink live = null;
        try {
            Path file = ctx.getConfigurationParameter(ConformanceParameters.DEVICE).map(Paths::get)
                    .orElseGet(ConformanceParameters::defaultDeviceFile);
            DeviceSpec spec = Devices.read(file);
            // checked before anything boots, so that a wrong file wastes no boot: the linux-vm device runs a KaY the
            // harness drives, a manual device one its operator configures (MkaDeviceFixture asks the opened device)
            boolean manual = "manual".equals(spec.type());
            if (!"linux-vm".equals(spec.type()) && !manual) {
                throw new HarnessException(file + ": the 802.1X (MKA) suite runs against the linux-vm device's KaY "
                        + "(wpa_supplicant or mkad) or a manual device's; this device file is type '" + spec.type()
                        + "' (use conformance/devices/linux-vm.yaml, or type: manual with a link)");
            }
            if (spec.tap() != null) {
                throw new HarnessException(file + ": the 802.1X (MKA) suite drives the VM over its UDP data link; "
                        + "remove 'tap: " + spec.tap() + "' from the device file");
            }
            // a manual device is reached through the tester's interface the device file names, like the 802.1AE suite's
            live = manual ? Session.liveWire(spec, file.toString()) : null;
            device = Devices.open(spec, file.toString());
            Path out = Paths.get(ctx.getConfigurationParameter(ConformanceParameters.OUTPUT_DIR)
                    .orElse("target/conformance")).resolve("pcap");
            MkaDeviceFixture fixture = MkaDeviceFixture.on(device, live, out);
            String description = device.identity().description() + ", " + fixture.managedKay().kayName() + " MKA";
            return new Fixture(fixture, description, null);
        } catch (IOException | RuntimeException e) {
            if (device != null) {
                device.close();
            }
            if (live != null) {
                live.dataLink().close();
            }
            RuntimeException r = e instanceof RuntimeException re ? re : new HarnessException(e.getMessage(), e);
            return new Fixture(null, null, r);
        }
    }

    @Override
    public void handleTestExecutionException(ExtensionContext ctx, Throwable t) throws Throwable {
        if (t instanceof ConformanceFailure) {
            Allure.label("tag", ConformanceExtension.TAG_FAILURE);
        } else if (!(t instanceof TestAbortedException)) {
            Allure.label("tag", ConformanceExtension.TAG_HARNESS_ERROR);
        }
        throw t;
    }

    @Override
    public void afterEach(ExtensionContext ctx) {
        MkaHarness h;
        try {
            h = ctx.getStore(NS).remove(MkaHarness.class, MkaHarness.class);
        } catch (RuntimeException e) {
            h = null;
        }
        if (h == null) {
            // the harness could not even be created: label from the method's display name
            MkaHarness.labelFromDisplayName(ctx);
            return;
        }
        h.finish();
    }
}
