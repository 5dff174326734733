package dev.macsec.secy;

import dev.macsec.counter.Counter;
import dev.macsec.counter.LiveCounters;
import dev.macsec.counter.ScCounters;
import dev.macsec.counter.SecYCounters;
import dev.macsec.crypto.CipherCache;
import dev.macsec.crypto.MacsecGcm;
import dev.macsec.crypto.SaKey;
import dev.macsec.decode.SecTag;
import dev.macsec.decode.SecTagRule;
import dev.macsec.suite.CipherSuite;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Emulates a receiving SecY (IEEE 802.1AE-2018 10.6, 10.7): finds the SC and SA of each frame, checks
 * replay, validates and decrypts, and counts, under a {@link ReceiveProfile}. {@link #apply} is clause 10.6's steps in
 * its order; where a profile departs from them it does so through a hook of {@link ReceivePolicy}, whose defaults are
 * the standard, so the standard's path reads without any implementation's.
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
 * to have upper PN half 0). A frame none of them verifies is an ICV failure (NotValid, or Invalid under
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

    private final Config config;
    private final ReceiveProfile profile;
    /** The profile's deviations as hooks: the steps below are the standard's, these say where an implementation departs. */
    private final ReceivePolicy policy;
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

    /** The SecY's receive counters (its Overrun count stays 0: an emulator cannot fall behind). */
    private final LiveCounters secY = new LiveCounters(
            Counter.of(Counter.Scope.SECY).stream().filter(Counter::received).toList());

    public ReceiveSecY(Config config, ReceiveProfile profile) {
        this.config = config;
        this.profile = profile;
        this.policy = ReceivePolicy.of(profile);
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
     * 9.9: the SCI a frame belongs to. Explicit when SC=1; with ES=1 the source MAC and port 1; with SC=0 and ES=0
     * the SCI of the single peer of a point-to-point LAN, whatever the source MAC (only ES says that the source MAC
     * names the SCI; Linux 6.1.192 in the conformance VM reads 9.9 so too). With several receive SCs such a frame is ambiguous and the
     * source MAC is the best guess left.
     */
    private static long frameSci(SecTag t, List<ReceiveSc> scs) {
        if (!t.hasSci() && !t.endStation() && scs.size() == 1) {
            return scs.get(0).sci();
        }
        return t.sci();
    }

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
        f.sci = frameSci(t, scOrder);
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
                        sa.anyXpn() ? policy.recoverXpn(sa, low, config.replayWindow()) : low);
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

    /** 10.6.2: the full PN of a frame; XPN recovers the upper half from the replay state. */
    private long recoverPn(ReceiveSa sa, long low) {
        return sa.key().suite().xpn() ? policy.recoverXpn(sa, low, config.replayWindow()) : low;
    }

    // ---------------------------------------------------------------- stage 2: ordered

    /**
     * Replay, next PN, counters and verdict for a frame already passed to {@link #verify}; call in frame order.
     * The steps are 802.1AE-2018 10.6's, in its order; {@link ReceivePolicy} names where a profile departs from them.
     */
    public Verdict apply(RxFrame f) {
        // 10.6.1: a frame without a SecTAG
        if (!f.tagged) {
            return untagged(f);
        }
        SecTag t = f.tag;
        // 9.12: the SecTAG's validity
        int violations = config.suite().xpn() ? t.violationsForXpn() : t.violations();
        if (SecTagRule.TRUNCATED_SECTAG.in(violations)) {
            if (policy.countsTruncatedSecTag()) {
                secY.increment(Counter.IN_PKTS_BAD_TAG);
            }
            return drop(f, Verdict.BAD_TAG);
        }
        violations = policy.secTagViolations(t, violations);
        // 10.6.1: E=1 and C=0 is not the Controlled Port's
        if (uncontrolled(t)) {
            return drop(f, Verdict.UNCONTROLLED);
        }
        // 10.6.1: the receive SC, learned for a valid SecTAG when wildcard or learned keys were given
        SaKey[] wild = wildcardKeys;
        boolean learns = violations == 0 && (f.learnedKey != null || wild.length > 0);
        ReceiveSc sc = sc(f.sci);
        if (sc == null && learns) {
            sc = learnSc(f.sci);
        }
        // 9.12, then 10.6.1: IN_PKTS_BAD_TAG, IN_PKTS_NO_SCI / IN_PKTS_UNKNOWN_SCI
        if (violations != 0 && (sc != null || policy.checksTagBeforeSciLookup())) {
            secY.increment(Counter.IN_PKTS_BAD_TAG);
            return drop(f, Verdict.BAD_TAG);
        }
        if (sc == null) {
            return unknownSci(f);
        }
        // 10.6.1: the receive SA for the AN, in use (10.7.10 IN_PKTS_NOT_USING_SA / IN_PKTS_UNUSED_SA)
        ReceiveSa sa = sc.sa(t.an());
        if (sa == null && learns) {
            sa = learnSa(f, sc, t.an(), wild);
        }
        if (sa == null || !sa.inUse()) {
            return notUsingSa(f, sc, sa);
        }
        return receiveOnSa(f, sc, sa);
    }

    /** 10.6.2 to 10.6.5 for a frame whose receive SA is in use. */
    private Verdict receiveOnSa(RxFrame f, ReceiveSc sc, ReceiveSa sa) {
        SecTag t = f.tag;
        // 10.6.2: the full PN, and Late frames dropped before they cost a validation
        long low = t.pn();
        long pn = recoverPn(sa, low);
        ReceivePolicy.PnOrder order = policy.pnOrder(sa);
        long lowest = order.lowestAcceptablePn(sa, config.replayWindow());
        if (config.replayProtect() && order.lateBeforeValidation(sa, pn, lowest)) {
            sc.count(Counter.IN_PKTS_LATE);
            return drop(f, Verdict.LATE);
        }
        int userLength = t.secureDataLength();
        // 10.6.4: validateFrames Disabled and C=0: not validated
        if (!checks(t)) {
            return deliverClear(f, policy.notValidated(sc, sa, pn, order, lowest, userLength));
        }
        // 10.6.3: integrity and decryption
        boolean valid = validate(f, sa, low);
        policy.countOctetsBeforeVerdict(sc, t, userLength, config.validateFrames());
        // 10.6.4: a frame that fails: dropped (Strict, or C=1), else delivered as it came (Check)
        if (!valid) {
            if (t.changed() || config.validateFrames() == ValidateFrames.STRICT) {
                sc.count(Counter.IN_PKTS_NOT_VALID);
                sa.count(Counter.IN_PKTS_NOT_VALID);
                return drop(f, Verdict.NOT_VALID);
            }
            sc.count(Counter.IN_PKTS_INVALID);
            sa.count(Counter.IN_PKTS_INVALID);
            return deliverClear(f, Verdict.INVALID);
        }
        // 10.6.5: replay check on the validated PN, counters, next PN
        pn = f.verifiedPn;
        Verdict v;
        if (order.below(pn, lowest)) {
            if (config.replayProtect() && order.belowIsLate(pn, lowest)) {
                sc.count(Counter.IN_PKTS_LATE);
                return drop(f, Verdict.LATE);
            }
            sc.count(Counter.IN_PKTS_DELAYED);
            v = Verdict.DELAYED;
        } else {
            sc.count(Counter.IN_PKTS_OK);
            sa.count(Counter.IN_PKTS_OK);
            policy.countOctetsOfOk(sc, t, userLength);
            v = Verdict.OK;
        }
        policy.advance(sa, pn);
        return v;
    }

    /** 10.6.1: untagged frames: no tag under Strict, else untagged and delivered. */
    private Verdict untagged(RxFrame f) {
        if (config.validateFrames() == ValidateFrames.STRICT) {
            secY.increment(Counter.IN_PKTS_NO_TAG);
            return drop(f, Verdict.NO_TAG);
        }
        secY.increment(Counter.IN_PKTS_UNTAGGED);
        System.arraycopy(f.buf, f.off, f.out, f.outOff, f.len);
        f.outLen = f.len;
        return Verdict.UNTAGGED;
    }

    /** A receive SC for an SCI the configuration does not name, made up for wildcard or learned keys. */
    private ReceiveSc learnSc(long sci) {
        return scs.computeIfAbsent(sci, s -> {
            ReceiveSc n = new ReceiveSc(s, true);
            scOrder.add(n);
            return n;
        });
    }

    /** The wildcard SA for an AN that has none, holding the key {@link #verify} found, if any. */
    private static ReceiveSa learnSa(RxFrame f, ReceiveSc sc, int an, SaKey[] wild) {
        ReceiveSa sa;
        if (f.learnedByTrial) {
            sa = sc.installSa(an, f.learnedKey, f.verifiedPn);
        } else if (f.learnedKey != null) {
            sa = sc.installWildcardSa(an, wild, f.keyIndex, true, f.verifiedPn);
        } else {
            // no wildcard key verified it: the SA exists all the same, its replay window starting at the first
            // frame one verifies, and this frame is an ICV failure below
            sa = sc.installWildcardSa(an, wild, 0, false, 1);
        }
        // verify() tried the keys in this new SA's order
        f.triedSa = sa;
        f.triedStamp = sa.stamp();
        return sa;
    }

    /** 10.6.1, 10.7.10: no receive SA for the AN, or not in use: dropped (Strict, or C=1), else delivered. */
    private Verdict notUsingSa(RxFrame f, ReceiveSc sc, ReceiveSa sa) {
        boolean perSa = sa != null && policy.countsUnusedSaOnTheSa();
        if (f.tag.changed() || config.validateFrames() == ValidateFrames.STRICT) {
            sc.count(Counter.IN_PKTS_NOT_USING_SA);
            if (perSa) {
                sa.count(Counter.IN_PKTS_NOT_USING_SA);
            }
            return drop(f, Verdict.NOT_USING_SA);
        }
        sc.count(Counter.IN_PKTS_UNUSED_SA);
        if (perSa) {
            sa.count(Counter.IN_PKTS_UNUSED_SA);
        }
        return deliverClear(f, Verdict.UNUSED_SA);
    }

    /**
     * 10.6.3: whether a key of the SA verifies the frame (the one {@link #verify} found, unless the SA or the recovered
     * XPN changed since, or one the sweep finds); notes the key in the SA. A valid frame's PN is {@code f.verifiedPn}.
     */
    private boolean validate(RxFrame f, ReceiveSa sa, long low) {
        long xpnPn = sa.anyXpn() ? policy.recoverXpn(sa, low, config.replayWindow()) : low;
        if (!f.verified || f.triedSa != sa || f.triedStamp != sa.stamp() || f.triedXpnPn != xpnPn) {
            f.triedSa = sa;
            f.triedStamp = sa.stamp();
            tryKeys(f, orderedCiphers, sa.keyArray(), sa.current(), sa.cursor(), sa.triesOthers(), low, xpnPn);
        }
        boolean valid = f.valid;
        if (!valid && f.keysLeft && !sa.swept && sweepBudget > 0) {
            sa.swept = true;
            valid = sweep(f, sa, low, xpnPn);
        }
        if (valid) {
            sa.verifiedWith(f.keyIndex);
        } else {
            sa.failed(f.nextCursor);
            if (f.keysLeft) {
                framesNotTriedWithEveryKey++;
                mostKeysLeftUntried = Math.max(mostKeysLeftUntried, sa.keyCount());
            }
        }
        return valid;
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

    private Verdict unknownSci(RxFrame f) {
        if (f.tag.changed() || config.validateFrames() == ValidateFrames.STRICT) {
            secY.increment(Counter.IN_PKTS_NO_SCI);
            return drop(f, Verdict.NO_SCI);
        }
        secY.increment(Counter.IN_PKTS_UNKNOWN_SCI);
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

    /**
     * Every counter now: the SecY's receive counters, and each receive SC's with its SAs', in the order the SCs were
     * added or learned. No transmit side.
     */
    public SecYCounters counters() {
        Map<Long, ScCounters> rx = new LinkedHashMap<>();
        for (ReceiveSc sc : scOrder) {
            rx.put(sc.sci(), sc.counters());
        }
        return new SecYCounters(secY.snapshot(), rx, Optional.empty());
    }
}
