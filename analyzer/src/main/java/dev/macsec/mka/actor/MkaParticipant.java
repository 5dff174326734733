package dev.macsec.mka.actor;

import dev.macsec.decode.mka.EapolDecoder;
import dev.macsec.decode.mka.Mkpdu;
import dev.macsec.decode.mka.ParameterSet;
import dev.macsec.field.Bytes;
import dev.macsec.field.Dissection;
import dev.macsec.keys.KeyHierarchy;
import dev.macsec.keys.KeyWrap;
import dev.macsec.keys.MkpduIcv;
import dev.macsec.mka.protocol.KeyIdentifier;
import dev.macsec.mka.protocol.KeyServerElection;
import dev.macsec.mka.protocol.MessageNumbers;
import dev.macsec.secy.ReceiveSecY;
import dev.macsec.secy.TransmitSecY;
import dev.macsec.secy.Verdict;
import dev.macsec.suite.CipherSuite;

import java.security.SecureRandom;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Deque;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.random.RandomGenerator;

/**
 * One MKA participant (IEEE 802.1X-2020 clause 11) for a pre-shared CAK: MI and MN, live and potential peers,
 * key server election, SAK generation and distribution (AES key wrap under the KEK), SAK Use, hello and life
 * timers, old key retirement. This class is the state machine; {@link MkpduBuilder} encodes what it says, and
 * {@link DataPlane} holds the SecYs the agreed SAKs are installed into so that data flows.
 *
 * <p>Driven from outside, never by its own thread: {@link #tick(long)} and {@link #receive(byte[], long)} take
 * the current time (from an {@link MkaClock}) and return the MKPDU frames to transmit now. That lets a real-time
 * loop run it against a device, and a unit test step two participants against each other deterministically.
 * A test that needs malformed MKPDUs gives it an {@link MkpduTamper} ({@link Faults}). Not thread-safe.
 */
public final class MkaParticipant {
    private static final int MAX_EVENTS = 10_000;

    private final ActorConfig cfg;
    private final byte[] kek;
    private final byte[] cak;
    private final MkpduIcv icv;
    private final RandomGenerator rng;
    private final Map<Bytes, Peer> peers = new LinkedHashMap<>();
    private final Deque<long[]> sentMns = new ArrayDeque<>();
    private final List<MkaEvent> events = new ArrayList<>();
    private final DataPlane dataPlane;
    private final MkpduBuilder builder;
    private MkpduTamper tamper = MkpduTamper.NONE;

    private byte[] mi = new byte[12];
    private long mn;
    private boolean started;
    private long nextHelloAt;
    private boolean newInfo;
    private boolean elected;
    private boolean iAmKeyServer;
    private Peer keyServer;
    private long distKn;
    private int distAn;
    private boolean rekeyRequested;
    private boolean distributing;
    private HeldSak latest;
    private HeldSak old;
    private long retireOldAt = Long.MAX_VALUE;
    private long lowestPnReported = 1;
    private boolean silent;

    public MkaParticipant(ActorConfig cfg) {
        this.cfg = cfg;
        this.cak = cfg.cak().cak();
        this.kek = cfg.cak().kek();
        this.icv = new MkpduIcv(cfg.cak().ick());
        this.rng = cfg.seed() == null ? new SecureRandom() : new Random(cfg.seed());
        rng.nextBytes(mi);
        this.dataPlane = new DataPlane(cfg);
        this.builder = new MkpduBuilder(cfg, icv, kek);
    }

    // ------------------------------------------------------------------ control

    public ActorConfig config() {
        return cfg;
    }

    /** Applied to every MKPDU sent from now on (replaces the previous one; {@link MkpduTamper#NONE} for none). */
    public MkaParticipant tamper(MkpduTamper t) {
        tamper = t;
        return this;
    }

    /** While silent, {@link #tick} sends nothing (a participant that went away without saying so). */
    public MkaParticipant silent(boolean on) {
        silent = on;
        return this;
    }

    /** As key server, distribute a fresh SAK (next KN, next AN) at the next tick. */
    public void rekey() {
        rekeyRequested = true;
    }

    // ------------------------------------------------------------------ state

    public Bytes mi() {
        return new Bytes(mi.clone());
    }

    /** The MN of the last MKPDU sent. */
    public long mn() {
        return mn;
    }

    public long sci() {
        return cfg.sci();
    }

    public List<Peer> livePeers() {
        return peers.values().stream().filter(p -> p.live).toList();
    }

    public List<Peer> potentialPeers() {
        return peers.values().stream().filter(p -> !p.live).toList();
    }

