package dev.macsec.conformance.generator;

import java.nio.ByteBuffer;

/** IPv4 ICMP echo frames: what the generator sends so that a device answers, and how its answers read. */
public final class Packets {
    public static final int ETH_IPV4 = 0x0800;
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
