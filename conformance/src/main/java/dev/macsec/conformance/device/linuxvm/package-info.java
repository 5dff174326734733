/** A Linux kernel with MACsec booted in qemu (TCG), with a UDP data link and a shell for management. */
package dev.macsec.conformance.device.linuxvm;