    public boolean isKeyServer() {
        return elected && iAmKeyServer;
    }

    /** The elected key server's SCI, or -1 while none is elected. */
    public long keyServerSci() {
        if (!elected) {
            return -1;
        }
        return iAmKeyServer ? cfg.sci() : keyServer.sci;
    }

    public HeldSak latestKey() {
        return latest;
    }

    public HeldSak oldKey() {
        return old;
    }

    /** Secured: we receive and transmit with the latest SAK. */
    public boolean secured() {
        return latest != null && latest.rx && latest.tx;
    }

    public List<MkaEvent> events() {
        return Collections.unmodifiableList(events);
    }

    public TransmitSecY transmitSecY() {
        return dataPlane.transmitSecY();
    }

    public ReceiveSecY receiveSecY() {
        return dataPlane.receiveSecY();
    }

    private void event(long now, MkaEvent.Kind kind, String detail) {
        // a long-running participant keeps the most recent events only (about 3 hours of hellos)
        if (events.size() >= MAX_EVENTS) {
            events.subList(0, MAX_EVENTS / 2).clear();
        }
        events.add(new MkaEvent(now, kind, detail));
    }

    // ------------------------------------------------------------------ data plane

    /**
     * Protects a plaintext frame (DA || SA || EtherType || payload) with the SA in use for transmission.
     *
     * @return the MACsec frame, or null while no transmit SA is in use
     */
    public byte[] protect(byte[] plain) {
        return transmitting() ? dataPlane.protect(plain) : null;
    }

    private boolean transmitting() {
        return (latest != null && latest.tx) || (old != null && old.tx);
    }

    /** The result of {@link #unprotect}: the verdict and, when delivered, the plaintext frame. */
    public record Received(Verdict verdict, byte[] plain, int an) {
    }

    /** Verifies and decrypts one received MACsec frame with the SAs installed so far. */
    public Received unprotect(byte[] frame) {
        return dataPlane.unprotect(frame);
    }

    // ------------------------------------------------------------------ timers

    /** Runs the timers; returns the MKPDUs to send now (empty when nothing is due). */
    public List<byte[]> tick(long now) {
        if (!started) {
            started = true;
            newInfo = true;
        }
        boolean liveChanged = false;
        for (var it = peers.values().iterator(); it.hasNext(); ) {
            Peer p = it.next();
            if (p.expiresAt <= now) {
                it.remove();
                event(now, MkaEvent.Kind.PEER_EXPIRED, p.toString());
                liveChanged |= p.live;
                newInfo = true;
            }
        }
        if (liveChanged) {
            elect(now);
            if (livePeers().isEmpty()) {
                // 802.1X-2020 12.5: with no live peer the CA is gone and so are its SAKs
                latest = null;
                old = null;
                distributing = false;
            }
        }
        if (old != null && now >= retireOldAt) {
            event(now, MkaEvent.Kind.SAK_RETIRED, old.toString());
            old = null;
            retireOldAt = Long.MAX_VALUE;
            newInfo = true;
        }
        if (isKeyServer() && !livePeers().isEmpty() && cfg.macsecDesired()
                && (latest == null || !latest.keyServerMi().equals(new Bytes(mi)) || rekeyRequested)) {
            distributeSak(now);
        }
        return sendIfDue(now);
    }

    /** When {@link #tick} next has something to do if nothing is received before. */
    public long nextDeadline() {
        long d = nextHelloAt;
        for (Peer p : peers.values()) {
            d = Math.min(d, p.expiresAt);
        }
        return Math.min(d, retireOldAt);
    }

    private List<byte[]> sendIfDue(long now) {
        if (silent || !(newInfo || now >= nextHelloAt)) {
            return List.of();
        }
        newInfo = false;
        nextHelloAt = now + cfg.helloMillis();
        return List.of(send(now, tamper, latest, distributing));
    }

    // ------------------------------------------------------------------ transmit

    /**
     * Builds one MKPDU from the current state through {@code t}, as if it were sent now (it consumes an MN). Lets a
     * test inject a malformed MKPDU between well-formed ones.
     */
    public byte[] craft(long now, MkpduTamper t) {
        return send(now, t, latest, distributing);
    }

