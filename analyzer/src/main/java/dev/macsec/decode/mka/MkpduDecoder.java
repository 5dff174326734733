package dev.macsec.decode.mka;

import dev.macsec.field.Bytes;
import dev.macsec.field.Dissection;
import dev.macsec.field.FieldValue;
import dev.macsec.field.Octets;
import dev.macsec.field.ExpertInfo;

import java.util.ArrayList;
import java.util.List;

import static dev.macsec.decode.mka.MkaFields.*;

/**
 * Decodes an MKPDU (IEEE 802.1X-2020 11.11) into a {@link Mkpdu} and the mka.* fields. Every length comes from
 * the packet and is checked against the octets actually there; anomalies become expert items.
 */
public final class MkpduDecoder {
    /** Basic parameter set header and fixed part (4 + 28 octets). */
    public static final int MIN_LENGTH = 32;
    public static final int DEFAULT_ICV_LENGTH = 16;
    public static final int MAX_CKN_LENGTH = 32;
    private static final String ORDER = "Basic, Live Peer List, Potential Peer List, MACsec SAK Use, Distributed SAK, "
            + "Distributed CAK, KMD, Announcement, XPN, ICV Indicator";

    private final byte[] b;
    private final int base;
    private final Dissection into;

    private MkpduDecoder(byte[] b, int base, Dissection into) {
        this.b = b;
        this.base = base;
        this.into = into;
    }

    /**
     * Decodes the MKPDU in {@code b[bodyOff, bodyEnd)} (the EAPOL packet body, already bounded by the EAPOL
     * length and the captured octets).
     *
     * @param frameOff      offset of the frame's first octet (field offsets are relative to it)
     * @param icvInputStart offset of the destination MAC address, or -1 when the link header has none (SLL)
     * @return the MKPDU, or null when not even the Basic parameter set is present
     */
    public static Mkpdu decode(byte[] b, int frameOff, int icvInputStart, int bodyOff, int bodyEnd, Dissection into) {
        return new MkpduDecoder(b, frameOff, into).run(icvInputStart, bodyOff, bodyEnd);
    }

    private void expert(ExpertInfo info, String message, int absOffset, int length) {
        into.addExpert(info, message, absOffset - base, Math.max(0, length));
    }

    private FieldValue add(FieldValue parent, dev.macsec.field.Field field, int abs, int len, Object value) {
        return parent.add(field, abs - base, len, value);
    }

