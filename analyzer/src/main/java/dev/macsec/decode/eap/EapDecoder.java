package dev.macsec.decode.eap;

import dev.macsec.field.Bytes;
import dev.macsec.field.Dissection;
import dev.macsec.field.FieldValue;
import dev.macsec.field.Octets;

import java.nio.charset.StandardCharsets;

import static dev.macsec.decode.eap.EapFields.*;

/**
 * Decodes one EAP packet (RFC 3748 4) in {@code b[off, end)}: code, identifier, length, the type of a Request or
 * Response and, for Identity, Notification, Nak and the TLS-based methods (EAP-TLS, PEAP, EAP-TTLS, EAP-FAST), their
 * Type-Data's header. The EAP Length is trusted only within {@code end}.
 */
public final class EapDecoder {
    private static final int TLS_HANDSHAKE = 22;
    private static final int CLIENT_HELLO = 1;
    private static final int SERVER_HELLO = 2;
    private static final int SUPPORTED_VERSIONS = 0x002b;

    private EapDecoder() {
    }

    /**
     * @param base offset origin of the fields (the frame's first octet); the offsets of an EAP packet reassembled from
     *             several RADIUS attributes are those of the first
     */
    public static void decode(byte[] b, int base, int off, int end, Dissection into) {
        decode(b, base, off, end, into, null);
    }

    /** @param tls what the frames before told of the TLS handshake, updated by this one; null for none */
    public static void decode(byte[] b, int base, int off, int end, Dissection into, EapTlsState tls) {
        int avail = end - off;
        FieldValue eap = into.addLayer(EAP, off - base, Math.max(0, avail));
        if (avail < 4) {
            into.addExpert(EapExperts.TRUNCATED, "EAP header cut short: " + Math.max(avail, 0) + " of 4 octets",
                    off - base, Math.max(avail, 0));
            return;
        }
        int code = Octets.u8(b, off);
        int len = Octets.u16(b, off + 2);
        eap.add(CODE, off - base, 1, (long) code);
        eap.add(ID, off - base + 1, 1, (long) Octets.u8(b, off + 1));
        eap.add(LEN, off - base + 2, 2, (long) len);
        if (!CODES.containsKey((long) code)) {
            into.addExpert(EapExperts.UNKNOWN_CODE, "Unknown EAP Code " + code, off - base, 1);
            return;
        }
        int minimum = code == REQUEST || code == RESPONSE ? 5 : 4;
        if (len < minimum) {
            into.addExpert(EapExperts.LEN_TOO_SHORT, "EAP Length " + len + " is shorter than the " + minimum
                    + " octets of a " + CODES.get((long) code), off - base + 2, 2);
            return;
        }
        int pduEnd = off + len;
        if (pduEnd > end) {
            into.addExpert(EapExperts.LEN_PAST_END, "EAP Length " + len + " runs past the " + avail
                    + " octets that carry it", off - base + 2, 2);
            pduEnd = end;
        }
        if (code != REQUEST && code != RESPONSE || pduEnd < off + 5) {
            return;
        }
        int type = Octets.u8(b, off + 4);
        eap.add(TYPE, off - base + 4, 1, (long) type);
        int data = off + 5;
        switch (type) {
            case TYPE_IDENTITY -> eap.add(IDENTITY, data - base, pduEnd - data, text(b, data, pduEnd));
            case TYPE_NOTIFICATION -> eap.add(NOTIFICATION, data - base, pduEnd - data, text(b, data, pduEnd));
            case TYPE_NAK -> {
                for (int p = data; p < pduEnd; p++) {
                    eap.add(DESIRED_TYPE, p - base, 1, (long) Octets.u8(b, p));
                }
            }
            case TYPE_TLS, TYPE_TTLS, TYPE_PEAP, TYPE_FAST -> tls(b, base, data, pduEnd, eap, into, tls);
            default -> {
                if (pduEnd > data) {
                    eap.add(DATA, data - base, pduEnd - data, Bytes.of(b, data, pduEnd - data));
                }
            }
        }
    }