    /**
     * As the elected key server, builds an MKPDU through {@code t} that distributes a fresh random SAK (next KN and
     * AN) which we do NOT install ourselves: a peer that accepts it from a malformed MKPDU has accepted a key it
     * should not have. Returns null when we are not the key server or have no key yet.
     */
    public byte[] craftRogueSak(long now, MkpduTamper t) {
        if (!isKeyServer() || latest == null) {
            return null;
        }
        byte[] sak = new byte[cfg.cipherSuite().keyLength()];
        rng.nextBytes(sak);
        HeldSak rogue = new HeldSak(latest.keyServerMi(), distKn + 1, distAn, cfg.cipherSuite(), sak);
        rogue.rx = latest.rx;
        rogue.tx = latest.tx;
        try {
            return send(now, t, rogue, true);
        } finally {
            Arrays.fill(sak, (byte) 0);
        }
    }

    /** One MKPDU that reports {@code latestKey} as the latest, and distributes it when {@code distribute}. */
    private byte[] send(long now, MkpduTamper t, HeldSak latestKey, boolean distribute) {
        MkpduTamper.Substitute instead = t.instead();
        if (instead != null) {
            event(now, MkaEvent.Kind.SENT, instead.note());
            return instead.frame();
        }
        mn++;
        sentMns.addLast(new long[] {mn, now});
        while (sentMns.size() > 1 && sentMns.peekFirst()[1] < now - cfg.lifeMillis()) {
            sentMns.removeFirst();
        }
        // undecided, the flag says whether we may become Key Server: not with priority 255 (9.5.1)
        boolean ksFlag = elected ? iAmKeyServer : mayBeKeyServer();
        ParameterSet.SakUse use = latestKey != null || old != null ? sakUse(latestKey, old) : null;
        HeldSak dist = isKeyServer() && distribute && latestKey != null ? latestKey : null;
        // 802.1X-2020 11.11.2: an MKA v3 Key Server of an XPN SAK names its own SSCI in the Live Peer List header
        int ksSsci = isKeyServer() && cfg.mkaVersion() >= 3 && latestKey != null && latestKey.saKey().suite().xpn()
                ? dataPlane.ourSsci(livePeers()) : 0;
        byte[] frame = builder.build(new MkpduBuilder.Content(mi, mn, ksFlag, peers.values(), use, dist, ksSsci), t);
        event(now, MkaEvent.Kind.SENT, "MN " + mn + t.describe());
        return frame;
    }

    private ParameterSet.SakUse sakUse(HeldSak l, HeldSak o) {
        Bytes none = new Bytes(new byte[12]);
        long lpn = 1;
        if (l != null && l.tx) {
            // the lowest PN we used in roughly the last hello interval (802.1X-2020 9.8.2)
            lpn = Math.max(1, lowestPnReported);
            lowestPnReported = dataPlane.nextPn(l.an());
        }
        return new ParameterSet.SakUse(l == null ? 0 : l.an(), l != null && l.tx, l != null && l.rx,
                o == null ? 0 : o.an(), o != null && o.tx, o != null && o.rx, false, false, false, true,
                l == null ? none : l.keyServerMi(), l == null ? 0 : l.kn(), l == null ? 0 : lpn,
                o == null ? none : o.keyServerMi(), o == null ? 0 : o.kn(), o == null ? 0 : 1);
    }

    private void distributeSak(long now) {
        rekeyRequested = false;
        CipherSuite suite = cfg.cipherSuite();
        long kn = ++distKn;
        int an = distAn;
        distAn = KeyIdentifier.nextAn(distAn);
        byte[] sak;
        if (cfg.sakSource() == SakSource.KDF) {
            byte[] nonce = new byte[suite.keyLength()];
            rng.nextBytes(nonce);
            List<Peer> live = livePeers();
            byte[] miList = new byte[12 * (live.size() + 1)];
            for (int i = 0; i < live.size(); i++) {
                System.arraycopy(live.get(i).mi.octets(), 0, miList, 12 * i, 12);
            }
            System.arraycopy(mi, 0, miList, 12 * live.size(), 12);
            sak = KeyHierarchy.sak(cak, nonce, miList, kn, suite.keyLength() * 8);
        } else {
            sak = new byte[suite.keyLength()];
            rng.nextBytes(sak);
        }
        HeldSak k = new HeldSak(new Bytes(mi.clone()), kn, an, suite, sak);
        Arrays.fill(sak, (byte) 0);
        install(now, k);
        distributing = true;
        for (Peer p : livePeers()) {
            p.receivingLatest = false;
        }
        event(now, MkaEvent.Kind.SAK_DISTRIBUTED, k.toString());
        newInfo = true;
    }

    /** Makes {@code k} the latest key: receive SAs for every live peer, a transmit SA not yet in use. */
    private void install(long now, HeldSak k) {
        if (latest != null && latest.tx) {
            old = latest;
        }
        latest = k;
        dataPlane.install(k, livePeers());
        k.rx = true;
        lowestPnReported = 1;
        event(now, MkaEvent.Kind.SAK_INSTALLED, k.toString());
    }

