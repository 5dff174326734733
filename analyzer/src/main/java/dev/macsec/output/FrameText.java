package dev.macsec.output;

import dev.macsec.analysis.FrameRecord;
import dev.macsec.analysis.MkaView;
import dev.macsec.decode.EthernetFields;
import dev.macsec.decode.InnerFields;
import dev.macsec.decode.InnerSummary;
import dev.macsec.decode.LinkLayer;
import dev.macsec.decode.SecTagRule;
import dev.macsec.decode.eap.EapFields;
import dev.macsec.decode.eap.RadiusFields;
import dev.macsec.decode.mka.EapolFields;
import dev.macsec.decode.mka.Mkpdu;
import dev.macsec.decode.mka.ParameterSet;
import dev.macsec.field.Dissection;
import dev.macsec.field.Expert;
import dev.macsec.field.FieldFormat;
import dev.macsec.field.FieldValue;
import dev.macsec.field.Octets;
import dev.macsec.field.Severity;
import dev.macsec.secy.Verdict;
import java.util.List;
import java.util.Locale;

/** The words a person reads for one frame: protocol, addresses and the Info column. */
public final class FrameText {
    private FrameText() {
    }

    /**
     * The Protocol column: the short name of the highest protocol decoded, as tshark's column shows it ({@code TCP}, not
     * the 29 characters of "Transmission Control Protocol"). MACsec frames stay {@code MACsec} whatever they carry (the
     * Info column says what), MKPDUs {@code MKA}.
     */
    public static String protocol(FrameRecord r) {
        if (r.isMacsec()) {
            return "MACsec";
        }
        if (r.mkpdu() != null) {
            return "MKA";
        }
        Dissection d = r.dissection();
        if (d == null) {
            return "";
        }
        List<FieldValue> layers = d.layers();
        for (int i = layers.size() - 1; i >= 0; i--) {
            FieldValue layer = layers.get(i);
            String name = switch (layer.field().filterName()) {
                // ours, not a protocol on the wire; the capture's metadata
                case "analysis", "frame" -> null;
                case "eth", "vlan", "sll" -> etherTypeColumn(d);
                case "eapol" -> {
                    FieldValue type = layer.find(EapolFields.TYPE);
                    yield type != null && (Long) type.value() == 0 ? "EAP" : "EAPOL";
                }
                case "macsec" -> "MACsec";
                case "mka" -> "MKA";
                // tshark's column names the carrier of an EAP packet in RADIUS
                case "eap" -> d.first(RadiusFields.RADIUS) != null ? "RADIUS" : "EAP";
                case "tls" -> d.first(RadiusFields.RADIUS) != null ? "RADIUS" : tlsColumn(layer);
                case "radius" -> "RADIUS";
                case "ip" -> "IPv4";
                case "ipv6" -> "IPv6";
                case "arp" -> "ARP";
                case "icmp" -> "ICMP";
                case "icmpv6" -> "ICMPv6";
                case "udp" -> "UDP";
                case "tcp" -> "TCP";
                case "lldp" -> "LLDP";
                default -> layer.field().filterName().toUpperCase(Locale.ROOT);
            };
            if (name != null) {
                return name;
            }
        }
        return "";
    }

    /** tshark's name of a TLS version: TLSv1, TLSv1.1, TLSv1.2, TLSv1.3 (SSLv3 before them). */
    private static String tlsColumn(FieldValue layer) {
        FieldValue v = layer.find(EapFields.TLS_VERSION);
        long version = v == null ? 0 : (Long) v.value();
        return version == 0x0300 ? "SSLv3" : version == 0x0301 ? "TLSv1"
                : version >= 0x0302 && version <= 0x0304 ? "TLSv1." + (version - 0x0301) : "TLS";
    }

    /** What tshark's column says for a payload it has no dissector for: the protocol the EtherType names, else the number. */
    private static String etherTypeColumn(Dissection d) {
        if (d.first(EthernetFields.LEN) != null) {
            return "LLC";
        }
        long type = InnerSummary.lastEtherType(d);
        if (type < 0) {
            return "Ethernet";
        }
        return switch ((int) type) {
            case 0x8847, 0x8848 -> "MPLS";
            case 0x88F7 -> "PTPv2";
            default -> String.format(Locale.ROOT, "0x%04x", type);
        };
    }

    /** Source and destination: inner IP addresses when visible (as tshark shows them), else MAC addresses. */
    public static String[] addresses(FrameRecord r) {
        Dissection d = r.dissection();
        if (d != null) {
            FieldValue src = d.first(InnerFields.IP_SRC);
            FieldValue dst = d.first(InnerFields.IP_DST);
            if (src == null) {
                src = d.first(InnerFields.IPV6_SRC);
                dst = d.first(InnerFields.IPV6_DST);
            }
            if (src != null && dst != null) {
                return new String[] {src.display(), dst.display()};
            }
        }
        byte[] b = r.data();
        int o = r.offset();
        if (r.capturedLength() >= 12 && r.linkType() == 1) {
            return new String[] {FieldFormat.mac(Octets.u48(b, o + 6)), FieldFormat.mac(Octets.u48(b, o))};
        }
        // a Linux cooked header names the source only
        int src = LinkLayer.sourceMacOffset(r.linkType(), b, o, r.capturedLength());
        return new String[] {src < 0 ? "" : FieldFormat.mac(Octets.u48(b, src)), ""};
    }

    public static String info(FrameRecord r) {
        if (r.isMacsec()) {
            return macsecInfo(r);
        }
        String info;
        if (r.mkpdu() != null) {
            info = mkaInfo(r.mkpdu(), r.mka());
        } else {
            Dissection d = r.dissection();
            info = d == null ? "" : InnerSummary.describe(d);
        }
        // an untagged frame has a verdict too when a receive SecY runs: what its Controlled Port did with it
        return r.verdict() == null ? info : info + " [" + verdictText(r) + "]";
    }

