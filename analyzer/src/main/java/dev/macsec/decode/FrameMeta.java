package dev.macsec.decode;

/**
 * What the capture file says about a frame.
 *
 * @param number         position in the capture, from 1
 * @param epochSeconds   capture time, whole seconds since 1970
 * @param nanos          fraction of the second in nanoseconds
 * @param wireLength     octets on the wire (pcap orig_len)
 * @param capturedLength octets present (pcap incl_len)
 */
public record FrameMeta(long number, long epochSeconds, int nanos, int wireLength, int capturedLength) {
    /** Metadata for a frame whose capture time is in nanoseconds since the epoch (as capture readers give it). */
    public static FrameMeta ofNanos(long number, long timestampNanos, int wireLength, int capturedLength) {
        return new FrameMeta(number, Math.floorDiv(timestampNanos, 1_000_000_000L),
                (int) Math.floorMod(timestampNanos, 1_000_000_000L), wireLength, capturedLength);
    }

    public String epochText() {
        return epochSeconds + "." + String.format("%09d", nanos);
    }

    /** True when the capture cut the frame short (snapshot length). */
    public boolean truncated() {
        return capturedLength < wireLength;
    }
}