    private Mkpdu run(int icvInputStart, int start, int end) {
        int total = end - start;
        FieldValue mka = into.addLayer(MKA, start - base, total);
        if (total < MIN_LENGTH) {
            expert(MkaExperts.SHORT, "MKPDU is " + total + " octets, shorter than the 32 octets of the Basic "
                    + "parameter set (802.1X-2020 11.11.2)", start, total);
        }
        if (total % 4 != 0) {
            expert(MkaExperts.NOT_MULTIPLE_OF_4, "MKPDU length " + total
                    + " is not a multiple of 4 octets (802.1X-2020 11.11.3)", start, total);
        }
        if (total < 4) {
            return null;
        }
        int p = start;
        int version = Octets.u8(b, p);
        int bodyLen = Octets.u16(b, p + 2) & 0x0FFF;
        int padded = (bodyLen + 3) & ~3;
        FieldValue basic = add(mka, BASIC_SET, p, Math.min(4 + padded, end - p), null);
        add(basic, VERSION_ID, p, 1, (long) version);
        if (version < 1 || version > 3) {
            expert(MkaExperts.UNKNOWN_VERSION, "Unknown MKA Version Identifier " + version
                    + " (802.1X-2020 defines 1 to 3)", p, 1);
        }
        int prio = Octets.u8(b, p + 1);
        int flags = Octets.u8(b, p + 2);
        add(basic, KS_PRIO, p + 1, 1, (long) prio);
        add(basic, KEY_SERVER, p + 2, 1, (flags & 0x80) != 0);
        add(basic, MACSEC_DESIRED, p + 2, 1, (flags & 0x40) != 0);
        add(basic, MACSEC_CAPABILITY, p + 2, 1, MACSEC_CAPABILITY.extract(flags));
        add(basic, PARAM_BODY_LENGTH, p + 2, 2, (long) bodyLen);
        int body = p + 4;
        if (end - body < 28 || bodyLen < 28) {
            expert(MkaExperts.BASIC_TRUNCATED, "Basic parameter set " + (bodyLen < 28
                    ? "body length " + bodyLen + " is less than the 28 octets of SCI, MI, MN and Algorithm Agility"
                    : "is cut short: " + (end - body) + " octets after its header, 28 needed"), p, end - p);
            return null;
        }
        long sci = Octets.u64(b, body);
        FieldValue sciNode = add(basic, SCI, body, 8, sci);
        add(sciNode, SCI_SYSTEM, body, 6, sci >>> 16);
        add(sciNode, SCI_PORT, body + 6, 2, sci & 0xFFFF);
        Bytes mi = Bytes.of(b, body + 8, 12);
        add(basic, ACTOR_MI, body + 8, 12, mi);
        long mn = Octets.u32(b, body + 20);
        add(basic, ACTOR_MN, body + 20, 4, mn);
        long agility = Octets.u32(b, body + 24);
        add(basic, ALGO_AGILITY, body + 24, 4, agility);
        if (agility != Mkpdu.ALGORITHM_AGILITY_2010) {
            expert(MkaExperts.UNKNOWN_ALGORITHM_AGILITY, String.format("Unknown Algorithm Agility 0x%08x "
                    + "(only 0x0080c201, 802.1X-2010, is defined)", agility), body + 24, 4);
        }
        int cknLen = bodyLen - 28;
        int cknAvail = Math.min(cknLen, end - (body + 28));
        if (body + bodyLen > end) {
            expert(MkaExperts.PARAM_PAST_END, "Basic parameter set body length " + bodyLen
                    + " runs past the end of the MKPDU", p + 2, 2);
        }
        Bytes ckn = Bytes.of(b, body + 28, Math.max(0, cknAvail));
        add(basic, CAK_NAME, body + 28, ckn.length(), ckn);
        if (cknLen > MAX_CKN_LENGTH) {
            expert(MkaExperts.CKN_TOO_LONG, "CKN is " + cknLen + " octets, longer than 32 (802.1X-2020 9.3.1)",
                    body + 28, cknAvail);
        } else if (cknLen == 0) {
            expert(MkaExperts.CKN_EMPTY, "CKN is empty (802.1X-2020 9.3.1 requires 1 to 32 octets)", body + 28, 0);
        }
        p = padding(basic, "Basic", body, bodyLen, end);

        List<ParameterSet> sets = new ArrayList<>();
        int icvLen = DEFAULT_ICV_LENGTH;
        int lastType = 0;
        boolean afterIcvIndicator = false;
        boolean[] seen = new boolean[256];
        while (end - p > icvLen) {
            if (end - p < 4) {
                expert(MkaExperts.TRAILING, (end - p) + " octets after the last parameter set are neither a "
                        + "parameter set header nor an ICV", p, end - p);
                p = end;
                break;
            }
            int type = Octets.u8(b, p);
            int ts = Octets.u8(b, p + 1);
            int len = Octets.u16(b, p + 2) & 0x0FFF;
            String name = PARAMETER_SET_TYPES.getOrDefault((long) type, "Unknown (" + type + ")");
            checkOrder(type, name, lastType, afterIcvIndicator, seen, p);
            if (type != ParameterSet.ICV_INDICATOR && MkaFields.PARAMETER_SET_TYPES.containsKey((long) type)) {
                lastType = Math.max(lastType, type);
            }
            if (type == ParameterSet.ICV_INDICATOR) {
                FieldValue set = add(mka, ICV_INDICATOR, p, 4, null);
                add(set, PARAM_SET_TYPE, p, 1, (long) type);
                add(set, PARAM_BODY_LENGTH, p + 2, 2, (long) len);
                if (len != DEFAULT_ICV_LENGTH) {
                    expert(MkaExperts.BAD_ICV_LENGTH, "ICV Indicator announces a " + len
                            + "-octet ICV; Algorithm Agility 0x0080c201 uses 16 (802.1X-2020 11.11.1)", p + 2, 2);
                }
                icvLen = len;
                afterIcvIndicator = true;
                sets.add(new ParameterSet.IcvIndicator(len));
                p += 4;
                continue;
            }
            int bodyStart = p + 4;
            int avail = end - bodyStart;
            if (len > avail) {
                expert(MkaExperts.PARAM_PAST_END, name + " parameter set body length " + len
                        + " runs past the end of the MKPDU (" + avail + " octets left)", p + 2, 2);
            }
            int have = Math.min(len, avail);
            ParameterSet set = switch (type) {
                case ParameterSet.LIVE_PEER_LIST, ParameterSet.POTENTIAL_PEER_LIST -> peerList(mka, type, ts, version, p, len, have);
                case ParameterSet.SAK_USE -> sakUse(mka, ts, p, len, have);
                case ParameterSet.DISTRIBUTED_SAK -> distributedSak(mka, ts, p, len, have);
                case ParameterSet.DISTRIBUTED_CAK -> distributedCak(mka, p, len, have);
                case ParameterSet.KMD -> kmd(mka, p, len, have);
                case ParameterSet.ANNOUNCEMENT -> announcement(mka, p, len, have);
                case ParameterSet.XPN -> xpn(mka, ts, version, p, len, have);
                default -> unknown(mka, type, ts, p, len, have);
            };
            sets.add(set);
            if (len > avail) {
                p = end;
                break;
            }
            p = padding(lastChild(mka), name, bodyStart, len, end);
        }
        int remaining = end - p;
        Bytes icv = new Bytes(new byte[0]);
        Bytes icvInput = null;
        int icvOffset = -1;
        if (remaining == icvLen && icvLen > 0) {
            icv = Bytes.of(b, p, icvLen);
            add(mka, ICV, p, icvLen, icv);
            icvOffset = p - base;
            if (icvInputStart >= 0 && icvInputStart <= p) {
                icvInput = Bytes.of(b, icvInputStart, p - icvInputStart);
                add(mka, ICV_COVERAGE, icvInputStart, p - icvInputStart,
                        "octets " + (icvInputStart - base) + " to " + (p - base - 1) + " (destination address up to the ICV)");
            }
        } else if (remaining > 0 || icvLen > 0) {
            expert(MkaExperts.ICV_MISSING, "MKPDU ends " + remaining + " octets after its last parameter set; the "
                    + icvLen + "-octet ICV is missing or cut short", p, remaining);
        }
        return new Mkpdu(version, prio, (flags & 0x80) != 0, (flags & 0x40) != 0, (flags >> 4) & 3, sci, mi, mn, agility,
                ckn, sets, icv, icvInput, icvOffset);
    }