    private static String macsecInfo(FrameRecord r) {
        StringBuilder sb = new StringBuilder(96);
        if (!r.tciKnown()) {
            return sb.append(r.snapped() ? "[SecTAG not captured (snapshot length)]" : "[SecTAG missing: the frame ends"
                    + " after the EtherType]").toString();
        }
        sb.append("AN=").append(r.an());
        // what the capture does not hold is said so, as tcpdump's [|macsec], not made up
        sb.append(r.pnKnown() ? " PN=" + Long.toUnsignedString(r.pn()) : " PN not captured");
        sb.append(r.sciKnown() ? " SCI=" + FieldFormat.sci(r.sci()) : " SCI not captured");
        int tci = r.tciAn();
        boolean e = (tci & 0x08) != 0;
        boolean c = (tci & 0x04) != 0;
        if (!e) {
            sb.append(c ? " [C without E]" : " [integrity only]");
        }
        Verdict v = r.verdict();
        if (r.hasPlaintext()) {
            String inner = InnerSummary.describe(r.plain(), r.plainOffset(), r.plainLength());
            sb.append(" → ").append(inner.isEmpty() ? "(" + (r.plainLength() - 12) + " octets)" : inner);
            if (v != null && v != Verdict.OK) {
                sb.append(" [").append(verdictText(r)).append(']');
            }
        } else if (v == null && r.snapped()) {
            sb.append(r.pnKnown() && r.sciKnown() ? " [not verified: captured only in part (snapshot length)]"
                    : " [not verified: the capture ends inside the SecTAG (snapshot length)]");
        } else if (v == null && r.linkType() != LinkLayer.LINKTYPE_ETHERNET) {
            sb.append(" [not verified: a Linux cooked capture has no destination MAC, which the ICV covers]");
        } else if (v == null) {
            sb.append(e ? " [encrypted, no key]" : " [not verified: no key]");
        } else {
            sb.append(" [").append(verdictText(r)).append(']');
        }
        return sb.toString();
    }

    /** Short words for a verdict, e.g. ICV FAIL, LATE, NO SA, BAD TAG: ES and SC both set. */
    public static String verdictText(FrameRecord r) {
        Verdict v = r.verdict();
        return switch (v) {
            case OK -> "OK";
            case UNCHECKED -> "UNCHECKED";
            case DELAYED -> "DELAYED";
            case LATE -> "LATE";
            case INVALID -> "ICV FAIL (delivered: validateFrames Check)";
            case NOT_VALID -> "ICV FAIL";
            case NOT_USING_SA, UNUSED_SA -> "NO SA for AN " + r.an();
            case UNTAGGED -> "UNTAGGED: delivered unprotected";
            case NO_TAG -> "NO TAG: the Controlled Port drops it";
            case BAD_TAG -> "BAD TAG: " + badTagReason(r);
            case UNKNOWN_SCI, NO_SCI -> "NO KEY for SCI " + FieldFormat.sci(r.sci());
            case UNCONTROLLED -> "E=1 C=0: uncontrolled port";
        };
    }

    private static String badTagReason(FrameRecord r) {
        Dissection d = r.dissection();
        if (d != null) {
            for (Expert x : d.experts()) {
                if (x.severity() == Severity.ERROR && x.code().startsWith("sectag.")) {
                    String code = x.code().substring("sectag.".length()).toUpperCase(Locale.ROOT);
                    for (SecTagRule rule : SecTagRule.values()) {
                        if (rule.name().equals(code)) {
                            return rule.title();
                        }
                    }
                    return x.message();
                }
            }
        }
        return "802.1AE 9.12";
    }

    static String mkaInfo(Mkpdu pdu, MkaView mka) {
        StringBuilder sb = new StringBuilder(128);
        sb.append("MKPDU v").append(pdu.version());
        sb.append(" SCI=").append(FieldFormat.sci(pdu.sci()));
        sb.append(" MI=").append(pdu.actorMi().hex()).append(" MN=").append(pdu.actorMn());
        sb.append(" prio=").append(pdu.keyServerPriority());
        if (pdu.keyServer()) {
            sb.append(" [Key Server]");
        }
        for (ParameterSet set : pdu.parameterSets()) {
            switch (set) {
                case ParameterSet.LivePeerList l -> sb.append(" Live(").append(l.peers().size()).append(')');
                case ParameterSet.PotentialPeerList p -> sb.append(" Potential(").append(p.peers().size()).append(')');
                case ParameterSet.SakUse u -> sb.append(" SAK-Use");
                case ParameterSet.DistributedSak s -> sb.append(" Distributed-SAK");
                case ParameterSet.DistributedCak c -> sb.append(" Distributed-CAK");
                case ParameterSet.Announcement a -> sb.append(" Announcement");
                case ParameterSet.Xpn x -> sb.append(" XPN");
                default -> {
                }
            }
        }
        if (mka != null) {
            switch (mka.icvStatus()) {
                case "VERIFIED" -> sb.append(" ICV ok");
                case "FAILED" -> sb.append(" [ICV FAIL]");
                case "NO_KEY" -> sb.append(" [no CAK for this CKN]");
                case "NO_ICV_INPUT" -> sb.append(" [ICV not checked: no destination MAC, which it covers]");
                default -> {
                }
            }
            for (String learned : mka.learned()) {
                sb.append(" {learned ").append(learned).append('}');
            }
        }
        return sb.toString();
    }

}
