package dev.macsec.decode;

import dev.macsec.decode.eap.EapTlsState;
import dev.macsec.decode.mka.EapolDecoder;
import dev.macsec.decode.mka.Mkpdu;
import dev.macsec.field.Bytes;
import dev.macsec.field.Dissection;
import dev.macsec.field.FieldValue;
import dev.macsec.field.Octets;
import dev.macsec.suite.CipherSuite;

/**
 * Decodes one captured frame into a {@link Dissection}: link header (Ethernet II, Linux SLL, SLL2), 802.1Q /
 * 802.1ad tags, then the MACsec SecTAG, EAPOL/MKA, or a plain upper layer. Never throws on any input: every
 * length is checked against the octets actually captured, and problems become expert items.
 * <p>
 * Not thread-safe (it reuses one {@link SecTag}); use one instance per thread.
 */
public final class FrameDecoder {
    private final SecTag tag = new SecTag();
    private final EapTlsState tls = new EapTlsState();
    private Mkpdu lastMkpdu;

    /** Decodes a frame with no capture metadata (wire length = captured length). */
    public void decode(int linkType, byte[] b, int off, int len, Dissection into) {
        decode(null, linkType, b, off, len, into);
    }

    /**
     * Decodes a frame.
     *
     * @param meta     capture metadata for the frame layer, or null for none
     * @param linkType pcap LINKTYPE (1 Ethernet, 113 Linux SLL, 276 Linux SLL2)
     * @param b        buffer holding the captured octets {@code b[off, off+len)}
     */
    public void decode(FrameMeta meta, int linkType, byte[] b, int off, int len, Dissection into) {
        lastMkpdu = null;
        if (b == null || off < 0 || off > b.length) {
            into.addExpert(FrameExperts.NO_DATA, "No frame data", -1, 0);
            return;
        }
        len = Math.max(0, Math.min(len, b.length - off));
        int capEnd = off + len;
        int wireEnd = capEnd;
        if (meta != null) {
            FieldValue frame = into.addLayer(FrameFields.FRAME, 0, len);
            frame.add(FrameFields.ENCAP_TYPE, 0, 0, (long) linkType);
            frame.add(FrameFields.NUMBER, 0, 0, meta.number());
            frame.add(FrameFields.TIME_EPOCH, 0, 0, meta.epochText());
            frame.add(FrameFields.LEN, 0, 0, (long) meta.wireLength());
            frame.add(FrameFields.CAP_LEN, 0, 0, (long) len);
            if (meta.wireLength() > len) {
                wireEnd = off + meta.wireLength();
                into.addExpert(FrameExperts.SNAPPED, "Frame captured only in part: " + len + " of "
                        + meta.wireLength() + " octets (snapshot length)", len, 0);
            }
        }
        int typeOffset;
        int payload;
        int srcMac = LinkLayer.sourceMacOffset(linkType, b, off, len);
        int dstMac = -1;
        switch (linkType) {
            case LinkLayer.LINKTYPE_ETHERNET -> {
                if (len < 14) {
                    truncated(into, "Ethernet II header", 14, len, off, capEnd);
                    return;
                }
                FieldValue eth = into.addLayer(EthernetFields.ETH, 0, 14);
                eth.add(EthernetFields.DST, 0, 6, Octets.u48(b, off));
                eth.add(EthernetFields.SRC, 6, 6, Octets.u48(b, off + 6));
                int type = Octets.u16(b, off + 12);
                if (type < 0x0600) {
                    eth.add(EthernetFields.LEN, 12, 2, (long) type);
                    into.addExpert(FrameExperts.LLC, "IEEE 802.3 length field: LLC frame not decoded", 12, 2);
                    return;
                }
                eth.add(EthernetFields.TYPE, 12, 2, (long) type);
                dstMac = off;
                typeOffset = off + 12;
                payload = off + 14;
            }
            case LinkLayer.LINKTYPE_LINUX_SLL -> {
                if (len < 16) {
                    truncated(into, "Linux cooked capture header", 16, len, off, capEnd);
                    return;
                }
                FieldValue sll = into.addLayer(EthernetFields.SLL, 0, 16);
                sll.add(EthernetFields.SLL_PKTTYPE, 0, 2, (long) Octets.u16(b, off));
                sll.add(EthernetFields.SLL_HATYPE, 2, 2, (long) Octets.u16(b, off + 2));
                sll.add(EthernetFields.SLL_HALEN, 4, 2, (long) Octets.u16(b, off + 4));
                if (srcMac >= 0) {
                    sll.add(EthernetFields.SLL_SRC, 6, 6, Octets.u48(b, srcMac));
                }
                sll.add(EthernetFields.SLL_ETYPE, 14, 2, (long) Octets.u16(b, off + 14));
                typeOffset = off + 14;
                payload = off + 16;
            }
            case LinkLayer.LINKTYPE_LINUX_SLL2 -> {
                if (len < 20) {
                    truncated(into, "Linux cooked capture v2 header", 20, len, off, capEnd);
                    return;
                }
                FieldValue sll = into.addLayer(EthernetFields.SLL, 0, 20);
                sll.add(EthernetFields.SLL_ETYPE, 0, 2, (long) Octets.u16(b, off));
                sll.add(EthernetFields.SLL_IFINDEX, 4, 4, Octets.u32(b, off + 4));
                sll.add(EthernetFields.SLL_HATYPE, 8, 2, (long) Octets.u16(b, off + 8));
                sll.add(EthernetFields.SLL_PKTTYPE, 10, 1, (long) Octets.u8(b, off + 10));
                sll.add(EthernetFields.SLL_HALEN, 11, 1, (long) Octets.u8(b, off + 11));
                if (srcMac >= 0) {
                    sll.add(EthernetFields.SLL_SRC, 12, 6, Octets.u48(b, srcMac));
                }
                typeOffset = off;
                payload = off + 20;
            }
            default -> {
                into.addExpert(FrameExperts.UNSUPPORTED_LINK_TYPE, "unsupported link type " + linkType
                        + " (Ethernet 1, Linux SLL 113 and SLL2 276 are decoded)", 0, len);
                return;
            }
        }
        int type = Octets.u16(b, typeOffset);
        // Tags: TPID, then TCI in the payload, then the next EtherType; in SLL2 the first TPID is in the header.
        int tags = 0;
        while (type == LinkLayer.ETHERTYPE_VLAN || type == LinkLayer.ETHERTYPE_QINQ || type == LinkLayer.ETHERTYPE_QINQ_LEGACY) {
            if (capEnd - payload < 4) {
                truncated(into, "VLAN tag", 4, capEnd - payload, payload, capEnd);
                return;
            }
            if (++tags > 8) {
                into.addExpert(FrameExperts.TOO_MANY_VLAN_TAGS, "More than 8 VLAN tags: not decoded further", payload - off, 4);
                return;
            }
            int tci = Octets.u16(b, payload);
            int next = Octets.u16(b, payload + 2);
            FieldValue vlan = into.addLayer(EthernetFields.VLAN, payload - off, 4);
            vlan.add(EthernetFields.VLAN_TPID, typeOffset - off, 2, (long) type);
            vlan.add(EthernetFields.VLAN_PRIORITY, payload - off, 2, (long) (tci >> 13));
            vlan.add(EthernetFields.VLAN_DEI, payload - off, 2, (tci & 0x1000) != 0);
            vlan.add(EthernetFields.VLAN_ID, payload - off, 2, (long) (tci & 0x0FFF));
            vlan.add(EthernetFields.VLAN_ETYPE, payload - off + 2, 2, (long) next);
            typeOffset = payload + 2;
            payload += 4;
            type = next;
        }
        switch (type) {
            case SecTag.ETHERTYPE -> decodeMacsec(meta, b, off, srcMac, payload, capEnd, wireEnd, into);
            case EapolDecoder.ETHERTYPE -> {
                lastMkpdu = EapolDecoder.decode(b, off, dstMac, payload, capEnd, into, tls);
                if (capEnd - payload >= 4) {
                    int bodyEnd = payload + 4 + Octets.u16(b, payload + 2);
                    addPadding(into, b, off, bodyEnd, capEnd);
                }
            }
            default -> {
                int end = InnerDecoder.decodePayload(type, b, off, payload, capEnd, into, tls);
                if (end > 0) {
                    addPadding(into, b, off, end, capEnd);
                }
            }
        }
    }