    private void enableTx(long now) {
        if (latest == null || latest.tx) {
            return;
        }
        latest.tx = true;
        dataPlane.transmitOn(latest.an());
        if (old != null) {
            old.tx = false;
            retireOldAt = now + cfg.retireMillis();
        }
        event(now, MkaEvent.Kind.TX_ENABLED, latest.toString());
        newInfo = true;
    }

    // ------------------------------------------------------------------ receive

    /**
     * Processes one received frame. Anything that is not a valid MKPDU for our CA is ignored (and noted in
     * {@link #events()}). Returns the MKPDUs to send now: one right away when the frame brought news (a new
     * peer, a peer gone live, a key), so the exchange is not held up by the hello timer.
     */
    public List<byte[]> receive(byte[] frame, long now) {
        if (frame.length < 18 || (frame[12] & 0xFF) != 0x88 || (frame[13] & 0xFF) != 0x8E) {
            return List.of();
        }
        Mkpdu m;
        try {
            m = EapolDecoder.decode(frame, 0, 0, 14, frame.length, new Dissection());
        } catch (RuntimeException e) {
            event(now, MkaEvent.Kind.IGNORED, "undecodable: " + e.getMessage());
            return List.of();
        }
        if (m == null || !m.hasIcv() || m.icvInput() == null) {
            event(now, MkaEvent.Kind.IGNORED, "not a complete MKPDU");
            return List.of();
        }
        if (!cfg.cak().cknEquals(m.ckn().octets())) {
            event(now, MkaEvent.Kind.UNKNOWN_CKN, HexFormat.of().formatHex(m.ckn().octets()));
            return List.of();
        }
        if (m.algorithmAgility() != Mkpdu.ALGORITHM_AGILITY_2010) {
            event(now, MkaEvent.Kind.IGNORED, String.format("algorithm agility %08x", m.algorithmAgility()));
            return List.of();
        }
        byte[] input = m.icvInput().octets();
        if (!MkpduIcv.equal(icv.compute(input, 0, input.length), m.icv().octets())) {
            event(now, MkaEvent.Kind.ICV_FAILED, "from SCI " + Long.toHexString(m.sci()));
            return List.of();
        }
        if (m.actorMi().equals(new Bytes(mi))) {
            rng.nextBytes(mi);
            mn = 0;
            event(now, MkaEvent.Kind.MI_CHANGED, "a peer used our MI");
            newInfo = true;
            return sendIfDue(now);
        }
        Peer p = peers.get(m.actorMi());
        if (p == null) {
            for (Peer q : peers.values()) {
                if (q.sci == m.sci()) {
                    // a new MI from a known SCI: a restarted peer or a replay; the old entry has to expire first
                    event(now, MkaEvent.Kind.IGNORED, "new MI " + m.actorMi().hex() + " from known SCI");
                    return List.of();
                }
            }
            p = new Peer(m.actorMi(), m.actorMn());
            p.expiresAt = now + cfg.lifeMillis();
            peers.put(p.mi, p);
            event(now, MkaEvent.Kind.PEER_POTENTIAL, p.toString());
            newInfo = true;
        } else if (!MessageNumbers.isFresh(p.mn, m.actorMn())) {
            event(now, MkaEvent.Kind.REPLAY, "MN " + m.actorMn() + " <= " + p.mn + " from MI " + p.mi.hex());
            return List.of();
        }
        p.mn = m.actorMn();
        p.sci = m.sci();
        p.priority = m.keyServerPriority();
        boolean ksChanged = p.keyServer != m.keyServer();
        p.keyServer = m.keyServer();
        if (listsUs(m)) {
            p.expiresAt = now + cfg.lifeMillis();
            if (!p.live) {
                p.live = true;
                dataPlane.receiveFrom(p, livePeers(), old, latest);
                event(now, MkaEvent.Kind.PEER_LIVE, p.toString());
                newInfo = true;
                ksChanged = true;
            }
        }
        if (ksChanged) {
            elect(now);
        }
        if (!p.live) {
            return sendIfDue(now);
        }
        Peer from = p;
        m.find(ParameterSet.DistributedSak.class).ifPresent(d -> onDistributedSak(now, from, d));
        m.find(ParameterSet.SakUse.class).ifPresent(u -> onSakUse(now, from, u));
        return sendIfDue(now);
    }