    private static FieldValue lastChild(FieldValue parent) {
        List<FieldValue> children = parent.children();
        return children.get(children.size() - 1);
    }

    /** Adds padding after a body and returns where the next parameter set starts. */
    private int padding(FieldValue set, String name, int bodyStart, int len, int end) {
        int bodyEnd = bodyStart + len;
        int padLen = ((len + 3) & ~3) - len;
        if (bodyEnd >= end) {
            return end;
        }
        if (bodyEnd + padLen > end) {
            expert(MkaExperts.PADDING_PAST_END, name + " parameter set is not padded to a multiple of 4 octets: "
                    + "the MKPDU ends " + (end - bodyEnd) + " octets after its body (802.1X-2020 11.11.3)", bodyEnd, end - bodyEnd);
            return end;
        }
        if (padLen > 0) {
            add(set, PADDING, bodyEnd, padLen, Bytes.of(b, bodyEnd, padLen));
        }
        return bodyEnd + padLen;
    }

    private void checkOrder(int type, String name, int lastType, boolean afterIcvIndicator, boolean[] seen, int p) {
        if (afterIcvIndicator) {
            expert(MkaExperts.ICV_INDICATOR_NOT_LAST, name + " parameter set follows the ICV Indicator, which must "
                    + "be the last parameter set before the ICV (802.1X-2020 11.11.3)", p, 4);
        }
        if (seen[type]) {
            expert(MkaExperts.DUPLICATE_PARAM_SET, name + " parameter set appears more than once", p, 4);
        }
        seen[type] = true;
        boolean known = PARAMETER_SET_TYPES.containsKey((long) type);
        if (known && type != ParameterSet.ICV_INDICATOR && type < lastType) {
            expert(MkaExperts.BAD_ORDER, name + " parameter set after "
                    + PARAMETER_SET_TYPES.get((long) lastType) + " (802.1X-2020 11.11.3 order: " + ORDER + ")", p, 4);
        }
    }

