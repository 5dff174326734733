package dev.macsec.mka;

import dev.macsec.decode.mka.Mkpdu;
import dev.macsec.decode.mka.ParameterSet;
import dev.macsec.field.Severity;
import dev.macsec.keys.CakEntry;
import dev.macsec.keys.KeysFile;
import dev.macsec.keys.MskEntry;
import dev.macsec.keys.MkpduIcv;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Follows the MKA sessions of a capture (IEEE 802.1X-2020 clause 11): verifies each MKPDU's ICV with the
 * keychain (pre-shared CAKs, and CAKs derived from EAP MSKs for the station pairs seen), learns the SAKs the
 * Key Server distributes, builds a timeline per CA and checks the MKA rules. Feed it in capture order; it is
 * not thread-safe.
 * <p>
 * The rules live by family: {@link CakKeychain} (keychain and ICV), {@link PeerLiveness} (peer lists, MN and
 * liveness), {@link Election} (Key Server), {@link KeyDistribution} (SAKs and CAKs distributed and used); this
 * class hands each input to them in the order the clause applies them.
 * <p>
 * Memory is bounded by the options: participants, timeline events and findings per rule are capped per CA;
 * the station MACs used for MSK derivation are capped at {@value CakKeychain#MAX_MACS}, distributed CAKs at the
 * CA limit.
 */
public final class MkaTracker {
    private final MkaTrackerOptions options;
    private final Map<String, ConnectivityAssociation> cas = new LinkedHashMap<>();
    private final FindingSink sink = new FindingSink();
    private final CakKeychain keychain;
    private final PeerLiveness peers;
    private final Election election;
    private final KeyDistribution distribution;
    private long lastFrame;
    private long untrackedMkpdus;

    public MkaTracker(KeysFile keys, MkaTrackerOptions options) {
        KeysFile k = keys == null ? KeysFile.EMPTY : keys;
        this.options = options == null ? MkaTrackerOptions.DEFAULT : options;
        this.keychain = new CakKeychain(k, sink);
        this.peers = new PeerLiveness(this.options, sink);
        this.election = new Election(this.options, peers, sink);
        this.distribution = new KeyDistribution(k, keychain, peers, this.options, sink);
    }

    public MkaTracker(KeysFile keys) {
        this(keys, MkaTrackerOptions.DEFAULT);
    }

    /**
     * An EAP-Success (or any EAPOL exchange) between two stations: with MSKs in the keys file, the CAK/CKN
     * of that pair is derived. Pairs of MKPDU source MACs are tried anyway; this adds pairs where only one
     * side speaks MKA.
     */
    public void onEapSuccess(long frameNumber, long srcMac, long dstMac) {
        lastFrame = Math.max(lastFrame, frameNumber);
        keychain.derivePair(srcMac, dstMac);
    }

    /**
     * An EAP MSK the capture gave (with a RADIUS secret): the CAK/CKN for the supplicant and authenticator MACs
     * ({@code mac1}, {@code mac2}; 0 when unknown, then the pairs of MKPDU senders are tried).
     */
    public void onEapKeys(long frameNumber, MskEntry msk, long mac1, long mac2) {
        lastFrame = Math.max(lastFrame, frameNumber);
        keychain.addMsk(msk, mac1, mac2);
    }

    /** One MKPDU, in capture order. src/dst MACs from the Ethernet header (dst may be the PAE group address). */
    public MkpduOutcome onMkpdu(long frameNumber, long timestampNanos, long srcMac, long dstMac, Mkpdu pdu) {
        lastFrame = Math.max(lastFrame, frameNumber);
        List<Finding> raised = new ArrayList<>();
        sink.open(raised);
        try {
            keychain.seeMac(srcMac);
            String ckn = pdu.ckn().hex();
            if (!cas.containsKey(ckn)) {
                if (cas.size() >= options.maxCas()) {
                    return untracked(pdu);
                }
                cas.put(ckn, new ConnectivityAssociation(ckn, options.maxFindingsPerRule(), options.maxTimeline()));
            }
            ConnectivityAssociation ca = cas.get(ckn);
            peers.expire(ca, frameNumber, timestampNanos);

            CakKeychain.Check icv = keychain.check(ca, pdu, frameNumber);
            CakEntry cak = icv.cak();
            String keyName = cak == null ? null : cak.name().orElse("CKN " + ckn);
            if (icv.status() == IcvStatus.FAILED) {
                // a receiver discards it: it changes no state
                return new MkpduOutcome(icv.status(), keyName, List.of(), raised);
            }
            List<LearnedSak> learned = new ArrayList<>();
            List<LearnedCak> learnedCaks = new ArrayList<>();
            Participant p = peers.participant(ca, frameNumber, timestampNanos, srcMac, pdu);
            if (p != null) {
                if (cak != null) {
                    keychain.noteCak(ca, p, cak, frameNumber, timestampNanos);
                    ca.keyName = keyName;
                }
                peers.liveness(ca, p, pdu, frameNumber, timestampNanos);
                election.onMkpdu(ca, p, pdu, frameNumber, timestampNanos);
                pdu.find(ParameterSet.DistributedSak.class).ifPresent(ds -> distribution.distributedSak(ca, p, pdu,
                        ds, keychain.cakFor(ca, p), frameNumber, timestampNanos, learned));
                pdu.find(ParameterSet.SakUse.class).ifPresent(su ->
                        distribution.sakUse(ca, p, pdu, su, frameNumber, timestampNanos, learned));
                pdu.find(ParameterSet.DistributedCak.class).ifPresent(dc ->
                        distribution.distributedCak(ca, p, pdu, dc, cak, frameNumber, timestampNanos, learnedCaks));
                peers.capability(ca, p, pdu, frameNumber);
            }
            return new MkpduOutcome(icv.status(), keyName, learned, raised, learnedCaks);
        } finally {
            sink.close();
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
    private MkpduOutcome untracked(Mkpdu pdu) {
        untrackedMkpdus++;
        List<CakEntry> candidates = keychain.candidates(pdu);
        if (candidates.isEmpty()) {
            return new MkpduOutcome(IcvStatus.NO_KEY, null, List.of(), List.of());
        }
        if (pdu.icvInput() == null) {
            return new MkpduOutcome(IcvStatus.NO_ICV_INPUT, null, List.of(), List.of());
        }
        CakEntry cak = pdu.hasIcv() && pdu.icv().length() == MkpduIcv.ICV_LENGTH
                ? keychain.verify(candidates, pdu) : null;
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
        ConnectivityAssociation ca = peers.caOf(sci);
        if (ca == null) {
            return;
        }
        ca.dataFrames++;
        if (verified) {
            ca.dataFramesVerified++;
        }
        distribution.onDataFrame(ca, frameNumber, sci, an, pn);
    }

    /** End of capture: lifetime checks against the last timestamp, unacknowledged SAKs, CKN mismatches. */
    public void finish(long lastTimestampNanos) {
        sink.open(new ArrayList<>());
        try {
            for (ConnectivityAssociation ca : cas.values()) {
                peers.expire(ca, lastFrame, lastTimestampNanos);
                if (ca.current != null && ca.current.distributed) {
                    distribution.checkAcknowledged(ca, ca.current, lastFrame);
                }
            }
            peers.cknMismatch(cas.values(), lastFrame);
            for (ConnectivityAssociation ca : cas.values()) {
                keychain.neverVerified(ca, lastFrame);
            }
            for (ConnectivityAssociation ca : cas.values()) {
                ca.findings.summarize(lastFrame);
            }
        } finally {
            sink.close();
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
}
