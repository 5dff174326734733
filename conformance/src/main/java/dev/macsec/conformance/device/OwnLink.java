package dev.macsec.conformance.device;

import dev.macsec.conformance.link.FrameLink;

/**
 * Capability of a device that brings its own wire to the tester (a VM's data NIC on a socket), so that the
 * tester needs no live interface; a device without it is reached through the device file's {@code link}.
 */
public interface OwnLink {
    /** The wire to the device's data port; the device owns it, so whoever uses it must not close it. */
    FrameLink dataLink();

    /** The MAC address the device's data port sends from. */
    byte[] dataMac();
}
