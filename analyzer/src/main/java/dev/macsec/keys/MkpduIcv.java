package dev.macsec.keys;

import java.security.MessageDigest;

/**
 * The MKPDU ICV of IEEE 802.1X 9.4.1: AES-CMAC under the ICK over DA || SA || EtherType 888E || EAPOL
 * header || MKPDU up to, not including, the ICV. Ethernet padding after the ICV and any VLAN tag between
 * SA and EtherType are not covered. It works on byte ranges so that it needs no MKPDU decoder: the caller
 * says where the covered octets are. An instance reuses its key schedule and scratch buffer.
 */
public final class MkpduIcv {
    public static final int ICV_LENGTH = 16;

    private final AesCmac cmac;
    private final byte[] scratch = new byte[ICV_LENGTH];

    public MkpduIcv(byte[] ick) {
        cmac = new AesCmac(ick);
    }

    /** ICV over the contiguous range [offset, offset+length) (an untagged frame from DA to the ICV). */
    public static byte[] compute(byte[] ick, byte[] frame, int offset, int length) {
        return new MkpduIcv(ick).compute(frame, offset, length);
    }

    /** Checks the 16 octets at {@code icvOffset} against the ICV over [offset, offset+length). */
    public static boolean verify(byte[] ick, byte[] frame, int offset, int length, int icvOffset) {
        return new MkpduIcv(ick).verify(frame, offset, length, icvOffset);
    }

    public byte[] compute(byte[] frame, int offset, int length) {
        checkRange(frame, offset, length);
        return cmac.mac(frame, offset, length);
    }

    /**
     * ICV for a frame with a VLAN tag (or anything else) between SA and EtherType: covers the 12 octets
     * of DA || SA at {@code addressOffset}, then [bodyOffset, bodyOffset+bodyLength) starting at the EtherType.
     */
    public byte[] compute(byte[] frame, int addressOffset, int bodyOffset, int bodyLength) {
        byte[] out = new byte[ICV_LENGTH];
        computeInto(frame, addressOffset, bodyOffset, bodyLength, out);
        return out;
    }

    public boolean verify(byte[] frame, int offset, int length, int icvOffset) {
        checkRange(frame, offset, length);
        checkRange(frame, icvOffset, ICV_LENGTH);
        cmac.mac(frame, offset, length, scratch, 0);
        return equalAt(frame, icvOffset);
    }

    public boolean verify(byte[] frame, int addressOffset, int bodyOffset, int bodyLength, int icvOffset) {
        checkRange(frame, icvOffset, ICV_LENGTH);
        computeInto(frame, addressOffset, bodyOffset, bodyLength, scratch);
        return equalAt(frame, icvOffset);
    }

    private void computeInto(byte[] frame, int addressOffset, int bodyOffset, int bodyLength, byte[] out) {
        checkRange(frame, addressOffset, 12);
        checkRange(frame, bodyOffset, bodyLength);
        cmac.reset();
        cmac.update(frame, addressOffset, 12);
        cmac.update(frame, bodyOffset, bodyLength);
        cmac.doFinal(out, 0);
    }

    private boolean equalAt(byte[] frame, int icvOffset) {
        // constant time, so that a forger learns nothing from how long a rejection takes
        int diff = 0;
        for (int i = 0; i < ICV_LENGTH; i++) {
            diff |= scratch[i] ^ frame[icvOffset + i];
        }
        return diff == 0;
    }

    /** Constant-time comparison of two ICVs. */
    public static boolean equal(byte[] a, byte[] b) {
        return MessageDigest.isEqual(a, b);
    }

    private static void checkRange(byte[] frame, int offset, int length) {
        if (offset < 0 || length < 0 || offset > frame.length - length) {
            throw new IndexOutOfBoundsException("range " + offset + "+" + length + " outside a " + frame.length
                    + "-octet frame");
        }
    }
}
