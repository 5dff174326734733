package dev.macsec.secy;

import dev.macsec.crypto.SaKey;
import dev.macsec.decode.SecTag;
import dev.macsec.counter.Counter;
import dev.macsec.counter.CounterValues;
import dev.macsec.counter.LiveCounters;
import dev.macsec.counter.ScCounters;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicReferenceArray;

/** A receive SC (IEEE 802.1AE-2018 10.7.9): up to four SAs by AN, and the per-SC counters. */
public final class ReceiveSc {
    private final long sci;
    /**
     * Read by the verify threads and the ordered stage for every frame, replaced when MKA installs a key: a
     * volatile read each, instead of a monitor that two threads took in turn twice per frame.
     */
    private final AtomicReferenceArray<ReceiveSa> sas = new AtomicReferenceArray<>(4);
    /** Created for a frame of an SCI the configuration does not name, under wildcard keys, rather than configured. */
    private final boolean learned;

    private final LiveCounters counters = new LiveCounters(Counter.Scope.RECEIVE_SC);

    ReceiveSc(long sci, boolean learned) {
        this.sci = sci;
        this.learned = learned;
    }

    void count(Counter c) {
        counters.increment(c);
    }

    /** 10.7.9: the secure data of a validated frame, as octets decrypted when it was encrypted (E=1). */
    void countOctets(SecTag t, int userLength) {
        counters.add(t.encrypted() ? Counter.IN_OCTETS_DECRYPTED : Counter.IN_OCTETS_VALIDATED, userLength);
    }

    void countOctetsValidated(int userLength) {
        counters.add(Counter.IN_OCTETS_VALIDATED, userLength);
    }

    public long sci() {
        return sci;
    }

    public boolean learned() {
        return learned;
    }

    /** Installs (or replaces) the SA for an AN, in use, expecting {@code nextPn} next. */
    public ReceiveSa installSa(int an, SaKey key, long nextPn) {
        if (an < 0 || an > 3) {
            throw new IllegalArgumentException("AN must be 0..3: " + an);
        }
        ReceiveSa sa = new ReceiveSa(an, key, nextPn);
        sas.set(an, sa);
        return sa;
    }

    /**
     * Installs (or replaces) the SA for an AN with several candidate keys (see {@link ReceiveSa}): the keys a
     * configuration binds to this SC/AN, tried in this order until one verifies.
     */
    public ReceiveSa installSa(int an, java.util.List<SaKey> keys, long nextPn) {
        return install(an, new ReceiveSa(an, keys.toArray(SaKey[]::new), false, 0, false, nextPn));
    }

    /** The SA of a wildcard SC/AN, holding every wildcard key; {@code current} verified a frame if {@code resolved}. */
    ReceiveSa installWildcardSa(int an, SaKey[] keys, int current, boolean resolved, long nextPn) {
        return install(an, new ReceiveSa(an, keys, true, current, resolved, nextPn));
    }

    private ReceiveSa install(int an, ReceiveSa sa) {
        if (an < 0 || an > 3) {
            throw new IllegalArgumentException("AN must be 0..3: " + an);
        }
        sas.set(an, sa);
        return sa;
    }

    /** The SA for an AN, or null. */
    public ReceiveSa sa(int an) {
        return sas.get(an & 3);
    }

    /** This SC's counters and its SAs' now; read from the ordered stage's thread or after it is done. */
    public ScCounters counters() {
        Map<Integer, CounterValues> perSa = new TreeMap<>();
        for (int an = 0; an < 4; an++) {
            ReceiveSa sa = sa(an);
            if (sa != null) {
                perSa.put(an, sa.counters());
            }
        }
        return new ScCounters(counters.snapshot(), perSa);
    }

    @Override
    public String toString() {
        return String.format("ReceiveSc[SCI %016x%s]", sci, learned ? ", learned" : "");
    }
}
