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
