package dev.macsec.secy;

/**
 * What a receiving SecY did with one frame, named after the counter it increments (IEEE 802.1AE-2018
 * 10.6, 10.7.9). {@link #UNCONTROLLED} has no counter: E=1,C=0 marks frames not for the Controlled Port.
 */
public enum Verdict {
    OK("InPktsOK", true),
    UNCHECKED("InPktsUnchecked", true),
    DELAYED("InPktsDelayed", true),
    LATE("InPktsLate", false),
    /** ICV failed, validateFrames Check, C=0: counted and still delivered. */
    INVALID("InPktsInvalid", true),
    NOT_VALID("InPktsNotValid", false),
    NOT_USING_SA("InPktsNotUsingSA", false),
    UNUSED_SA("InPktsUnusedSA", true),
    UNTAGGED("InPktsUntagged", true),
    NO_TAG("InPktsNoTag", false),
    BAD_TAG("InPktsBadTag", false),
    UNKNOWN_SCI("InPktsUnknownSCI", true),
    NO_SCI("InPktsNoSCI", false),
    /** E=1 and C=0: the reserved encoding for frames that go to the Uncontrolled Port only. */
    UNCONTROLLED(null, false);

    private final String counter;
    private final boolean delivered;

    Verdict(String counter, boolean delivered) {
        this.counter = counter;
        this.delivered = delivered;
    }

    /** The standard counter this verdict increments, or null. */
    public String counter() {
        return counter;
    }

    /** Whether the frame reaches the Controlled Port. */
    public boolean delivered() {
        return delivered;
    }
}
