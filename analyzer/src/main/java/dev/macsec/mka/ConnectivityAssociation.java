package dev.macsec.mka;

import dev.macsec.field.Bytes;
import dev.macsec.keys.CakEntry;
import dev.macsec.mka.protocol.KeyIdentifier;
import dev.macsec.suite.CipherSuite;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** One CA (all MKPDUs with one CKN): its participants, timeline, findings and the SAKs and CAKs learned in it. */
public final class ConnectivityAssociation {
    final String ckn;
    String keyName;
    final Map<Bytes, Participant> participants = new LinkedHashMap<>();
    final Map<Long, Bytes> miBySci = new HashMap<>();
    final Map<Bytes, CakEntry> cakByMi = new HashMap<>();
    final List<TimelineEvent> timeline = new ArrayList<>();
    long timelineDropped;
    final FindingLog findings;
    final List<LearnedSak> learned = new ArrayList<>();
    final List<LearnedCak> learnedCaks = new ArrayList<>();
    final Set<String> once = new HashSet<>();
    Bytes keyServerMi;
    SakState current;
    SakState previous;
    long dataFrames;
    long dataFramesVerified;
    long mkpdusVerified;
    long mkpdusFailed;
    int cakCandidates;
    final int maxTimeline;

    ConnectivityAssociation(String ckn, int maxFindingsPerRule, int maxTimeline) {
        this.ckn = ckn;
        this.findings = new FindingLog(ckn, maxFindingsPerRule);
        this.maxTimeline = maxTimeline;
    }

    /** A distributed SAK (or, when no distribution was captured, the key a SAK Use said was in use). */
    static final class SakState {
        long kn;
        int an;
        Bytes ksMi;
        long frame;
        CipherSuite suite;
        int co;
        byte[] sak;
        boolean saltOverridden;
        int unknownPeers;
        long lowestPn = 1;
        boolean lowestPnFromSakUse;
        List<Long> scis = new ArrayList<>();
        Map<Long, Integer> sscis = Map.of();
        final Set<Bytes> installedBy = new HashSet<>();
        final Set<Bytes> liveAtDistribution = new HashSet<>();
        boolean inUseAnnounced;
        boolean distributed;

        boolean is(Bytes mi, long keyNumber) {
            return new KeyIdentifier(ksMi, kn).is(mi, keyNumber);
        }
    }

    void event(long frame, long ts, String kind, String text) {
        if (timeline.size() < maxTimeline) {
            timeline.add(new TimelineEvent(frame, ts, kind, text));
        } else {
            timelineDropped++;
        }
    }

    /** CKN in hex (not secret). */
    public String ckn() {
        return ckn;
    }

    /** Name of the CAK that verified this CA's MKPDUs (the entry's name, or "CKN ..."), or null. */
    public String keyName() {
        return keyName;
    }

    public List<Participant> participants() {
        return List.copyOf(participants.values());
    }

    public Optional<Participant> participant(Bytes mi) {
        return Optional.ofNullable(participants.get(mi));
    }

    /** The participant currently acting as Key Server (claims it with live peers), if any. */
    public Optional<Participant> keyServer() {
        return keyServerMi == null ? Optional.empty() : participant(keyServerMi);
    }

    public List<TimelineEvent> timeline() {
        return Collections.unmodifiableList(timeline);
    }

    /** Timeline events beyond the per-CA limit, counted only. */
    public long timelineDropped() {
        return timelineDropped;
    }

    public List<Finding> findings() {
        return Collections.unmodifiableList(findings.findings());
    }

    public List<LearnedSak> learnedSaks() {
        return Collections.unmodifiableList(learned);
    }

    /** CAKs the Key Server of this CA distributed (each opens a CA of its own). */
    public List<LearnedCak> learnedCaks() {
        return Collections.unmodifiableList(learnedCaks);
    }

    /** MACsec data frames from this CA's SCIs, and how many of them the caller reported verified. */
    public long dataFrames() {
        return dataFrames;
    }

    public long dataFramesVerified() {
        return dataFramesVerified;
    }

    @Override
    public String toString() {
        return "CA[CKN " + ckn + ", " + participants.size() + " participants, " + learned.size() + " SAKs]";
    }
}
