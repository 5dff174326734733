package dev.macsec.decode;

import dev.macsec.decode.eap.EapTlsState;
import dev.macsec.decode.eap.RadiusDecoder;
import dev.macsec.decode.eap.RadiusFields;
import dev.macsec.field.Dissection;
import dev.macsec.field.FieldValue;
import dev.macsec.field.Octets;

import static dev.macsec.decode.InnerFields.*;

/**
 * Minimal dissectors for the user data MACsec protects, and for plain frames: IPv4, IPv6, ARP, ICMP, UDP (and RADIUS
 * on its ports), TCP. All bounds come from the caller's captured range.
 */
public final class InnerDecoder {
    public static final int IPV4 = 0x0800;
    public static final int ARP_TYPE = 0x0806;
    public static final int IPV6_TYPE = 0x86DD;
    public static final int LLDP_TYPE = 0x88CC;

    private InnerDecoder() {
    }

    /** A decrypted frame: DA, SA, [VLAN tags], EtherType, payload. Offsets are relative to {@code off}. */
    public static void decodeEthernet(byte[] b, int off, int len, Dissection into) {
        if (b == null || off < 0 || off > b.length) {
            return;
        }
        len = Math.max(0, Math.min(len, b.length - off));
        int end = off + len;
        if (len < 14) {
            into.addExpert(InnerExperts.INNER_TRUNCATED, "Decrypted frame is " + len + " octets, shorter than an "
                    + "Ethernet header", 0, len);
            return;
        }
        FieldValue eth = into.addLayer(EthernetFields.ETH, 0, 14);
        eth.add(EthernetFields.DST, 0, 6, Octets.u48(b, off));
        eth.add(EthernetFields.SRC, 6, 6, Octets.u48(b, off + 6));
        int p = off + 12;
        int type = Octets.u16(b, p);
        int tags = 0;
        while ((type == 0x8100 || type == 0x88A8 || type == 0x9100) && p + 6 <= end && tags++ < 8) {
            p += 4;
            type = Octets.u16(b, p);
        }
        eth.add(EthernetFields.TYPE, p - off, 2, (long) type);
        decodePayload(type, b, off, p + 2, end, into);
    }

    /**
     * Decodes the payload of a known EtherType in {@code b[payload, end)}.
     *
     * @return where the upper-layer PDU ends when it declares its length (IPv4, IPv6, ARP), so the caller can show
     * padding; 0 otherwise
     */
    public static int decodePayload(int type, byte[] b, int frameOff, int payload, int end, Dissection into) {
        return decodePayload(type, b, frameOff, payload, end, into, null);
    }

    /** @param tls what the frames before told of an EAP-TLS handshake in RADIUS, updated by this one; null for none */
    public static int decodePayload(int type, byte[] b, int frameOff, int payload, int end, Dissection into,
                                    EapTlsState tls) {
        if (payload > end) {
            return 0;
        }
        return switch (type) {
            case IPV4 -> ipv4(b, frameOff, payload, end, into, tls);
            case IPV6_TYPE -> ipv6(b, frameOff, payload, end, into, tls);
            case ARP_TYPE -> arp(b, frameOff, payload, end, into);
            case LLDP_TYPE -> {
                into.addLayer(LLDP, payload - frameOff, end - payload);
                yield 0;
            }
            default -> 0;
        };
    }

    private static int ipv4(byte[] b, int base, int p, int end, Dissection into, EapTlsState tls) {
        if (end - p < 20) {
            into.addExpert(InnerExperts.IP_TRUNCATED, "IPv4 header cut short", p - base, end - p);
            return 0;
        }
        int vihl = Octets.u8(b, p);
        int ihl = (vihl & 0x0F) * 4;
        int total = Octets.u16(b, p + 2);
        FieldValue ip = into.addLayer(IP, p - base, Math.min(Math.max(ihl, 20), end - p));
        ip.add(IP_VERSION, p - base, 1, (long) (vihl >> 4));
        ip.add(IP_HDR_LEN, p - base, 1, (long) ihl);
        ip.add(IP_LEN, p - base + 2, 2, (long) total);
        ip.add(IP_TTL, p - base + 8, 1, (long) Octets.u8(b, p + 8));
        int proto = Octets.u8(b, p + 9);
        ip.add(IP_PROTO, p - base + 9, 1, (long) proto);
        ip.add(IP_SRC, p - base + 12, 4, Octets.u32(b, p + 12));
        ip.add(IP_DST, p - base + 16, 4, Octets.u32(b, p + 16));
        if ((vihl >> 4) != 4 || ihl < 20 || total < ihl) {
            into.addExpert(InnerExperts.IP_BOGUS, "Bogus IPv4 header (version " + (vihl >> 4) + ", header length " + ihl
                    + ", total length " + total + ")", p - base, 1);
            return 0;
        }
        int pduEnd = p + total;
        if (pduEnd > end) {
            pduEnd = end;
        }
        boolean firstFragment = (Octets.u16(b, p + 6) & 0x1FFF) == 0;
        if (firstFragment && p + ihl <= pduEnd) {
            transport(proto, b, base, p + ihl, pduEnd, into, tls);
        }
        return Math.min(p + total, end);
    }

