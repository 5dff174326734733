package dev.macsec.decode;

import dev.macsec.field.Field;
import dev.macsec.field.FieldType;

import java.util.Map;

/** Minimal fields of what MACsec carries: IPv4, IPv6, ARP, ICMP, ICMPv6, UDP, TCP, LLDP (Wireshark's names). */
public final class InnerFields {
    private InnerFields() {
    }

    public static final Map<Long, String> IP_PROTOCOLS = Map.of(
            1L, "ICMP", 2L, "IGMP", 6L, "TCP", 17L, "UDP", 41L, "IPv6", 47L, "GRE", 50L, "ESP", 58L, "ICMPv6", 89L, "OSPF",
            132L, "SCTP");
    public static final Map<Long, String> ICMP_TYPES = Map.of(
            0L, "Echo (ping) reply", 3L, "Destination unreachable", 5L, "Redirect", 8L, "Echo (ping) request",
            11L, "Time-to-live exceeded", 13L, "Timestamp request", 14L, "Timestamp reply");
    public static final Map<Long, String> ICMPV6_TYPES = Map.ofEntries(
            Map.entry(1L, "Destination Unreachable"), Map.entry(2L, "Packet Too Big"), Map.entry(3L, "Time Exceeded"),
            Map.entry(4L, "Parameter Problem"), Map.entry(128L, "Echo (ping) request"), Map.entry(129L, "Echo (ping) reply"),
            Map.entry(130L, "Multicast Listener Query"), Map.entry(131L, "Multicast Listener Report"),
            Map.entry(132L, "Multicast Listener Done"), Map.entry(133L, "Router Solicitation"),
            Map.entry(134L, "Router Advertisement"), Map.entry(135L, "Neighbor Solicitation"),
            Map.entry(136L, "Neighbor Advertisement"), Map.entry(137L, "Redirect"),
            Map.entry(143L, "Multicast Listener Report Message v2"));
    public static final Map<Long, String> ARP_OPCODES = Map.of(1L, "request", 2L, "reply", 3L, "reverse request",
            4L, "reverse reply");

    public static final Field IP = Field.declare("ip", "Internet Protocol Version 4", FieldType.PROTOCOL, 0, "IPv4 header");
    public static final Field IP_VERSION = Field.bits("ip.version", "Version", FieldType.UINT_DEC, 1, 0xF0, "IP version (4)");
    public static final Field IP_HDR_LEN = Field.bits("ip.hdr_len", "Header Length", FieldType.UINT_DEC, 1, 0x0F,
            "Header length in octets");
    public static final Field IP_LEN = Field.declare("ip.len", "Total Length", FieldType.UINT_DEC, 2, "Datagram length");
    public static final Field IP_TTL = Field.declare("ip.ttl", "Time to Live", FieldType.UINT_DEC, 1, "Hop limit");
    public static final Field IP_PROTO = Field.named("ip.proto", "Protocol", FieldType.UINT_DEC, 1, IP_PROTOCOLS,
            "Upper-layer protocol");
    public static final Field IP_SRC = Field.declare("ip.src", "Source Address", FieldType.IPV4, 4, "IPv4 source address");
    public static final Field IP_DST = Field.declare("ip.dst", "Destination Address", FieldType.IPV4, 4,
            "IPv4 destination address");

    public static final Field IPV6 = Field.declare("ipv6", "Internet Protocol Version 6", FieldType.PROTOCOL, 0, "IPv6 header");
    public static final Field IPV6_PLEN = Field.declare("ipv6.plen", "Payload Length", FieldType.UINT_DEC, 2, "Payload length");
    public static final Field IPV6_NXT = Field.named("ipv6.nxt", "Next Header", FieldType.UINT_DEC, 1,
            Map.of(0L, "IPv6 Hop-by-Hop Option", 6L, "TCP", 17L, "UDP", 43L, "Routing Header for IPv6", 44L, "Fragment Header for IPv6",
                    58L, "ICMPv6", 59L, "No Next Header", 60L, "Destination Options for IPv6"),
            "Type of the header that follows");
    public static final Field IPV6_HLIM = Field.declare("ipv6.hlim", "Hop Limit", FieldType.UINT_DEC, 1, "Hop limit");
    public static final Field IPV6_SRC = Field.declare("ipv6.src", "Source Address", FieldType.STRING, 16,
            "IPv6 source address (RFC 5952 text)");
    public static final Field IPV6_DST = Field.declare("ipv6.dst", "Destination Address", FieldType.STRING, 16,
            "IPv6 destination address (RFC 5952 text)");

    public static final Field ARP = Field.declare("arp", "Address Resolution Protocol", FieldType.PROTOCOL, 0, "ARP packet");
    public static final Field ARP_OPCODE = Field.named("arp.opcode", "Opcode", FieldType.UINT_DEC, 2, ARP_OPCODES, "ARP operation");
    public static final Field ARP_SRC_HW = Field.declare("arp.src.hw_mac", "Sender MAC address", FieldType.MAC, 6, "Sender MAC");
    public static final Field ARP_SRC_IP = Field.declare("arp.src.proto_ipv4", "Sender IP address", FieldType.IPV4, 4, "Sender IPv4");
    public static final Field ARP_DST_HW = Field.declare("arp.dst.hw_mac", "Target MAC address", FieldType.MAC, 6, "Target MAC");
    public static final Field ARP_DST_IP = Field.declare("arp.dst.proto_ipv4", "Target IP address", FieldType.IPV4, 4, "Target IPv4");

    public static final Field ICMP = Field.declare("icmp", "Internet Control Message Protocol", FieldType.PROTOCOL, 0, "ICMP message");
    public static final Field ICMP_TYPE = Field.named("icmp.type", "Type", FieldType.UINT_DEC, 1, ICMP_TYPES, "ICMP type");
    public static final Field ICMP_CODE = Field.declare("icmp.code", "Code", FieldType.UINT_DEC, 1, "ICMP code");

    public static final Field ICMPV6 = Field.declare("icmpv6", "Internet Control Message Protocol v6", FieldType.PROTOCOL, 0,
            "ICMPv6 message");
    public static final Field ICMPV6_TYPE = Field.named("icmpv6.type", "Type", FieldType.UINT_DEC, 1, ICMPV6_TYPES, "ICMPv6 type");
    public static final Field ICMPV6_CODE = Field.declare("icmpv6.code", "Code", FieldType.UINT_DEC, 1, "ICMPv6 code");

    public static final Field UDP = Field.declare("udp", "User Datagram Protocol", FieldType.PROTOCOL, 0, "UDP header");
    public static final Field UDP_SRCPORT = Field.declare("udp.srcport", "Source Port", FieldType.UINT_DEC, 2, "UDP source port");
    public static final Field UDP_DSTPORT = Field.declare("udp.dstport", "Destination Port", FieldType.UINT_DEC, 2,
            "UDP destination port");
    public static final Field UDP_LENGTH = Field.declare("udp.length", "Length", FieldType.UINT_DEC, 2, "UDP length");

    public static final Field TCP = Field.declare("tcp", "Transmission Control Protocol", FieldType.PROTOCOL, 0, "TCP header");
    public static final Field TCP_SRCPORT = Field.declare("tcp.srcport", "Source Port", FieldType.UINT_DEC, 2, "TCP source port");
    public static final Field TCP_DSTPORT = Field.declare("tcp.dstport", "Destination Port", FieldType.UINT_DEC, 2,
            "TCP destination port");

    public static final Field LLDP = Field.declare("lldp", "Link Layer Discovery Protocol", FieldType.PROTOCOL, 0, "LLDPDU");
}
