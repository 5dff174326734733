package dev.macsec.mka;

import dev.macsec.decode.mka.Mkpdu;
import dev.macsec.decode.mka.ParameterSet;
import dev.macsec.field.Bytes;
import dev.macsec.mka.protocol.MessageNumbers;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The tracker's peer list and liveness family (IEEE 802.1X-2020 9.4): who takes part in each CA, the Message
 * Number and hello rules per participant, mutual liveness through the peer lists, and MKA Life Time expiry.
 */
final class PeerLiveness {
    private final MkaTrackerOptions options;
    private final FindingSink sink;
    private final Map<Long, ConnectivityAssociation> caBySci = new HashMap<>();

    PeerLiveness(MkaTrackerOptions options, FindingSink sink) {
        this.options = options;
        this.sink = sink;
    }

    /** The CA whose MKPDUs an SCI sent last, or null. */
    ConnectivityAssociation caOf(long sci) {
        return caBySci.get(sci);
    }

    /**
     * The participant that sent {@code pdu}, created on its first MKPDU, with the MN and hello interval rules checked
     * against its previous one; null beyond the per-CA participant limit.
     */
    Participant participant(ConnectivityAssociation ca, long frame, long ts, long srcMac, Mkpdu pdu) {
        Bytes mi = pdu.actorMi();
        Participant p = ca.participants.get(mi);
        if (p == null) {
            if (ca.participants.size() >= options.maxParticipants()) {
                if (ca.once.add(Rules.TOO_MANY_PARTICIPANTS.code())) {
                    sink.find(ca, Rules.TOO_MANY_PARTICIPANTS, frame, "more than " + options.maxParticipants()
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
                sink.find(ca, Rules.MI_CHANGED, frame, "SCI " + Names.sci(pdu.sci()) + " changed its MI from "
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
            if (!MessageNumbers.isFresh(p.lastMn, pdu.actorMn())) {
                if (pdu.actorMn() == p.lastMn) {
                    sink.find(ca, Rules.MN_REPEATED, frame, p.name() + " repeated MN " + pdu.actorMn()
                            + " of frame " + p.lastFrame + " (duplicate or replayed MKPDU)");
                } else {
                    sink.find(ca, Rules.MN_NOT_INCREASING, frame, p.name() + " sent MN " + pdu.actorMn()
                            + " after MN " + p.lastMn + " (frame " + p.lastFrame + "): the MN must increase with"
                            + " every MKPDU (replayed or reordered MKPDU)");
                }
            }
            long gap = ts - p.lastTimestamp;
            long hello = p.delayProtect ? options.boundedHelloNanos() : options.helloNanos();
            if (p.lost) {
                ca.event(frame, ts, TimelineEvent.PEER_JOINED, p.name() + " is back after " + Names.seconds(gap));
                p.lost = false;
                ca.miBySci.put(p.sci, p.mi);
            } else if (p.lastTimestamp > 0 && gap > hello * options.helloTolerance()) {
                sink.find(ca, Rules.HELLO_INTERVAL, frame, p.name() + " sent no MKPDU for " + Names.seconds(gap)
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
    void expire(ConnectivityAssociation ca, long frame, long now) {
        for (Participant p : ca.participants.values()) {
            if (!p.lost && p.lastTimestamp > 0 && now - p.lastTimestamp > options.lifeNanos()) {
                p.lost = true;
                ca.event(frame, p.lastTimestamp + options.lifeNanos(), TimelineEvent.PEER_LOST, p.name()
                        + " lost: no MKPDU since frame " + p.lastFrame + " for more than MKA Life Time "
                        + Names.seconds(options.lifeNanos()));
                sink.find(ca, Rules.PEER_LOST, frame, p.name() + " sent no MKPDU for "
                        + Names.seconds(now - p.lastTimestamp) + " after frame " + p.lastFrame
                        + ", more than MKA Life Time " + Names.seconds(options.lifeNanos()) + ": its peers remove it");
                if (p.mi.equals(ca.keyServerMi)) {
                    ca.keyServerMi = null;
                }
            }
        }
    }

    /** Mutual liveness (9.4.3): a participant listed as live by a peer, and one that lists live peers, are live. */
    void liveness(ConnectivityAssociation ca, Participant p, Mkpdu pdu, long frame, long ts) {
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

    /** The participants {@code pdu} lists as live that the capture has shown and that are not lost. */
    List<Participant> livePeersOf(ConnectivityAssociation ca, Mkpdu pdu) {
        List<Participant> out = new ArrayList<>();
        for (ParameterSet.PeerEntry e : pdu.livePeers()) {
            Participant q = ca.participants.get(e.mi());
            if (q != null && !q.lost) {
                out.add(q);
            }
        }
        return out;
    }

    /** A participant that desires MACsec with a live peer that cannot do it (capability 0, 9.6): said once a pair. */
    void capability(ConnectivityAssociation ca, Participant p, Mkpdu pdu, long frame) {
        for (Participant q : livePeersOf(ca, pdu)) {
            Participant wants = p.desired && q.capability == 0 ? p : q.desired && p.capability == 0 ? q : null;
            if (wants == null) {
                continue;
            }
            Participant cannot = wants == p ? q : p;
            if (ca.once.add(Rules.CAPABILITY_MISMATCH.code() + wants.mi.hex() + cannot.mi.hex())) {
                sink.find(ca, Rules.CAPABILITY_MISMATCH, frame, wants.name() + " desires MACsec but its live peer "
                        + cannot.name() + " announces MACsec capability 0 (not implemented): the CA cannot protect traffic");
            }
        }
    }

    /**
     * CAs whose participants never saw a live peer, while another CA exists on the link: different CKNs. A CA with
     * no participant at all (every MKPDU failed its ICV and was discarded) has nobody to name: {@link CakKeychain#neverVerified}
     * reports it.
     */
    void cknMismatch(Iterable<ConnectivityAssociation> cas, long lastFrame) {
        List<ConnectivityAssociation> lonely = new ArrayList<>();
        for (ConnectivityAssociation ca : cas) {
            if (!ca.participants.isEmpty() && ca.participants.values().stream().noneMatch(Participant::live)) {
                lonely.add(ca);
            }
        }
        for (ConnectivityAssociation ca : lonely) {
            for (ConnectivityAssociation other : cas) {
                if (other == ca || !ca.once.add(Rules.CKN_MISMATCH.code() + other.ckn)) {
                    continue;
                }
                Participant a = ca.participants.values().iterator().next();
                Participant b = other.participants.values().stream().filter(q -> q.sci != a.sci).findFirst().orElse(null);
                if (b == null) {
                    continue;
                }
                sink.find(ca, Rules.CKN_MISMATCH, lastFrame, a.name() + " uses CKN " + ca.ckn + " and never"
                        + " gets a live peer, while " + b.name() + " uses CKN " + other.ckn
                        + ": the stations do not share a CAK/CKN");
            }
        }
    }
}
