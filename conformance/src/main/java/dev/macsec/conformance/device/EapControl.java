package dev.macsec.conformance.device;

import java.io.IOException;
import java.util.Optional;

/**
 * Capability of a device whose 802.1X Port Access Entity the harness drives in client-oriented MKA (802.1X-2020
 * 6.2.2: the CAK from the MSK of an EAP authentication): an authenticator (hostapd with MACsec, a RADIUS client) or
 * a supplicant (wpa_supplicant with EAP-TLS) on the data port, each creating its KaY once the EAP method succeeds.
 * Certificates and keys are the harness's test PKI, shipped to the device for the case and nowhere else.
 */
public interface EapControl {
    /**
     * The device as authenticator.
     *
     * @param radiusCidr   the address the device's RADIUS client sends from, on its data port (uncontrolled port)
     * @param radiusServer where its Access-Requests go (port 1812)
     * @param secret       the RADIUS shared secret
     * @param mkaPriority  its Key Server priority
     * @param policy       0 should secure, 1 must secure
     */
    record AuthenticatorConfig(String radiusCidr, String radiusServer, String secret, int mkaPriority, int policy) {
        @Override
        public String toString() {
            return "802.1X authenticator[RADIUS from " + radiusCidr + " to " + radiusServer + ":1812, MKA priority "
                    + mkaPriority + ", policy " + policy + "]";
        }
    }

    /**
     * The device as EAP-TLS supplicant.
     *
     * @param identity    its EAP identity
     * @param caPem       the CA it trusts for the server's certificate
     * @param certPem     its certificate
     * @param keyPem      its private key (PEM)
     * @param mkaPriority its Key Server priority
     * @param policy      0 should secure, 1 must secure
     */
    record SupplicantConfig(String identity, String caPem, String certPem, String keyPem, int mkaPriority, int policy) {
        @Override
        public String toString() {
            return "802.1X supplicant[EAP-TLS as " + identity + ", MKA priority " + mkaPriority + ", policy " + policy + "]";
        }
    }

    /** Why the device cannot play the authenticator here, if it cannot (e.g. no hostapd with MACsec in the image). */
    Optional<String> authenticatorUnavailable() throws IOException;

    /** The implementation that plays the authenticator, as the reports name it. */
    String authenticatorName();

    /** The implementation that plays the supplicant, as the reports name it. */
    String supplicantName();

    /** Stops whatever PAE runs, then starts the authenticator. */
    void startAuthenticator(AuthenticatorConfig c) throws IOException;

    /** Stops whatever PAE runs, then starts the supplicant. */
    void startSupplicant(SupplicantConfig c) throws IOException;

    /** The running supplicant sends EAPOL-Logoff (its user logs off). */
    void supplicantLogoff() throws IOException;

    /**
     * Sets the running supplicant's startPeriod and maxStart (802.1X-2020 8.x timers) and restarts its
     * authentication from EAPOL-Start, so the new timers govern the Starts that follow.
     */
    void supplicantRestart(int startPeriodSeconds, int maxStart) throws IOException;

    /** Stops the PAE (and its KaY), removing any macsec interface it left. */
    void stopPae() throws IOException;

    /** The macsec interface (Controlled Port) the PAE's KaY created, or null. */
    String controlledPort() throws IOException;

    /** The last {@code lines} lines of the running PAE's log. */
    String paeLog(int lines) throws IOException;
}
