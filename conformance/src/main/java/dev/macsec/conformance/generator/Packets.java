package dev.macsec.conformance.generator;

import java.nio.ByteBuffer;
import java.util.Arrays;

/**
 * IPv4 frames the harness builds: ICMP echoes (what the generator sends so that a device answers, and how its answers
 * read), ARP replies and UDP datagrams (the harness answering as a host on the data link). Frames are DA || SA ||
 * EtherType || payload, no VLAN tag.
 */
public final class Packets {
    public static final int ETH_IPV4 = 0x0800;
    public static final int ETH_ARP = 0x0806;
    public static final int IP_UDP = 17;
    /** Octets of Ethernet, IPv4 (no options) and UDP headers before a datagram's payload. */
    public static final int UDP_OVERHEAD = 14 + 20 + 8;
    private static final int ARP_LENGTH = 14 + 28;
    /** Octets of an echo request's user data before its ICMP data: EtherType, IPv4 header, ICMP header. */
    public static final int ECHO_OVERHEAD = 2 + 20 + 8;
    /** ICMP identifier of every echo the generator sends ("MS"). */
    public static final int ECHO_ID = 0x4d53;

    private Packets() {
    }

    /** User data (EtherType onwards) of an IPv4 ICMP echo request. */
    public static byte[] echoRequest(byte[] srcIp, byte[] dstIp, int id, int seq, byte[] data) {
        ByteBuffer icmp = ByteBuffer.allocate(8 + data.length);
        icmp.put((byte) 8).put((byte) 0).putShort((short) 0).putShort((short) id).putShort((short) seq).put(data);
        byte[] ic = icmp.array();
        int cs = checksum(ic, 0, ic.length);
        ic[2] = (byte) (cs >> 8);
        ic[3] = (byte) cs;
        ByteBuffer ip = ByteBuffer.allocate(20);
        ip.put((byte) 0x45).put((byte) 0).putShort((short) (20 + ic.length)).putShort((short) seq)
                .putShort((short) 0x4000).put((byte) 64).put((byte) 1).putShort((short) 0).put(srcIp).put(dstIp);
        byte[] iph = ip.array();
        int hcs = checksum(iph, 0, iph.length);
        iph[10] = (byte) (hcs >> 8);
        iph[11] = (byte) hcs;
        return ByteBuffer.allocate(2 + 20 + ic.length).putShort((short) ETH_IPV4).put(iph).put(ic).array();
    }

    /**
     * The sequence number of an ICMP echo reply with our identifier in a plaintext frame (DA || SA || user
     * data, no VLAN tag), or -1 when the frame is something else.
     */
    public static int echoReplySeq(byte[] frame, int off, int len) {
        if (len < 12 + ECHO_OVERHEAD) {
            return -1;
        }
        int p = off + 12;
        if (u16(frame, p) != ETH_IPV4 || (frame[p + 2] & 0xF0) != 0x40) {
            return -1;
        }
        int ihl = (frame[p + 2] & 0x0F) * 4;
        if ((frame[p + 2 + 9] & 0xFF) != 1 || len < 12 + 2 + ihl + 8) {
            return -1;
        }
        int icmp = p + 2 + ihl;
        if ((frame[icmp] & 0xFF) != 0 || u16(frame, icmp + 4) != ECHO_ID) {
            return -1;
        }
        return u16(frame, icmp + 6);
    }

    /** An Ethernet ARP request (RFC 826) from {@code mac}/{@code ip}, broadcast, asking for {@code target}. */
    public static byte[] arpRequest(byte[] mac, byte[] ip, byte[] target) {
        byte[] f = new byte[ARP_LENGTH];
        Arrays.fill(f, 0, 6, (byte) 0xFF);
        System.arraycopy(mac, 0, f, 6, 6);
        put16(f, 12, ETH_ARP);
        put16(f, 14, 1);
        put16(f, 16, ETH_IPV4);
        f[18] = 6;
        f[19] = 4;
        put16(f, 20, 1);
        System.arraycopy(mac, 0, f, 22, 6);
        System.arraycopy(ip, 0, f, 28, 4);
        System.arraycopy(target, 0, f, 38, 4);
        return f;
    }