    private void header(FieldValue set, int p, int type, int len) {
        add(set, PARAM_SET_TYPE, p, 1, (long) type);
        add(set, PARAM_BODY_LENGTH, p + 2, 2, (long) len);
    }

    private void badLength(String name, int p, int len, String allowed) {
        expert(MkaExperts.BAD_BODY_LENGTH, name + " parameter set body length " + len + " is not " + allowed
                + " (802.1X-2020 11.11.1)", p + 2, 2);
    }

    private ParameterSet peerList(FieldValue mka, int type, int ts, int version, int p, int len, int have) {
        boolean live = type == ParameterSet.LIVE_PEER_LIST;
        FieldValue set = add(mka, live ? LIVE_PEER_LIST_SET : POTENTIAL_PEER_LIST_SET, p, 4 + have, null);
        add(set, PARAM_SET_TYPE, p, 1, (long) type);
        if (live && version >= 3) {
            add(set, KEY_SERVER_SSCI, p + 1, 1, (long) ts);
        }
        add(set, PARAM_BODY_LENGTH, p + 2, 2, (long) len);
        if (len % 16 != 0) {
            badLength(live ? "Live Peer List" : "Potential Peer List", p, len, "a multiple of 16 (MI + MN per peer)");
        }
        List<ParameterSet.PeerEntry> peers = new ArrayList<>();
        for (int q = p + 4; q + 16 <= p + 4 + have; q += 16) {
            Bytes mi = Bytes.of(b, q, 12);
            long mn = Octets.u32(b, q + 12);
            add(set, PEER_MI, q, 12, mi);
            add(set, PEER_MN, q + 12, 4, mn);
            peers.add(new ParameterSet.PeerEntry(mi, mn));
        }
        return live ? new ParameterSet.LivePeerList(live && version >= 3 ? ts : 0, peers)
                : new ParameterSet.PotentialPeerList(peers);
    }

    private ParameterSet sakUse(FieldValue mka, int ts, int p, int len, int have) {
        FieldValue set = add(mka, SAK_USE_SET, p, 4 + have, null);
        add(set, PARAM_SET_TYPE, p, 1, (long) ParameterSet.SAK_USE);
        int latestAn = (int) LATEST_KEY_AN.extract(ts);
        int oldAn = (int) OLD_KEY_AN.extract(ts);
        int f = Octets.u8(b, p + 2);
        add(set, LATEST_KEY_AN, p + 1, 1, (long) latestAn);
        add(set, LATEST_KEY_TX, p + 1, 1, (ts & 0x20) != 0);
        add(set, LATEST_KEY_RX, p + 1, 1, (ts & 0x10) != 0);
        add(set, OLD_KEY_AN, p + 1, 1, (long) oldAn);
        add(set, OLD_KEY_TX, p + 1, 1, (ts & 0x02) != 0);
        add(set, OLD_KEY_RX, p + 1, 1, (ts & 0x01) != 0);
        add(set, PLAIN_TX, p + 2, 1, (f & 0x80) != 0);
        add(set, PLAIN_RX, p + 2, 1, (f & 0x40) != 0);
        if ((f & 0x20) != 0) {
            add(set, SAK_USE_RESERVED, p + 2, 1, true);
        }
        add(set, DELAY_PROTECT, p + 2, 1, (f & 0x10) != 0);
        add(set, PARAM_BODY_LENGTH, p + 2, 2, (long) len);
        boolean keys = len == 40 && have == 40;
        if (len != 0 && len != 40) {
            badLength("MACsec SAK Use", p, len, "0 or 40");
        }
        Bytes empty = new Bytes(new byte[0]);
        Bytes lmi = empty;
        Bytes omi = empty;
        long lkn = 0;
        long lpn = 0;
        long okn = 0;
        long opn = 0;
        if (keys) {
            int q = p + 4;
            lmi = Bytes.of(b, q, 12);
            lkn = Octets.u32(b, q + 12);
            lpn = Octets.u32(b, q + 16);
            omi = Bytes.of(b, q + 20, 12);
            okn = Octets.u32(b, q + 32);
            opn = Octets.u32(b, q + 36);
            add(set, LATEST_KEY_SERVER_MI, q, 12, lmi);
            add(set, LATEST_KEY_NUMBER, q + 12, 4, lkn);
            add(set, LATEST_LOWEST_PN, q + 16, 4, lpn);
            add(set, OLD_KEY_SERVER_MI, q + 20, 12, omi);
            add(set, OLD_KEY_NUMBER, q + 32, 4, okn);
            add(set, OLD_LOWEST_PN, q + 36, 4, opn);
        }
        return new ParameterSet.SakUse(latestAn, (ts & 0x20) != 0, (ts & 0x10) != 0, oldAn, (ts & 0x02) != 0, (ts & 0x01) != 0,
                (f & 0x80) != 0, (f & 0x40) != 0, (f & 0x10) != 0, keys, lmi, lkn, lpn, omi, okn, opn);
    }

