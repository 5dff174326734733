/** Conformance harness: links, device adapters, traffic generator and the 802.1AE / 802.1X suites. */
package dev.macsec.conformance;
