package dev.macsec.mka.actor;

import dev.macsec.decode.mka.Mkpdu;
import dev.macsec.decode.mka.ParameterSet;
import dev.macsec.field.Bytes;
import dev.macsec.keys.KeyWrap;
import dev.macsec.keys.MkpduIcv;
import dev.macsec.suite.CipherSuite;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * Assembles an {@link MkaParticipant}'s MKPDUs (IEEE 802.1X-2020 11.11) into EAPOL-MKA frames: the Basic parameter
 * set, the peer lists, SAK Use and Distributed SAK, and the ICV under the ICK. Each piece passes through an
 * {@link MkpduTamper}, which for a participant's normal MKPDUs is {@link MkpduTamper#NONE}.
 */
final class MkpduBuilder {
    private final ActorConfig cfg;
    private final MkpduIcv icv;
    private final byte[] kek;

    /**
     * What one MKPDU says, from the participant's state when it is sent.
     *
     * @param sakUse     the SAK Use parameter set, or null while no key is held
     * @param distribute the key to distribute in a Distributed SAK, or null
     * @param keyServerSsci the Key Server SSCI of the Live Peer List header (0 unless an XPN Key Server of MKA v3)
     */
    record Content(byte[] mi, long mn, boolean keyServer, Collection<Peer> peers, ParameterSet.SakUse sakUse,
                   HeldSak distribute, int keyServerSsci) {
    }

    MkpduBuilder(ActorConfig cfg, MkpduIcv icv, byte[] kek) {
        this.cfg = cfg;
        this.icv = icv;
        this.kek = kek;
    }

    byte[] build(Content c, MkpduTamper t) {
        MkpduEncoder.Basic basic = t.basic(new MkpduEncoder.Basic(cfg.mkaVersion(), cfg.priority(), c.keyServer(),
                cfg.macsecDesired(), cfg.macsecCapability(), cfg.sci(), c.mi(), c.mn(),
                Mkpdu.ALGORITHM_AGILITY_2010, cfg.cak().ckn()));
        List<byte[]> sets = new ArrayList<>();
        List<ParameterSet.PeerEntry> live = new ArrayList<>();
        List<ParameterSet.PeerEntry> potential = new ArrayList<>();
        for (Peer p : c.peers()) {
            (p.live ? live : potential).add(t.listed(new ParameterSet.PeerEntry(p.mi, p.mn)));
        }
        if (!live.isEmpty()) {
            sets.add(t.livePeerList(MkpduEncoder.peers(ParameterSet.LIVE_PEER_LIST, c.keyServerSsci(), live)));
        }
        if (!potential.isEmpty()) {
            sets.add(MkpduEncoder.peers(ParameterSet.POTENTIAL_PEER_LIST, 0, potential));
        }
        if (c.sakUse() != null) {
            sets.add(MkpduEncoder.sakUse(c.sakUse()));
        }
        if (c.distribute() != null) {
            sets.add(MkpduEncoder.distributedSak(distributedSak(c.distribute(), t)));
        }
        t.parameterSets(sets);
        sets.add(0, MkpduEncoder.basic(basic, t.basicLengthDelta()));
        byte[] frame = MkpduEncoder.frame(MkpduEncoder.paeGroupAddress(), cfg.mac(), MkpduEncoder.EAPOL_VERSION,
                sets, null, t.eapolLengthDelta());
        int icvAt = frame.length - MkpduIcv.ICV_LENGTH;
        byte[] value = icv.compute(frame, 0, icvAt);
        System.arraycopy(value, 0, frame, icvAt, value.length);
        t.afterIcv(frame, icvAt);
        return frame;
    }

    /** The key wrapped under the KEK (802.1X-2020 9.8), with the suite written out unless it is the default. */
    private ParameterSet.DistributedSak distributedSak(HeldSak k, MkpduTamper t) {
        byte[] wrapped = KeyWrap.wrap(t.wrapKey(kek.clone()), k.sak);
        boolean explicit = cfg.explicitCipherSuite() || cfg.cipherSuite() != CipherSuite.GCM_AES_128;
        return new ParameterSet.DistributedSak(k.an(), cfg.confidentialityOffsetCode(), k.kn(),
                cfg.cipherSuite().id(), explicit, new Bytes(wrapped));
    }
}