    /** Whether the peer lists our MI with an MN we sent within MKA_LIFE_TIME (802.1X-2020 11.7). */
    private boolean listsUs(Mkpdu m) {
        Bytes me = new Bytes(mi);
        for (List<ParameterSet.PeerEntry> list : List.of(m.livePeers(), m.potentialPeers())) {
            for (ParameterSet.PeerEntry e : list) {
                if (e.mi().equals(me)) {
                    for (long[] sent : sentMns) {
                        if (sent[0] == e.mn()) {
                            return true;
                        }
                    }
                }
            }
        }
        return false;
    }

    private boolean mayBeKeyServer() {
        return cfg.keyServerCapable() && KeyServerElection.mayBeKeyServer(cfg.priority());
    }

    private void elect(long now) {
        Peer best = null;
        for (Peer p : livePeers()) {
            if (p.keyServer && (best == null || KeyServerElection.beats(p.priority, p.sci, best.priority, best.sci))) {
                best = p;
            }
        }
        boolean wasElected = elected;
        boolean wasMe = iAmKeyServer;
        Peer wasPeer = keyServer;
        if (livePeers().isEmpty()) {
            elected = false;
            iAmKeyServer = false;
            keyServer = null;
        } else if (mayBeKeyServer()
                && (best == null || KeyServerElection.beats(cfg.priority(), cfg.sci(), best.priority, best.sci))) {
            elected = true;
            iAmKeyServer = true;
            keyServer = null;
        } else if (best != null) {
            elected = true;
            iAmKeyServer = false;
            keyServer = best;
        } else {
            elected = false;
            iAmKeyServer = false;
            keyServer = null;
        }
        if (elected != wasElected || iAmKeyServer != wasMe || keyServer != wasPeer) {
            event(now, MkaEvent.Kind.KEY_SERVER, !elected ? "none" : iAmKeyServer ? "self"
                    : String.format("SCI %016x", keyServer.sci));
            newInfo = true;
        }
    }

    private void onDistributedSak(long now, Peer from, ParameterSet.DistributedSak d) {
        if (isKeyServer() || !elected || keyServer != from) {
            event(now, MkaEvent.Kind.IGNORED, "Distributed SAK from a participant that is not the elected key server");
            return;
        }
        if (d.plainText()) {
            event(now, MkaEvent.Kind.PLAIN_TEXT_ADVISED, "key server asks for no MACsec");
            return;
        }
        if (latest != null && latest.is(from.mi, d.keyNumber())) {
            return;
        }
        CipherSuite suite = CipherSuite.byId(d.cipherSuite());
        if (suite == null) {
            event(now, MkaEvent.Kind.IGNORED, "unknown cipher suite " + Long.toHexString(d.cipherSuite()));
            return;
        }
        KeyWrap.Result r = KeyWrap.unwrap(kek, d.wrappedSak().octets());
        if (!(r instanceof KeyWrap.Result.Unwrapped u) || u.key().length != suite.keyLength()) {
            event(now, MkaEvent.Kind.SAK_UNWRAP_FAILED, r.toString());
            return;
        }
        byte[] sak = u.key();
        install(now, new HeldSak(from.mi, d.keyNumber(), d.an(), suite, sak));
        dataPlane.confidentiality(d.confidentialityOffset());
        Arrays.fill(sak, (byte) 0);
        newInfo = true;
    }

    private void onSakUse(long now, Peer from, ParameterSet.SakUse u) {
        from.sakUse = u;
        if (latest == null || !u.hasKeys()) {
            return;
        }
        // wpa_supplicant in its RETIRE state reports the key in use in the Old Key fields, Latest empty
        boolean useLatest = u.latestRx() || !u.oldRx();
        Bytes kmi = useLatest ? u.latestKeyServerMi() : u.oldKeyServerMi();
        long kn = useLatest ? u.latestKeyNumber() : u.oldKeyNumber();
        boolean rx = useLatest ? u.latestRx() : u.oldRx();
        boolean tx = useLatest ? u.latestTx() : u.oldTx();
        if (isKeyServer()) {
            if (rx && latest.is(kmi, kn)) {
                from.receivingLatest = true;
            }
            if (livePeers().stream().allMatch(p -> p.receivingLatest)) {
                distributing = false;
                enableTx(now);
            }
        } else if (from == keyServer && tx && latest.is(kmi, kn)) {
            enableTx(now);
        }
    }

    @Override
    public String toString() {
        return String.format("MkaParticipant[SCI %016x, MI %s, MN %d, %d live, %d potential%s]", cfg.sci(),
                HexFormat.of().formatHex(mi), mn, livePeers().size(), potentialPeers().size(),
                latest == null ? "" : ", " + latest);
    }
}
