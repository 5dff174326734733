package dev.macsec.conformance.device.linuxvm;

import dev.macsec.conformance.device.LinuxDevice;
import dev.macsec.conformance.link.UdpLink;

import java.io.IOException;

/** The Linux kernel in a {@link LinuxVm} as a device under test; its SecY sits on the guest's data0. */
public final class LinuxVmDevice extends LinuxDevice {
    private final LinuxVm vm;
    private final boolean ownsVm;

    /**
     * @param vm     a booted VM
     * @param ownsVm whether {@link #close()} shuts the VM down too
     */
    public LinuxVmDevice(LinuxVm vm, boolean ownsVm) {
        super(ownsVm ? vm : new Unclosable(vm), "linux-vm", "data0", "macsec0", "/sbin/ip");
        this.vm = vm;
        this.ownsVm = ownsVm;
    }

    /** Boots a VM that this device owns. */
    public static LinuxVmDevice boot(LinuxVm.Options options) throws IOException {
        return new LinuxVmDevice(LinuxVm.boot(options), true);
    }

    public LinuxVm vm() {
        return vm;
    }

    /** The wire to the device's port (its MAC is {@link LinuxVm#DATA_MAC}); null when the VM is on a tap. */
    public UdpLink dataLink() {
        return vm.dataLink();
    }

    public boolean ownsVm() {
        return ownsVm;
    }

    /** Lets several devices share one VM without the first close() shutting it down. */
    private record Unclosable(LinuxVm vm) implements dev.macsec.conformance.device.CommandRunner {
        @Override
        public CommandResult run(String script, java.time.Duration timeout) throws IOException {
            return vm.run(script, timeout);
        }

        @Override
        public String describe() {
            return vm.describe();
        }
    }
}
