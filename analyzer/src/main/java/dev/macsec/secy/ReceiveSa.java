package dev.macsec.secy;

import dev.macsec.crypto.SaKey;
import dev.macsec.counter.Counter;
import dev.macsec.counter.CounterValues;
import dev.macsec.counter.LiveCounters;

/**
 * A receive SA (IEEE 802.1AE-2018 10.7.10): its key, next PN, in-use flag and per-SA counters.
 * State changes come only from the ordered stage ({@link ReceiveSecY#apply}); next PN is volatile so
 * that parallel verifiers can read it to predict the XPN upper half.
 *
 * <h2>Candidate keys</h2>
 * An SA may be given more than one key when the configuration does not say which is its own: a keys file binding
 * several SAKs to one SCI/AN, or the wildcard SAKs (no SCI/AN) for an SC/AN first seen in the capture. The key that
 * verified last ({@link #key()}) is tried first; when it fails, the others are tried, at most
 * {@link ReceiveSecY#MAX_KEYS_PER_FRAME} keys per frame, going on where the previous frame left off (the first frame
 * that none of those verifies gets all of them, within {@link ReceiveSecY#SWEEP_BUDGET} for the run). Wildcard keys
 * are an exception once one of them has verified: the SA is then that key's alone, so that a capture under many
 * wildcard keys costs one verification per frame and not one per key (a frame that fails is NotValid, as on an SA
 * configured with that key).
 */
public final class ReceiveSa {
    private final int an;
    private final SaKey[] keys;
    private final boolean wildcard;
    private final boolean anyXpn;
    private volatile int current;
    private volatile boolean resolved;
    /** Where the next frame that the current key fails starts among the other keys. */
    private volatile int cursor;
    /** Changes whenever the order of the keys tried changes: a frame verified before under another order is redone. */
    private volatile int stamp;
    /** Ordered stage only: whether a frame has been tried with every candidate (ReceiveSecY's sweep budget). */
    boolean swept;
    private volatile long nextPn;
    private volatile boolean inUse = true;

    private final LiveCounters counters = new LiveCounters(Counter.Scope.RECEIVE_SA);

    ReceiveSa(int an, SaKey key, long nextPn) {
        this(an, new SaKey[] {key}, false, 0, false, nextPn);
    }

    /**
     * @param current  the key known to verify (or tried first)
     * @param resolved whether {@code current} has verified a frame
     */
    ReceiveSa(int an, SaKey[] keys, boolean wildcard, int current, boolean resolved, long nextPn) {
        if (keys.length == 0) {
            throw new IllegalArgumentException("an SA needs a key");
        }
        this.an = an;
        this.keys = keys;
        this.wildcard = wildcard;
        this.current = current;
        this.resolved = resolved;
        this.cursor = (current + 1) % keys.length;
        this.nextPn = nextPn;
        boolean xpn = false;
        for (SaKey k : keys) {
            xpn |= k.suite().xpn();
        }
        this.anyXpn = xpn;
    }

    public int an() {
        return an;
    }

    /** The key that verified this SA's last valid frame (the first candidate before any did). */
    public SaKey key() {
        return keys[current];
    }

    /** Every candidate key of this SA (one, unless the configuration left the choice to the frames). */
    public java.util.List<SaKey> keys() {
        return java.util.List.of(keys);
    }

    /** The candidates themselves, for the verification loop (not copied: never changed). */
    SaKey[] keyArray() {
        return keys;
    }

    int keyCount() {
        return keys.length;
    }

    int current() {
        return current;
    }

    int cursor() {
        return cursor;
    }

    int stamp() {
        return stamp;
    }

    boolean anyXpn() {
        return anyXpn;
    }

    /** Whether a frame the current key fails is tried with the other keys. */
    boolean triesOthers() {
        return keys.length > 1 && !(wildcard && resolved);
    }

    /** Ordered stage: key {@code index} verified a frame. */
    void verifiedWith(int index) {
        if (index != current || !resolved) {
            current = index;
            resolved = true;
            cursor = (index + 1) % keys.length;
            stamp++;
        }
    }

    /** Ordered stage: no key verified a frame; the next such frame goes on at {@code next} among the others. */
    void failed(int next) {
        if (triesOthers() && next != cursor) {
            cursor = next;
            stamp++;
        }
    }

    /** The next PN expected (unsigned 64-bit for XPN). */
    public long nextPn() {
        return nextPn;
    }

    void nextPn(long pn) {
        this.nextPn = pn;
    }

    /** The lowest acceptable PN for a replay window (10.6.2): next PN minus the window, 0 below. */
    public long lowestPn(long replayWindow) {
        return Long.compareUnsigned(nextPn, replayWindow) >= 0 ? nextPn - replayWindow : 0;
    }

    public boolean inUse() {
        return inUse;
    }

    public ReceiveSa inUse(boolean value) {
        this.inUse = value;
        return this;
    }

    void count(Counter c) {
        counters.increment(c);
    }

    /** This SA's counters now. */
    public CounterValues counters() {
        return counters.snapshot();
    }

    @Override
    public String toString() {
        return "ReceiveSa[AN " + an + ", next PN " + Long.toUnsignedString(nextPn) + (inUse ? "" : ", not in use") + ", "
                + key() + (keys.length > 1 ? " (1 of " + keys.length + " candidate keys)" : "") + "]";
    }
}
