package dev.macsec.secy;

import dev.macsec.crypto.SaKey;
import dev.macsec.decode.SecTag;

/**
 * One received frame travelling through the two receive stages: the input (an Ethernet frame from the DA,
 * no FCS), what {@link ReceiveSecY#verify} found, and the output buffer for the plaintext frame
 * (DA || SA || user data). Reusable: a pipeline keeps a ring of these and calls {@link #set} per frame.
 */
public final class RxFrame {
    final SecTag tag = new SecTag();
    byte[] buf;
    int off;
    int len;
    int etherTypeOffset;
    boolean tagged;

    // filled by verify
    boolean verified;
    boolean valid;
    long verifiedPn;
    SaKey verifiedKey;
    /** A wildcard or trial key (SCI/AN unknown) verified this frame; apply() installs it. */
    SaKey learnedKey;
    boolean learnedByTrial;
    /** The SA, and its {@link ReceiveSa#stamp()}, whose keys verify() tried; apply() redoes it for another. */
    ReceiveSa triedSa;
    int triedStamp;
    long triedXpnPn;
    /** Of the keys tried: the one that verified, where the next frame goes on, whether some were left untried. */
    int keyIndex;
    int nextCursor;
    boolean keysLeft;
    /** GCM verifications spent on this frame, for the tests that bound them. */
    int keysTried;
    long sci;

    byte[] out;
    int outOff;
    int outLen = -1;

    /**
     * Points at a frame; {@code out} receives the plaintext frame and needs {@code len} octets.
     * VLAN tags before the SecTAG are not looked through: 802.1AE puts them inside the secure data.
     */
    public RxFrame set(byte[] buf, int off, int len, byte[] out, int outOff) {
        this.buf = buf;
        this.off = off;
        this.len = len;
        this.out = out;
        this.outOff = outOff;
        this.etherTypeOffset = off + 12;
        this.tagged = len >= 14 && ((buf[off + 12] & 0xFF) << 8 | (buf[off + 13] & 0xFF)) == SecTag.ETHERTYPE;
        if (tagged) {
            tag.wrap(buf, off + 6, etherTypeOffset, off + len);
        }
        verified = false;
        valid = false;
        verifiedKey = null;
        learnedKey = null;
        learnedByTrial = false;
        triedSa = null;
        keysLeft = false;
        keysTried = 0;
        verifiedPn = 0;
        outLen = -1;
        sci = 0;
        return this;
    }

    /** The key that verified the frame (for its label), or null when none did. */
    public SaKey key() {
        return valid ? verifiedKey : null;
    }

    /** The label of the key that verified the frame, or null. */
    public String keyLabel() {
        SaKey k = key();
        return k == null ? null : k.label();
    }

    /** Convenience: a whole array as the frame, with a fresh output buffer. */
    public static RxFrame of(byte[] frame) {
        return new RxFrame().set(frame, 0, frame.length, new byte[frame.length], 0);
    }

    public boolean tagged() {
        return tagged;
    }

    /** The SecTAG view (valid when {@link #tagged()}). */
    public SecTag secTag() {
        return tag;
    }

    /** The SCI the SecY used for this frame (after {@link ReceiveSecY#verify}). */
    public long sci() {
        return sci;
    }

    /** The full PN the frame was verified with (XPN: recovered). */
    public long pn() {
        return verifiedPn;
    }

    /** Length of the plaintext frame in the output buffer, or -1 when nothing was delivered. */
    public int outLength() {
        return outLen;
    }

    public byte[] out() {
        return out;
    }

    public int outOffset() {
        return outOff;
    }
}
