package dev.macsec.conformance.mka;

import dev.macsec.conformance.generator.Packets;

import java.util.Arrays;

/**
 * Just enough of an IPv4 host to prove a secured link carries data: answers ARP requests and ICMP echo
 * requests addressed to one IPv4 address. Frames are DA || SA || EtherType || payload (no VLAN tag).
 */
final class IcmpArp {
    private IcmpArp() {
    }

    static boolean isEchoRequest(byte[] f) {
        return f.length >= 34 + 8 && u16(f, 12) == 0x0800 && (f[14] & 0xF0) == 0x40 && f[23] == 1
                && (f[14 + ((f[14] & 0x0F) * 4)] & 0xFF) == 8;
    }

    /** The answer to an ARP request or echo request for {@code ip}, or null when the frame needs none. */
    static byte[] reply(byte[] f, byte[] mac, byte[] ip) {
        byte[] arp = Packets.arpReply(f, mac, ip);
        if (arp != null) {
            return arp;
        }
        if (!isEchoRequest(f)) {
            return null;
        }
        int ihl = (f[14] & 0x0F) * 4;
        int total = u16(f, 16);
        if (!Arrays.equals(f, 30, 34, ip, 0, 4) || 14 + total > f.length || total < ihl + 8) {
            return null;
        }
        byte[] r = Arrays.copyOf(f, 14 + total);
        System.arraycopy(f, 6, r, 0, 6);
        System.arraycopy(mac, 0, r, 6, 6);
        System.arraycopy(f, 30, r, 26, 4);
        System.arraycopy(f, 26, r, 30, 4);
        r[22] = 64;
        r[24] = 0;
        r[25] = 0;
        put16(r, 24, Packets.checksum(r, 14, ihl));
        int icmp = 14 + ihl;
        r[icmp] = 0;
        r[icmp + 2] = 0;
        r[icmp + 3] = 0;
        put16(r, icmp + 2, Packets.checksum(r, icmp, total - ihl));
        return r;
    }

    private static int u16(byte[] b, int at) {
        return (b[at] & 0xFF) << 8 | (b[at + 1] & 0xFF);
    }

    private static void put16(byte[] b, int at, int v) {
        b[at] = (byte) (v >> 8);
        b[at + 1] = (byte) v;
    }
}
