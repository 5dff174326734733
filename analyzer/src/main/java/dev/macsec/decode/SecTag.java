package dev.macsec.decode;

import dev.macsec.field.Octets;
import dev.macsec.suite.CipherSuite;

/**
 * A reusable flyweight over the SecTAG of one frame (IEEE 802.1AE-2018 clause 9.3): no allocation per
 * frame, for the data path. Offsets are absolute positions in the wrapped array.
 *
 * <pre>
 * EtherType 88E5 | TCI/AN | SL | PN (4) | [SCI (8) when SC] | secure data | ICV (16)
 * </pre>
 */
public final class SecTag {
    public static final int ETHERTYPE = 0x88E5;
    /** Secure data shorter than this is signalled by a nonzero SL. */
    public static final int SHORT_LENGTH_LIMIT = 48;
    /** The port number 802.1AE gives an implicit SCI (the source MAC address followed by 0x0001). */
    public static final int IMPLICIT_PORT = 1;

    public static final int TCI_V = 0x80;
    public static final int TCI_ES = 0x40;
    public static final int TCI_SC = 0x20;
    public static final int TCI_SCB = 0x10;
    public static final int TCI_E = 0x08;
    public static final int TCI_C = 0x04;
    public static final int AN_MASK = 0x03;

    private byte[] buf;
    private int srcMacOffset;
    private int etherTypeOffset;
    private int frameEnd;
    private int violations;

    /**
     * Points this view at a frame.
     *
     * @param buf             the frame bytes
     * @param srcMacOffset    where the 6-octet source MAC starts (for the implicit SCI), or -1 if the link has none
     * @param etherTypeOffset where the 0x88E5 EtherType starts
     * @param frameEnd        one past the last octet of the frame (no FCS)
     * @return this view, with {@link #violations()} computed
     */
    public SecTag wrap(byte[] buf, int srcMacOffset, int etherTypeOffset, int frameEnd) {
        this.buf = buf;
        this.srcMacOffset = srcMacOffset;
        this.etherTypeOffset = etherTypeOffset;
        this.frameEnd = frameEnd;
        this.violations = computeViolations();
        return this;
    }

    private int computeViolations() {
        // TCI, SL and PN must be present before anything else can be judged.
        if (frameEnd - etherTypeOffset < 8) {
            return SecTagRule.TRUNCATED_SECTAG.bit();
        }
        int v = 0;
        int tci = tci();
        if (hasSci() && frameEnd - etherTypeOffset < 16) {
            return SecTagRule.TRUNCATED_SECTAG.bit();
        }
        if ((tci & TCI_V) != 0) {
            v |= SecTagRule.VERSION_NOT_ZERO.bit();
        }
        if ((tci & TCI_ES) != 0 && (tci & TCI_SC) != 0) {
            v |= SecTagRule.ES_AND_SC.bit();
        }
        if ((tci & TCI_SCB) != 0 && (tci & TCI_SC) != 0) {
            v |= SecTagRule.SCB_AND_SC.bit();
        }
        if ((slOctet() & 0xC0) != 0) {
            v |= SecTagRule.SL_RESERVED_BITS.bit();
        }
        if (pn() == 0) {
            v |= SecTagRule.PN_ZERO.bit();
        }
        int secureLength = frameEnd - secureDataOffset() - CipherSuite.ICV_LENGTH;
        if (secureLength < 0) {
            v |= SecTagRule.TOO_SHORT_FOR_ICV.bit();
        } else {
            int sl = shortLength();
            if (sl != 0) {
                if (sl >= SHORT_LENGTH_LIMIT || secureLength != sl) {
                    v |= SecTagRule.SHORT_LENGTH_MISMATCH.bit();
                }
            } else if (secureLength < SHORT_LENGTH_LIMIT) {
                v |= SecTagRule.SHORT_WITHOUT_SL.bit();
            }
        }
        return v;
    }

    /** Bit mask of broken {@link SecTagRule}s (0 when the SecTAG is valid). */
    public int violations() {
        return violations;
    }

    /** The same as {@link #violations()} but with PN zero allowed, as the XPN suites do. */
    public int violationsForXpn() {
        return violations & ~SecTagRule.PN_ZERO.bit();
    }

    public byte[] buffer() {
        return buf;
    }

    public int etherTypeOffset() {
        return etherTypeOffset;
    }

    public int frameEnd() {
        return frameEnd;
    }

    public int tci() {
        return buf[etherTypeOffset + 2] & 0xFC;
    }

    public int tciAnOctet() {
        return buf[etherTypeOffset + 2] & 0xFF;
    }

    public int an() {
        return buf[etherTypeOffset + 2] & AN_MASK;
    }

    public boolean version() {
        return (tci() & TCI_V) != 0;
    }

    public boolean endStation() {
        return (tci() & TCI_ES) != 0;
    }

    public boolean hasSci() {
        return (tci() & TCI_SC) != 0;
    }

    public boolean singleCopyBroadcast() {
        return (tci() & TCI_SCB) != 0;
    }

    public boolean encrypted() {
        return (tci() & TCI_E) != 0;
    }

    public boolean changed() {
        return (tci() & TCI_C) != 0;
    }

    public int slOctet() {
        return buf[etherTypeOffset + 3] & 0xFF;
    }

    /** SL: the six low bits of the SL octet. */
    public int shortLength() {
        return slOctet() & 0x3F;
    }

    /** The 32-bit PN as carried in the SecTAG (the low half of an XPN). */
    public long pn() {
        int o = etherTypeOffset + 4;
        return ((buf[o] & 0xFFL) << 24) | ((buf[o + 1] & 0xFFL) << 16) | ((buf[o + 2] & 0xFFL) << 8) | (buf[o + 3] & 0xFFL);
    }

    /** The SCI: explicit from the SecTAG, else the source MAC with port 1; -1 when neither is available. */
    public long sci() {
        if (hasSci()) {
            return readLong(etherTypeOffset + 8);
        }
        return implicitSci();
    }

    /** The SCI formed from the source MAC and port 1, as used when SC is clear; -1 without a source MAC. */
    public long implicitSci() {
        if (srcMacOffset < 0) {
            return -1;
        }
        return (Octets.u48(buf, srcMacOffset) << 16) | IMPLICIT_PORT;
    }

    /** Length of the SecTAG including its EtherType: 8 or 16 octets. */
    public int length() {
        return hasSci() ? 16 : 8;
    }

    public int sciOffset() {
        return etherTypeOffset + 8;
    }

    public int secureDataOffset() {
        return etherTypeOffset + length();
    }

    /** Octets between the SecTAG and the ICV (may be negative on a damaged frame: check violations first). */
    public int secureDataLength() {
        return frameEnd - secureDataOffset() - CipherSuite.ICV_LENGTH;
    }

    public int icvOffset() {
        return frameEnd - CipherSuite.ICV_LENGTH;
    }

    private long readLong(int o) {
        long v = 0;
        for (int i = 0; i < 8; i++) {
            v = (v << 8) | (buf[o + i] & 0xFF);
        }
        return v;
    }
}
