package dev.macsec.field;

/** What kind of anomaly an {@link ExpertInfo} is: Wireshark's expert groups ({@code PI_MALFORMED} ...). */
public enum ExpertGroup {
    /** A checksum or integrity check value does not verify ({@code PI_CHECKSUM}). */
    CHECKSUM("Checksum"),
    /** Numbers that should advance do not, or something arrives out of turn ({@code PI_SEQUENCE}). */
    SEQUENCE("Sequence"),
    /** Content the analyzer does not decode further ({@code PI_UNDECODED}). */
    UNDECODED("Undecoded"),
    /** The octets break the format: lengths that do not add up, data cut short ({@code PI_MALFORMED}). */
    MALFORMED("Malformed"),
    /** Well formed, but against the protocol's rules ({@code PI_PROTOCOL}). */
    PROTOCOL("Protocol"),
    /** Keys or their use are wrong or unsafe ({@code PI_SECURITY}). */
    SECURITY("Security"),
    /** A key could not be recovered or used ({@code PI_DECRYPTION}). */
    DECRYPTION("Decryption"),
    /** A remark about the analysis itself, not the traffic ({@code PI_COMMENTS_GROUP}). */
    COMMENT("Comment");

    private final String wiresharkName;

    ExpertGroup(String wiresharkName) {
        this.wiresharkName = wiresharkName;
    }

    /** The group as Wireshark's Expert Information dialog names it. */
    public String wiresharkName() {
        return wiresharkName;
    }
}
