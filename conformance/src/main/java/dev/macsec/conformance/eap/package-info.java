/**
 * Our side of 802.1X with EAP (issue 19): {@link dev.macsec.conformance.eap.Supplicant}, the supplicant's EAPOL
 * exchange, and {@link dev.macsec.conformance.eap.EapTlsPeer}, an EAP-TLS peer (RFC 5216, RFC 9190) on Bouncy Castle's
 * TLS client, whose MSK keys the MKA that follows (802.1X-2020 6.2.2).
 */
package dev.macsec.conformance.eap;
