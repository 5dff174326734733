package dev.macsec.conformance.link;

/**
 * One Ethernet frame (destination address first, no FCS) and when it was seen.
 *
 * @param data            the frame's octets; owned by the receiver
 * @param timestampMicros capture time in microseconds since the epoch
 */
public record Frame(byte[] data, long timestampMicros) {
    public int length() {
        return data.length;
    }

    static long nowMicros() {
        java.time.Instant now = java.time.Instant.now();
        return now.getEpochSecond() * 1_000_000L + now.getNano() / 1_000;
    }
}
