package dev.macsec.conformance.mka;

import dev.macsec.conformance.device.DeviceSpec;
import dev.macsec.conformance.device.DeviceUnderTest;
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
 * Gives each MKA case an {@link MkaHarness} on the suite's VM (booted once per suite class from the run's device
 * file, shut down when the class ends, so a run of both suites never holds two VMs), reports the case to the
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
        try {
            Path file = ctx.getConfigurationParameter(ConformanceParameters.DEVICE).map(Paths::get)
                    .orElseGet(ConformanceParameters::defaultDeviceFile);
            DeviceSpec spec = Devices.read(file);
            // checked before anything boots, so that a wrong file wastes no boot: only the linux-vm device offers the KaY
            // and own wire the suite needs (MkaDeviceFixture asks the opened device for them)
            if (!"linux-vm".equals(spec.type())) {
                throw new HarnessException(file + ": the 802.1X (MKA) suite runs its KaY (wpa_supplicant or mkad) inside the linux-vm "
                        + "device; this device file is type '" + spec.type() + "' (use conformance/devices/linux-vm.yaml)");
            }
            if (spec.tap() != null) {
                throw new HarnessException(file + ": the 802.1X (MKA) suite drives the VM over its UDP data link; "
                        + "remove 'tap: " + spec.tap() + "' from the device file");
            }
            device = Devices.open(spec, file.toString());
            Path out = Paths.get(ctx.getConfigurationParameter(ConformanceParameters.OUTPUT_DIR)
                    .orElse("target/conformance")).resolve("pcap");
            MkaDeviceFixture fixture = MkaDeviceFixture.on(device, out);
            String description = device.identity().description() + ", " + fixture.kay().name() + " MKA";
            return new Fixture(fixture, description, null);
        } catch (IOException | RuntimeException e) {
            if (device != null) {
                device.close();
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