    private ParameterSet distributedSak(FieldValue mka, int ts, int p, int len, int have) {
        FieldValue set = add(mka, DISTRIBUTED_SAK_SET, p, 4 + have, null);
        add(set, PARAM_SET_TYPE, p, 1, (long) ParameterSet.DISTRIBUTED_SAK);
        int an = (int) DISTRIBUTED_AN.extract(ts);
        int co = (int) CONFIDENTIALITY_OFFSET.extract(ts);
        add(set, DISTRIBUTED_AN, p + 1, 1, (long) an);
        add(set, CONFIDENTIALITY_OFFSET, p + 1, 1, (long) co);
        add(set, PARAM_BODY_LENGTH, p + 2, 2, (long) len);
        if (len != 0 && len != 28 && len != 36 && len != 52) {
            badLength("Distributed SAK", p, len, "0, 28, 36 or 52");
        }
        int q = p + 4;
        long kn = -1;
        long cs = ParameterSet.GCM_AES_128;
        boolean explicit = false;
        Bytes wrapped = new Bytes(new byte[0]);
        if (have >= 4 && len > 0) {
            kn = Octets.u32(b, q);
            add(set, KEY_NUMBER, q, 4, kn);
            int wrapAt = q + 4;
            if (len != 28 && have >= 12) {
                cs = Octets.u64(b, q + 4);
                explicit = true;
                add(set, CIPHER_SUITE, q + 4, 8, cs);
                wrapAt = q + 12;
            }
            int wrapLen = p + 4 + have - wrapAt;
            if (wrapLen > 0) {
                wrapped = Bytes.of(b, wrapAt, wrapLen);
                add(set, AES_KEY_WRAP_SAK, wrapAt, wrapLen, wrapped);
            }
        }
        return new ParameterSet.DistributedSak(an, co, kn, cs, explicit, wrapped);
    }

    private ParameterSet distributedCak(FieldValue mka, int p, int len, int have) {
        FieldValue set = add(mka, DISTRIBUTED_CAK_SET, p, 4 + have, null);
        header(set, p, ParameterSet.DISTRIBUTED_CAK, len);
        int q = p + 4;
        if (len < 24) {
            badLength("Distributed CAK", p, len, "at least 24 (wrapped CAK) plus the CKN");
        }
        int wrapLen = Math.min(24, have);
        Bytes wrapped = Bytes.of(b, q, wrapLen);
        add(set, AES_KEY_WRAP_CAK, q, wrapLen, wrapped);
        int cknLen = Math.max(0, have - 24);
        Bytes ckn = Bytes.of(b, q + wrapLen, cknLen);
        add(set, CAK_NAME, q + wrapLen, cknLen, ckn);
        if (len - 24 > MAX_CKN_LENGTH) {
            expert(MkaExperts.CKN_TOO_LONG, "Distributed CAK: CKN is " + (len - 24) + " octets, longer than 32",
                    q + 24, cknLen);
        }
        return new ParameterSet.DistributedCak(wrapped, ckn);
    }

    private ParameterSet kmd(FieldValue mka, int p, int len, int have) {
        FieldValue set = add(mka, KMD_SET, p, 4 + have, null);
        header(set, p, ParameterSet.KMD, len);
        Bytes kmd = Bytes.of(b, p + 4, have);
        add(set, KMD, p + 4, have, kmd);
        return new ParameterSet.Kmd(kmd);
    }

