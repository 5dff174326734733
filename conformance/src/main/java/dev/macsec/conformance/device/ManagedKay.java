package dev.macsec.conformance.device;

import dev.macsec.counter.SecYCounters;
import dev.macsec.suite.CipherSuite;

import java.io.IOException;
import java.util.Optional;
import java.util.Set;

/**
 * Capability of a device whose KaY the 802.1X (MKA) suite can have configured, whoever does it: the harness through
 * the device's shell ({@link ShellKay} over {@link KayControl}), or an operator following printed steps
 * ({@link ManualDevice}). It is what the suite needs beside the wire, and no more: start and stop the KaY with a
 * pre-shared CAK, address the controlled port, ping the tester from it. What a device cannot report is absent
 * ({@link #evidence()} empty, counters not typed in): the case that needs it is then not applicable or inconclusive.
 * Together with the device's wire ({@link OwnLink} or the device file's {@code link}).
 */
public interface ManagedKay {
    /** The KaY as reports name it, e.g. "wpa_supplicant 2.10". */
    String kayName();

    /** The MKA Version Identifier a peer must send at least for this KaY to listen (see {@link MkaDaemon}). */
    int lowestMkaVersionAccepted();

    /**
     * The cipher suites it negotiates through MKA, as far as the harness knows: a device that may support more is
     * asked, and its refusal ({@link Refused}) makes the case not applicable.
     */
    Set<CipherSuite> mkaCipherSuites();

    /**
     * Stops any running instance, then starts the KaY on the port facing the tester with {@code c}.
     *
     * @throws Refused when the device cannot take this configuration (e.g. a cipher suite it lacks)
     */
    void startKay(MkaDaemon.Config c) throws IOException;

    /** Stops the KaY (if running) and removes any SecY it created. */
    void stopKay() throws IOException;

    /**
     * Gives the controlled port (the port itself when MKA created no SecY, as under should-secure with no peer) the
     * address {@code cidr} and a static neighbour entry {@code peerIp} at {@code peerMac}.
     */
    void addressControlledPort(String cidr, String peerIp, String peerMac) throws IOException;

    /** Starts {@code count} pings (one a second, 1 s wait each) from the controlled port to {@code peerIp}. */
    Ping ping(String peerIp, int count) throws IOException;

    /** Pings under way. */
    interface Ping {
        /** How many echo replies came back (waits for the pings to end where the device cannot say earlier). */
        int replies() throws IOException;
    }

    /**
     * The counters of the SecY the KaY created, with the receive SC of {@code peerSci}; a counter the device does not
     * report is absent.
     */
    SecYCounters counters(long peerSci) throws IOException;

    /** The KaY's own view (status, its macsec interface, ip macsec show), supporting evidence only; empty if none. */
    Optional<MkaDaemon> evidence();

    /** The device refused a KaY configuration: the case needing it does not apply to the device. */
    final class Refused extends DeviceException {
        public Refused(String message) {
            super(message);
        }
    }
}
