package dev.macsec.analysis;

import dev.macsec.crypto.SaKey;
import dev.macsec.decode.LinkLayer;
import dev.macsec.field.Dissection;
import dev.macsec.field.Expert;
import dev.macsec.field.FieldFormat;
import dev.macsec.field.Octets;
import dev.macsec.keys.Hex;
import dev.macsec.keys.KeysFile;
import dev.macsec.keys.MskEntry;
import dev.macsec.mka.ConnectivityAssociation;
import dev.macsec.mka.Finding;
import dev.macsec.mka.IcvStatus;
import dev.macsec.mka.LearnedCak;
import dev.macsec.mka.LearnedSak;
import dev.macsec.mka.MkaTracker;
import dev.macsec.mka.MkpduOutcome;
import dev.macsec.mka.Participant;
import dev.macsec.mka.TimelineEvent;
import dev.macsec.secy.ReceiveSc;
import dev.macsec.secy.ReceiveSecY;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The analyzer's link to MKA: feeds MKPDUs and data frames to the {@link MkaTracker} in capture order and installs
 * every SAK it learns into the receive SecY, so the data that follows decrypts from a CAK alone.
 */
final class MkaSide {
    private static final int EAP_SUCCESS = 3;

    private final MkaTracker tracker;
    private final ReceiveSecY secy;
    private final boolean learning;
    private final boolean showKeys;
    /** Learned SAKs decrypt at the confidentiality offset their Distributed SAK announces (the user gave none). */
    private final boolean announcedOffsets;
    private long mkpdus;
    private long verified;
    private long failed;
    private long noKey;

    MkaSide(KeysFile keys, ReceiveSecY secy, boolean showKeys, boolean announcedOffsets) {
        this.tracker = new MkaTracker(keys);
        this.secy = secy;
        this.announcedOffsets = announcedOffsets;
        this.learning = !keys.caks().isEmpty() || !keys.msks().isEmpty() || !keys.radius().isEmpty();
        this.showKeys = showKeys;
    }

    /** Whether MKPDUs may teach the SecY keys (then frames after an MKPDU wait for it). */
    boolean learning() {
        return learning;
    }

    MkaView onMkpdu(FrameRecord r) {
        mkpdus++;
        long[] macs = macs(r);
        MkpduOutcome outcome = tracker.onMkpdu(r.number(), r.timestampNanos(), macs[0], macs[1], r.mkpdu());
        switch (outcome.icv()) {
            case VERIFIED -> verified++;
            case FAILED -> failed++;
            case NO_KEY -> noKey++;
            default -> {
            }
        }
        List<String> learned = new ArrayList<>(outcome.learned().size());
        for (LearnedSak sak : outcome.learned()) {
            install(sak);
            learned.add(describe(sak));
        }
        for (LearnedCak cak : outcome.learnedCaks()) {
            learned.add(describe(cak));
        }
        return new MkaView(outcome.icv().name(), outcome.icv() == IcvStatus.VERIFIED ? outcome.keyName() : null, learned,
                outcome.findings());
    }

    /** What the decoder found wrong in this frame's MKPDU (its mka.* and eapol.* expert info), for its CA. */
    void onMkpduAnomalies(FrameRecord r, Dissection d) {
        for (Expert x : d.experts()) {
            if (x.code().startsWith("mka.") || x.code().startsWith("eapol.")) {
                tracker.onMkpduAnomaly(r.number(), r.mkpdu(), x.severity(), x.code(), x.message());
            }
        }
    }

    private void install(LearnedSak sak) {
        long firstPn = Math.max(1, sak.lowestPn());
        for (Map.Entry<Long, SaKey> e : sak.keys().entrySet()) {
            ReceiveSc sc = secy.sc(e.getKey()) != null ? secy.sc(e.getKey()) : secy.addSc(e.getKey());
            sc.installSa(sak.an(), atItsOffset(sak, e.getValue()), firstPn);
        }
        if (sak.unresolvedPeers() > 0 && !sak.keys().isEmpty()) {
            // peers the key server listed but the capture has not shown yet: try the key on unknown SCIs
            secy.addTrialKey(atItsOffset(sak, sak.keys().values().iterator().next()));
        }
    }

    private SaKey atItsOffset(LearnedSak sak, SaKey key) {
        return announcedOffsets ? key.withConfidentialityOffset(sak.confidentialityOffset()) : key;
    }

