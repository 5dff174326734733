package dev.macsec.secy;

import dev.macsec.crypto.SaKey;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A receive SA (IEEE 802.1AE-2018 10.7.10): its key, next PN, in-use flag and per-SA counters.
 * State changes come only from the ordered stage ({@link ReceiveSecY#apply}); next PN is volatile so
 * that parallel verifiers can read it to predict the XPN upper half.
 */
public final class ReceiveSa {
    private final int an;
    private final SaKey key;
    private volatile long nextPn;
    private volatile boolean inUse = true;

    long inPktsOk;
    long inPktsInvalid;
    long inPktsNotValid;
    long inPktsNotUsingSa;
    long inPktsUnusedSa;

    ReceiveSa(int an, SaKey key, long nextPn) {
        this.an = an;
        this.key = key;
        this.nextPn = nextPn;
    }

    public int an() {
        return an;
    }

    public SaKey key() {
        return key;
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

    /** Per-SA counters under the standard's names. */
    public Map<String, Long> counters() {
        Map<String, Long> m = new LinkedHashMap<>();
        m.put("InPktsOK", inPktsOk);
        m.put("InPktsInvalid", inPktsInvalid);
        m.put("InPktsNotValid", inPktsNotValid);
        m.put("InPktsNotUsingSA", inPktsNotUsingSa);
        m.put("InPktsUnusedSA", inPktsUnusedSa);
        return m;
    }

    @Override
    public String toString() {
        return "ReceiveSa[AN " + an + ", next PN " + Long.toUnsignedString(nextPn) + (inUse ? "" : ", not in use") + ", " + key + "]";
    }
}
