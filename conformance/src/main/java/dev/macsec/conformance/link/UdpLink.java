package dev.macsec.conformance.link;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.Arrays;

/**
 * A link to qemu's {@code -netdev socket,udp=...,localaddr=...}: qemu carries each Ethernet frame as one
 * UDP datagram, so a datagram socket on the loopback interface is a complete wire to the guest's NIC.
 * Bound before qemu starts so that its port can be handed to qemu without a race.
 */
public final class UdpLink implements FrameLink {
    private static final int MAX_FRAME = 65_535;

    private final DatagramSocket socket;
    private final byte[] rxBuffer = new byte[MAX_FRAME];
    private final DatagramPacket rxPacket = new DatagramPacket(rxBuffer, rxBuffer.length);
    private volatile InetSocketAddress peer;

    private UdpLink(DatagramSocket socket) {
        this.socket = socket;
    }

    /** Binds an ephemeral UDP port on 127.0.0.1; set the peer with {@link #connectTo(int)}. */
    public static UdpLink bindLoopback() {
        try {
            DatagramSocket s = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
            s.setReceiveBufferSize(1 << 20);
            return new UdpLink(s);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot bind a UDP port on 127.0.0.1", e);
        }
    }

    public int localPort() {
        return socket.getLocalPort();
    }

    /** Where frames go: the port qemu listens on ({@code localaddr=127.0.0.1:PORT}). */
    public void connectTo(int peerPort) {
        peer = new InetSocketAddress(InetAddress.getLoopbackAddress(), peerPort);
    }

    @Override
    public void send(byte[] frame, int off, int len) throws IOException {
        InetSocketAddress to = peer;
        if (to == null) {
            throw new IllegalStateException("UdpLink has no peer port yet (connectTo)");
        }
        socket.send(new DatagramPacket(frame, off, len, to));
    }

    @Override
    public synchronized Frame receive(Duration timeout) throws IOException {
        long ms = Math.max(1, timeout.toMillis());
        socket.setSoTimeout((int) Math.min(Integer.MAX_VALUE, ms));
        rxPacket.setData(rxBuffer);
        try {
            socket.receive(rxPacket);
        } catch (SocketTimeoutException e) {
            return null;
        }
        long ts = Frame.nowMicros();
        return new Frame(Arrays.copyOfRange(rxBuffer, 0, rxPacket.getLength()), ts);
    }

    @Override
    public int drain() throws IOException {
        int n = 0;
        while (receive(Duration.ofMillis(1)) != null) {
            n++;
        }
        return n;
    }

    @Override
    public void close() {
        socket.close();
    }

    @Override
    public String toString() {
        return "UdpLink[127.0.0.1:" + socket.getLocalPort() + " -> " + peer + "]";
    }
}
