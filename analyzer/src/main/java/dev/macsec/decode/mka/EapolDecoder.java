package dev.macsec.decode.mka;

import dev.macsec.decode.eap.EapDecoder;
import dev.macsec.decode.eap.EapTlsState;
import dev.macsec.field.Bytes;
import dev.macsec.field.Dissection;
import dev.macsec.field.FieldValue;
import dev.macsec.field.Octets;

/** EAPOL (EtherType 0x888E, IEEE 802.1X-2020 11.3) and what it carries: for packet type 0 the EAP packet, for 5 the MKPDU. */
public final class EapolDecoder {
    public static final int ETHERTYPE = 0x888E;
    public static final int TYPE_EAP = 0;
    public static final int TYPE_START = 1;
    public static final int TYPE_LOGOFF = 2;
    public static final int TYPE_MKA = 5;
    /** The PAE group address MKPDUs go to by default (802.1X-2020 Table 11-1). */
    public static final long PAE_GROUP_ADDRESS = 0x0180C2000003L;

    private EapolDecoder() {
    }

    /**
     * Decodes the EAPOL PDU at {@code b[off, end)}.
     *
     * @param frameOff  first octet of the frame (offsets in fields are relative to it)
     * @param dstOffset offset of the destination MAC, or -1 when the link header carries none
     * @return the MKPDU when this is an EAPOL-MKA packet with at least a Basic parameter set, else null
     */
    public static Mkpdu decode(byte[] b, int frameOff, int dstOffset, int off, int end, Dissection into) {
        return decode(b, frameOff, dstOffset, off, end, into, null);
    }

    /** @param tls what the frames before told of an EAP-TLS handshake, updated by this one; null for none */
    public static Mkpdu decode(byte[] b, int frameOff, int dstOffset, int off, int end, Dissection into, EapTlsState tls) {
        int avail = end - off;
        FieldValue eapol = into.addLayer(EapolFields.EAPOL, off - frameOff, Math.min(Math.max(avail, 0), 4));
        if (avail < 4) {
            into.addExpert(MkaExperts.EAPOL_TRUNCATED, "EAPOL header cut short: " + Math.max(avail, 0)
                    + " of 4 octets", off - frameOff, Math.max(avail, 0));
            return null;
        }
        int version = Octets.u8(b, off);
        int type = Octets.u8(b, off + 1);
        int len = Octets.u16(b, off + 2);
        eapol.add(EapolFields.VERSION, off - frameOff, 1, (long) version);
        eapol.add(EapolFields.TYPE, off - frameOff + 1, 1, (long) type);
        eapol.add(EapolFields.LEN, off - frameOff + 2, 2, (long) len);
        if (version < 1 || version > 3) {
            into.addExpert(MkaExperts.EAPOL_UNKNOWN_VERSION, "Unknown EAPOL protocol version " + version
                    + " (1 to 3 are defined)", off - frameOff, 1);
        }
        if (!EapolFields.PACKET_TYPES.containsKey((long) type)) {
            into.addExpert(MkaExperts.EAPOL_UNKNOWN_TYPE, "Unknown EAPOL packet type " + type, off - frameOff + 1, 1);
        }
        int body = off + 4;
        int bodyEnd = body + len;
        if (bodyEnd > end) {
            into.addExpert(MkaExperts.EAPOL_LEN_PAST_END, "EAPOL body length " + len + " runs past the end of the frame ("
                    + (end - body) + " octets left)", off - frameOff + 2, 2);
            bodyEnd = end;
        }
        if (type == TYPE_MKA) {
            if (dstOffset >= 0 && dstOffset + 6 <= end && Octets.u48(b, dstOffset) != PAE_GROUP_ADDRESS) {
                into.addExpert(MkaExperts.DEST_NOT_PAE, "MKPDU destination is not the PAE group address "
                        + "01:80:c2:00:00:03 (802.1X-2020 11.1.1)", dstOffset - frameOff, 6);
            }
            return MkpduDecoder.decode(b, frameOff, dstOffset, body, bodyEnd, into);
        }
        if (type == TYPE_EAP && bodyEnd > body) {
            EapDecoder.decode(b, frameOff, body, bodyEnd, into, tls);
            return null;
        }
        if (bodyEnd > body) {
            if (type == 3) {
                eapol.add(EapolFields.KEYDES_TYPE, body - frameOff, 1, (long) Octets.u8(b, body));
            }
            eapol.add(EapolFields.BODY, body - frameOff, bodyEnd - body, Bytes.of(b, body, bodyEnd - body));
        }
        return null;
    }
}
