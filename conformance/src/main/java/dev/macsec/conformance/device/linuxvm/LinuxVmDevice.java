package dev.macsec.conformance.device.linuxvm;

import dev.macsec.conformance.device.CommandRunner;
import dev.macsec.conformance.device.EapControl;
import dev.macsec.conformance.device.GuestPae;
import dev.macsec.conformance.device.KayControl;
import dev.macsec.conformance.device.LinuxDevice;
import dev.macsec.conformance.device.Liveness;
import dev.macsec.conformance.device.OwnLink;
import dev.macsec.conformance.device.MkaDaemon;
import dev.macsec.conformance.device.MkadMka;
import dev.macsec.conformance.device.WpaSupplicantMka;
import dev.macsec.conformance.link.UdpLink;

import java.io.IOException;
import java.util.HexFormat;
import java.util.Optional;

/**
 * The Linux kernel in a {@link LinuxVm} as a device under test; its SecY sits on the guest's data0. It brings
 * its own wire (the data NIC's UDP socket, unless the VM is on a tap), tells when qemu has gone, and runs
 * a KaY: wpa_supplicant (the default) or MKAdaemon.
 */
public final class LinuxVmDevice extends LinuxDevice implements OwnLink, Liveness, KayControl, EapControl {
    private static final String DATA_IFACE = "data0";

    private final LinuxVm vm;
    private final boolean ownsVm;
    private final MkaDaemon kay;
    private final GuestPae pae;

    /**
     * @param vm     a booted VM
     * @param ownsVm whether {@link #close()} shuts the VM down too
     */
    public LinuxVmDevice(LinuxVm vm, boolean ownsVm) {
        this(vm, ownsVm, Mka.WPA_SUPPLICANT);
    }

    /** The KaY a linux-vm runs on its data port (device file field {@code mka}). */
    public enum Mka {
        WPA_SUPPLICANT("wpa_supplicant"), MKAD("mkad");

        private final String fieldValue;

        Mka(String fieldValue) {
            this.fieldValue = fieldValue;
        }

        public String fieldValue() {
            return fieldValue;
        }

        /** The value of a device file's {@code mka} field; null for the default, wpa_supplicant. */
        public static Mka byFieldValue(String v) {
            if (v == null) {
                return WPA_SUPPLICANT;
            }
            for (Mka m : values()) {
                if (m.fieldValue.equals(v)) {
                    return m;
                }
            }
            throw new IllegalArgumentException("unknown mka '" + v + "' (expected wpa_supplicant or mkad)");
        }
    }

    /**
     * @param vm     a booted VM
     * @param ownsVm whether {@link #close()} shuts the VM down too
     * @param mka    the KaY it runs
     */
    public LinuxVmDevice(LinuxVm vm, boolean ownsVm, Mka mka) {
        super(ownsVm ? vm : new Unclosable(vm), "linux-vm", DATA_IFACE, "macsec0", "/sbin/ip");
        this.vm = vm;
        this.ownsVm = ownsVm;
        this.kay = mka == Mka.MKAD ? new MkadMka(vm, DATA_IFACE) : new WpaSupplicantMka(vm, DATA_IFACE);
        this.pae = new GuestPae(vm, DATA_IFACE);
    }

    /** Boots a VM that this device owns. */
    public static LinuxVmDevice boot(LinuxVm.Options options) throws IOException {
        return boot(options, Mka.WPA_SUPPLICANT);
    }

    /** Boots a VM that this device owns, running {@code mka} as its KaY. */
    public static LinuxVmDevice boot(LinuxVm.Options options, Mka mka) throws IOException {
        return new LinuxVmDevice(LinuxVm.boot(options), true, mka);
    }

    public LinuxVm vm() {
        return vm;
    }

    @Override
    public <T> Optional<T> capability(Class<T> type) {
        // on a tap the data NIC has no socket of ours: the tester reaches it through the tap like any lab device
        if (type == OwnLink.class && vm.dataLink() == null) {
            return Optional.empty();
        }
        return super.capability(type);
    }

    /** The wire to the device's port (its MAC is {@link LinuxVm#DATA_MAC}); null when the VM is on a tap. */
    @Override
    public UdpLink dataLink() {
        return vm.dataLink();
    }

    @Override
    public byte[] dataMac() {
        return HexFormat.ofDelimiter(":").parseHex(LinuxVm.DATA_MAC);
    }

    @Override
    public Optional<String> gone() {
        return vm.isAlive() ? Optional.empty() : Optional.of("its VM (qemu) is no longer running");
    }

    @Override
    public MkaDaemon kay() {
        return kay;
    }

    @Override
    public CommandRunner shell() {
        return runner();
    }

    public boolean ownsVm() {
        return ownsVm;
    }

    /** Lets several devices share one VM without the first close() shutting it down. */
    private record Unclosable(LinuxVm vm) implements CommandRunner {
        @Override
        public CommandResult run(String script, java.time.Duration timeout) throws IOException {
            return vm.run(script, timeout);
        }

        @Override
        public String describe() {
            return vm.describe();
        }
    }

    // ---------------------------------------------------------------- EapControl: the guest's 802.1X PAE

    @Override
    public Optional<String> authenticatorUnavailable() throws IOException {
        return pae.authenticatorUnavailable();
    }

    @Override
    public String authenticatorName() {
        return pae.authenticatorName();
    }

    @Override
    public String supplicantName() {
        return pae.supplicantName();
    }

    @Override
    public void startAuthenticator(AuthenticatorConfig c) throws IOException {
        kay.stop();
        pae.startAuthenticator(c);
    }

    @Override
    public void startSupplicant(SupplicantConfig c) throws IOException {
        kay.stop();
        pae.startSupplicant(c);
    }

    @Override
    public void supplicantLogoff() throws IOException {
        pae.supplicantLogoff();
    }

    @Override
    public void supplicantRestart(int startPeriodSeconds, int maxStart) throws IOException {
        pae.supplicantRestart(startPeriodSeconds, maxStart);
    }

    @Override
    public void stopPae() throws IOException {
        pae.stopPae();
    }

    @Override
    public String controlledPort() throws IOException {
        return pae.controlledPort();
    }

    @Override
    public String paeLog(int lines) throws IOException {
        return pae.paeLog(lines);
    }
}
