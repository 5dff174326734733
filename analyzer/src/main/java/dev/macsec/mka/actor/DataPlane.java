package dev.macsec.mka.actor;

import dev.macsec.keys.Xpn;
import dev.macsec.mka.protocol.ConfidentialityOffsets;
import dev.macsec.secy.ReceiveProfile;
import dev.macsec.secy.ReceiveSc;
import dev.macsec.secy.ReceiveSecY;
import dev.macsec.secy.RxFrame;
import dev.macsec.secy.TransmitSecY;
import dev.macsec.secy.Verdict;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * The SecYs (IEEE 802.1AE) an {@link MkaParticipant} installs its agreed SAKs into, so that data flows: one receive
 * SC per live peer, one transmit SC of our own.
 */
final class DataPlane {
    private final TransmitSecY tx;
    private final ReceiveSecY rx;
    private final long ourSci;

    DataPlane(ActorConfig cfg) {
        this.ourSci = cfg.sci();
        this.tx = new TransmitSecY(cfg.sci());
        this.rx = new ReceiveSecY(cfg.rx(), ReceiveProfile.IEEE);
        confidentiality(cfg.confidentialityOffsetCode());
    }

    /** Transmit with the confidentiality a Distributed SAK announced (code as in 802.1X-2020 11.11.1). */
    void confidentiality(int code) {
        tx.confidentiality(code != ConfidentialityOffsets.NOT_USED);
        tx.confidentialityOffset(ConfidentialityOffsets.octets(code));
    }

    /** A new latest key: a receive SA for every live peer, and a transmit SA not yet used for transmission. */
    void install(HeldSak k, List<Peer> live) {
        Map<Long, Integer> sscis = sscis(live, null);
        for (Peer p : live) {
            rx.addSc(p.sci).installSa(k.an(), k.saKey(sscis.get(p.sci)), 1);
        }
        tx.installSa(k.an(), k.saKey(sscis.get(ourSci)), 1);
    }

    /** A peer gone live (not yet among {@code live}): its receive SC, with an SA for each key held. */
    void receiveFrom(Peer p, List<Peer> live, HeldSak old, HeldSak latest) {
        ReceiveSc sc = rx.addSc(p.sci);
        int ssci = sscis(live, p).get(p.sci);
        for (HeldSak k : new HeldSak[] {old, latest}) {
            if (k != null) {
                sc.installSa(k.an(), k.saKey(ssci), 1);
            }
        }
    }

    /** Our SC's SSCI among the live peers' (meaningful for XPN suites). */
    int ourSsci(List<Peer> live) {
        return sscis(live, null).get(ourSci);
    }

    /** The SSCI of every SC of the CA, ours and the live peers' (802.1X-2020 9.8.1: by SCI, the greatest gets 1). */
    private Map<Long, Integer> sscis(List<Peer> live, Peer joining) {
        List<Long> scis = new ArrayList<>(live.size() + 2);
        scis.add(ourSci);
        for (Peer p : live) {
            scis.add(p.sci);
        }
        if (joining != null) {
            scis.add(joining.sci);
        }
        return Xpn.sscis(scis);
    }

    /** Transmit with the SA of {@code an} from now on. */
    void transmitOn(int an) {
        tx.encodingSa(an);
    }

    /** The PN the next frame sent on {@code an} takes. */
    long nextPn(int an) {
        return tx.nextPn(an);
    }

    /** Protects a plaintext frame with the transmit SA in use. */
    byte[] protect(byte[] plain) {
        byte[] out = new byte[tx.maxOutputLength(plain.length)];
        int n = tx.protect(plain, 0, plain.length, out, 0);
        return Arrays.copyOf(out, n);
    }

    MkaParticipant.Received unprotect(byte[] frame) {
        RxFrame f = RxFrame.of(frame);
        Verdict v = rx.receive(f);
        byte[] plain = f.outLength() >= 0 ? Arrays.copyOfRange(f.out(), f.outOffset(), f.outOffset() + f.outLength()) : null;
        return new MkaParticipant.Received(v, plain, f.tagged() ? f.secTag().an() : -1);
    }

    TransmitSecY transmitSecY() {
        return tx;
    }

    ReceiveSecY receiveSecY() {
        return rx;
    }
}
