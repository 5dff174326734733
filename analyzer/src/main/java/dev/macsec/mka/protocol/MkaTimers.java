package dev.macsec.mka.protocol;

/** The MKA timer values of IEEE 802.1X-2020 Table 9-3, in milliseconds. */
public final class MkaTimers {
    /** MKA Hello Time: a participant sends an MKPDU at least this often. */
    public static final long HELLO_TIME = 2000;
    /** MKA Bounded Hello Time: the hello interval while delay protection is in use. */
    public static final long BOUNDED_HELLO_TIME = 500;
    /** MKA Life Time: a peer not heard from for this long is removed, and an MN sent this long ago is stale. */
    public static final long LIFE_TIME = 6000;
    /** MKA SAK Retire Time: how long the old SAK is kept for receive after the new one is used for transmit. */
    public static final long SAK_RETIRE_TIME = 3000;

    private MkaTimers() {
    }

    /** Milliseconds in nanoseconds, for the tracker's capture timestamps. */
    public static long nanos(long millis) {
        return millis * 1_000_000L;
    }
}