    private static int ipv6(byte[] b, int base, int p, int end, Dissection into, EapTlsState tls) {
        if (end - p < 40) {
            into.addExpert(InnerExperts.IPV6_TRUNCATED, "IPv6 header cut short", p - base, end - p);
            return 0;
        }
        FieldValue ip = into.addLayer(IPV6, p - base, 40);
        int plen = Octets.u16(b, p + 4);
        int nxt = Octets.u8(b, p + 6);
        ip.add(IPV6_PLEN, p - base + 4, 2, (long) plen);
        ip.add(IPV6_NXT, p - base + 6, 1, (long) nxt);
        ip.add(IPV6_HLIM, p - base + 7, 1, (long) Octets.u8(b, p + 7));
        ip.add(IPV6_SRC, p - base + 8, 16, ipv6Text(b, p + 8));
        ip.add(IPV6_DST, p - base + 24, 16, ipv6Text(b, p + 24));
        int pduEnd = Math.min(end, p + 40 + plen);
        int q = p + 40;
        // Hop-by-hop, routing and destination options precede MLD and others; skip them, bounded.
        for (int i = 0; i < 8 && (nxt == 0 || nxt == 43 || nxt == 60) && q + 8 <= pduEnd; i++) {
            int next = Octets.u8(b, q);
            q += (Octets.u8(b, q + 1) + 1) * 8;
            nxt = next;
        }
        if (q <= pduEnd) {
            transport(nxt, b, base, q, pduEnd, into, tls);
        }
        return pduEnd;
    }

    private static void transport(int proto, byte[] b, int base, int p, int end, Dissection into, EapTlsState tls) {
        int have = end - p;
        switch (proto) {
            case 1 -> {
                if (have >= 2) {
                    FieldValue icmp = into.addLayer(ICMP, p - base, have);
                    icmp.add(ICMP_TYPE, p - base, 1, (long) Octets.u8(b, p));
                    icmp.add(ICMP_CODE, p - base + 1, 1, (long) Octets.u8(b, p + 1));
                }
            }
            case 58 -> {
                if (have >= 2) {
                    FieldValue icmp = into.addLayer(ICMPV6, p - base, have);
                    icmp.add(ICMPV6_TYPE, p - base, 1, (long) Octets.u8(b, p));
                    icmp.add(ICMPV6_CODE, p - base + 1, 1, (long) Octets.u8(b, p + 1));
                }
            }
            case 17 -> {
                if (have >= 8) {
                    FieldValue udp = into.addLayer(UDP, p - base, 8);
                    int src = Octets.u16(b, p);
                    int dst = Octets.u16(b, p + 2);
                    int udpLen = Octets.u16(b, p + 4);
                    udp.add(UDP_SRCPORT, p - base, 2, (long) src);
                    udp.add(UDP_DSTPORT, p - base + 2, 2, (long) dst);
                    udp.add(UDP_LENGTH, p - base + 4, 2, (long) udpLen);
                    if (RadiusFields.isRadiusPort(src) || RadiusFields.isRadiusPort(dst)) {
                        int payloadEnd = udpLen >= 8 && p + udpLen <= end ? p + udpLen : end;
                        RadiusDecoder.decode(b, base, p + 8, payloadEnd, into, tls);
                    }
                }
            }
            case 6 -> {
                if (have >= 20) {
                    FieldValue tcp = into.addLayer(TCP, p - base, Math.min(have, (Octets.u8(b, p + 12) >> 4) * 4));
                    tcp.add(TCP_SRCPORT, p - base, 2, (long) Octets.u16(b, p));
                    tcp.add(TCP_DSTPORT, p - base + 2, 2, (long) Octets.u16(b, p + 2));
                }
            }
            default -> {
            }
        }
    }

    private static int arp(byte[] b, int base, int p, int end, Dissection into) {
        if (end - p < 8) {
            into.addExpert(InnerExperts.ARP_TRUNCATED, "ARP header cut short", p - base, end - p);
            return 0;
        }
        int hlen = Octets.u8(b, p + 4);
        int plen = Octets.u8(b, p + 5);
        int total = 8 + 2 * (hlen + plen);
        FieldValue arp = into.addLayer(ARP, p - base, Math.min(total, end - p));
        arp.add(ARP_OPCODE, p - base + 6, 2, (long) Octets.u16(b, p + 6));
        if (hlen == 6 && plen == 4 && end - p >= 28) {
            arp.add(ARP_SRC_HW, p - base + 8, 6, Octets.u48(b, p + 8));
            arp.add(ARP_SRC_IP, p - base + 14, 4, Octets.u32(b, p + 14));
            arp.add(ARP_DST_HW, p - base + 18, 6, Octets.u48(b, p + 18));
            arp.add(ARP_DST_IP, p - base + 24, 4, Octets.u32(b, p + 24));
        }
        return Math.min(p + total, end);
    }

    /** RFC 5952 text: lower case, leading zeros dropped, the longest run (2+) of zero groups as "::". */
    public static String ipv6Text(byte[] b, int o) {
        return Octets.ipv6Text(b, o);
    }
}
