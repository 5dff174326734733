package dev.macsec.conformance.eap;

import dev.macsec.conformance.generator.Packets;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The tester's RADIUS presence on the data link: an IPv4 host at {@code ownIp} that answers ARP for its address and
 * relays the RADIUS datagrams a device sends it (to ports 1812 and 1813) to a RADIUS server on the host, over a UDP
 * socket on 127.0.0.1, and the server's answers back to the device as frames. A device in a guest that reaches the
 * host only through the harness's data link (hostapd in the qemu guest) thus talks to FreeRADIUS on the host, which
 * sees every request come from 127.0.0.1 (its client entry) whatever the device's address.
 * <p>
 * The payload is relayed unchanged: the authenticators hold, since RADIUS's cover the packet and not the addresses.
 * An answer goes back to the requester (MAC, IPv4 address, UDP port) of the last request of its Identifier to that
 * port. Frames from the link are not trusted: lengths are checked against what the frame holds, IPv4 options are
 * skipped, and fragments, bad IPv4 header checksums and packets too short for RADIUS are dropped. Not thread-safe:
 * one harness loop calls {@link #receive} and {@link #poll}.
 */
public final class RadiusRelay implements AutoCloseable {
    public static final int AUTH_PORT = 1812;
    public static final int ACCT_PORT = 1813;
    /** RFC 2865 3: a RADIUS packet is 20 to 4096 octets. */
    private static final int MIN_RADIUS = 20;
    private static final int MAX_RADIUS = 4096;

    private final byte[] ownMac;
    private final byte[] ownIp;
    private final InetSocketAddress authServer;
    private final InetSocketAddress acctServer;
    private final DatagramChannel channel;
    private final ByteBuffer buffer = ByteBuffer.allocate(MAX_RADIUS + 1);
    /** By (our port << 8 | RADIUS Identifier): who asked last. */
    private final Map<Integer, Requester> requesters = new HashMap<>();
    private int forwarded;
    private int answered;
    private int dropped;

    private record Requester(byte[] mac, byte[] ip, int port) {
    }

    /**
     * @param ownMac the relay's MAC address on the data link
     * @param ownIp  its IPv4 address there, the one the device's RADIUS client is configured with
     * @param server the RADIUS server's authentication address (port 1812 usually); accounting goes to the next port
     */
    public RadiusRelay(byte[] ownMac, byte[] ownIp, InetSocketAddress server) throws IOException {
        if (ownMac.length != 6 || ownIp.length != 4) {
            throw new IllegalArgumentException("the relay needs a 6-octet MAC and a 4-octet IPv4 address");
        }
        this.ownMac = ownMac.clone();
        this.ownIp = ownIp.clone();
        this.authServer = server;
        this.acctServer = new InetSocketAddress(server.getAddress(), server.getPort() + 1);
        this.channel = DatagramChannel.open();
        channel.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        channel.configureBlocking(false);
    }

    /**
     * Takes one frame from the data link: null when it is not for the relay; the ARP reply for an ARP request asking
     * for our address; for a UDP datagram to our address at 1812 or 1813, an empty list, its payload forwarded to the
     * server (or dropped when malformed).
     */
    public List<byte[]> receive(byte[] frame) throws IOException {
        if (frame.length < 14) {
            return null;
        }
        int type = u16(frame, 12);
        if (type == Packets.ETH_ARP) {
            byte[] reply = Packets.arpReply(frame, ownMac, ownIp);
            return reply == null ? null : List.of(reply);
        }
        if (type != Packets.ETH_IPV4 || frame.length < 14 + 20 || !Arrays.equals(frame, 0, 6, ownMac, 0, 6)
                || (frame[14] & 0xF0) != 0x40 || !Arrays.equals(frame, 30, 34, ownIp, 0, 4)) {
            return null;
        }
        int ihl = (frame[14] & 0x0F) * 4;
        int total = u16(frame, 16);
        // a frame may be longer than its datagram (Ethernet padding), never shorter
        if (ihl < 20 || total < ihl || 14 + total > frame.length || Packets.checksum(frame, 14, ihl) != 0) {
            return drop();
        }
        if ((frame[14 + 9] & 0xFF) != Packets.IP_UDP) {
            return null;
        }
        // More Fragments set or a fragment offset: we do not reassemble, and RADIUS's hosts do not fragment
        if ((u16(frame, 20) & 0x3FFF) != 0) {
            return drop();
        }
        int udp = 14 + ihl;
        if (total - ihl < 8) {
            return drop();
        }
        int port = u16(frame, udp + 2);
        if (port != AUTH_PORT && port != ACCT_PORT) {
            return null;
        }
        int udpLength = u16(frame, udp + 4);
        if (udpLength < 8 + MIN_RADIUS || udpLength > total - ihl || udpLength - 8 > MAX_RADIUS) {
            return drop();
        }
        int payload = udp + 8;
        int identifier = frame[payload + 1] & 0xFF;
        requesters.put(port << 8 | identifier, new Requester(Arrays.copyOfRange(frame, 6, 12),
                Arrays.copyOfRange(frame, 26, 30), u16(frame, udp)));
        if (channel.send(ByteBuffer.wrap(frame, payload, udpLength - 8), port == AUTH_PORT ? authServer : acctServer) == 0) {
            // the socket's send buffer is full: lost like a datagram on a busy link, the requester retransmits
            return drop();
        }
        forwarded++;
        return List.of();
    }

    /**
     * Without blocking, the server's answers since the last call, each as a frame from our MAC, address and port to
     * the requester; answers from elsewhere, or to an Identifier nobody asked with, are dropped.
     */
    public List<byte[]> poll() throws IOException {
        List<byte[]> out = new ArrayList<>();
        while (true) {
            buffer.clear();
            SocketAddress from = channel.receive(buffer);
            if (from == null) {
                return out;
            }
            buffer.flip();
            int port = from.equals(authServer) ? AUTH_PORT : from.equals(acctServer) ? ACCT_PORT : -1;
            int len = buffer.remaining();
            if (port < 0 || len < MIN_RADIUS || len > MAX_RADIUS) {
                dropped++;
                continue;
            }
            byte[] b = buffer.array();
            Requester r = requesters.get(port << 8 | (b[1] & 0xFF));
            if (r == null) {
                dropped++;
                continue;
            }
            out.add(Packets.udpFrame(r.mac(), ownMac, ownIp, r.ip(), port, r.port(), b, 0, len));
            answered++;
        }
    }

    /** Requests sent on to the server. */
    public int forwarded() {
        return forwarded;
    }

    /** Answers sent back to a requester. */
    public int answered() {
        return answered;
    }

    /** Datagrams for the relay it could not use: malformed, fragmented, or answers with nobody to go to. */
    public int dropped() {
        return dropped;
    }

    /** Where the server sees the requests come from. */
    public InetSocketAddress localAddress() throws IOException {
        return (InetSocketAddress) channel.getLocalAddress();
    }

    @Override
    public void close() throws IOException {
        channel.close();
    }

    @Override
    public String toString() {
        return "RadiusRelay[" + authServer + ", forwarded " + forwarded + ", answered " + answered + ", dropped "
                + dropped + "]";
    }

    private List<byte[]> drop() {
        dropped++;
        return List.of();
    }

    private static int u16(byte[] b, int at) {
        return (b[at] & 0xFF) << 8 | (b[at + 1] & 0xFF);
    }
}
