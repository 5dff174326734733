package dev.macsec.decode;

import dev.macsec.decode.eap.EapFields;
import dev.macsec.decode.eap.RadiusFields;
import dev.macsec.decode.mka.EapolDecoder;
import dev.macsec.decode.mka.EapolFields;
import dev.macsec.field.Dissection;
import dev.macsec.field.Field;
import dev.macsec.field.FieldValue;

import static dev.macsec.decode.InnerFields.*;

/** One line for the Info column saying what a (decrypted) frame carries, in the manner of tshark's. */
public final class InnerSummary {
    private InnerSummary() {
    }

    /** Describes a decrypted frame laid out as DA, SA, [VLAN tags], EtherType, payload. */
    public static String describe(byte[] b, int off, int len) {
        Dissection d = new Dissection();
        InnerDecoder.decodeEthernet(b, off, len, d);
        return describe(d);
    }

    /** Describes the upper layers already in a dissection (e.g. an integrity-only MACsec frame, or after decodeInner). */
    public static String describe(Dissection d) {
        FieldValue radius = d.first(RadiusFields.CODE);
        if (radius != null) {
            long code = (Long) radius.value();
            String text = "RADIUS " + RadiusFields.CODES.getOrDefault(code, "code " + code) + " id="
                    + number(d, RadiusFields.ID);
            String eap = eap(d);
            return eap.isEmpty() ? text : text + ", " + eap;
        }
        FieldValue eapolType = d.first(EapolFields.TYPE);
        if (eapolType != null) {
            long type = (Long) eapolType.value();
            if (type == EapolDecoder.TYPE_EAP && d.first(EapFields.CODE) != null) {
                return eap(d);
            }
            if (type == EapolDecoder.TYPE_START || type == EapolDecoder.TYPE_LOGOFF) {
                return "EAPOL-" + EapolFields.PACKET_TYPES.get(type);
            }
        }
        FieldValue arpOp = d.first(ARP_OPCODE);
        if (arpOp != null) {
            long op = (Long) arpOp.value();
            FieldValue spa = d.first(ARP_SRC_IP);
            FieldValue tpa = d.first(ARP_DST_IP);
            FieldValue sha = d.first(ARP_SRC_HW);
            if (op == 1 && spa != null && tpa != null) {
                return "ARP Who has " + tpa.display() + "? Tell " + spa.display();
            }
            if (op == 2 && spa != null && sha != null) {
                return "ARP " + spa.display() + " is at " + sha.display();
            }
            return "ARP " + ARP_OPCODES.getOrDefault(op, "opcode " + op);
        }
        if (d.first(IP) != null) {
            String src = text(d, IP_SRC);
            String dst = text(d, IP_DST);
            long proto = number(d, IP_PROTO);
            return "IPv4 " + transport(d, proto, src, dst);
        }
        if (d.first(IPV6) != null) {
            FieldValue icmp6 = d.first(ICMPV6_TYPE);
            if (icmp6 != null) {
                long type = (Long) icmp6.value();
                String name = type == 143 ? "Multicast Listener Report v2"
                        : ICMPV6_TYPES.getOrDefault(type, "type " + type);
                return "IPv6 ICMPv6 " + name;
            }
            String src = text(d, IPV6_SRC);
            String dst = text(d, IPV6_DST);
            long nxt = d.all(IPV6_NXT).isEmpty() ? -1 : number(d, IPV6_NXT);
            if (d.first(UDP) != null || d.first(TCP) != null) {
                return "IPv6 " + transport(d, d.first(UDP) != null ? 17 : 6, src, dst);
            }
            return "IPv6 " + IPV6_NXT.valueNames().getOrDefault(nxt, "next header " + nxt) + " " + src + " \u2192 " + dst;
        }
        if (d.first(LLDP) != null) {
            return "LLDP";
        }
        long type = lastEtherType(d);
        if (type < 0) {
            return "";
        }
        String name = EthernetFields.ETHERTYPES.get(type);
        return String.format("EtherType 0x%04x", type) + (name != null ? " (" + name + ")" : "");
    }

