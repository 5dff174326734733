package dev.macsec.mka;

import dev.macsec.crypto.SaKey;
import dev.macsec.decode.mka.Mkpdu;
import dev.macsec.decode.mka.ParameterSet;
import dev.macsec.field.Bytes;
import dev.macsec.keys.CakEntry;
import dev.macsec.keys.KeyWrap;
import dev.macsec.keys.KeysFile;
import dev.macsec.keys.SakEntry;
import dev.macsec.keys.Xpn;
import dev.macsec.mka.ConnectivityAssociation.SakState;
import dev.macsec.mka.protocol.KeyIdentifier;
import dev.macsec.suite.CipherSuite;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The tracker's key distribution and use family (IEEE 802.1X-2020 9.8 to 9.12): the SAKs and CAKs a Key Server
 * distributes, learned when the CAK that verified it is known; the SAK Use of every participant; and the data
 * frames' AN and PN against both.
 */
final class KeyDistribution {
    private final KeysFile keys;
    private final CakKeychain keychain;
    private final PeerLiveness peers;
    private final MkaTrackerOptions options;
    private final FindingSink sink;
    private int distributedCaks;

    KeyDistribution(KeysFile keys, CakKeychain keychain, PeerLiveness peers, MkaTrackerOptions options,
                    FindingSink sink) {
        this.keys = keys;
        this.keychain = keychain;
        this.peers = peers;
        this.options = options;
        this.sink = sink;
    }

    /** A data frame of {@code ca} from {@code sci}: its AN against the SAKs distributed, its PN against SAK Use. */
    void onDataFrame(ConnectivityAssociation ca, long frameNumber, long sci, int an, long pn) {
        SakState cur = ca.current;
        if (cur != null && cur.distributed && cur.an != an && (ca.previous == null || ca.previous.an != an)) {
            sink.find(ca, Rules.DATA_AN_NOT_DISTRIBUTED, frameNumber, "data frame from SCI " + Names.sci(sci)
                    + " uses AN " + an + " but the SAKs of the CA are AN " + cur.an + " (KN " + cur.kn + ")"
                    + (ca.previous == null ? "" : " and AN " + ca.previous.an + " (KN " + ca.previous.kn + ")")
                    + ": a SAK used before its distribution or after its retirement");
        }
        // Under delay protection each participant's SAK Use reports the lowest PN its receive SAs accept for the
        // latest key. Without it the value bounds nothing: wpa_supplicant and our participant then report a PN of their
        // own transmit SA, which a peer's PNs on its own SC may well be below.
        for (Participant r : ca.participants.values()) {
            if (r.delayProtect && r.sci != sci && !r.lost && r.usesAn == an && r.llpnFrame > 0
                    && r.llpnFrame < frameNumber
                    && Long.compareUnsigned(pn, r.llpn) < 0) {
                sink.find(ca, Rules.PN_BELOW_LOWEST_ACCEPTABLE, frameNumber, "data frame from SCI "
                        + Names.sci(sci) + " AN " + an + " PN " + Long.toUnsignedString(pn)
                        + " is below the lowest acceptable PN " + Long.toUnsignedString(r.llpn) + " that " + r.name()
                        + " announced in SAK Use (frame " + r.llpnFrame + "): it discards the frame (replayed or delayed)");
            }
        }
    }

