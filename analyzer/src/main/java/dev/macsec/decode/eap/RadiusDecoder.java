package dev.macsec.decode.eap;

import dev.macsec.field.Bytes;
import dev.macsec.field.Dissection;
import dev.macsec.field.FieldValue;
import dev.macsec.field.Octets;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

import static dev.macsec.decode.eap.RadiusFields.*;

/**
 * Decodes a RADIUS packet (RFC 2865 3) in a UDP payload {@code b[off, end)}: header, every attribute (type, length
 * and, for the attributes of an 802.1X authentication, the value), the Microsoft vendor attributes, and the EAP packet
 * its EAP-Message attributes carry together (RFC 3579 3.1). No length is trusted beyond {@code end}.
 */
public final class RadiusDecoder {
    /** RFC 2865 3: the largest RADIUS packet. */
    public static final int MAX_LENGTH = 4096;

    private RadiusDecoder() {
    }

    public static void decode(byte[] b, int base, int off, int end, Dissection into) {
        decode(b, base, off, end, into, null);
    }

    /** @param tls what the frames before told of the TLS handshake its EAP carries, updated; null for none */
    public static void decode(byte[] b, int base, int off, int end, Dissection into, EapTlsState tls) {
        int avail = end - off;
        FieldValue radius = into.addLayer(RADIUS, off - base, Math.max(0, avail));
        if (avail < 20) {
            into.addExpert(RadiusExperts.TRUNCATED, "RADIUS header cut short: " + Math.max(avail, 0) + " of 20 octets",
                    off - base, Math.max(avail, 0));
            return;
        }
        int code = Octets.u8(b, off);
        int len = Octets.u16(b, off + 2);
        radius.add(CODE, off - base, 1, (long) code);
        radius.add(ID, off - base + 1, 1, (long) Octets.u8(b, off + 1));
        radius.add(LENGTH, off - base + 2, 2, (long) len);
        radius.add(AUTHENTICATOR, off - base + 4, 16, Bytes.of(b, off + 4, 16));
        if (!CODES.containsKey((long) code)) {
            into.addExpert(RadiusExperts.UNKNOWN_CODE, "Unknown RADIUS Code " + code, off - base, 1);
        }
        int pduEnd = off + len;
        if (len < 20 || len > MAX_LENGTH || pduEnd > end) {
            into.addExpert(RadiusExperts.BAD_LENGTH, "RADIUS Length " + len + " (20 to 4096, and within the "
                    + avail + " octets of the UDP payload)", off - base + 2, 2);
            pduEnd = len < 20 ? off + 20 : Math.min(pduEnd, end);
        }
        boolean eap = false;
        boolean messageAuthenticator = false;
        ByteArrayOutputStream eapMessage = null;
        int firstEap = -1;
        int p = off + 20;
        while (p < pduEnd) {
            if (pduEnd - p < 2 || Octets.u8(b, p + 1) < 2 || p + Octets.u8(b, p + 1) > pduEnd) {
                into.addExpert(RadiusExperts.AVP_BAD_LENGTH, "Attribute at offset " + (p - off) + " of the packet: "
                        + (pduEnd - p < 2 ? "cut short" : "length " + Octets.u8(b, p + 1) + " with " + (pduEnd - p)
                        + " octets left"), p - base, pduEnd - p);
                break;
            }
            int type = Octets.u8(b, p);
            int alen = Octets.u8(b, p + 1);
            FieldValue avp = radius.add(AVP, p - base, alen, null);
            avp.add(AVP_TYPE, p - base, 1, (long) type);
            avp.add(AVP_LENGTH, p - base + 1, 1, (long) alen);
            int v = p + 2;
            int vEnd = p + alen;
            Attribute a = attribute(type);
            if (a != null) {
                value(b, base, v, vEnd, a, avp);
            }
            if (type == ATTR_VENDOR_SPECIFIC) {
                vendor(b, base, v, vEnd, avp);
            } else if (type == ATTR_EAP_MESSAGE) {
                eap = true;
                if (firstEap < 0) {
                    firstEap = v;
                    eapMessage = new ByteArrayOutputStream(vEnd - v);
                }
                eapMessage.write(b, v, vEnd - v);
            } else if (type == ATTR_MESSAGE_AUTHENTICATOR) {
                messageAuthenticator = true;
                if (alen != 18) {
                    into.addExpert(RadiusExperts.BAD_MESSAGE_AUTHENTICATOR_LENGTH, "Message-Authenticator of "
                            + (alen - 2) + " octets, not 16", p - base, alen);
                }
            }
            p = vEnd;
        }
        if (eap && !messageAuthenticator) {
            into.addExpert(RadiusExperts.EAP_WITHOUT_MESSAGE_AUTHENTICATOR, "EAP-Message without Message-Authenticator: "
                    + "the packet must be silently discarded (RFC 3579 3.2)", off - base, 1);
        }
        if (eapMessage != null) {
            byte[] whole = eapMessage.toByteArray();
            // offsets of the reassembled packet are counted from the first EAP-Message value
            EapDecoder.decode(whole, -(firstEap - base), 0, whole.length, into, tls);
        }
    }

    private static void value(byte[] b, int base, int v, int vEnd, Attribute a, FieldValue avp) {
        int n = vEnd - v;
        switch (a.kind()) {
            case STRING -> avp.add(a.field(), v - base, n, new String(b, v, n, StandardCharsets.UTF_8));
            case BYTES -> avp.add(a.field(), v - base, n, Bytes.of(b, v, n));
            case UINT32 -> {
                if (n == 4) {
                    avp.add(a.field(), v - base, 4, Octets.u32(b, v));
                }
            }
            case IPV4 -> {
                if (n == 4) {
                    avp.add(a.field(), v - base, 4, Octets.u32(b, v));
                }
            }
            case IPV6 -> {
                if (n == 16) {
                    avp.add(a.field(), v - base, 16, Octets.ipv6Text(b, v));
                }
            }
        }
    }

    /** Vendor-Specific (RFC 2865 5.26): vendor id, then the vendor's type-length-value attributes (RFC 2548 2). */
    private static void vendor(byte[] b, int base, int v, int vEnd, FieldValue avp) {
        if (vEnd - v < 4) {
            return;
        }
        long vendor = Octets.u32(b, v);
        avp.add(AVP_VENDOR_ID, v - base, 4, vendor);
        int p = v + 4;
        while (p + 2 <= vEnd) {
            int type = Octets.u8(b, p);
            int len = Octets.u8(b, p + 1);
            if (len < 2 || p + len > vEnd) {
                return;
            }
            avp.add(AVP_VENDOR_TYPE, p - base, 1, (long) type);
            avp.add(AVP_VENDOR_LEN, p - base + 1, 1, (long) len);
            Attribute a = vendor == VENDOR_MICROSOFT ? microsoft(type) : null;
            if (a != null) {
                value(b, base, p + 2, p + len, a, avp);
            }
            p += len;
        }
    }
}
