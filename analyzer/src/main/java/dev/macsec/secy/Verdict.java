package dev.macsec.secy;

import dev.macsec.counter.Counter;

/**
 * What a receiving SecY did with one frame, named after the counter it increments (IEEE 802.1AE-2018
 * 10.6, 10.7.9). {@link #UNCONTROLLED} has no counter: E=1,C=0 marks frames not for the Controlled Port.
 */
public enum Verdict {
    OK(Counter.IN_PKTS_OK, true),
    UNCHECKED(Counter.IN_PKTS_UNCHECKED, true),
    DELAYED(Counter.IN_PKTS_DELAYED, true),
    LATE(Counter.IN_PKTS_LATE, false),
    /** ICV failed, validateFrames Check, C=0: counted and still delivered. */
    INVALID(Counter.IN_PKTS_INVALID, true),
    NOT_VALID(Counter.IN_PKTS_NOT_VALID, false),
    NOT_USING_SA(Counter.IN_PKTS_NOT_USING_SA, false),
    UNUSED_SA(Counter.IN_PKTS_UNUSED_SA, true),
    UNTAGGED(Counter.IN_PKTS_UNTAGGED, true),
    NO_TAG(Counter.IN_PKTS_NO_TAG, false),
    BAD_TAG(Counter.IN_PKTS_BAD_TAG, false),
    UNKNOWN_SCI(Counter.IN_PKTS_UNKNOWN_SCI, true),
    NO_SCI(Counter.IN_PKTS_NO_SCI, false),
    /** E=1 and C=0: the reserved encoding for frames that go to the Uncontrolled Port only. */
    UNCONTROLLED(null, false);

    private final Counter counter;
    private final boolean delivered;

    Verdict(Counter counter, boolean delivered) {
        this.counter = counter;
        this.delivered = delivered;
    }

    /** The standard counter this verdict increments, or null. */
    public Counter counter() {
        return counter;
    }

    /** Whether the frame reaches the Controlled Port. */
    public boolean delivered() {
        return delivered;
    }
}
