package dev.macsec.mka.actor;

import dev.macsec.decode.mka.EapolDecoder;
import dev.macsec.decode.mka.Mkpdu;
import dev.macsec.decode.mka.MkpduDecoder;
import dev.macsec.decode.mka.ParameterSet;
import dev.macsec.keys.MkpduIcv;

import java.io.ByteArrayOutputStream;
import java.util.List;

/**
 * Encodes MKPDUs (IEEE 802.1X-2020 11.11) into EAPOL-MKA Ethernet frames: the inverse of {@link MkpduDecoder}.
 * Each parameter set is encoded on its own (header, body, padding to 4 octets) so that a caller who wants a
 * malformed MKPDU can reorder, repeat, drop or hand-craft sets ({@link #raw}) before {@link #frame} assembles
 * them and appends the ICV.
 */
public final class MkpduEncoder {
    /** EAPOL protocol version 3 (802.1X-2010 and later) is the first that carries MKA. */
    public static final int EAPOL_VERSION = 3;
    public static final int ETH_HEADER = 14;
    public static final int EAPOL_HEADER = 4;

    private static final byte[] PAE_GROUP = {0x01, (byte) 0x80, (byte) 0xC2, 0x00, 0x00, 0x03};

    private MkpduEncoder() {
    }

    /** The fields of the Basic parameter set (802.1X-2020 Figure 11-8). */
    public record Basic(int version, int keyServerPriority, boolean keyServer, boolean macsecDesired,
                        int macsecCapability, long sci, byte[] mi, long mn, long algorithmAgility, byte[] ckn) {
        public Basic {
            if (mi.length != 12) {
                throw new IllegalArgumentException("an MI is 12 octets, got " + mi.length);
            }
            mi = mi.clone();
            ckn = ckn.clone();
        }
    }

    /** The PAE group address 01:80:C2:00:00:03. */
    public static byte[] paeGroupAddress() {
        return PAE_GROUP.clone();
    }

    /** The Basic parameter set with its body length field exact. */
    public static byte[] basic(Basic b) {
        return basic(b, 0);
    }

    /**
     * The Basic parameter set; {@code bodyLengthDelta} is added to the body length field only (the octets are
     * the real ones), so a test can announce a length that does not match what follows.
     */
    public static byte[] basic(Basic b, int bodyLengthDelta) {
        byte[] body = new byte[28 + b.ckn().length];
        putU64(body, 0, b.sci());
        System.arraycopy(b.mi(), 0, body, 8, 12);
        putU32(body, 20, b.mn());
        putU32(body, 24, b.algorithmAgility());
        System.arraycopy(b.ckn(), 0, body, 28, b.ckn().length);
        int flags = (b.keyServer() ? 0x80 : 0) | (b.macsecDesired() ? 0x40 : 0) | (b.macsecCapability() & 3) << 4;
        return set(b.version(), b.keyServerPriority(), flags, body.length + bodyLengthDelta, body, true);
    }

    /** Any parameter set after the Basic one, from the decoder's model. */
    public static byte[] encode(ParameterSet set) {
        return switch (set) {
            case ParameterSet.LivePeerList l -> peers(ParameterSet.LIVE_PEER_LIST, l.keyServerSsci(), l.peers());
            case ParameterSet.PotentialPeerList p -> peers(ParameterSet.POTENTIAL_PEER_LIST, 0, p.peers());
            case ParameterSet.SakUse u -> sakUse(u);
            case ParameterSet.DistributedSak d -> distributedSak(d);
            case ParameterSet.DistributedCak c -> {
                byte[] body = concat(c.wrappedCak().octets(), c.ckn().octets());
                yield set(ParameterSet.DISTRIBUTED_CAK, 0, 0, body.length, body, true);
            }
            case ParameterSet.Kmd k -> set(ParameterSet.KMD, 0, 0, k.kmd().length(), k.kmd().octets(), true);
            case ParameterSet.Announcement a -> announcement(a);
            case ParameterSet.Xpn x -> {
                byte[] body = new byte[8];
                putU32(body, 0, x.latestLowestPnMsb());
                putU32(body, 4, x.oldLowestPnMsb());
                yield set(ParameterSet.XPN, x.suspensionTime(), 0, 8, body, true);
            }
            case ParameterSet.IcvIndicator i -> set(ParameterSet.ICV_INDICATOR, 0, 0, i.icvLength(), new byte[0], false);
            case ParameterSet.Unknown u -> set(u.type(), u.typeSpecific(), 0, u.body().length(), u.body().octets(), true);
        };
    }