    private String describe(LearnedSak sak) {
        StringBuilder sb = new StringBuilder();
        sb.append("SAK KN ").append(sak.keyNumber()).append(" AN ").append(sak.an()).append(' ').append(sak.suite().standardName());
        if (sak.confidentialityOffset() != 0) {
            sb.append(" offset ").append(sak.confidentialityOffset());
        }
        if (!sak.confidentiality()) {
            sb.append(" integrity only");
        }
        sb.append(" for ").append(sak.keys().size()).append(" SC(s)");
        if (showKeys && !sak.keys().isEmpty()) {
            sb.append(" = ").append(Hex.format(sak.keys().values().iterator().next().keyBytes()));
        }
        return sb.toString();
    }

    private String describe(LearnedCak cak) {
        String text = "CAK CKN " + Hex.format(cak.cak().ckn()) + " (" + cak.cak().keyBits() + "-bit)";
        return showKeys ? text + " = " + Hex.format(cak.cak().cak()) : text;
    }

    /** EAP-Success frames tell which two stations an EAP-derived CAK belongs to. */
    void onEapol(FrameRecord r) {
        if (r.linkType() != LinkLayer.LINKTYPE_ETHERNET) {
            return;
        }
        byte[] b = r.data();
        int type = LinkLayer.skipVlanTags(b, r.offset() + 12, r.offset() + r.capturedLength());
        int eapol = type + 2;
        if (type < 0 || eapol + 5 > r.offset() + r.capturedLength()) {
            return;
        }
        if (b[eapol + 1] == 0 && (b[eapol + 4] & 0xFF) == EAP_SUCCESS) {
            long[] macs = macs(r);
            tracker.onEapSuccess(r.number(), macs[0], macs[1]);
        }
    }

    /** An MSK from an Access-Accept, for the supplicant and authenticator MACs (0 when unknown). */
    void onEapKeys(long frameNumber, MskEntry msk, long mac1, long mac2) {
        tracker.onEapKeys(frameNumber, msk, mac1, mac2);
    }

    void onDataFrame(FrameRecord r) {
        tracker.onDataFrame(r.number(), r.timestampNanos(), r.sci(), r.an(), r.pn(), r.hasPlaintext());
    }

    void finish(long lastTimestampNanos) {
        tracker.finish(lastTimestampNanos);
    }

    MkaSummary summary() {
        List<MkaSummary.Ca> cas = new ArrayList<>();
        for (ConnectivityAssociation ca : tracker.cas()) {
            List<MkaSummary.Participant> participants = new ArrayList<>();
            for (Participant p : ca.participants()) {
                participants.add(new MkaSummary.Participant(FieldFormat.sci(p.sci()), p.mi().hex(),
                        FieldFormat.mac(p.mac()), p.keyServerPriority(), p.keyServer(), p.mkpdus(), p.describe()));
            }
            List<MkaSummary.Event> timeline = new ArrayList<>();
            for (TimelineEvent e : ca.timeline()) {
                timeline.add(new MkaSummary.Event(e.frameNumber(), e.timestampNanos(), e.kind(), e.text()));
            }
            List<MkaSummary.Finding> findings = new ArrayList<>();
            for (Finding f : ca.findings()) {
                findings.add(new MkaSummary.Finding(f.frameNumber(), f.severity().name(), f.code(), f.message()));
            }
            List<String> keys = new ArrayList<>();
            for (LearnedSak sak : ca.learnedSaks()) {
                keys.add(describe(sak) + " (frame " + sak.frameNumber() + ")");
            }
            for (LearnedCak cak : ca.learnedCaks()) {
                keys.add(describe(cak) + " (frame " + cak.frameNumber() + ")");
            }
            cas.add(new MkaSummary.Ca(ca.ckn(), ca.keyName(), participants, timeline, findings, keys));
        }
        return new MkaSummary(mkpdus, verified, failed, noKey, cas);
    }

    /** Source and destination MAC; a cooked capture's header has the source only (destination 0). */
    private static long[] macs(FrameRecord r) {
        if (r.linkType() != LinkLayer.LINKTYPE_ETHERNET || r.capturedLength() < 12) {
            int src = LinkLayer.sourceMacOffset(r.linkType(), r.data(), r.offset(), r.capturedLength());
            return new long[] {src < 0 ? 0 : Octets.u48(r.data(), src), 0};
        }
        return new long[] {Octets.u48(r.data(), r.offset() + 6), Octets.u48(r.data(), r.offset())};
    }
}
