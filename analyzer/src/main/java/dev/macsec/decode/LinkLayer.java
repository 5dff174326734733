package dev.macsec.decode;

/**
 * Finds the EtherType that follows the link header and any VLAN tags, for the link types captures use.
 * Allocation-free: results are returned as offsets.
 */
public final class LinkLayer {
    public static final int LINKTYPE_ETHERNET = 1;
    public static final int LINKTYPE_LINUX_SLL = 113;
    public static final int LINKTYPE_LINUX_SLL2 = 276;

    public static final int ETHERTYPE_VLAN = 0x8100;
    public static final int ETHERTYPE_QINQ = 0x88A8;
    public static final int ETHERTYPE_QINQ_LEGACY = 0x9100;

    private LinkLayer() {
    }

    /** Offset of the first EtherType field after the link header (before VLAN tags), or -1 if too short. */
    public static int firstEtherTypeOffset(int linkType, byte[] b, int off, int len) {
        int pos = switch (linkType) {
            case LINKTYPE_ETHERNET -> off + 12;
            case LINKTYPE_LINUX_SLL -> off + 14;
            case LINKTYPE_LINUX_SLL2 -> off;
            default -> -1;
        };
        return pos < 0 || pos + 2 > off + len ? -1 : pos;
    }

    /** Offset of the 6-octet source MAC, or -1 when the link header carries none. */
    public static int sourceMacOffset(int linkType, byte[] b, int off, int len) {
        return switch (linkType) {
            case LINKTYPE_ETHERNET -> len >= 12 ? off + 6 : -1;
            // SLL: address length at 4..5, address at 6..13
            case LINKTYPE_LINUX_SLL -> len >= 16 && ((b[off + 4] << 8) | (b[off + 5] & 0xFF)) == 6 ? off + 6 : -1;
            // SLL2: address length at 11, address at 12..19
            case LINKTYPE_LINUX_SLL2 -> len >= 20 && (b[off + 11] & 0xFF) == 6 ? off + 12 : -1;
            default -> -1;
        };
    }

    /**
     * The EtherType behind the link header and any VLAN tags, and where its payload starts, as
     * {@code type << 32 | payloadOffset}, or -1 when the frame ends before them or the link type is not decoded.
     * Allocation-free. In SLL2 the EtherType precedes the addresses, so its payload does not follow it.
     */
    public static long innerEtherType(int linkType, byte[] b, int off, int len) {
        int end = off + len;
        int pos = firstEtherTypeOffset(linkType, b, off, len);
        if (pos < 0) {
            return -1;
        }
        int payload = linkType == LINKTYPE_LINUX_SLL2 ? off + 20 : pos + 2;
        int type = readU16(b, pos);
        if (linkType == LINKTYPE_LINUX_SLL2 && isVlan(type)) {
            // the first tag's TCI and the next EtherType open the payload
            if (payload + 4 > end) {
                return -1;
            }
            pos = payload + 2;
            payload += 4;
            type = readU16(b, pos);
        }
        if (isVlan(type)) {
            pos = skipVlanTags(b, pos, end);
            if (pos < 0) {
                return -1;
            }
            payload = pos + 2;
            type = readU16(b, pos);
        }
        return payload > end ? -1 : (long) type << 32 | payload;
    }

    private static boolean isVlan(int type) {
        return type == ETHERTYPE_VLAN || type == ETHERTYPE_QINQ || type == ETHERTYPE_QINQ_LEGACY;
    }

    /** Skips 802.1Q / 802.1ad tags starting at an EtherType offset; returns the offset of the inner EtherType or -1. */
    public static int skipVlanTags(byte[] b, int etherTypeOffset, int end) {
        int pos = etherTypeOffset;
        while (pos + 2 <= end) {
            int type = readU16(b, pos);
            if (type != ETHERTYPE_VLAN && type != ETHERTYPE_QINQ && type != ETHERTYPE_QINQ_LEGACY) {
                return pos;
            }
            pos += 4;
        }
        return -1;
    }

    public static int readU16(byte[] b, int o) {
        return ((b[o] & 0xFF) << 8) | (b[o + 1] & 0xFF);
    }
}
