package dev.macsec.mka;

import dev.macsec.decode.mka.Mkpdu;
import dev.macsec.mka.protocol.KeyServerElection;

/**
 * The tracker's election family (IEEE 802.1X-2020 9.5): whether a participant that claims Key Server wins the
 * election among its live peers, may be Key Server at all, and is the only one claiming it.
 */
final class Election {
    private final MkaTrackerOptions options;
    private final PeerLiveness peers;
    private final FindingSink sink;

    Election(MkaTrackerOptions options, PeerLiveness peers, FindingSink sink) {
        this.options = options;
        this.peers = peers;
        this.sink = sink;
    }

    /**
     * Checks the Key Server claim of {@code p}'s MKPDU against its live peers and the other claims in the CA, and
     * follows who is Key Server.
     */
    void onMkpdu(ConnectivityAssociation ca, Participant p, Mkpdu pdu, long frame, long ts) {
        // With no live peers every participant claims Key Server (it is its own best candidate); not an election.
        p.keyServerWithPeers = pdu.keyServer() && !pdu.livePeers().isEmpty();
        if (!p.keyServerWithPeers) {
            if (p.mi.equals(ca.keyServerMi) && !pdu.keyServer()) {
                ca.keyServerMi = null;
            }
            return;
        }
        Participant best = p;
        for (Participant q : peers.livePeersOf(ca, pdu)) {
            if (KeyServerElection.beats(q.priority, q.sci, best.priority, best.sci)) {
                best = q;
            }
        }
        if (best != p) {
            sink.find(ca, Rules.KEY_SERVER_NOT_ELECTED, frame, p.name() + " (priority " + p.priority
                    + ") claims Key Server, but its live peer " + best.name() + " (priority " + best.priority
                    + ") has the lower (priority, SCI) and wins the election");
        }
        if (!KeyServerElection.mayBeKeyServer(p.priority)) {
            sink.find(ca, Rules.KEY_SERVER_NOT_ELECTED, frame, p.name()
                    + " claims Key Server with priority 255, which means it cannot be Key Server");
        }
        for (Participant q : ca.participants.values()) {
            if (q != p && q.sci != p.sci && !q.lost && q.keyServerWithPeers
                    && ts - q.lastTimestamp <= options.lifeNanos()) {
                sink.find(ca, Rules.SECOND_KEY_SERVER, frame, p.name() + " claims Key Server while "
                        + q.name() + " (frame " + q.lastFrame + ") also does: a CA has one Key Server");
            }
        }
        if (!p.mi.equals(ca.keyServerMi)) {
            ca.keyServerMi = p.mi;
            ca.event(frame, ts, TimelineEvent.KEY_SERVER_ELECTED, p.name() + " (priority " + p.priority
                    + ") is Key Server with " + pdu.livePeers().size() + " live peer(s)");
        }
    }
}