    /**
     * The ARP reply (RFC 826) to an Ethernet/IPv4 ARP request frame asking for {@code ip}, telling {@code mac}; null
     * when the frame is no such request.
     */
    public static byte[] arpReply(byte[] f, byte[] mac, byte[] ip) {
        if (f.length < ARP_LENGTH || u16(f, 12) != ETH_ARP || u16(f, 14) != 1 || u16(f, 16) != ETH_IPV4
                || f[18] != 6 || f[19] != 4 || u16(f, 20) != 1 || !Arrays.equals(f, 38, 42, ip, 0, 4)) {
            return null;
        }
        byte[] r = Arrays.copyOf(f, ARP_LENGTH);
        System.arraycopy(f, 6, r, 0, 6);
        System.arraycopy(mac, 0, r, 6, 6);
        r[21] = 2;
        System.arraycopy(mac, 0, r, 22, 6);
        System.arraycopy(ip, 0, r, 28, 4);
        System.arraycopy(f, 22, r, 32, 10);
        return r;
    }

    /**
     * An Ethernet frame of one IPv4 UDP datagram (no IP options, Don't Fragment), with the IPv4 header checksum and the
     * UDP checksum over the pseudo-header (RFC 768).
     */
    public static byte[] udpFrame(byte[] dstMac, byte[] srcMac, byte[] srcIp, byte[] dstIp, int srcPort, int dstPort,
                                  byte[] payload, int off, int len) {
        int udpLength = 8 + len;
        if (20 + udpLength > 0xFFFF) {
            throw new IllegalArgumentException("UDP payload of " + len + " octets does not fit an IPv4 datagram");
        }
        byte[] f = new byte[UDP_OVERHEAD + len];
        System.arraycopy(dstMac, 0, f, 0, 6);
        System.arraycopy(srcMac, 0, f, 6, 6);
        put16(f, 12, ETH_IPV4);
        f[14] = 0x45;
        put16(f, 16, 20 + udpLength);
        put16(f, 20, 0x4000);
        f[22] = 64;
        f[23] = IP_UDP;
        System.arraycopy(srcIp, 0, f, 26, 4);
        System.arraycopy(dstIp, 0, f, 30, 4);
        put16(f, 24, checksum(f, 14, 20));
        put16(f, 34, srcPort);
        put16(f, 36, dstPort);
        put16(f, 38, udpLength);
        System.arraycopy(payload, off, f, 42, len);
        // the pseudo-header (source and destination address, zero, protocol, UDP length) goes just before the UDP
        // header for the sum, in the octets the IPv4 header's TTL..destination held, and back afterwards
        byte[] saved = Arrays.copyOfRange(f, 22, 34);
        System.arraycopy(saved, 4, f, 22, 8);
        f[30] = 0;
        f[31] = IP_UDP;
        put16(f, 32, udpLength);
        int udpSum = checksum(f, 22, 12 + udpLength);
        System.arraycopy(saved, 0, f, 22, 12);
        // RFC 768: a computed zero is sent as all ones, zero meaning no checksum
        put16(f, 40, udpSum == 0 ? 0xFFFF : udpSum);
        return f;
    }

    private static void put16(byte[] b, int at, int v) {
        b[at] = (byte) (v >> 8);
        b[at + 1] = (byte) v;
    }

    private static int u16(byte[] b, int at) {
        return (b[at] & 0xFF) << 8 | (b[at + 1] & 0xFF);
    }

    /** The Internet checksum (RFC 1071). */
    public static int checksum(byte[] b, int off, int len) {
        long sum = 0;
        int end = off + len;
        for (int i = off; i + 1 < end; i += 2) {
            sum += ((b[i] & 0xFF) << 8) | (b[i + 1] & 0xFF);
        }
        if ((len & 1) != 0) {
            sum += (b[end - 1] & 0xFF) << 8;
        }
        while ((sum >> 16) != 0) {
            sum = (sum & 0xFFFF) + (sum >> 16);
        }
        return (int) (~sum & 0xFFFF);
    }
}
