package dev.macsec.secy;

import dev.macsec.crypto.CipherCache;
import dev.macsec.crypto.MacsecGcm;
import dev.macsec.crypto.SaKey;
import dev.macsec.decode.SecTag;
import dev.macsec.decode.SecTagRule;
import dev.macsec.field.FieldFormat;
import dev.macsec.suite.CipherSuite;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Emulates a receiving SecY (IEEE 802.1AE-2018 10.6, 10.7): finds the SC and SA of each frame, checks
 * replay, validates and decrypts, and counts, under a {@link ReceiveProfile}.
 *
 * <h2>Two stages</h2>
 * {@link #verify} is the pure, parallel stage: it needs only the frame, the SA key table and a
 * thread-confined {@link CipherCache}, and may run on many threads at once, in any order.
 * {@link #apply} is the ordered stage: called for every frame in arrival order from one thread at a time,
 * it owns the replay state (next PN), the counters and the verdict. {@link #receive} does both.
 *
 * <p>XPN: the upper 32 PN bits depend on the replay state (10.6.2). {@code verify} predicts them from the
 * SA's next PN as it reads it at that moment; {@code apply} recovers them from the state in frame order
 * and, when the prediction was different (state moved on, or the SA was just installed), verifies the
 * frame again with the recovered PN on its own Cipher. Results therefore never depend on threading;
 * a wrong guess only costs a second GCM pass. The same applies when verify used another key than the SA
 * apply finds (an SA replaced in between).
 *
 * <h2>Wildcard keys</h2>
 * {@link #addWildcardKey} gives a SAK without SCI or AN: the SAK of whatever SC/AN the traffic uses. The first frame
 * of an SC or SA the configuration does not name creates the SC (marked {@link ReceiveSc#learned()}) and an SA for
 * its AN holding the wildcard keys as candidates ({@link ReceiveSa}): the first that verifies becomes that SA's key,
 * with next PN = the frame's PN, so the replay window starts at the first PN seen (for XPN the first frame is taken
 * to have upper PN half 0). A frame none of them verifies is an ICV failure (InPktsNotValid, or InPktsInvalid under
 * validateFrames Check for C=0), as on a SecY configured with that key, not an unknown SCI: the key was given for
 * it and failed. Once one has verified an SA, only it is tried there; before, at most {@link #MAX_KEYS_PER_FRAME}
 * per frame, but every one on the first frame they fail, within {@link #SWEEP_BUDGET} verifications per run.
 * {@link #addTrialKey} gives a key merely worth trying on an unknown SC (a learned SAK whose peers are not all
 * known yet): its failure says nothing about the frame, which stays an unknown SCI.
 *
 * <p>Counters are plain fields updated by the ordered stage; read them from that thread or after it is done.
 */
public final class ReceiveSecY {
    /**
     * SecY receive controls.
     *
     * @param suite                 the SecY's cipher suite (decides whether PN 0 is a bad tag: 9.12)
     * @param confidentialityOffset 0, 30 or 50: octets of user data left in clear when E=1
     */
    public record Config(CipherSuite suite, ValidateFrames validateFrames, boolean replayProtect, long replayWindow,
                         int confidentialityOffset) {
        public Config {
            if (replayWindow < 0 || replayWindow > 0xFFFFFFFFL) {
                throw new IllegalArgumentException("replay window must be 0..2^32-1: " + replayWindow);
            }
            if (confidentialityOffset != 0 && confidentialityOffset != 30 && confidentialityOffset != 50) {
                throw new IllegalArgumentException("confidentiality offset must be 0, 30 or 50: " + confidentialityOffset);
            }
        }

        /** Strict, replay protection on, window 0, offset 0. */
        public static Config strict(CipherSuite suite) {
            return new Config(suite, ValidateFrames.STRICT, true, 0, 0);
        }
    }

    private static final long LOW = 0xFFFFFFFFL;

    private final Config config;
    private final ReceiveProfile profile;
    private final Map<Long, ReceiveSc> scs = new ConcurrentHashMap<>();
    private final List<ReceiveSc> scOrder = new CopyOnWriteArrayList<>();
    /**
     * The most keys one frame is verified with when its SA has candidate keys: bounds the cost of many wildcard SAKs
     * on frames none of them verifies (each key is a GCM pass over the frame).
     */
    public static final int MAX_KEYS_PER_FRAME = 64;
    /**
     * Key verifications a run may spend beyond {@link #MAX_KEYS_PER_FRAME} to try every candidate on the first frame
     * of an SA that none verified yet (so that the right key among thousands is found at once), a few seconds at
     * most however many SCs a capture makes up.
     */
    public static final int SWEEP_BUDGET = 1 << 16;
    private long sweepBudget = SWEEP_BUDGET;

    private volatile SaKey[] wildcardKeys = new SaKey[0];
    private final List<SaKey> trialKeys = new CopyOnWriteArrayList<>();
    private long framesNotTriedWithEveryKey;
    private int mostKeysLeftUntried;
    private final CipherCache orderedCiphers = new CipherCache();
    /**
     * The SC found last, so that a capture of one or a few SCs does not box its SCI into the map twice per frame.
     * Read and written by any thread without ordering: a stale value is still a real SC (SCs are never removed and
     * their SCI is final), and a miss falls back to the map.
     */
    private ReceiveSc lastSc;

    private long inPktsUntagged;
    private long inPktsNoTag;
    private long inPktsBadTag;
    private long inPktsUnknownSci;
    private long inPktsNoSci;
    private final long inPktsOverrun = 0;

    public ReceiveSecY(Config config, ReceiveProfile profile) {
        this.config = config;
        this.profile = profile;
    }

    public Config config() {
        return config;
    }

    public ReceiveProfile profile() {
        return profile;
    }

    /** Adds a receive SC (or returns the existing one). */
    public ReceiveSc addSc(long sci) {
        return scs.computeIfAbsent(sci, s -> {
            ReceiveSc sc = new ReceiveSc(s, false);
            scOrder.add(sc);
            return sc;
        });
    }

    /** The receive SC for an SCI, or null. */
    public ReceiveSc sc(long sci) {
        ReceiveSc last = lastSc;
        if (last != null && last.sci() == sci) {
            return last;
        }
        ReceiveSc sc = scs.get(sci);
        if (sc != null) {
            lastSc = sc;
        }
        return sc;
    }

    /** Receive SCs in the order they were added or learned. */
    public Collection<ReceiveSc> scs() {
        return Collections.unmodifiableList(scOrder);
    }

    /** A SAK for frames of any SC and AN that have no SA yet (see class comment). */
    public synchronized void addWildcardKey(SaKey key) {
        SaKey[] k = java.util.Arrays.copyOf(wildcardKeys, wildcardKeys.length + 1);
        k[k.length - 1] = key;
        wildcardKeys = k;
    }

    /**
     * Frames that no key verified while some candidate keys of their SA were left untried ({@link #MAX_KEYS_PER_FRAME}):
     * their verdict might have been different under a key tried on a later frame.
     */
    public long framesNotTriedWithEveryKey() {
        return framesNotTriedWithEveryKey;
    }

    /** The most candidate keys of an SA on whose frames {@link #framesNotTriedWithEveryKey()} counted. */
    public int candidateKeysOfUntriedFrames() {
        return mostKeysLeftUntried;
    }

    /** A SAK to try on frames of an unknown SC, whose failure leaves the SC unknown (see class comment). */
    public void addTrialKey(SaKey key) {
        trialKeys.add(key);
    }

    /** Both stages for one frame, on the calling thread. */
    public Verdict receive(RxFrame f) {
        verify(f, orderedCiphers);
        return apply(f);
    }

    // ---------------------------------------------------------------- stage 1: pure, parallel

    /**
     * Verifies and decrypts a frame with the key its SC/AN names (or the wildcard keys), without touching
     * replay state or counters. Thread-safe as long as each thread passes its own {@code ciphers}.
     */
    public void verify(RxFrame f, CipherCache ciphers) {
        if (!f.tagged) {
            return;
        }
        SecTag t = f.tag;
        if (SecTagRule.TRUNCATED_SECTAG.in(t.violations())) {
            return;
        }
        f.sci = frameSci(t);
        if (uncontrolled(t) || t.secureDataLength() < 0 || !checks(t)) {
            return;
        }
        ReceiveSc sc = sc(f.sci);
        ReceiveSa sa = sc == null ? null : sc.sa(t.an());
        long low = t.pn();
        if (sa != null) {
            if (sa.inUse()) {
                f.triedSa = sa;
                f.triedStamp = sa.stamp();
                tryKeys(f, ciphers, sa.keyArray(), sa.current(), sa.cursor(), sa.triesOthers(), low,
                        sa.anyXpn() ? recoverXpn(sa, low) : low);
            }
            return;
        }
        // as the wildcard SA that apply() creates for this SC/AN would try them on its first frame
        SaKey[] wild = wildcardKeys;
        if (wild.length > 0 && tryKeys(f, ciphers, wild, 0, 1 % wild.length, wild.length > 1, low, low)) {
            f.learnedKey = f.verifiedKey;
            return;
        }
        for (SaKey k : trialKeys) {
            if (check(f, ciphers, k, low)) {
                f.learnedKey = k;
                f.learnedByTrial = true;
                return;
            }
        }
    }

    /**
     * Verifies with {@code keys[current]}, then, if {@code others}, with the other keys from {@code cursor} on, at most
     * {@link #MAX_KEYS_PER_FRAME} in all. Notes in the frame which key verified, where the next frame goes on and
     * whether keys were left untried.
     */
    private boolean tryKeys(RxFrame f, CipherCache ciphers, SaKey[] keys, int current, int cursor, boolean others,
                            long low, long xpnPn) {
        f.keyIndex = current;
        f.nextCursor = cursor;
        f.keysLeft = false;
        f.triedXpnPn = xpnPn;
        if (check(f, ciphers, keys[current], keys[current].suite().xpn() ? xpnPn : low) || !others) {
            return f.valid;
        }
        int n = keys.length;
        int budget = Math.min(n - 1, MAX_KEYS_PER_FRAME - 1);
        int i = cursor;
        for (int tried = 0; tried < budget; i = (i + 1) % n) {
            if (i == current) {
                continue;
            }
            tried++;
            if (check(f, ciphers, keys[i], keys[i].suite().xpn() ? xpnPn : low)) {
                f.keyIndex = i;
                return true;
            }
        }
        f.nextCursor = i;
        f.keysLeft = budget < n - 1;
        return false;
    }

    private boolean check(RxFrame f, CipherCache ciphers, SaKey key, long pn) {
        f.keysTried++;
        MacsecGcm gcm = ciphers.get(key);
        int offset = key.confidentialityOffset() >= 0 ? key.confidentialityOffset() : config.confidentialityOffset();
        SecTag t = f.tag;
        int n = gcm.verify(t.buffer(), f.off, t.etherTypeOffset(), t.secureDataOffset(), t.secureDataLength(),
                t.encrypted(), f.sci, pn, offset, f.out, f.outOff);
        f.verified = true;
        f.verifiedKey = key;
        f.verifiedPn = pn;
        f.valid = n >= 0;
        f.outLen = n;
        return f.valid;
    }

    private boolean checks(SecTag t) {
        return t.changed() || config.validateFrames() != ValidateFrames.DISABLED;
    }

    private static boolean uncontrolled(SecTag t) {
        return t.encrypted() && !t.changed();
    }

    private long frameSci(SecTag t) {
        if (!t.hasSci() && !t.endStation() && profile.has(Deviation.IMPLICIT_SCI_IS_THE_SINGLE_SC) && scOrder.size() == 1) {
            return scOrder.get(0).sci();
        }
        return t.sci();
    }

    /** 10.6.2: the full PN of a frame; XPN recovers the upper half from the replay state. */
    long recoverPn(ReceiveSa sa, long low) {
        return sa.key().suite().xpn() ? recoverXpn(sa, low) : low;
    }

    /** The full PN of a frame under an XPN key of this SA. */
    private long recoverXpn(ReceiveSa sa, long low) {
        if (profile.has(Deviation.XPN_RECOVERS_FROM_NEXT_PN)) {
            long next = sa.nextPn();
            long upper = next >>> 32;
            long nextLow = next & LOW;
            if (low < nextLow && !sameHalf(low, nextLow)) {
                upper++;
            }
            return (upper << 32) | low;
        }
        long lowest = sa.lowestPn(config.replayWindow());
        long upper = lowest >>> 32;
        if (low < (lowest & LOW)) {
            upper++;
        }
        return (upper << 32) | low;
    }

    private static boolean sameHalf(long a, long b) {
        return ((a ^ b) & 0x80000000L) == 0;
    }

    // ---------------------------------------------------------------- stage 2: ordered

    /** Replay, next PN, counters and verdict for a frame already passed to {@link #verify}; call in frame order. */
    public Verdict apply(RxFrame f) {
        if (!f.tagged) {
            if (config.validateFrames() == ValidateFrames.STRICT) {
                inPktsNoTag++;
                return drop(f, Verdict.NO_TAG);
            }
            inPktsUntagged++;
            System.arraycopy(f.buf, f.off, f.out, f.outOff, f.len);
            f.outLen = f.len;
            return Verdict.UNTAGGED;
        }
        SecTag t = f.tag;
        int violations = config.suite().xpn() ? t.violationsForXpn() : t.violations();
        if (SecTagRule.TRUNCATED_SECTAG.in(violations)) {
            if (!profile.has(Deviation.TRUNCATED_SECTAG_NOT_COUNTED)) {
                inPktsBadTag++;
            }
            return drop(f, Verdict.BAD_TAG);
        }
        if (profile.has(Deviation.SHORT_LENGTH_48_TO_63_ACCEPTED) && SecTagRule.SHORT_LENGTH_MISMATCH.in(violations)
                && t.shortLength() >= SecTag.SHORT_LENGTH_LIMIT && t.secureDataLength() == t.shortLength()) {
            violations &= ~SecTagRule.SHORT_LENGTH_MISMATCH.bit();
        }
        if (uncontrolled(t)) {
            return drop(f, Verdict.UNCONTROLLED);
        }
        ReceiveSc sc = sc(f.sci);
        SaKey[] wild = wildcardKeys;
        boolean wildcardSa = violations == 0 && (f.learnedKey != null || wild.length > 0);
        if (sc == null && wildcardSa) {
            sc = scs.computeIfAbsent(f.sci, s -> {
                ReceiveSc n = new ReceiveSc(s, true);
                scOrder.add(n);
                return n;
            });
        }
        if (profile.has(Deviation.SCI_LOOKUP_BEFORE_TAG_CHECK)) {
            if (sc == null) {
                return unknownSci(f);
            }
            if (violations != 0) {
                inPktsBadTag++;
                return drop(f, Verdict.BAD_TAG);
            }
        } else {
            if (violations != 0) {
                inPktsBadTag++;
                return drop(f, Verdict.BAD_TAG);
            }
            if (sc == null) {
                return unknownSci(f);
            }
        }
        boolean strict = config.validateFrames() == ValidateFrames.STRICT;
        ReceiveSa sa = sc.sa(t.an());
        if (sa == null && wildcardSa) {
            if (f.learnedByTrial) {
                sa = sc.installSa(t.an(), f.learnedKey, f.verifiedPn);
            } else if (f.learnedKey != null) {
                sa = sc.installWildcardSa(t.an(), wild, f.keyIndex, true, f.verifiedPn);
            } else {
                // no wildcard key verified it: the SA exists all the same, its replay window starting at the first
                // frame one verifies, and this frame is an ICV failure below
                sa = sc.installWildcardSa(t.an(), wild, 0, false, 1);
            }
            // verify() tried the keys in this new SA's order
            f.triedSa = sa;
            f.triedStamp = sa.stamp();
        }
        if (sa == null || !sa.inUse()) {
            boolean perSa = sa != null && !profile.has(Deviation.NO_PER_SA_UNUSED_COUNTERS);
            if (t.changed() || strict) {
                sc.inPktsNotUsingSa++;
                if (perSa) {
                    sa.inPktsNotUsingSa++;
                }
                return drop(f, Verdict.NOT_USING_SA);
            }
            sc.inPktsUnusedSa++;
            if (perSa) {
                sa.inPktsUnusedSa++;
            }
            return deliverClear(f, Verdict.UNUSED_SA);
        }

        long low = t.pn();
        long pn = recoverPn(sa, low);
        boolean xpnLow32 = sa.key().suite().xpn() && profile.has(Deviation.XPN_COMPARES_LOW_32_BITS);
        long lowest = xpnLow32 ? lowest32(sa) : sa.lowestPn(config.replayWindow());
        // 10.6.2: drop late frames before spending a validation on them
        if (config.replayProtect() && isLate(pn, lowest, sa, xpnLow32)) {
            sc.inPktsLate++;
            return drop(f, Verdict.LATE);
        }
        boolean check = checks(t);
        int userLength = t.secureDataLength();
        boolean disabledAccepts = !check && !profile.has(Deviation.DISABLED_FRAMES_NOT_ACCEPTED);
        if (disabledAccepts) {
            // 10.6.4: Disabled and C=0: not validated, accepted as is
            sc.inPktsUnchecked++;
            advance(sa, pn);
            sc.inOctetsValidated += userLength;
            return deliverClear(f, Verdict.UNCHECKED);
        }
        boolean valid = false;
        if (check) {
            long xpnPn = sa.anyXpn() ? recoverXpn(sa, low) : low;
            if (!f.verified || f.triedSa != sa || f.triedStamp != sa.stamp() || f.triedXpnPn != xpnPn) {
                f.triedSa = sa;
                f.triedStamp = sa.stamp();
                tryKeys(f, orderedCiphers, sa.keyArray(), sa.current(), sa.cursor(), sa.triesOthers(), low, xpnPn);
            }
            valid = f.valid;
            if (!valid && f.keysLeft && !sa.swept && sweepBudget > 0) {
                sa.swept = true;
                valid = sweep(f, sa, low, xpnPn);
            }
            if (valid) {
                sa.verifiedWith(f.keyIndex);
                pn = f.verifiedPn;
            } else {
                sa.failed(f.nextCursor);
                if (f.keysLeft) {
                    framesNotTriedWithEveryKey++;
                    mostKeysLeftUntried = Math.max(mostKeysLeftUntried, sa.keyCount());
                }
            }
        }
        if (profile.has(Deviation.OCTETS_BEFORE_VERDICT) && config.validateFrames() != ValidateFrames.DISABLED) {
            if (t.encrypted()) {
                sc.inOctetsDecrypted += userLength;
            } else {
                sc.inOctetsValidated += userLength;
            }
        }
        boolean below = before(pn, lowest, xpnLow32);
        if (!valid) {
            if (t.changed() || strict) {
                sc.inPktsNotValid++;
                sa.inPktsNotValid++;
                return drop(f, Verdict.NOT_VALID);
            }
            if (config.validateFrames() == ValidateFrames.CHECK) {
                sc.inPktsInvalid++;
                sa.inPktsInvalid++;
                return deliverClear(f, Verdict.INVALID);
            }
            // only reached with DISABLED_FRAMES_NOT_ACCEPTED: Disabled, C=0, not checked
            if (below) {
                sc.inPktsDelayed++;
                return deliverClear(f, Verdict.DELAYED);
            }
            sc.inPktsUnchecked++;
            return deliverClear(f, Verdict.UNCHECKED);
        }
        Verdict v;
        if (below && config.replayProtect() && (!xpnLow32 || sameHalf(pn & LOW, lowest))) {
            sc.inPktsLate++;
            return drop(f, Verdict.LATE);
        } else if (below) {
            sc.inPktsDelayed++;
            v = Verdict.DELAYED;
        } else {
            sc.inPktsOk++;
            sa.inPktsOk++;
            v = Verdict.OK;
            if (!profile.has(Deviation.OCTETS_BEFORE_VERDICT)) {
                if (t.encrypted()) {
                    sc.inOctetsDecrypted += userLength;
                } else {
                    sc.inOctetsValidated += userLength;
                }
            }
        }
        advance(sa, pn);
        return v;
    }

    /** The candidate keys that {@link #tryKeys} left untried on this frame, as far as the sweep budget goes. */
    private boolean sweep(RxFrame f, ReceiveSa sa, long low, long xpnPn) {
        SaKey[] keys = sa.keyArray();
        int current = sa.current();
        int start = sa.cursor();
        int i = f.nextCursor;
        for (; i != start && sweepBudget > 0; i = (i + 1) % keys.length) {
            if (i == current) {
                continue;
            }
            sweepBudget--;
            if (check(f, orderedCiphers, keys[i], keys[i].suite().xpn() ? xpnPn : low)) {
                f.keyIndex = i;
                return true;
            }
        }
        f.nextCursor = i;
        f.keysLeft = i != start;
        return false;
    }

    /** Linux's lowest acceptable PN: from the low half of next PN only. */
    private long lowest32(ReceiveSa sa) {
        long nextLow = sa.nextPn() & LOW;
        return nextLow >= config.replayWindow() ? nextLow - config.replayWindow() : 0;
    }

    private boolean before(long pn, long lowest, boolean low32) {
        return low32 ? (pn & LOW) < lowest : Long.compareUnsigned(pn, lowest) < 0;
    }

    private boolean isLate(long pn, long lowest, ReceiveSa sa, boolean low32) {
        if (!before(pn, lowest, low32)) {
            return false;
        }
        return !low32 || sameHalf(sa.nextPn() & LOW, pn & LOW);
    }

    /** next PN = max(next PN, PN + 1) (10.6.5). */
    private void advance(ReceiveSa sa, long pn) {
        if (!sa.key().suite().xpn() && profile.has(Deviation.NEXT_PN_32_BIT_WRAP)) {
            long n = (pn + 1) & LOW;
            if (n > sa.nextPn()) {
                sa.nextPn(n);
            }
            return;
        }
        long n = pn + 1;
        if (n != 0 && Long.compareUnsigned(n, sa.nextPn()) > 0) {
            sa.nextPn(n);
        }
    }

    private Verdict unknownSci(RxFrame f) {
        if (f.tag.changed() || config.validateFrames() == ValidateFrames.STRICT) {
            inPktsNoSci++;
            return drop(f, Verdict.NO_SCI);
        }
        inPktsUnknownSci++;
        return deliverClear(f, Verdict.UNKNOWN_SCI);
    }

    private static Verdict drop(RxFrame f, Verdict v) {
        f.outLen = -1;
        return v;
    }

    /** Delivers a frame whose user data is in clear (C=0): SecTAG and ICV removed. */
    private static Verdict deliverClear(RxFrame f, Verdict v) {
        SecTag t = f.tag;
        int n = Math.max(0, t.secureDataLength());
        System.arraycopy(f.buf, f.off, f.out, f.outOff, 12);
        System.arraycopy(f.buf, t.secureDataOffset(), f.out, f.outOff + 12, n);
        f.outLen = 12 + n;
        return v;
    }

    /** SecY-level counters under the standard's names. */
    public Map<String, Long> counters() {
        Map<String, Long> m = new LinkedHashMap<>();
        m.put("InPktsUntagged", inPktsUntagged);
        m.put("InPktsNoTag", inPktsNoTag);
        m.put("InPktsBadTag", inPktsBadTag);
        m.put("InPktsUnknownSCI", inPktsUnknownSci);
        m.put("InPktsNoSCI", inPktsNoSci);
        m.put("InPktsOverrun", inPktsOverrun);
        return m;
    }

    /** Every counter: "secy" -> map, then {@link #scCounterKey} and {@link #saCounterKey} for each SC and SA. */
    public Map<String, Map<String, Long>> allCounters() {
        Map<String, Map<String, Long>> m = new LinkedHashMap<>();
        m.put("secy", counters());
        for (ReceiveSc sc : new ArrayList<>(scOrder)) {
            m.put(scCounterKey(sc.sci()), sc.counters());
            for (int an = 0; an < 4; an++) {
                ReceiveSa sa = sc.sa(an);
                if (sa != null) {
                    m.put(saCounterKey(sc.sci(), an), sa.counters());
                }
            }
        }
        return m;
    }

    /** The key of a receive SC's counters in {@link #allCounters}: "sc/&lt;SCI hex&gt;". */
    public static String scCounterKey(long sci) {
        return "sc/" + FieldFormat.sci(sci);
    }

    /** The key of a receive SA's counters in {@link #allCounters}: "sc/&lt;SCI hex&gt;/an/&lt;n&gt;". */
    public static String saCounterKey(long sci, int an) {
        return scCounterKey(sci) + "/an/" + an;
    }
}
