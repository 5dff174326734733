/**
 * Our side of 802.1X with EAP (issue 19), both roles: as authenticator, {@link dev.macsec.conformance.eap.Authenticator}
 * (an authenticator PAE relaying EAP between a supplicant on a frame link and a RADIUS server) with
 * {@link dev.macsec.conformance.eap.RadiusClient}, which takes the MSK from the Access-Accept; as supplicant,
 * {@link dev.macsec.conformance.eap.Supplicant} (the EAPOL exchange) with {@link dev.macsec.conformance.eap.EapTlsPeer},
 * an EAP-TLS peer (RFC 5216, RFC 9190) on Bouncy Castle's TLS client. Either way the MSK keys the MKA that follows
 * (802.1X-2020 6.2.2). The AAA side of the tests: {@link dev.macsec.conformance.eap.TestPki} (certificates made at
 * run time), {@link dev.macsec.conformance.eap.FreeRadiusServer}, and {@link dev.macsec.conformance.eap.RadiusRelay},
 * which carries a guest's RADIUS between the data link and that server.
 */
package dev.macsec.conformance.eap;
