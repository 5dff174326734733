package dev.macsec.mka.protocol;

/**
 * Key Server election (IEEE 802.1X-2020 9.5): among the live participants that claim Key Server, the one with the
 * highest priority wins; the highest priority is the numerically lowest Key Server Priority, and between equal
 * priorities the lower SCI (its 8 octets compared as an unsigned number) wins.
 */
public final class KeyServerElection {
    /** The Key Server Priority of a participant that is never to be Key Server. */
    public static final int NEVER_KEY_SERVER = 0xFF;

    private KeyServerElection() {
    }

    /** Negative when (priorityA, sciA) wins the election over (priorityB, sciB), positive when it loses. */
    public static int compare(int priorityA, long sciA, int priorityB, long sciB) {
        return priorityA != priorityB ? Integer.compare(priorityA, priorityB) : Long.compareUnsigned(sciA, sciB);
    }

    /** Whether (priorityA, sciA) wins the election over (priorityB, sciB). */
    public static boolean beats(int priorityA, long sciA, int priorityB, long sciB) {
        return compare(priorityA, sciA, priorityB, sciB) < 0;
    }

    /** Whether a participant announcing {@code priority} may be Key Server at all. */
    public static boolean mayBeKeyServer(int priority) {
        return priority != NEVER_KEY_SERVER;
    }
}
