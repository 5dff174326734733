package dev.macsec.conformance.eap;

import dev.macsec.conformance.generator.Packets;
import dev.macsec.conformance.link.RecordingLink;

import java.net.InetSocketAddress;

/**
 * Puts the RADIUS side of our authenticator into the case's recording, so one pcap holds the whole session (EAPOL,
 * RADIUS, MKA, MACsec) as a switch's two ports would show it. Each datagram our {@link RadiusClient} exchanges with the
 * AAA server is written when it goes or comes, as the IPv4/UDP frame it was on the host's loopback (addresses and
 * ports as they were, no MAC addresses: loopback has none).
 */
final class RadiusRecorder {
    private static final byte[] NO_MAC = new byte[6];

    private RadiusRecorder() {
    }

    static void record(RadiusClient client, RecordingLink link) {
        client.tap((payload, from, to) -> link.record(frame(payload, from, to)));
    }

    static byte[] frame(byte[] payload, InetSocketAddress from, InetSocketAddress to) {
        return Packets.udpFrame(NO_MAC, NO_MAC, from.getAddress().getAddress(), to.getAddress().getAddress(),
                from.getPort(), to.getPort(), payload, 0, payload.length);
    }
}
