package dev.macsec.mka;

import dev.macsec.crypto.SaKey;
import dev.macsec.decode.mka.Mkpdu;
import dev.macsec.decode.mka.ParameterSet;
import dev.macsec.field.Bytes;
import dev.macsec.field.ExpertInfo;
import dev.macsec.field.Severity;
import dev.macsec.keys.CakEntry;
import dev.macsec.keys.KeyWrap;
import dev.macsec.keys.Keychain;
import dev.macsec.keys.KeysFile;
import dev.macsec.keys.MkpduIcv;
import dev.macsec.keys.MskEntry;
import dev.macsec.keys.SakEntry;
import dev.macsec.keys.Xpn;
import dev.macsec.mka.ConnectivityAssociation.SakState;
import dev.macsec.suite.CipherSuite;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Follows the MKA sessions of a capture (IEEE 802.1X-2020 clause 11): verifies each MKPDU's ICV with the
 * keychain (pre-shared CAKs, and CAKs derived from EAP MSKs for the station pairs seen), learns the SAKs the
 * Key Server distributes, builds a timeline per CA and checks the MKA rules. Feed it in capture order; it is
 * not thread-safe.
 * <p>
 * Memory is bounded by the options: participants, timeline events and findings per rule are capped per CA;
 * the station MACs used for MSK derivation are capped at {@value #MAX_MACS}, distributed CAKs at the CA limit.
 */
public final class MkaTracker {
    static final int MAX_MACS = 32;
    private static final int[] CAK_BITS = {128, 256};

    private final KeysFile keys;
    private final Keychain keychain;
    private final MkaTrackerOptions options;
    private final Map<String, ConnectivityAssociation> cas = new LinkedHashMap<>();
    private final Map<Long, ConnectivityAssociation> caBySci = new HashMap<>();
    private final Map<CakEntry, MkpduIcv> icvs = new IdentityHashMap<>();
    /** CAKs not in the keys file: derived from MSKs, or distributed in a CA already followed; by CKN hex. */
    private final Map<String, List<CakEntry>> derived = new HashMap<>();
    private final Set<Long> macs = new LinkedHashSet<>();
    private final Set<String> derivedPairs = new java.util.HashSet<>();
    private int distributedCaks;
    private List<Finding> sink;
    private long lastFrame;
    private long untrackedMkpdus;

    public MkaTracker(KeysFile keys, MkaTrackerOptions options) {
        this.keys = keys == null ? KeysFile.EMPTY : keys;
        this.keychain = this.keys.keychain();
        this.options = options == null ? MkaTrackerOptions.DEFAULT : options;
    }

    public MkaTracker(KeysFile keys) {
        this(keys, MkaTrackerOptions.DEFAULT);
    }

    // ---------------------------------------------------------------- inputs

    /**
     * An EAP-Success (or any EAPOL exchange) between two stations: with MSKs in the keys file, the CAK/CKN
     * of that pair is derived. Pairs of MKPDU source MACs are tried anyway; this adds pairs where only one
     * side speaks MKA.
     */
    public void onEapSuccess(long frameNumber, long srcMac, long dstMac) {
        lastFrame = Math.max(lastFrame, frameNumber);
        derivePair(srcMac, dstMac);
    }

    /** One MKPDU, in capture order. src/dst MACs from the Ethernet header (dst may be the PAE group address). */
    public MkpduOutcome onMkpdu(long frameNumber, long timestampNanos, long srcMac, long dstMac, Mkpdu pdu) {
        lastFrame = Math.max(lastFrame, frameNumber);
        List<Finding> raised = new ArrayList<>();
        sink = raised;
        try {
            seeMac(srcMac);
            String ckn = pdu.ckn().hex();
            if (!cas.containsKey(ckn)) {
                if (cas.size() >= options.maxCas()) {
                    return untracked(frameNumber, pdu);
                }
                cas.put(ckn, new ConnectivityAssociation(ckn, options.maxFindingsPerRule(), options.maxTimeline()));
            }
            ConnectivityAssociation ca = cas.get(ckn);
            expire(ca, frameNumber, timestampNanos);

            List<CakEntry> candidates = candidates(ca, pdu);
            IcvStatus status;
            CakEntry cak = null;
            if (candidates.isEmpty()) {
                status = IcvStatus.NO_KEY;
                if (ca.once.add(Rules.UNKNOWN_CKN.code())) {
                    find(ca, Rules.UNKNOWN_CKN, frameNumber, "no CAK in the keychain (nor one derived from"
                            + " an MSK for the stations seen) has CKN " + ckn + "; MKPDUs of " + Names.participant(pdu.sci(),
                            pdu.actorMi()) + " and its peers cannot be verified and their SAKs cannot be learned");
                }
            } else if (pdu.icvInput() == null) {
                status = IcvStatus.NO_ICV_INPUT;
            } else if (!pdu.hasIcv() || pdu.icv().length() != MkpduIcv.ICV_LENGTH) {
                status = IcvStatus.FAILED;
                find(ca, Severity.WARN, Rules.ICV_MISSING, frameNumber, "MKPDU of " + Names.participant(pdu.sci(),
                        pdu.actorMi()) + " has no complete 16-octet ICV, so it cannot be verified");
            } else {
                cak = verify(candidates, pdu);
                status = cak == null ? IcvStatus.FAILED : IcvStatus.VERIFIED;
                if (cak == null) {
                    find(ca, Rules.ICV_FAILED, frameNumber, "ICV of the MKPDU of "
                            + Names.participant(pdu.sci(), pdu.actorMi()) + " (MN " + pdu.actorMn()
                            + ") verifies under none of the " + candidates.size() + " CAK(s) with CKN " + ckn
                            + "; a receiver discards it");
                }
            }
            String keyName = cak == null ? null : cak.name().orElse("CKN " + ckn);
            if (status == IcvStatus.VERIFIED) {
                ca.mkpdusVerified++;
            } else if (status == IcvStatus.FAILED) {
                ca.mkpdusFailed++;
                ca.cakCandidates = Math.max(ca.cakCandidates, candidates.size());
            }
            if (status == IcvStatus.FAILED) {
                // a receiver discards it: it changes no state
                return new MkpduOutcome(status, keyName, List.of(), raised);
            }
            List<LearnedSak> learned = new ArrayList<>();
            List<LearnedCak> learnedCaks = new ArrayList<>();
            Participant p = participant(ca, frameNumber, timestampNanos, srcMac, pdu);
            if (p != null) {
                if (cak != null) {
                    noteCak(ca, p, cak, candidates, frameNumber, timestampNanos);
                    ca.keyName = keyName;
                }
                liveness(ca, p, pdu, frameNumber, timestampNanos);
                keyServer(ca, p, pdu, frameNumber, timestampNanos);
                pdu.find(ParameterSet.DistributedSak.class).ifPresent(ds ->
                        distributedSak(ca, p, pdu, ds, cakFor(ca, p), frameNumber, timestampNanos, learned));
                pdu.find(ParameterSet.SakUse.class).ifPresent(su ->
                        sakUse(ca, p, pdu, su, frameNumber, timestampNanos, learned));
                CakEntry verifiedWith = cak;
                pdu.find(ParameterSet.DistributedCak.class).ifPresent(dc ->
                        distributedCak(ca, p, pdu, dc, verifiedWith, frameNumber, timestampNanos, learnedCaks));
                capability(ca, p, pdu, frameNumber);
            }
            return new MkpduOutcome(status, keyName, learned, raised, learnedCaks);
        } finally {
            sink = null;
        }
    }

    /**
     * A defect the MKPDU decoder found in an MKPDU already given to {@link #onMkpdu} (a parameter set out of order, a
     * length that does not add up): a finding of its CA as well, so that the summary lists what the detail view shows.
     */
    public void onMkpduAnomaly(long frameNumber, Mkpdu pdu, Severity severity, String code, String message) {
        ConnectivityAssociation ca = cas.get(pdu.ckn().hex());
        // a CA beyond the limit is not followed; a missing ICV the tracker reports itself, under the same code
        if (ca != null && !code.equals(Rules.ICV_MISSING.code())) {
            ca.findings.add(severity, code, frameNumber, message);
        }
    }

    /** Beyond the CA limit: the ICV is still checked, nothing is remembered. */
    private MkpduOutcome untracked(long frameNumber, Mkpdu pdu) {
        untrackedMkpdus++;
        List<CakEntry> candidates = new ArrayList<>(keychain.lookup(pdu.ckn().octets()));
        candidates.addAll(derived.getOrDefault(pdu.ckn().hex(), List.of()));
        if (candidates.isEmpty()) {
            return new MkpduOutcome(IcvStatus.NO_KEY, null, List.of(), List.of());
        }
        if (pdu.icvInput() == null) {
            return new MkpduOutcome(IcvStatus.NO_ICV_INPUT, null, List.of(), List.of());
        }
        CakEntry cak = pdu.hasIcv() && pdu.icv().length() == MkpduIcv.ICV_LENGTH ? verify(candidates, pdu) : null;
        return new MkpduOutcome(cak == null ? IcvStatus.FAILED : IcvStatus.VERIFIED,
                cak == null ? null : cak.name().orElse("CKN " + pdu.ckn().hex()), List.of(), List.of());
    }

    /** MKPDUs whose CKN arrived after {@link MkaTrackerOptions#maxCas()} CAs were already tracked. */
    public long untrackedMkpdus() {
        return untrackedMkpdus;
    }

    /** A MACsec data frame (after or without decryption), for the SAK/PN/AN rules. */
    public void onDataFrame(long frameNumber, long timestampNanos, long sci, int an, long pn, boolean verified) {
        lastFrame = Math.max(lastFrame, frameNumber);
        ConnectivityAssociation ca = caBySci.get(sci);
        if (ca == null) {
            return;
        }
        ca.dataFrames++;
        if (verified) {
            ca.dataFramesVerified++;
        }
        SakState cur = ca.current;
        if (cur != null && cur.distributed && cur.an != an && (ca.previous == null || ca.previous.an != an)) {
            find(ca, Rules.DATA_AN_NOT_DISTRIBUTED, frameNumber, "data frame from SCI " + Names.sci(sci)
                    + " uses AN " + an + " but the SAKs of the CA are AN " + cur.an + " (KN " + cur.kn + ")"
                    + (ca.previous == null ? "" : " and AN " + ca.previous.an + " (KN " + ca.previous.kn + ")")
                    + ": a SAK used before its distribution or after its retirement");
        }
        // Each participant's SAK Use reports the lowest PN its receive SAs accept for the latest key.
        for (Participant r : ca.participants.values()) {
            if (r.sci != sci && !r.lost && r.usesAn == an && r.llpnFrame > 0 && r.llpnFrame < frameNumber
                    && Long.compareUnsigned(pn, r.llpn) < 0) {
                find(ca, Rules.PN_BELOW_LOWEST_ACCEPTABLE, frameNumber, "data frame from SCI "
                        + Names.sci(sci) + " AN " + an + " PN " + Long.toUnsignedString(pn)
                        + " is below the lowest acceptable PN " + Long.toUnsignedString(r.llpn) + " that " + r.name()
                        + " announced in SAK Use (frame " + r.llpnFrame + "): it discards the frame (replayed or delayed)");
            }
        }
    }

    /** End of capture: lifetime checks against the last timestamp, unacknowledged SAKs, CKN mismatches. */
    public void finish(long lastTimestampNanos) {
        List<Finding> raised = new ArrayList<>();
        sink = raised;
        try {
            for (ConnectivityAssociation ca : cas.values()) {
                expire(ca, lastFrame, lastTimestampNanos);
                if (ca.current != null && ca.current.distributed) {
                    checkAcknowledged(ca, ca.current, lastFrame);
                }
            }
            cknMismatch();
            for (ConnectivityAssociation ca : cas.values()) {
                neverVerified(ca);
            }
            for (ConnectivityAssociation ca : cas.values()) {
                ca.findings.summarize(lastFrame);
            }
        } finally {
            sink = null;
        }
    }

    public List<ConnectivityAssociation> cas() {
        return List.copyOf(cas.values());
    }

    /** All findings of all CAs, ordered by frame. */
    public List<Finding> findings() {
        List<Finding> all = new ArrayList<>();
        for (ConnectivityAssociation ca : cas.values()) {
            all.addAll(ca.findings.findings());
        }
        all.sort(Comparator.comparingLong(Finding::frameNumber));
        return all;
    }

    // ---------------------------------------------------------------- keys

    private void seeMac(long mac) {
        if (keys.msks().isEmpty() || macs.contains(mac) || macs.size() >= MAX_MACS) {
            return;
        }
        for (long other : macs) {
            derivePair(other, mac);
        }
        macs.add(mac);
    }

    private void derivePair(long a, long b) {
        if (keys.msks().isEmpty() || a == b) {
            return;
        }
        String pair = Math.min(a, b) + "/" + Math.max(a, b);
        if (derivedPairs.size() >= MAX_MACS * MAX_MACS || !derivedPairs.add(pair)) {
            return;
        }
        for (MskEntry msk : keys.msks()) {
            for (int bits : CAK_BITS) {
                CakEntry e = msk.derive(macBytes(a), macBytes(b), bits);
                derived.computeIfAbsent(new Bytes(e.ckn()).hex(), k -> new ArrayList<>()).add(e);
            }
        }
    }

    private static byte[] macBytes(long mac) {
        byte[] b = new byte[6];
        for (int i = 0; i < 6; i++) {
            b[i] = (byte) (mac >>> (8 * (5 - i)));
        }
        return b;
    }

    /** The CAKs to try: the one that last verified this participant first, then keychain order, then MSK-derived. */
    private List<CakEntry> candidates(ConnectivityAssociation ca, Mkpdu pdu) {
        byte[] ckn = pdu.ckn().octets();
        List<CakEntry> out = new ArrayList<>(keychain.lookup(ckn));
        out.addAll(derived.getOrDefault(pdu.ckn().hex(), List.of()));
        CakEntry last = ca.cakByMi.get(pdu.actorMi());
        if (last != null && out.remove(last)) {
            out.add(0, last);
        }
        return out;
    }

    private CakEntry verify(List<CakEntry> candidates, Mkpdu pdu) {
        byte[] input = pdu.icvInput().octets();
        byte[] icv = pdu.icv().octets();
        for (CakEntry c : candidates) {
            MkpduIcv m = icvs.computeIfAbsent(c, e -> new MkpduIcv(e.ick()));
            if (MkpduIcv.equal(m.compute(input, 0, input.length), icv)) {
                return c;
            }
        }
        return null;
    }

    private CakEntry cakFor(ConnectivityAssociation ca, Participant p) {
        return ca.cakByMi.get(p.mi);
    }

    private void noteCak(ConnectivityAssociation ca, Participant p, CakEntry cak, List<CakEntry> candidates,
                         long frame, long ts) {
        CakEntry before = ca.cakByMi.put(p.mi, cak);
        String name = cak.name().orElse("CAK#" + cak.number());
        p.keyName = name;
        if (before == cak) {
            return;
        }
        ca.event(frame, ts, TimelineEvent.CAK_SELECTED, p.name() + " verified with " + name
                + (before == null ? "" : " (was " + before.name().orElse("CAK#" + before.number()) + ")"));
        List<CakEntry> listed = keychain.lookup(cak.ckn());
        if (listed.size() > 1 && listed.get(0) != cak && ca.once.add(Rules.CAK_FALLBACK.code() + p.mi.hex())) {
            find(ca, Rules.CAK_FALLBACK, frame, p.name() + " uses " + name + ", not the first of the "
                    + listed.size() + " CAKs sharing CKN " + ca.ckn + " (fallback to another pair)");
        }
    }

    // ---------------------------------------------------------------- participants and timers

    private Participant participant(ConnectivityAssociation ca, long frame, long ts, long srcMac, Mkpdu pdu) {
        Bytes mi = pdu.actorMi();
        Participant p = ca.participants.get(mi);
        if (p == null) {
            if (ca.participants.size() >= options.maxParticipants()) {
                if (ca.once.add(Rules.TOO_MANY_PARTICIPANTS.code())) {
                    find(ca, Rules.TOO_MANY_PARTICIPANTS, frame, "more than " + options.maxParticipants()
                            + " member identifiers in CA " + ca.ckn + "; further ones are not tracked");
                }
                return null;
            }
            p = new Participant(mi, pdu.sci(), srcMac, frame);
            ca.participants.put(mi, p);
            Bytes oldMi = ca.miBySci.put(pdu.sci(), mi);
            ConnectivityAssociation other = caBySci.put(pdu.sci(), ca);
            ca.event(frame, ts, TimelineEvent.PEER_JOINED, p.name() + " from " + Names.mac(srcMac) + " joined (priority "
                    + pdu.keyServerPriority() + ", capability " + pdu.macsecCapability() + ", MACsec "
                    + (pdu.macsecDesired() ? "desired" : "not desired") + ")");
            if (oldMi != null) {
                Participant old = ca.participants.get(oldMi);
                ca.event(frame, ts, TimelineEvent.MI_CHANGED, "SCI " + Names.sci(pdu.sci()) + " changed MI from "
                        + oldMi.hex() + " to " + mi.hex() + " (participant restarted)");
                find(ca, Rules.MI_CHANGED, frame, "SCI " + Names.sci(pdu.sci()) + " changed its MI from "
                        + oldMi.hex() + " to " + mi.hex() + ": the participant restarted"
                        + (old != null && !old.lost ? " before its old MI's life time expired" : ""));
                if (old != null) {
                    old.lost = true;
                    if (oldMi.equals(ca.keyServerMi)) {
                        ca.keyServerMi = null;
                    }
                }
            }
            if (other != null && other != ca && ca.once.add("sci-in-two-cas" + pdu.sci())) {
                ca.event(frame, ts, TimelineEvent.PEER_JOINED, "SCI " + Names.sci(pdu.sci()) + " now speaks in CA "
                        + ca.ckn + " (before in CA " + other.ckn + ")");
            }
        } else {
            if (pdu.actorMn() < p.lastMn) {
                find(ca, Rules.MN_NOT_INCREASING, frame, p.name() + " sent MN " + pdu.actorMn()
                        + " after MN " + p.lastMn + " (frame " + p.lastFrame + "): the MN must increase with every MKPDU"
                        + " (replayed or reordered MKPDU)");
            } else if (pdu.actorMn() == p.lastMn) {
                find(ca, Rules.MN_REPEATED, frame, p.name() + " repeated MN " + pdu.actorMn()
                        + " of frame " + p.lastFrame + " (duplicate or replayed MKPDU)");
            }
            long gap = ts - p.lastTimestamp;
            long hello = p.delayProtect ? options.boundedHelloNanos() : options.helloNanos();
            if (p.lost) {
                ca.event(frame, ts, TimelineEvent.PEER_JOINED, p.name() + " is back after " + Names.seconds(gap));
                p.lost = false;
                ca.miBySci.put(p.sci, p.mi);
            } else if (p.lastTimestamp > 0 && gap > hello * options.helloTolerance()) {
                find(ca, Rules.HELLO_INTERVAL, frame, p.name() + " sent no MKPDU for " + Names.seconds(gap)
                        + " (frames " + p.lastFrame + " to " + frame + "), more than the "
                        + (p.delayProtect ? "MKA Bounded Hello Time " : "MKA Hello Time ") + Names.seconds(hello)
                        + (p.delayProtect ? " that delay protection requires" : ""));
            }
        }
        p.lastMn = Math.max(p.lastMn, pdu.actorMn());
        p.lastFrame = frame;
        p.lastTimestamp = ts;
        p.mkpdus++;
        p.priority = pdu.keyServerPriority();
        p.capability = pdu.macsecCapability();
        p.desired = pdu.macsecDesired();
        p.keyServer = pdu.keyServer();
        return p;
    }

    /** Marks as lost every participant silent for longer than MKA Life Time at {@code now}. */
    private void expire(ConnectivityAssociation ca, long frame, long now) {
        for (Participant p : ca.participants.values()) {
            if (!p.lost && p.lastTimestamp > 0 && now - p.lastTimestamp > options.lifeNanos()) {
                p.lost = true;
                ca.event(frame, p.lastTimestamp + options.lifeNanos(), TimelineEvent.PEER_LOST, p.name()
                        + " lost: no MKPDU since frame " + p.lastFrame + " for more than MKA Life Time "
                        + Names.seconds(options.lifeNanos()));
                find(ca, Rules.PEER_LOST, frame, p.name() + " sent no MKPDU for "
                        + Names.seconds(now - p.lastTimestamp) + " after frame " + p.lastFrame
                        + ", more than MKA Life Time " + Names.seconds(options.lifeNanos()) + ": its peers remove it");
                if (p.mi.equals(ca.keyServerMi)) {
                    ca.keyServerMi = null;
                }
            }
        }
    }

    private void liveness(ConnectivityAssociation ca, Participant p, Mkpdu pdu, long frame, long ts) {
        for (ParameterSet.PeerEntry e : pdu.livePeers()) {
            Participant q = ca.participants.get(e.mi());
            if (q != null && !q.live) {
                q.live = true;
                ca.event(frame, ts, TimelineEvent.PEER_LIVE, q.name() + " is live: listed by " + p.name());
            }
        }
        if (!pdu.livePeers().isEmpty() && !p.live) {
            // it lists live peers, so it has heard them and they it: mutual liveness
            p.live = true;
            ca.event(frame, ts, TimelineEvent.PEER_LIVE, p.name() + " is live: it lists " + pdu.livePeers().size()
                    + " live peer(s)");
        }
    }

    private List<Participant> livePeersOf(ConnectivityAssociation ca, Mkpdu pdu) {
        List<Participant> out = new ArrayList<>();
        for (ParameterSet.PeerEntry e : pdu.livePeers()) {
            Participant q = ca.participants.get(e.mi());
            if (q != null && !q.lost) {
                out.add(q);
            }
        }
        return out;
    }

    private static int compareKeyServer(Participant a, Participant b) {
        int c = Integer.compare(a.priority, b.priority);
        return c != 0 ? c : Long.compareUnsigned(a.sci, b.sci);
    }

    private void keyServer(ConnectivityAssociation ca, Participant p, Mkpdu pdu, long frame, long ts) {
        // With no live peers every participant claims Key Server (it is its own best candidate); not an election.
        p.keyServerWithPeers = pdu.keyServer() && !pdu.livePeers().isEmpty();
        if (!p.keyServerWithPeers) {
            if (p.mi.equals(ca.keyServerMi) && !pdu.keyServer()) {
                ca.keyServerMi = null;
            }
            return;
        }
        Participant best = p;
        for (Participant q : livePeersOf(ca, pdu)) {
            if (compareKeyServer(q, best) < 0) {
                best = q;
            }
        }
        if (best != p) {
            find(ca, Rules.KEY_SERVER_NOT_ELECTED, frame, p.name() + " (priority " + p.priority
                    + ") claims Key Server, but its live peer " + best.name() + " (priority " + best.priority
                    + ") has the lower (priority, SCI) and wins the election");
        }
        if (p.priority == 0xff) {
            find(ca, Rules.KEY_SERVER_NOT_ELECTED, frame, p.name()
                    + " claims Key Server with priority 255, which means it cannot be Key Server");
        }
        for (Participant q : ca.participants.values()) {
            if (q != p && q.sci != p.sci && !q.lost && q.keyServerWithPeers
                    && ts - q.lastTimestamp <= options.lifeNanos()) {
                find(ca, Rules.SECOND_KEY_SERVER, frame, p.name() + " claims Key Server while "
                        + q.name() + " (frame " + q.lastFrame + ") also does: a CA has one Key Server");
            }
        }
        if (!p.mi.equals(ca.keyServerMi)) {
            ca.keyServerMi = p.mi;
            ca.event(frame, ts, TimelineEvent.KEY_SERVER_ELECTED, p.name() + " (priority " + p.priority
                    + ") is Key Server with " + pdu.livePeers().size() + " live peer(s)");
        }
    }

    // ---------------------------------------------------------------- SAKs

    /**
     * A CAK the Key Server wraps with the KEK of this CA for its peers: learned so that the CA it names (its CKN) is
     * verified and its SAKs are learned from then on, as its members do. The wrapped key is 24 octets for a 128-bit
     * CAK and 40 for a 256-bit one and the CKN follows it, so both splits are tried: AES Key Wrap's integrity check
     * tells which is right.
     */
    private void distributedCak(ConnectivityAssociation ca, Participant ks, Mkpdu pdu, ParameterSet.DistributedCak dc,
                                CakEntry under, long frame, long ts, List<LearnedCak> learned) {
        if (!pdu.keyServer()) {
            find(ca, Rules.CAK_FROM_NON_KEY_SERVER, frame, ks.name() + " distributed a CAK without claiming"
                    + " Key Server: only the Key Server distributes CAKs");
        }
        if (under == null) {
            return; // not verified here: no KEK to unwrap with
        }
        byte[] body = new byte[dc.wrappedCak().length() + dc.ckn().length()];
        System.arraycopy(dc.wrappedCak().octets(), 0, body, 0, dc.wrappedCak().length());
        System.arraycopy(dc.ckn().octets(), 0, body, dc.wrappedCak().length(), dc.ckn().length());
        boolean tried = false;
        for (int wrappedLength : new int[] {24, 40}) {
            int cknLength = body.length - wrappedLength;
            if (cknLength < 1 || cknLength > 32) {
                continue;
            }
            tried = true;
            if (KeyWrap.unwrap(under.kek(), body, 0, wrappedLength) instanceof KeyWrap.Result.Unwrapped u) {
                byte[] key = u.key();
                byte[] ckn = Arrays.copyOfRange(body, wrappedLength, body.length);
                String cknHex = new Bytes(ckn).hex();
                List<CakEntry> known = derived.computeIfAbsent(cknHex, k -> new ArrayList<>());
                boolean repeated = known.stream().anyMatch(e -> Arrays.equals(e.cak(), key));
                if (!repeated && key.length != 16 && key.length != 32) {
                    find(ca, Rules.CAK_UNWRAP_FAILED, frame, "the Distributed CAK of " + ks.name()
                            + " unwraps to " + key.length + " octets; a CAK is 16 or 32");
                } else if (!repeated && distributedCaks >= options.maxCas()) {
                    // each would open a CA of its own, and no more CAs than that are tracked
                    if (ca.once.add("distributed-cak-limit")) {
                        ca.event(frame, ts, TimelineEvent.CAK_DISTRIBUTED, ks.name() + " distributed a CAK beyond the "
                                + options.maxCas() + " distributed CAKs followed; it and later ones are not learned");
                    }
                } else if (!repeated) {
                    // a retransmission until every peer has it changes nothing
                    distributedCaks++;
                    CakEntry e = new CakEntry(under.number(), ckn, key, "distributed by " + ks.name() + " in CA "
                            + ca.ckn + " (frame " + frame + ")");
                    known.add(e);
                    LearnedCak l = new LearnedCak(e, ca.ckn, ks.mi, frame);
                    ca.learnedCaks.add(l);
                    learned.add(l);
                    ca.event(frame, ts, TimelineEvent.CAK_DISTRIBUTED, ks.name() + " distributed a " + e.keyBits()
                            + "-bit CAK with CKN " + cknHex + ": the MKPDUs of that CA verify with it from here on");
                }
                Arrays.fill(key, (byte) 0);
                return;
            }
        }
        if (!tried) {
            return; // no room for a wrapped CAK and a CKN: the decoder reported the malformed set
        }
        find(ca, Rules.CAK_UNWRAP_FAILED, frame, "the Distributed CAK of " + ks.name()
                + " does not unwrap under the KEK of " + under.name().orElse("CAK#" + under.number())
                + " (AES Key Wrap integrity check failed for a 128-bit and a 256-bit CAK)");
    }

    private void distributedSak(ConnectivityAssociation ca, Participant ks, Mkpdu pdu, ParameterSet.DistributedSak ds,
                                CakEntry cak, long frame, long ts, List<LearnedSak> learned) {
        if (ds.plainText()) {
            ca.event(frame, ts, TimelineEvent.PLAIN_TEXT, ks.name() + " distributed no SAK: MACsec is not used in this CA");
            return;
        }
        if (!pdu.keyServer()) {
            find(ca, Rules.SAK_FROM_NON_KEY_SERVER, frame, ks.name() + " distributed SAK KN "
                    + ds.keyNumber() + " without claiming Key Server: only the Key Server distributes SAKs");
        }
        SakState cur = ca.current;
        if (cur != null && cur.distributed && cur.is(ks.mi, ds.keyNumber()) && cur.an == ds.an()) {
            return; // retransmission until every peer has it
        }
        if (cur != null) {
            if (ks.mi.equals(cur.ksMi) && ds.keyNumber() <= cur.kn) {
                find(ca, Rules.KN_NOT_INCREASING, frame, ks.name() + " distributed KN " + ds.keyNumber()
                        + " after KN " + cur.kn + ": a Key Server numbers its SAKs in increasing order");
            }
            int expected = (cur.an + 1) & 3;
            if (ds.an() != expected) {
                find(ca, Rules.AN_SEQUENCE, frame, ks.name() + " distributed KN " + ds.keyNumber()
                        + " with AN " + ds.an() + " after KN " + cur.kn + " on AN " + cur.an
                        + ": the next SAK takes the next AN (" + expected + ")");
            }
            if (cur.distributed) {
                checkAcknowledged(ca, cur, frame);
            }
        }
        SakState s = new SakState();
        s.distributed = true;
        s.kn = ds.keyNumber();
        s.an = ds.an();
        s.ksMi = ks.mi;
        s.frame = frame;
        s.co = ds.confidentialityOffset();
        s.suite = CipherSuite.byId(ds.cipherSuite());
        List<Participant> live = livePeersOf(ca, pdu);
        s.scis.add(ks.sci);
        s.liveAtDistribution.add(ks.mi);
        s.unknownPeers = pdu.livePeers().size() - live.size();
        for (Participant q : live) {
            if (!s.scis.contains(q.sci)) {
                s.scis.add(q.sci);
            }
            s.liveAtDistribution.add(q.mi);
        }
        ca.previous = cur;
        ca.current = s;
        String what = "SAK KN " + s.kn + " (AN " + s.an + ", " + (s.suite == null ? "cipher suite 0x"
                + Long.toHexString(ds.cipherSuite()) : s.suite.standardName()) + ", confidentiality offset code " + s.co + ")";
        // its live peers are those its Live Peer List names (802.1X-2020 11.11.3), whether or not the capture has
        // shown them yet: the count agrees with "is Key Server with N live peer(s)"
        ca.event(frame, ts, TimelineEvent.SAK_DISTRIBUTED, ks.name() + " distributed " + what + " to "
                + pdu.livePeers().size() + " live peer(s)" + (s.unknownPeers > 0 ? " (" + s.unknownPeers
                + " not seen in the capture before)" : ""));
        if (cur != null) {
            ca.event(frame, ts, TimelineEvent.REKEY, "rekey from KN " + cur.kn + " (AN " + cur.an + ") to KN " + s.kn
                    + " (AN " + s.an + ")");
        }
        if (s.suite == null) {
            find(ca, Rules.UNKNOWN_CIPHER_SUITE, frame, ks.name() + " distributed SAK KN " + s.kn
                    + " for unknown cipher suite 0x" + Long.toHexString(ds.cipherSuite()));
            return;
        }
        if (cak == null) {
            return;
        }
        KeyWrap.Result r = KeyWrap.unwrap(cak.kek(), ds.wrappedSak().octets());
        if (!(r instanceof KeyWrap.Result.Unwrapped u)) {
            find(ca, Rules.SAK_UNWRAP_FAILED, frame, "the Distributed SAK KN " + s.kn + " of "
                    + ks.name() + " does not unwrap under the KEK of " + cak.name().orElse("CAK#" + cak.number())
                    + ": " + r);
            return;
        }
        byte[] sak = u.key();
        if (sak.length != s.suite.keyLength()) {
            find(ca, Rules.SAK_UNWRAP_FAILED, frame, "the Distributed SAK KN " + s.kn + " of "
                    + ks.name() + " unwraps to " + sak.length + " octets, but " + s.suite.standardName() + " needs "
                    + s.suite.keyLength());
            Arrays.fill(sak, (byte) 0);
            return;
        }
        s.sak = sak;
        pdu.find(ParameterSet.SakUse.class).ifPresent(su -> {
            if (su.hasKeys() && ks.mi.equals(su.latestKeyServerMi()) && su.latestKeyNumber() == s.kn) {
                long msb = pdu.find(ParameterSet.Xpn.class).map(ParameterSet.Xpn::latestLowestPnMsb).orElse(0L);
                long pn = s.suite.xpn() ? msb << 32 | su.latestLowestPn() : su.latestLowestPn();
                s.lowestPn = Math.max(1, pn);
                s.lowestPnFromSakUse = true;
            }
        });
        if (s.suite.xpn()) {
            s.sscis = Xpn.sscis(s.scis);
            if (pdu.version() >= 3 && s.unknownPeers == 0) {
                int announced = pdu.find(ParameterSet.LivePeerList.class).map(ParameterSet.LivePeerList::keyServerSsci)
                        .orElse(0);
                int own = s.sscis.get(ks.sci);
                if (announced != own) {
                    find(ca, Rules.SSCI_MISMATCH, frame, ks.name() + " announces SSCI " + announced
                            + " in its Live Peer List, but the SCI order of the " + s.scis.size()
                            + " participants gives it SSCI " + own);
                }
            }
        }
        LearnedSak l = learn(ca, s, s.scis, frame);
        learned.add(l);
    }

    private LearnedSak learn(ConnectivityAssociation ca, SakState s, List<Long> scis, long frame) {
        Map<Long, SaKey> keysBySci = new LinkedHashMap<>();
        boolean overridden = false;
        List<Long> order = new ArrayList<>(scis);
        if (s.suite.xpn()) {
            order.sort((a, b) -> Integer.compare(s.sscis.getOrDefault(a, Integer.MAX_VALUE),
                    s.sscis.getOrDefault(b, Integer.MAX_VALUE)));
        }
        for (long sci : order) {
            SaKey key;
            if (s.suite.xpn()) {
                SakEntry e = saltOverride(sci, s);
                int ssci = s.sscis.getOrDefault(sci, 0);
                byte[] salt;
                if (e != null) {
                    salt = e.salt();
                    ssci = (int) e.ssci().orElse(ssci);
                    overridden = true;
                } else {
                    salt = Xpn.salt(s.ksMi.octets(), s.kn);
                }
                key = SaKey.of(s.suite, s.sak, ssci, salt);
            } else {
                key = SaKey.of(s.suite, s.sak);
            }
            keysBySci.put(sci, key.withLabel("MKA KN " + s.kn + " AN " + s.an));
        }
        s.saltOverridden |= overridden;
        long ksSci = ca.participants.get(s.ksMi) == null ? 0 : ca.participants.get(s.ksMi).sci;
        LearnedSak l = new LearnedSak(ca.ckn, s.kn, s.an, s.suite, s.co, s.ksMi, ksSci, keysBySci, s.scis,
                s.unknownPeers, s.lowestPn, s.lowestPnFromSakUse, overridden, frame);
        ca.learned.add(l);
        return l;
    }

    /** A keys-file XPN entry with the same SAK for this SCI/AN: its salt and SSCI win over 802.1AE 10.7.8. */
    private SakEntry saltOverride(long sci, SakState s) {
        for (SakEntry e : keys.saks()) {
            if (e.xpn() && e.salt() != null && e.sci().isPresent() && e.appliesTo(sci, s.an)
                    && Arrays.equals(e.sak(), s.sak)) {
                return e;
            }
        }
        return null;
    }

    private void sakUse(ConnectivityAssociation ca, Participant p, Mkpdu pdu, ParameterSet.SakUse su, long frame,
                        long ts, List<LearnedSak> learned) {
        p.delayProtect = su.delayProtect();
        if (!su.hasKeys()) {
            return;
        }
        long msb = pdu.find(ParameterSet.Xpn.class).map(ParameterSet.Xpn::latestLowestPnMsb).orElse(0L);
        p.usesKsMi = su.latestKeyServerMi();
        p.usesKn = su.latestKeyNumber();
        p.usesAn = su.latestAn();
        p.llpn = msb << 32 | su.latestLowestPn();
        p.llpnFrame = frame;
        SakState cur = ca.current;
        if (cur == null || !cur.is(su.latestKeyServerMi(), su.latestKeyNumber())) {
            if (cur == null || !cur.distributed) {
                // the capture began after the distribution: remember the key in use for the AN sequence rules
                SakState known = new SakState();
                known.kn = su.latestKeyNumber();
                known.an = su.latestAn();
                known.ksMi = su.latestKeyServerMi();
                known.frame = frame;
                ca.current = known;
            }
            return;
        }
        if (su.latestAn() != cur.an) {
            find(ca, Rules.SAK_USE_AN_MISMATCH, frame, p.name() + " reports KN " + cur.kn + " on AN "
                    + su.latestAn() + " in SAK Use, but it was distributed for AN " + cur.an);
            return;
        }
        if (su.latestRx() && su.latestTx() && cur.installedBy.add(p.mi)) {
            ca.event(frame, ts, TimelineEvent.SAK_INSTALLED, p.name() + " installed SAK KN " + cur.kn + " (AN "
                    + cur.an + ") for transmit and receive");
            if (cur.sak != null && !cur.scis.contains(p.sci)) {
                // a participant the Key Server had not listed yet: give the caller its SC too
                cur.scis.add(p.sci);
                cur.unknownPeers = Math.max(0, cur.unknownPeers - 1);
                if (cur.suite.xpn()) {
                    cur.sscis = Xpn.sscis(cur.scis);
                }
                learned.add(learn(ca, cur, List.of(p.sci), frame));
            }
            if (cur.distributed && !cur.inUseAnnounced && cur.installedBy.containsAll(cur.liveAtDistribution)) {
                cur.inUseAnnounced = true;
                ca.event(frame, ts, TimelineEvent.SAK_IN_USE, "SAK KN " + cur.kn + " (AN " + cur.an + ") in use by all "
                        + cur.liveAtDistribution.size() + " participants");
            }
        }
    }

    /** Every participant live at the distribution that spoke again after it must have reported the SAK in use. */
    private void checkAcknowledged(ConnectivityAssociation ca, SakState s, long frame) {
        for (Bytes mi : s.liveAtDistribution) {
            Participant q = ca.participants.get(mi);
            if (q == null || s.installedBy.contains(mi) || q.lastFrame <= s.frame) {
                continue;
            }
            find(ca, Rules.SAK_NOT_ACKNOWLEDGED, frame, q.name() + " never reported SAK KN " + s.kn
                    + " (AN " + s.an + ", distributed in frame " + s.frame + ") in use for transmit and receive in its"
                    + " SAK Use, though it sent MKPDUs after the distribution (last frame " + q.lastFrame + ")");
        }
    }

    private void capability(ConnectivityAssociation ca, Participant p, Mkpdu pdu, long frame) {
        for (Participant q : livePeersOf(ca, pdu)) {
            Participant wants = p.desired && q.capability == 0 ? p : q.desired && p.capability == 0 ? q : null;
            if (wants == null) {
                continue;
            }
            Participant cannot = wants == p ? q : p;
            if (ca.once.add(Rules.CAPABILITY_MISMATCH.code() + wants.mi.hex() + cannot.mi.hex())) {
                find(ca, Rules.CAPABILITY_MISMATCH, frame, wants.name() + " desires MACsec but its live peer "
                        + cannot.name() + " announces MACsec capability 0 (not implemented): the CA cannot protect traffic");
            }
        }
    }

    /**
     * A CA none of whose MKPDUs verified though the keychain has CAKs with its CKN: its stations use another CAK
     * under that CKN. Said once for the CA, since the per-MKPDU failures are capped and do not name the cause.
     */
    private void neverVerified(ConnectivityAssociation ca) {
        if (ca.mkpdusFailed == 0 || ca.mkpdusVerified > 0) {
            return;
        }
        find(ca, Rules.WRONG_CAK, lastFrame, "none of the " + ca.mkpdusFailed + " MKPDUs with CKN "
                + ca.ckn + " verifies under the " + ca.cakCandidates + " CAK(s) with that CKN: the stations of this CA"
                + " use another CAK under the same CKN, so none of them is followed and none of their SAKs is learned");
    }

    /**
     * CAs whose participants never saw a live peer, while another CA exists on the link: different CKNs. A CA with
     * no participant at all (every MKPDU failed its ICV and was discarded) has nobody to name: {@link #neverVerified}
     * reports it.
     */
    private void cknMismatch() {
        List<ConnectivityAssociation> lonely = new ArrayList<>();
        for (ConnectivityAssociation ca : cas.values()) {
            if (!ca.participants.isEmpty() && ca.participants.values().stream().noneMatch(Participant::live)) {
                lonely.add(ca);
            }
        }
        for (ConnectivityAssociation ca : lonely) {
            for (ConnectivityAssociation other : cas.values()) {
                if (other == ca || !ca.once.add(Rules.CKN_MISMATCH.code() + other.ckn)) {
                    continue;
                }
                Participant a = ca.participants.values().iterator().next();
                Participant b = other.participants.values().stream().filter(q -> q.sci != a.sci).findFirst().orElse(null);
                if (b == null) {
                    continue;
                }
                find(ca, Rules.CKN_MISMATCH, lastFrame, a.name() + " uses CKN " + ca.ckn + " and never"
                        + " gets a live peer, while " + b.name() + " uses CKN " + other.ckn
                        + ": the stations do not share a CAK/CKN");
            }
        }
    }

    private void find(ConnectivityAssociation ca, ExpertInfo rule, long frame, String message) {
        find(ca, rule.severity(), rule, frame, message);
    }

    /** A finding at a severity other than its rule's: only {@link Rules#ICV_MISSING}, reported as before. */
    private void find(ConnectivityAssociation ca, Severity severity, ExpertInfo rule, long frame, String message) {
        Finding f = ca.findings.add(severity, rule.code(), frame, message);
        if (f != null && sink != null) {
            sink.add(f);
        }
    }
}
