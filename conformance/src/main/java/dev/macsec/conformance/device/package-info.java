/**
 * Devices under test: one {@link dev.macsec.conformance.device.DeviceUnderTest} contract to configure
 * a SecY, its SCs and SAs and read its 802.1AE counters, with adapters for a Linux kernel (in qemu or
 * over ssh) and for a device an operator configures by hand.
 */
package dev.macsec.conformance.device;