    private static void tls(byte[] b, int base, int p, int end, FieldValue eap, Dissection into, EapTlsState state) {
        if (end - p < 1) {
            into.addExpert(EapExperts.TLS_TRUNCATED, "EAP-TLS flags missing", p - base, 0);
            return;
        }
        int flags = Octets.u8(b, p);
        FieldValue f = eap.add(TLS_FLAGS, p - base, 1, (long) flags);
        f.add(TLS_FLAG_L, p - base, 1, (flags & 0x80) != 0);
        f.add(TLS_FLAG_M, p - base, 1, (flags & 0x40) != 0);
        f.add(TLS_FLAG_S, p - base, 1, (flags & 0x20) != 0);
        f.add(TLS_FLAG_VERSION, p - base, 1, (long) (flags & 0x07));
        int data = p + 1;
        if ((flags & 0x80) != 0) {
            if (end - data < 4) {
                into.addExpert(EapExperts.TLS_TRUNCATED, "TLS Message Length cut short: " + (end - data)
                        + " of 4 octets", data - base, end - data);
                return;
            }
            long tlsLen = Octets.u32(b, data);
            eap.add(TLS_LEN, data - base, 4, tlsLen);
            data += 4;
            if (tlsLen < end - data) {
                into.addExpert(EapExperts.TLS_LEN_SHORT, "TLS Message Length " + tlsLen + " is shorter than the "
                        + (end - data) + " octets of this fragment", data - 4 - base, 4);
            }
        }
        if (end <= data) {
            return;
        }
        eap.add(TLS_DATA, data - base, end - data, Bytes.of(b, data, end - data));
        // A hello starts a TLS message: the first fragment (L set, RFC 5216 3.1) or an unfragmented one. Then come the
        // record header (5), the handshake type (1) and length (3), the version (2) and the random (32).
        boolean starts = (flags & 0x80) != 0 || (flags & 0x40) == 0;
        if (starts && end - data >= 43 && Octets.u8(b, data) == TLS_HANDSHAKE && Octets.u8(b, data + 1) == 3) {
            int hs = Octets.u8(b, data + 5);
            if (hs == CLIENT_HELLO || hs == SERVER_HELLO) {
                eap.add(hs == CLIENT_HELLO ? TLS_CLIENT_RANDOM : TLS_SERVER_RANDOM, data + 11 - base, 32,
                        Bytes.of(b, data + 11, 32));
                int selected = hs == SERVER_HELLO ? serverHello(b, data, end, base, eap) : 0;
                if (state != null) {
                    // a ClientHello opens a new handshake; the ServerHello's version is the session's
                    state.version = hs == CLIENT_HELLO ? 0 : selected;
                }
            }
        }
        if (state != null && (flags & 0x40) == 0) {
            // the last (or only) fragment completes a TLS message: tshark names the frame by the session's version
            int version = state.version;
            if (version == 0 && starts && end - data >= 3 && Octets.u8(b, data + 1) == 3) {
                version = Octets.u16(b, data + 1);
            }
            if (version != 0) {
                into.addLayer(TLS, data - base, end - data).add(TLS_VERSION, data - base, 0, (long) version);
            }
        }
    }

    private static String text(byte[] b, int from, int to) {
        return new String(b, from, Math.max(0, to - from), StandardCharsets.UTF_8);
    }

    /**
     * The rest of a ServerHello in this fragment (RFC 5246 7.4.1.3, RFC 8446 4.1.3): the cipher suite after the session
     * id, and the version, from the supported_versions extension when there is one; every length is checked against the
     * fragment, and what does not fit is left out. Returns the version chosen.
     */
    private static int serverHello(byte[] b, int data, int end, int base, FieldValue eap) {
        int legacy = Octets.u16(b, data + 9);
        int p = data + 43;
        if (p >= end) {
            return legacy;
        }
        p += 1 + Octets.u8(b, p);
        if (p + 3 > end) {
            return legacy;
        }
        eap.add(TLS_CIPHER_SUITE, p - base, 2, (long) Octets.u16(b, p));
        p += 3;
        int selected = legacy;
        if (p + 2 <= end) {
            int extEnd = Math.min(end, p + 2 + Octets.u16(b, p));
            for (p += 2; p + 4 <= extEnd; ) {
                int type = Octets.u16(b, p);
                int len = Octets.u16(b, p + 2);
                if (type == SUPPORTED_VERSIONS && len == 2 && p + 6 <= extEnd) {
                    selected = Octets.u16(b, p + 4);
                }
                p += 4 + len;
            }
        }
        eap.add(TLS_SELECTED_VERSION, data + 9 - base, 2, (long) selected);
        return selected;
    }
}
