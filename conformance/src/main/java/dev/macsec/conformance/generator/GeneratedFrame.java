package dev.macsec.conformance.generator;

import java.util.HexFormat;

/**
 * One frame the generator built.
 *
 * @param label     what it is, for reports ("AN 0 PN 10 E=1 C=1", "BAD_ICV ...")
 * @param data      the frame as sent (DA onwards, no FCS)
 * @param plaintext the frame a receiver delivers if it accepts this one unchanged (DA || SA || user data)
 * @param echoSeq   the ICMP echo sequence number it carries
 */
public record GeneratedFrame(String label, byte[] data, byte[] plaintext, int echoSeq) {
    public GeneratedFrame {
        data = data.clone();
        plaintext = plaintext.clone();
    }

    @Override
    public byte[] data() {
        return data.clone();
    }

    @Override
    public byte[] plaintext() {
        return plaintext.clone();
    }

    public int length() {
        return data.length;
    }

    @Override
    public String toString() {
        return label + " (" + data.length + " octets, echo " + echoSeq + ")";
    }

    /** The first {@code n} octets in hex, for failure messages. */
    public String head(int n) {
        return HexFormat.of().formatHex(data, 0, Math.min(n, data.length));
    }
}
