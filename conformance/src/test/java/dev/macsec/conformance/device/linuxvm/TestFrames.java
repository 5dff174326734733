package dev.macsec.conformance.device.linuxvm;

import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.util.Arrays;

/**
 * Builds and opens MACsec frames with the JDK's AES-GCM, independently of the code under test, so a
 * frame the Linux kernel accepts (or one it sent that opens here) cross-checks both sides.
 */
final class TestFrames {
    private TestFrames() {
    }

    static final int ETH_MACSEC = 0x88E5;

    /** Parameters of one SA as the test sees it. */
    record Sa(byte[] sak, long sci, int an, Integer ssci, byte[] salt) {
        boolean xpn() {
            return ssci != null;
        }
    }

    static byte[] iv(Sa sa, long pn) {
        ByteBuffer b = ByteBuffer.allocate(12);
        if (!sa.xpn()) {
            return b.putLong(sa.sci()).putInt((int) pn).array();
        }
        byte[] iv = b.putInt(sa.ssci()).putLong(pn).array();
        for (int i = 0; i < 12; i++) {
            iv[i] ^= sa.salt()[i];
        }
        return iv;
    }

    /** Protects {@code userData} (EtherType + payload) from src to dst with SecTAG carrying the SCI. */
    static byte[] protect(byte[] dst, byte[] src, Sa sa, long pn, boolean encrypt, byte[] userData)
            throws GeneralSecurityException {
        int sl = userData.length < 48 ? userData.length : 0;
        ByteBuffer hdr = ByteBuffer.allocate(12 + 16);
        hdr.put(dst).put(src).putShort((short) ETH_MACSEC);
        hdr.put((byte) (0x20 | (encrypt ? 0x0C : 0) | sa.an())); // SC=1, E/C as asked
        hdr.put((byte) sl).putInt((int) pn).putLong(sa.sci());
        byte[] header = hdr.array();
        Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
        c.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(sa.sak(), "AES"), new GCMParameterSpec(128, iv(sa, pn)));
        c.updateAAD(header);
        byte[] body;
        if (encrypt) {
            body = c.doFinal(userData);
        } else {
            c.updateAAD(userData);
            byte[] icv = c.doFinal();
            body = ByteBuffer.allocate(userData.length + 16).put(userData).put(icv).array();
        }
        return ByteBuffer.allocate(header.length + body.length).put(header).put(body).array();
    }

    /** The PN (lower 32 bits) of a frame with a SecTAG. */
    static long shortPn(byte[] frame) {
        return ByteBuffer.wrap(frame, 16, 4).getInt() & 0xFFFFFFFFL;
    }

    static long sci(byte[] frame) {
        return ByteBuffer.wrap(frame, 20, 8).getLong();
    }

    static boolean isMacsec(byte[] frame) {
        return frame.length >= 12 + 16 + 16 && ((frame[12] & 0xFF) << 8 | (frame[13] & 0xFF)) == ETH_MACSEC;
    }

    /**
     * Opens a frame with SecTAG + SCI; {@code pnHigh} gives the upper 32 PN bits for XPN.
     * Returns the user data (EtherType + payload).
     */
    static byte[] open(byte[] frame, Sa sa, long pnHigh) throws GeneralSecurityException {
        int tci = frame[14] & 0xFF;
        if ((tci & 0x20) == 0) {
            throw new IllegalArgumentException("SecTAG without SCI");
        }
        boolean encrypted = (tci & 0x0C) == 0x0C;
        long pn = (pnHigh << 32) | shortPn(frame);
        int hdrLen = 12 + 16;
        Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
        c.init(Cipher.DECRYPT_MODE, new SecretKeySpec(sa.sak(), "AES"), new GCMParameterSpec(128, iv(sa, pn)));
        c.updateAAD(frame, 0, hdrLen);
        if (encrypted) {
            return c.doFinal(frame, hdrLen, frame.length - hdrLen);
        }
        int dataLen = frame.length - hdrLen - 16;
        c.updateAAD(frame, hdrLen, dataLen);
        c.doFinal(frame, hdrLen + dataLen, 16);
        return Arrays.copyOfRange(frame, hdrLen, hdrLen + dataLen);
    }

    /** EtherType 0x0800 + an IPv4 ICMP echo request. */
    static byte[] icmpEcho(byte[] srcIp, byte[] dstIp, int id, int seq, byte[] data) {
        ByteBuffer icmp = ByteBuffer.allocate(8 + data.length);
        icmp.put((byte) 8).put((byte) 0).putShort((short) 0).putShort((short) id).putShort((short) seq).put(data);
        byte[] ic = icmp.array();
        int cs = checksum(ic);
        ic[2] = (byte) (cs >> 8);
        ic[3] = (byte) cs;
        ByteBuffer ip = ByteBuffer.allocate(20);
        ip.put((byte) 0x45).put((byte) 0).putShort((short) (20 + ic.length)).putShort((short) 0x1234)
                .putShort((short) 0x4000).put((byte) 64).put((byte) 1).putShort((short) 0).put(srcIp).put(dstIp);
        byte[] iph = ip.array();
        int hcs = checksum(iph);
        iph[10] = (byte) (hcs >> 8);
        iph[11] = (byte) hcs;
        return ByteBuffer.allocate(2 + 20 + ic.length).putShort((short) 0x0800).put(iph).put(ic).array();
    }

    static int checksum(byte[] b) {
        long sum = 0;
        for (int i = 0; i + 1 < b.length; i += 2) {
            sum += ((b[i] & 0xFF) << 8) | (b[i + 1] & 0xFF);
        }
        if ((b.length & 1) != 0) {
            sum += (b[b.length - 1] & 0xFF) << 8;
        }
        while ((sum >> 16) != 0) {
            sum = (sum & 0xFFFF) + (sum >> 16);
        }
        return (int) (~sum & 0xFFFF);
    }
}
