/**
 * 802.1X with EAP on the harness's side: an authenticator PAE that relays EAP between a supplicant on a frame link
 * and a RADIUS server, taking the MSK from the Access-Accept, so the CAK/CKN of client-oriented MKA can be derived.
 */
package dev.macsec.conformance.eap;
