package dev.macsec.conformance.device;

/**
 * Capability of a device whose KaY the harness drives: an MKA implementation (wpa_supplicant or MKAdaemon) on the data port, started and
 * read by the harness, and a shell to address the controlled port the KaY creates and to ping from it.
 * The 802.1X (MKA) suite drives it as a {@link ManagedKay} ({@link ShellKay}); interop and the EAP cases use the
 * daemon and the shell themselves.
 */
public interface KayControl {
    /** The device's KaY on its data port. */
    MkaDaemon kay();

    /** Where the harness's commands run on the device. */
    CommandRunner shell();
}
