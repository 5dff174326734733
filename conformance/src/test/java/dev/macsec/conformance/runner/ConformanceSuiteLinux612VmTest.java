package dev.macsec.conformance.runner;

import dev.macsec.conformance.device.linuxvm.LinuxVm;
import dev.macsec.secy.ReceiveProfile;
import org.junit.jupiter.api.Assumptions;

import java.io.IOException;
import java.nio.file.Paths;
import java.util.List;

/**
 * The 802.1AE suite against Linux 6.12 (Debian 13's cloud kernel, devices/linux-vm-6.12.yaml), profile linux-6.12: the
 * whole suite, all four cipher suites (about 2.5 minutes here, as long as the 6.1 run).
 */
class ConformanceSuiteLinux612VmTest extends LinuxKernelSuiteVmTestBase {
    ConformanceSuiteLinux612VmTest() {
        super(Paths.get("devices", "linux-vm-6.12.yaml"), Paths.get("target", "conformance-linux-vm-6.12"),
                ReceiveProfile.LINUX_6_12, List.of(202L, 146L, 52L, 0L, 4L, 0L, 0L), "6.12.");
    }

    /**
     * Debian 13's kernel comes from the package mirror through a private sources list; where that mirror does not
     * serve trixie, this run skips and says why (any other failure of the image build fails it).
     */
    @Override
    void beforeRun() throws IOException {
        try {
            LinuxVm.buildImage("debian-13");
        } catch (LinuxVm.KernelUnobtainableException e) {
            Assumptions.abort("Linux 6.12 cannot be obtained on this machine: " + e.getMessage());
        }
    }
}
