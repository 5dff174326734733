package dev.macsec.mka.protocol;

/**
 * The Confidentiality Offset of a Distributed SAK (IEEE 802.1X-2020 11.11.1, Table 11-6): a 2-bit code that says
 * whether the SAK is used with confidentiality and how many octets of the frame stay in clear.
 */
public final class ConfidentialityOffsets {
    /** Code 0: confidentiality not used (integrity only). */
    public static final int NOT_USED = 0;

    private ConfidentialityOffsets() {
    }

    /** The octets left in clear under {@code code}: 0 for codes 0 and 1, 30 for 2, 50 for 3. */
    public static int octets(int code) {
        return switch (code) {
            case 2 -> 30;
            case 3 -> 50;
            default -> 0;
        };
    }

    /** The code that announces confidentiality with {@code octets} (0, 30 or 50) left in clear. */
    public static int code(int octets) {
        return switch (octets) {
            case 0 -> 1;
            case 30 -> 2;
            case 50 -> 3;
            default -> throw new IllegalArgumentException("a confidentiality offset is 0, 30 or 50: " + octets);
        };
    }
}
