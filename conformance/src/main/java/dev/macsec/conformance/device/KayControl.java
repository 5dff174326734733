package dev.macsec.conformance.device;

/**
 * Capability of a device whose KaY the harness drives: an MKA implementation (wpa_supplicant or MKAdaemon) on the data port, started and
 * read by the harness, and a shell to address the controlled port the KaY creates and to ping from it.
 * The 802.1X (MKA) suite needs it, together with {@link OwnLink}.
 */
public interface KayControl {
    /** The device's KaY on its data port. */
    MkaDaemon kay();

    /** Where the harness's commands run on the device. */
    CommandRunner shell();
}