    /** An EAP packet as tshark's Info column says it ("Request, Identity"), with its identifier and EAP-TLS's flags. */
    private static String eap(Dissection d) {
        FieldValue code = d.first(EapFields.CODE);
        if (code == null) {
            return "";
        }
        long c = (Long) code.value();
        StringBuilder sb = new StringBuilder(48).append("EAP ").append(EapFields.CODES.getOrDefault(c, "code " + c));
        FieldValue type = d.first(EapFields.TYPE);
        if (type != null) {
            long t = (Long) type.value();
            sb.append(", ").append(EapFields.TYPES.getOrDefault(t, "type " + t));
        }
        FieldValue identity = d.first(EapFields.IDENTITY);
        if (identity != null && !identity.display().isEmpty()) {
            sb.append(" \"").append(identity.display()).append('"');
        }
        FieldValue flags = d.first(EapFields.TLS_FLAGS);
        if (flags != null) {
            long f = (Long) flags.value();
            sb.append((f & 0x20) != 0 ? " Start" : "").append((f & 0x80) != 0 ? " L" : "").append((f & 0x40) != 0 ? " M" : "");
            FieldValue len = d.first(EapFields.TLS_LEN);
            if (len != null) {
                sb.append(" TLS length ").append(len.display());
            }
            FieldValue data = d.first(EapFields.TLS_DATA);
            sb.append(data == null ? " (ack)" : "");
            sb.append(d.first(EapFields.TLS_CLIENT_RANDOM) != null ? " Client Hello" : "")
                    .append(d.first(EapFields.TLS_SERVER_RANDOM) != null ? " Server Hello" : "");
        }
        return sb.append(" (id ").append(number(d, EapFields.ID)).append(')').toString();
    }

    private static String transport(Dissection d, long proto, String src, String dst) {
        if (proto == 1) {
            FieldValue type = d.first(ICMP_TYPE);
            if (type != null) {
                long t = (Long) type.value();
                String name = t == 8 ? "echo request" : t == 0 ? "echo reply"
                        : ICMP_TYPES.containsKey(t) ? ICMP_TYPES.get(t).toLowerCase(java.util.Locale.ROOT) : "type " + t;
                return "ICMP " + name + " " + src + " \u2192 " + dst;
            }
        }
        if (proto == 17 && d.first(UDP_SRCPORT) != null) {
            return "UDP " + number(d, UDP_SRCPORT) + " \u2192 " + number(d, UDP_DSTPORT);
        }
        if (proto == 6 && d.first(TCP_SRCPORT) != null) {
            return "TCP " + number(d, TCP_SRCPORT) + " \u2192 " + number(d, TCP_DSTPORT);
        }
        return IP_PROTOCOLS.getOrDefault(proto, "protocol " + proto) + " " + src + " \u2192 " + dst;
    }

    /**
     * The EtherType of what follows the last header decoded (Ethernet, SLL, each VLAN tag, a SecTAG whose data is
     * visible), or -1: behind VLAN tags it is the tags' inner type, not the 0x8100 of the outer Ethernet header.
     */
    public static long lastEtherType(Dissection d) {
        long type = -1;
        for (FieldValue layer : d.layers()) {
            for (FieldValue field : layer.children()) {
                Field f = field.field();
                if (f == EthernetFields.TYPE || f == EthernetFields.VLAN_ETYPE || f == EthernetFields.SLL_ETYPE
                        || f == MacsecFields.ETYPE) {
                    type = (Long) field.value();
                }
            }
        }
        return type;
    }

    private static String text(Dissection d, Field f) {
        FieldValue v = d.first(f);
        return v == null ? "?" : v.display();
    }

    private static long number(Dissection d, Field f) {
        FieldValue v = d.first(f);
        return v == null ? -1 : (Long) v.value();
    }
}