    private ParameterSet announcement(FieldValue mka, int p, int len, int have) {
        FieldValue set = add(mka, ANNOUNCEMENT_SET, p, 4 + have, null);
        header(set, p, ParameterSet.ANNOUNCEMENT, len);
        List<ParameterSet.AnnouncementTlv> tlvs = new ArrayList<>();
        int end = p + 4 + have;
        int q = p + 4;
        while (q + 2 <= end) {
            int tlvType = (int) TLV_TYPE.extract(Octets.u8(b, q));
            int tlvLen = (int) TLV_INFO_LEN.extract(Octets.u16(b, q));
            if (q + 2 + tlvLen > end) {
                expert(MkaExperts.TLV_PAST_END, "Announcement TLV " + tlvType + " length " + tlvLen
                        + " runs past the end of the parameter set", q, end - q);
                break;
            }
            FieldValue tlv = add(set, TLV_ENTRY, q, 2 + tlvLen,
                    TLV_TYPES.getOrDefault((long) tlvType, "Unknown TLV type " + tlvType));
            add(tlv, TLV_TYPE, q, 1, (long) tlvType);
            add(tlv, TLV_INFO_LEN, q, 2, (long) tlvLen);
            int info = q + 2;
            List<ParameterSet.CipherSuiteEntry> suites = new ArrayList<>();
            if (tlvType == 112) {
                for (int e = info; e + 10 <= info + tlvLen; e += 10) {
                    int cap = (int) TLV_CIPHER_SUITE_CAP.extract(Octets.u16(b, e));
                    long cs = Octets.u64(b, e + 2);
                    add(tlv, TLV_CIPHER_SUITE_CAP, e, 2, (long) cap);
                    add(tlv, CIPHER_SUITE, e + 2, 8, cs);
                    suites.add(new ParameterSet.CipherSuiteEntry(cap, cs));
                }
                if (tlvLen % 10 != 0) {
                    expert(MkaExperts.BAD_TLV_LENGTH, "MACsec Cipher Suites TLV length " + tlvLen
                            + " is not a multiple of 10", q, 2);
                }
            } else if (tlvLen > 0) {
                add(tlv, TLV_DATA, info, tlvLen, Bytes.of(b, info, tlvLen));
            }
            tlvs.add(new ParameterSet.AnnouncementTlv(tlvType, Bytes.of(b, info, tlvLen), suites));
            q = info + tlvLen;
        }
        return new ParameterSet.Announcement(tlvs);
    }

    private ParameterSet xpn(FieldValue mka, int ts, int version, int p, int len, int have) {
        FieldValue set = add(mka, XPN_SET, p, 4 + have, null);
        add(set, PARAM_SET_TYPE, p, 1, (long) ParameterSet.XPN);
        add(set, SUSPENSION_TIME, p + 1, 1, (long) ts);
        add(set, PARAM_BODY_LENGTH, p + 2, 2, (long) len);
        if (len != 8) {
            badLength("XPN", p, len, "8");
        }
        if (version < 3) {
            expert(MkaExperts.XPN_BEFORE_V3, "XPN parameter set in an MKA version " + version
                    + " MKPDU (introduced with version 3)", p, 4);
        }
        long latest = 0;
        long old = 0;
        if (have >= 8) {
            latest = Octets.u32(b, p + 4);
            old = Octets.u32(b, p + 8);
            add(set, LATEST_LOWEST_PN_MSB, p + 4, 4, latest);
            add(set, OLD_LOWEST_PN_MSB, p + 8, 4, old);
        }
        return new ParameterSet.Xpn(ts, latest, old);
    }

    private ParameterSet unknown(FieldValue mka, int type, int ts, int p, int len, int have) {
        FieldValue set = add(mka, UNKNOWN_SET, p, 4 + have, null);
        header(set, p, type, len);
        Bytes body = Bytes.of(b, p + 4, have);
        if (have > 0) {
            add(set, UNKNOWN_PARAM_SET, p + 4, have, body);
        }
        expert(MkaExperts.UNKNOWN_PARAM_SET, "Unknown parameter set type " + type + " (" + len
                + " octets) kept undecoded", p, 4 + have);
        return new ParameterSet.Unknown(type, ts, body);
    }
}
