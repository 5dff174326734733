package dev.macsec.conformance.device;

import dev.macsec.suite.CipherSuite;

import java.io.IOException;
import java.util.Map;
import java.util.Set;

/**
 * An MKA implementation (a KaY, 802.1X-2020 clause 9) on a device's data port that the harness starts with a
 * pre-shared CAK, stops, and reads: wpa_supplicant ({@link WpaSupplicantMka}) or MKAdaemon ({@link MkadMka}). What
 * it says about itself is supporting evidence only; the suite judges it on the wire.
 */
public interface MkaDaemon {
    /**
     * What the harness starts a KaY with: one CA with a pre-shared CAK.
     *
     * @param policy        0 should secure (plaintext allowed when MKA fails), 1 must secure
     * @param integrityOnly integrity only (E=0, C=0)
     * @param replayWindow  replay window (used when replayProtect)
     * @param cipherSuite   the cipher suite it offers and accepts; null for the implementation's default
     */
    record Config(String cakHex, String cknHex, int priority, int policy, boolean integrityOnly,
                  boolean replayProtect, long replayWindow, CipherSuite cipherSuite) {
        public static Config of(String cakHex, String cknHex, int priority) {
            return new Config(cakHex, cknHex, priority, 1, false, false, 0, null);
        }

        public Config withPolicy(int p) {
            return new Config(cakHex, cknHex, priority, p, integrityOnly, replayProtect, replayWindow, cipherSuite);
        }

        public Config withIntegrityOnly(boolean on) {
            return new Config(cakHex, cknHex, priority, policy, on, replayProtect, replayWindow, cipherSuite);
        }

        public Config withReplay(boolean on, long window) {
            return new Config(cakHex, cknHex, priority, policy, integrityOnly, on, window, cipherSuite);
        }

        public Config withCipherSuite(CipherSuite s) {
            return new Config(cakHex, cknHex, priority, policy, integrityOnly, replayProtect, replayWindow, s);
        }

        @Override
        public String toString() {
            return "MKA[CKN " + cknHex + ", " + cakHex.length() * 4 + "-bit CAK, priority " + priority
                    + ", policy " + policy + (integrityOnly ? ", integrity only" : "")
                    + (replayProtect ? ", replay window " + replayWindow : "")
                    + (cipherSuite != null ? ", " + cipherSuite.standardName() : "") + "]";
        }
    }

    /** The implementation and its version, as a report names the device's KaY. */
    String name();

    /**
     * The MKA Version Identifier a peer must send for this KaY to listen at all: wpa_supplicant 2.10 takes any (it
     * sends 1); MKAdaemon discards every MKPDU whose version is not its own 3 (mka_kay_params.c, unless built with
     * MKA_ALLOW_OTHER_VERSIONS).
     */
    int lowestMkaVersionAccepted();

    /**
     * Whether it brings its controlled port (the macsec interface) up and down itself, as the port's
     * enabled state (802.1X-2020 12.2): then the harness must not bring it up, or an unsecured port would pass
     * frames. MKAdaemon does (it creates the port before MKA succeeds, unprotected, and keeps it down); with
     * wpa_supplicant the harness brings it up, and the port has no transmit SA until a SAK is agreed.
     */
    boolean controlsPortState();

    /** The cipher suites it negotiates through MKA (as Key Server and as peer). */
    Set<CipherSuite> mkaCipherSuites();

    /** Stops any running instance, then starts the KaY with {@code c}. */
    void start(Config c) throws IOException;

    /** Stops the KaY (if running) and removes any macsec interface it left. */
    void stop() throws IOException;

    /** What the KaY reports about itself, as key=value pairs (supporting evidence only). */
    Map<String, String> status() throws IOException;

    /** The macsec interface the KaY created, or null. */
    String macsecInterface() throws IOException;

    /** {@code ip -s macsec show} (all interfaces). */
    String macsecShow() throws IOException;

    /** The last {@code lines} lines of its log. */
    String logTail(int lines) throws IOException;

    /** Counts lines of its log matching an extended regular expression. */
    int logCount(String regex) throws IOException;

    /** The data port it runs on. */
    String ifname();
}