    /** The MKPDU of the last frame decoded, or null when it was not an EAPOL-MKA frame with a Basic parameter set. */
    public Mkpdu lastMkpdu() {
        return lastMkpdu;
    }

    /**
     * Adds the layers MACsec protected, from a decrypted (or integrity-only) frame laid out as
     * DA, SA, [VLAN tags], EtherType, payload. Offsets in the added fields are relative to {@code off}.
     */
    public void decodeInner(byte[] b, int off, int len, Dissection into) {
        InnerDecoder.decodeEthernet(b, off, len, into);
    }

    private static void addPadding(Dissection into, byte[] b, int off, int pduEnd, int capEnd) {
        if (pduEnd >= capEnd || pduEnd < off || into.layers().isEmpty()) {
            return;
        }
        FieldValue eth = into.layers().get(0);
        for (FieldValue layer : into.layers()) {
            if (layer.field().equals(EthernetFields.ETH)) {
                eth = layer;
            }
        }
        boolean allZero = true;
        for (int i = pduEnd; i < capEnd; i++) {
            allZero &= b[i] == 0;
        }
        eth.add(allZero ? EthernetFields.PADDING : EthernetFields.TRAILER, pduEnd - off, capEnd - pduEnd,
                Bytes.of(b, pduEnd, capEnd - pduEnd));
    }

