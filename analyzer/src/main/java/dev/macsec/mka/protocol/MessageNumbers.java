package dev.macsec.mka.protocol;

/**
 * Message Numbers (IEEE 802.1X-2020 9.4.2): every MKPDU a participant sends carries a higher MN than the one before
 * under the same MI, so a receiver accepts an MKPDU from a peer it has heard only if its MN is higher than the last
 * it recorded for that MI; anything else is a replay or a reordered MKPDU.
 */
public final class MessageNumbers {
    private MessageNumbers() {
    }

    /** Whether {@code mn} is fresh after {@code lastMn}, the highest MN recorded for the same MI. */
    public static boolean isFresh(long lastMn, long mn) {
        return mn > lastMn;
    }
}
