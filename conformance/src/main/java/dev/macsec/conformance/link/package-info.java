/**
 * Frame links to a device under test: one Ethernet frame in, one out, with no assumption on the
 * medium (a UDP socket to qemu, a live interface through libpcap, a capture file replayed).
 */
package dev.macsec.conformance.link;