    /** A Live (type 1) or Potential (type 2) Peer List. */
    public static byte[] peers(int type, int typeSpecific, List<ParameterSet.PeerEntry> peers) {
        byte[] body = new byte[16 * peers.size()];
        for (int i = 0; i < peers.size(); i++) {
            ParameterSet.PeerEntry e = peers.get(i);
            System.arraycopy(e.mi().octets(), 0, body, 16 * i, 12);
            putU32(body, 16 * i + 12, e.mn());
        }
        return set(type, typeSpecific, 0, body.length, body, true);
    }

    public static byte[] sakUse(ParameterSet.SakUse u) {
        int ts = (u.latestAn() & 3) << 6 | (u.latestTx() ? 0x20 : 0) | (u.latestRx() ? 0x10 : 0)
                | (u.oldAn() & 3) << 2 | (u.oldTx() ? 0x02 : 0) | (u.oldRx() ? 0x01 : 0);
        int flags = (u.plainTx() ? 0x80 : 0) | (u.plainRx() ? 0x40 : 0) | (u.delayProtect() ? 0x10 : 0);
        if (!u.hasKeys()) {
            return set(ParameterSet.SAK_USE, ts, flags, 0, new byte[0], true);
        }
        byte[] body = new byte[40];
        System.arraycopy(u.latestKeyServerMi().octets(), 0, body, 0, 12);
        putU32(body, 12, u.latestKeyNumber());
        putU32(body, 16, u.latestLowestPn());
        System.arraycopy(u.oldKeyServerMi().octets(), 0, body, 20, 12);
        putU32(body, 32, u.oldKeyNumber());
        putU32(body, 36, u.oldLowestPn());
        return set(ParameterSet.SAK_USE, ts, flags, 40, body, true);
    }

    /**
     * A Distributed SAK. An empty one ({@link ParameterSet.DistributedSak#plainText()}) asks for no MACsec; the
     * cipher suite is written only when {@code cipherSuiteExplicit} (28-octet body for the default suite otherwise).
     */
    public static byte[] distributedSak(ParameterSet.DistributedSak d) {
        int ts = (d.an() & 3) << 6 | (d.confidentialityOffset() & 3) << 4;
        if (d.plainText()) {
            return set(ParameterSet.DISTRIBUTED_SAK, ts, 0, 0, new byte[0], true);
        }
        byte[] wrapped = d.wrappedSak().octets();
        byte[] body = new byte[4 + (d.cipherSuiteExplicit() ? 8 : 0) + wrapped.length];
        putU32(body, 0, d.keyNumber());
        int at = 4;
        if (d.cipherSuiteExplicit()) {
            putU64(body, 4, d.cipherSuite());
            at = 12;
        }
        System.arraycopy(wrapped, 0, body, at, wrapped.length);
        return set(ParameterSet.DISTRIBUTED_SAK, ts, 0, body.length, body, true);
    }

