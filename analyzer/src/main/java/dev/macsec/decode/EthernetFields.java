package dev.macsec.decode;

import dev.macsec.field.Field;
import dev.macsec.field.FieldType;

import java.util.Map;

/** Ethernet II, Linux cooked capture (v1, v2) and 802.1Q / 802.1ad tag fields. */
public final class EthernetFields {
    private EthernetFields() {
    }

    /** EtherType names shown wherever an EtherType field appears. */
    public static final Map<Long, String> ETHERTYPES = Map.ofEntries(
            Map.entry(0x0800L, "IPv4"),
            Map.entry(0x0806L, "ARP"),
            Map.entry(0x86DDL, "IPv6"),
            Map.entry(0x8100L, "802.1Q Virtual LAN"),
            Map.entry(0x88A8L, "802.1ad Provider Bridge (Q-in-Q)"),
            Map.entry(0x9100L, "VLAN tag (legacy Q-in-Q)"),
            Map.entry(0x888EL, "802.1X Authentication"),
            Map.entry(0x88E5L, "802.1AE (MACsec)"),
            Map.entry(0x88CCL, "802.1 Link Layer Discovery Protocol (LLDP)"),
            Map.entry(0x88F7L, "PTPv2 over Ethernet (IEEE1588)"),
            Map.entry(0x8847L, "MPLS label switched packet"),
            Map.entry(0x8848L, "MPLS multicast label switched packet"),
            Map.entry(0x8809L, "Slow Protocols"));

    public static final Field ETH = Field.declare("eth", "Ethernet II", FieldType.PROTOCOL, 0, "Ethernet II header");
    public static final Field DST = Field.declare("eth.dst", "Destination", FieldType.MAC, 6, "Destination MAC address");
    public static final Field SRC = Field.declare("eth.src", "Source", FieldType.MAC, 6, "Source MAC address");
    public static final Field TYPE = Field.named("eth.type", "Type", FieldType.UINT_HEX, 2, ETHERTYPES,
            "EtherType of what follows the addresses");
    public static final Field LEN = Field.declare("eth.len", "Length", FieldType.UINT_DEC, 2,
            "IEEE 802.3 length field (an LLC frame, not decoded further)");
    public static final Field PADDING = Field.declare("eth.padding", "Padding", FieldType.BYTES, 0,
            "Octets after the end of the upper-layer PDU, added to reach the minimum frame size");
    public static final Field TRAILER = Field.declare("eth.trailer", "Trailer", FieldType.BYTES, 0,
            "Octets after the end of the upper-layer PDU");

    public static final Field SLL = Field.declare("sll", "Linux cooked capture", FieldType.PROTOCOL, 0,
            "Linux cooked-mode capture header (LINKTYPE_LINUX_SLL / SLL2)");
    public static final Field SLL_PKTTYPE = Field.named("sll.pkttype", "Packet type", FieldType.UINT_DEC, 2,
            Map.of(0L, "Unicast to us", 1L, "Broadcast", 2L, "Multicast", 3L, "Unicast to another host", 4L, "Sent by us"),
            "Direction and addressing of the frame as the capturing host saw it");
    public static final Field SLL_HATYPE = Field.named("sll.hatype", "Link-layer address type", FieldType.UINT_DEC, 2,
            Map.of(1L, "Ethernet", 772L, "Loopback"), "ARPHRD_ type of the interface");
    public static final Field SLL_HALEN = Field.declare("sll.halen", "Link-layer address length", FieldType.UINT_DEC, 2,
            "Length of the link-layer address");
    public static final Field SLL_SRC = Field.declare("sll.src.eth", "Source", FieldType.MAC, 6, "Source MAC address");
    public static final Field SLL_IFINDEX = Field.declare("sll.ifindex", "Interface index", FieldType.UINT_DEC, 4,
            "Index of the capturing interface (SLL2)");
    public static final Field SLL_ETYPE = Field.named("sll.etype", "Protocol", FieldType.UINT_HEX, 2, ETHERTYPES,
            "EtherType of the payload");

    public static final Field VLAN = Field.declare("vlan", "802.1Q Virtual LAN", FieldType.PROTOCOL, 0,
            "One 802.1Q or 802.1ad tag");
    public static final Field VLAN_TPID = Field.named("vlan.tpid", "Tag protocol identifier", FieldType.UINT_HEX, 2, ETHERTYPES,
            "0x8100 (C-tag), 0x88a8 (S-tag) or 0x9100 (legacy S-tag)");
    public static final Field VLAN_PRIORITY = Field.bits("vlan.priority", "Priority", FieldType.UINT_DEC, 2, 0xE000,
            "Priority code point (PCP)");
    public static final Field VLAN_DEI = Field.bits("vlan.dei", "DEI", FieldType.BOOLEAN, 2, 0x1000, "Drop eligible indicator");
    public static final Field VLAN_ID = Field.bits("vlan.id", "ID", FieldType.UINT_DEC, 2, 0x0FFF, "VLAN identifier");
    public static final Field VLAN_ETYPE = Field.named("vlan.etype", "Type", FieldType.UINT_HEX, 2, ETHERTYPES,
            "EtherType that follows the tag");
}