    /**
     * A CAK the Key Server wraps with the KEK of this CA for its peers: learned so that the CA it names (its CKN) is
     * verified and its SAKs are learned from then on, as its members do. The wrapped key is 24 octets for a 128-bit
     * CAK and 40 for a 256-bit one and the CKN follows it, so both splits are tried: AES Key Wrap's integrity check
     * tells which is right.
     */
    void distributedCak(ConnectivityAssociation ca, Participant ks, Mkpdu pdu, ParameterSet.DistributedCak dc,
                        CakEntry under, long frame, long ts, List<LearnedCak> learned) {
        if (!pdu.keyServer()) {
            sink.find(ca, Rules.CAK_FROM_NON_KEY_SERVER, frame, ks.name() + " distributed a CAK without claiming"
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
                List<CakEntry> known = keychain.derived(cknHex);
                boolean repeated = known.stream().anyMatch(e -> Arrays.equals(e.cak(), key));
                if (!repeated && key.length != 16 && key.length != 32) {
                    sink.find(ca, Rules.CAK_UNWRAP_FAILED, frame, "the Distributed CAK of " + ks.name()
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
        sink.find(ca, Rules.CAK_UNWRAP_FAILED, frame, "the Distributed CAK of " + ks.name()
                + " does not unwrap under the KEK of " + under.name().orElse("CAK#" + under.number())
                + " (AES Key Wrap integrity check failed for a 128-bit and a 256-bit CAK)");
    }

    /**
     * A Distributed SAK (9.8): the AN and KN rules against the CA's current SAK, a timeline entry, and with the CAK
     * that verified the Key Server the SAK itself, unwrapped and learned for every SCI it protects.
     */
    void distributedSak(ConnectivityAssociation ca, Participant ks, Mkpdu pdu, ParameterSet.DistributedSak ds,
                        CakEntry cak, long frame, long ts, List<LearnedSak> learned) {
        if (ds.plainText()) {
            ca.event(frame, ts, TimelineEvent.PLAIN_TEXT, ks.name() + " distributed no SAK: MACsec is not used in this CA");
            return;
        }
        if (!pdu.keyServer()) {
            sink.find(ca, Rules.SAK_FROM_NON_KEY_SERVER, frame, ks.name() + " distributed SAK KN "
                    + ds.keyNumber() + " without claiming Key Server: only the Key Server distributes SAKs");
        }
        SakState cur = ca.current;
        if (cur != null && cur.distributed && cur.is(ks.mi, ds.keyNumber()) && cur.an == ds.an()) {
            return; // retransmission until every peer has it
        }
        if (cur != null) {
            if (ks.mi.equals(cur.ksMi) && ds.keyNumber() <= cur.kn) {
                sink.find(ca, Rules.KN_NOT_INCREASING, frame, ks.name() + " distributed KN " + ds.keyNumber()
                        + " after KN " + cur.kn + ": a Key Server numbers its SAKs in increasing order");
            }
            int expected = KeyIdentifier.nextAn(cur.an);
            if (ds.an() != expected) {
                sink.find(ca, Rules.AN_SEQUENCE, frame, ks.name() + " distributed KN " + ds.keyNumber()
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
        List<Participant> live = peers.livePeersOf(ca, pdu);
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
            sink.find(ca, Rules.UNKNOWN_CIPHER_SUITE, frame, ks.name() + " distributed SAK KN " + s.kn
                    + " for unknown cipher suite 0x" + Long.toHexString(ds.cipherSuite()));
            return;
        }
        if (cak == null) {
            return;
        }
        KeyWrap.Result r = KeyWrap.unwrap(cak.kek(), ds.wrappedSak().octets());
        if (!(r instanceof KeyWrap.Result.Unwrapped u)) {
            sink.find(ca, Rules.SAK_UNWRAP_FAILED, frame, "the Distributed SAK KN " + s.kn + " of "
                    + ks.name() + " does not unwrap under the KEK of " + cak.name().orElse("CAK#" + cak.number())
                    + ": " + r);
            return;
        }
        byte[] sak = u.key();
        if (sak.length != s.suite.keyLength()) {
            sink.find(ca, Rules.SAK_UNWRAP_FAILED, frame, "the Distributed SAK KN " + s.kn + " of "
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
                    sink.find(ca, Rules.SSCI_MISMATCH, frame, ks.name() + " announces SSCI " + announced
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

    /** A SAK Use (9.10): which key the participant uses, its lowest acceptable PN, and when all have installed it. */
    void sakUse(ConnectivityAssociation ca, Participant p, Mkpdu pdu, ParameterSet.SakUse su, long frame,
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
        // 802.1X-2020 12.3, CP state RETIRE: once a key is in use the CP makes it the Old Key (oki = lki, lki = null),
        // so a participant may report it in use, tx and rx, in the Old Key slot only (wpa_supplicant, MKAdaemon)
        if (cur != null && cur.distributed && !cur.is(su.latestKeyServerMi(), su.latestKeyNumber())
                && cur.is(su.oldKeyServerMi(), su.oldKeyNumber()) && su.oldAn() == cur.an) {
            if (su.oldRx() && su.oldTx()) {
                installed(ca, p, cur, frame, ts, learned);
            }
            return;
        }
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
            sink.find(ca, Rules.SAK_USE_AN_MISMATCH, frame, p.name() + " reports KN " + cur.kn + " on AN "
                    + su.latestAn() + " in SAK Use, but it was distributed for AN " + cur.an);
            return;
        }
        if (su.latestRx() && su.latestTx()) {
            installed(ca, p, cur, frame, ts, learned);
        }
    }

    /** {@code p} reports {@code cur} in use for transmit and receive. */
    private void installed(ConnectivityAssociation ca, Participant p, SakState cur, long frame, long ts,
                           List<LearnedSak> learned) {
        if (!cur.installedBy.add(p.mi)) {
            return;
        }
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

    /** Every participant live at the distribution that spoke again after it must have reported the SAK in use. */
    void checkAcknowledged(ConnectivityAssociation ca, SakState s, long frame) {
        for (Bytes mi : s.liveAtDistribution) {
            Participant q = ca.participants.get(mi);
            if (q == null || s.installedBy.contains(mi) || q.lastFrame <= s.frame) {
                continue;
            }
            sink.find(ca, Rules.SAK_NOT_ACKNOWLEDGED, frame, q.name() + " never reported SAK KN " + s.kn
                    + " (AN " + s.an + ", distributed in frame " + s.frame + ") in use for transmit and receive in its"
                    + " SAK Use, though it sent MKPDUs after the distribution (last frame " + q.lastFrame + ")");
        }
    }
}