    private static void truncated(Dissection into, String what, int need, int have, int at, int capEnd) {
        into.addExpert(FrameExperts.TRUNCATED, what + " cut short: " + Math.max(have, 0) + " of " + need
                + " octets", -1, 0);
    }

    private void decodeMacsec(FrameMeta meta, byte[] b, int off, int srcMac, int payload, int capEnd, int wireEnd,
                              Dissection into) {
        int et = payload - 2;
        int have = capEnd - payload;
        FieldValue m = into.addLayer(MacsecFields.MACSEC, payload - off, Math.max(0, have));
        int rel = payload - off;
        if (have >= 1) {
            int t = Octets.u8(b, payload);
            m.add(MacsecFields.TCI, rel, 1, (long) ((t & 0xFC) >> 2));
            m.add(MacsecFields.TCI_V, rel, 1, (long) ((t >> 7) & 1));
            m.add(MacsecFields.TCI_ES, rel, 1, (t & SecTag.TCI_ES) != 0);
            m.add(MacsecFields.TCI_SC, rel, 1, (t & SecTag.TCI_SC) != 0);
            m.add(MacsecFields.TCI_SCB, rel, 1, (t & SecTag.TCI_SCB) != 0);
            m.add(MacsecFields.TCI_E, rel, 1, (t & SecTag.TCI_E) != 0);
            m.add(MacsecFields.TCI_C, rel, 1, (t & SecTag.TCI_C) != 0);
            m.add(MacsecFields.AN, rel, 1, (long) (t & SecTag.AN_MASK));
        }
        if (have >= 2) {
            int sl = Octets.u8(b, payload + 1);
            m.add(MacsecFields.SL, rel + 1, 1, (long) (sl & 0x3F));
            if ((sl & 0xC0) != 0) {
                m.add(MacsecFields.SL_RESERVED, rel + 1, 1, (long) (sl >> 6));
            }
        }
        if (have >= 6) {
            m.add(MacsecFields.PN, rel + 2, 4, Octets.u32(b, payload + 2));
        }
        boolean sc = have >= 1 && (b[payload] & SecTag.TCI_SC) != 0;
        if (sc && have >= 14) {
            long sci = Octets.u64(b, payload + 6);
            FieldValue s = m.add(MacsecFields.SCI, rel + 6, 8, sci);
            s.add(MacsecFields.SCI_SYSTEM, rel + 6, 6, sci >>> 16);
            s.add(MacsecFields.SCI_PORT, rel + 12, 2, sci & 0xFFFF);
        } else if (!sc && have >= 1 && srcMac >= 0) {
            long sci = (Octets.u48(b, srcMac) << 16) | SecTag.IMPLICIT_PORT;
            FieldValue s = m.add(MacsecFields.SCI, srcMac - off, 6, sci);
            s.add(MacsecFields.SCI_IMPLICIT, srcMac - off, 6, true);
            s.add(MacsecFields.SCI_SYSTEM, srcMac - off, 6, sci >>> 16);
            s.add(MacsecFields.SCI_PORT, srcMac - off, 0, (long) SecTag.IMPLICIT_PORT);
        }

        int v = tag.wrap(b, srcMac, et, capEnd).violations();
        boolean snapped = wireEnd > capEnd;
        if (SecTagRule.TRUNCATED_SECTAG.in(v)) {
            if (snapped && wireEnd - et >= (sc ? 16 : 8)) {
                into.addExpert(FrameExperts.SECTAG_SNAPPED, "The capture ends inside the SecTAG (snapshot length): "
                        + "the SecTAG cannot be judged", payload - off, Math.max(0, have));
            } else {
                ruleExpert(into, SecTagRule.TRUNCATED_SECTAG, et - off, capEnd - et);
            }
            return;
        }
        if (snapped) {
            // Lengths are judged on the wire length: SecTag reads only the captured SecTAG octets for the rules.
            v = tag.wrap(b, srcMac, et, wireEnd).violations();
        }
        int tci = tag.tci();
        for (SecTagRule rule : SecTagRule.values()) {
            if (!rule.in(v)) {
                continue;
            }
            int[] where = switch (rule) {
                case VERSION_NOT_ZERO, ES_AND_SC, SCB_AND_SC -> new int[]{payload, 1};
                case SL_RESERVED_BITS, SHORT_LENGTH_MISMATCH, SHORT_WITHOUT_SL -> new int[]{payload + 1, 1};
                case PN_ZERO -> new int[]{payload + 2, 4};
                default -> new int[]{et, capEnd - et};
            };
            ruleExpert(into, rule, where[0] - off, where[1]);
        }
        if ((tci & SecTag.TCI_C) != 0 && (tci & SecTag.TCI_E) == 0) {
            into.addExpert(FrameExperts.C_WITHOUT_E, "C (changed text) is set without E (encryption): "
                    + "integrity-only protection with a modified user data (802.1AE-2018 9.5)", payload - off, 1);
        }
        int dataStart = tag.secureDataOffset();
        if (SecTagRule.TOO_SHORT_FOR_ICV.in(v)) {
            if (dataStart < capEnd) {
                m.add(tag.encrypted() ? MacsecFields.ENCRYPTED_DATA : MacsecFields.SECURE_DATA, dataStart - off,
                        capEnd - dataStart, Bytes.of(b, dataStart, capEnd - dataStart));
            }
            return;
        }
        int icv = tag.icvOffset();
        m.add(MacsecFields.SECURE_DATA_LEN, dataStart - off, 0, (long) tag.secureDataLength());
        int dataEnd = Math.min(icv, capEnd);
        boolean plain = (tci & (SecTag.TCI_E | SecTag.TCI_C)) == 0;
        if (plain && dataEnd - dataStart >= 2) {
            int innerType = Octets.u16(b, dataStart);
            m.add(MacsecFields.ETYPE, dataStart - off, 2, (long) innerType);
        }
        if (dataEnd > dataStart) {
            m.add(plain ? MacsecFields.SECURE_DATA : MacsecFields.ENCRYPTED_DATA, dataStart - off, dataEnd - dataStart,
                    Bytes.of(b, dataStart, dataEnd - dataStart));
        }
        if (icv + CipherSuite.ICV_LENGTH <= capEnd) {
            m.add(MacsecFields.ICV, icv - off, CipherSuite.ICV_LENGTH, Bytes.of(b, icv, CipherSuite.ICV_LENGTH));
        }
        if (plain && dataEnd - dataStart >= 2) {
            InnerDecoder.decodePayload(Octets.u16(b, dataStart), b, off, dataStart + 2, dataEnd, into);
        }
    }

    private static void ruleExpert(Dissection into, SecTagRule rule, int offset, int length) {
        into.addExpert(rule.expert(),
                rule.title() + ": " + rule.description() + " (802.1AE-2018 " + rule.clause() + ")", offset, Math.max(0, length));
    }
}