    private static byte[] announcement(ParameterSet.Announcement a) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (ParameterSet.AnnouncementTlv t : a.tlvs()) {
            int len = t.info().length();
            out.write(t.tlvType() << 1 | (len >> 8) & 1);
            out.write(len);
            out.writeBytes(t.info().octets());
        }
        byte[] body = out.toByteArray();
        return set(ParameterSet.ANNOUNCEMENT, 0, 0, body.length, body, true);
    }

    /**
     * A parameter set from its parts, trusting the caller entirely: {@code bodyLength} goes into the 12-bit length
     * field whatever {@code body} holds, and the body is padded to 4 octets only when {@code pad}.
     *
     * @param flagsHigh the high nibble of the third header octet (the low nibble carries the length)
     */
    public static byte[] raw(int type, int typeSpecific, int flagsHigh, int bodyLength, byte[] body, boolean pad) {
        return set(type, typeSpecific, flagsHigh << 4 & 0xF0, bodyLength, body, pad);
    }

    private static byte[] set(int type, int typeSpecific, int flags, int bodyLength, byte[] body, boolean pad) {
        int padded = pad ? (body.length + 3) & ~3 : body.length;
        byte[] out = new byte[4 + padded];
        out[0] = (byte) type;
        out[1] = (byte) typeSpecific;
        out[2] = (byte) (flags & 0xF0 | (bodyLength >> 8) & 0x0F);
        out[3] = (byte) bodyLength;
        System.arraycopy(body, 0, out, 4, body.length);
        return out;
    }

    /** An EAPOL-MKA frame to the PAE group address, with the ICV computed under {@code ick}. */
    public static byte[] frame(byte[] src, List<byte[]> sets, byte[] ick) {
        return frame(PAE_GROUP, src, EAPOL_VERSION, sets, ick, 0);
    }

    /**
     * An EAPOL-MKA frame: DA || SA || 888E || EAPOL header || parameter sets || ICV. The ICV is computed under
     * {@code ick} over DA up to the ICV (802.1X-2020 9.4.1), or is 16 zero octets when {@code ick} is null.
     *
     * @param eapolLengthDelta added to the EAPOL packet body length field only, for malformed frames
     */
    public static byte[] frame(byte[] dst, byte[] src, int eapolVersion, List<byte[]> sets, byte[] ick,
                               int eapolLengthDelta) {
        int body = 0;
        for (byte[] s : sets) {
            body += s.length;
        }
        int mkpdu = body + MkpduIcv.ICV_LENGTH;
        byte[] f = new byte[ETH_HEADER + EAPOL_HEADER + mkpdu];
        System.arraycopy(dst, 0, f, 0, 6);
        System.arraycopy(src, 0, f, 6, 6);
        f[12] = (byte) 0x88;
        f[13] = (byte) 0x8E;
        f[14] = (byte) eapolVersion;
        f[15] = (byte) EapolDecoder.TYPE_MKA;
        int len = mkpdu + eapolLengthDelta;
        f[16] = (byte) (len >> 8);
        f[17] = (byte) len;
        int p = ETH_HEADER + EAPOL_HEADER;
        for (byte[] s : sets) {
            System.arraycopy(s, 0, f, p, s.length);
            p += s.length;
        }
        if (ick != null) {
            byte[] icv = MkpduIcv.compute(ick, f, 0, p);
            System.arraycopy(icv, 0, f, p, icv.length);
        }
        return f;
    }

    /**
     * Re-encodes a decoded MKPDU as the frame {@code src} would send, computing a fresh ICV under {@code ick}
     * (null keeps the received ICV). Round-trips every MKPDU the decoder accepts without anomalies.
     */
    public static byte[] encode(Mkpdu m, byte[] src, byte[] ick) {
        List<byte[]> sets = new java.util.ArrayList<>();
        sets.add(basic(new Basic(m.version(), m.keyServerPriority(), m.keyServer(), m.macsecDesired(),
                m.macsecCapability(), m.sci(), m.actorMi().octets(), m.actorMn(), m.algorithmAgility(),
                m.ckn().octets())));
        for (ParameterSet s : m.parameterSets()) {
            sets.add(encode(s));
        }
        byte[] f = frame(PAE_GROUP, src, EAPOL_VERSION, sets, ick, 0);
        if (ick == null && m.icv().length() == MkpduIcv.ICV_LENGTH) {
            System.arraycopy(m.icv().octets(), 0, f, f.length - MkpduIcv.ICV_LENGTH, MkpduIcv.ICV_LENGTH);
        }
        return f;
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = new byte[a.length + b.length];
        System.arraycopy(a, 0, out, 0, a.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    static void putU32(byte[] b, int at, long v) {
        b[at] = (byte) (v >>> 24);
        b[at + 1] = (byte) (v >>> 16);
        b[at + 2] = (byte) (v >>> 8);
        b[at + 3] = (byte) v;
    }

    static void putU64(byte[] b, int at, long v) {
        putU32(b, at, v >>> 32);
        putU32(b, at + 4, v);
    }
}
