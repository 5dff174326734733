package dev.macsec.mka;

import dev.macsec.decode.mka.Mkpdu;
import dev.macsec.field.Bytes;
import dev.macsec.field.Severity;
import dev.macsec.keys.CakEntry;
import dev.macsec.keys.Keychain;
import dev.macsec.keys.KeysFile;
import dev.macsec.keys.MkpduIcv;
import dev.macsec.keys.MskEntry;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The tracker's keychain and ICV family (IEEE 802.1X-2020 9.3, 9.4.1): which CAKs an MKPDU's CKN may name (the keys
 * file's, those derived from EAP MSKs for the station pairs seen, those a Key Server distributed), and which of them
 * its ICV verifies under.
 */
final class CakKeychain {
    static final int MAX_MACS = 32;
    private static final int[] CAK_BITS = {128, 256};

    private final KeysFile keys;
    private final Keychain keychain;
    private final FindingSink sink;
    private final Map<CakEntry, MkpduIcv> icvs = new IdentityHashMap<>();
    /** CAKs not in the keys file: derived from MSKs, or distributed in a CA already followed; by CKN hex. */
    private final Map<String, List<CakEntry>> derived = new HashMap<>();
    private final Set<Long> macs = new LinkedHashSet<>();
    private final Set<String> derivedPairs = new HashSet<>();
    /** MSKs the capture gave (an Access-Accept's MS-MPPE keys under a RADIUS secret), after the keys file's. */
    private final List<MskEntry> learnedMsks = new ArrayList<>();

    CakKeychain(KeysFile keys, FindingSink sink) {
        this.keys = keys;
        this.keychain = keys.keychain();
        this.sink = sink;
    }

    /** The CAKs with this CKN, for a CA the tracker does not follow: keychain order, then derived ones. */
    List<CakEntry> candidates(Mkpdu pdu) {
        List<CakEntry> out = new ArrayList<>(keychain.lookup(pdu.ckn().octets()));
        out.addAll(derived.getOrDefault(pdu.ckn().hex(), List.of()));
        return out;
    }

    /** The CAKs not in the keys file with this CKN (hex): a distributed CAK is added to it. */
    List<CakEntry> derived(String cknHex) {
        return derived.computeIfAbsent(cknHex, k -> new ArrayList<>());
    }

    /** A station seen sending MKPDUs: with MSKs in the keys file, its pairs with the stations seen before. */
    void seeMac(long mac) {
        if (keys.msks().isEmpty() && learnedMsks.isEmpty() || macs.contains(mac) || macs.size() >= MAX_MACS) {
            return;
        }
        for (long other : macs) {
            derivePair(other, mac);
        }
        macs.add(mac);
    }

    void derivePair(long a, long b) {
        if (keys.msks().isEmpty() && learnedMsks.isEmpty() || a == b) {
            return;
        }
        String pair = Math.min(a, b) + "/" + Math.max(a, b);
        if (derivedPairs.size() >= MAX_MACS * MAX_MACS || !derivedPairs.add(pair)) {
            return;
        }
        for (MskEntry msk : keys.msks()) {
            derive(msk, a, b);
        }
        for (MskEntry msk : learnedMsks) {
            derive(msk, a, b);
        }
    }

    /**
     * An MSK learned from the capture: its CAK/CKN for the two stations of its EAP exchange ({@code a} and {@code b},
     * 0 when unknown) and for every pair of stations seen sending MKPDUs (802.1X-2020 6.2.2 binds them to the MACs).
     */
    void addMsk(MskEntry msk, long a, long b) {
        if (learnedMsks.size() >= MAX_MACS) {
            return;
        }
        learnedMsks.add(msk);
        if (a != 0 && b != 0 && a != b) {
            derive(msk, a, b);
            derivedPairs.add(Math.min(a, b) + "/" + Math.max(a, b));
        }
        List<Long> seen = new ArrayList<>(macs);
        for (int i = 0; i < seen.size(); i++) {
            for (int j = i + 1; j < seen.size(); j++) {
                derive(msk, seen.get(i), seen.get(j));
            }
        }
    }

    private void derive(MskEntry msk, long a, long b) {
        for (int bits : CAK_BITS) {
            CakEntry e = msk.derive(macBytes(a), macBytes(b), bits);
            derived(new Bytes(e.ckn()).hex()).add(e);
        }
    }

    private static byte[] macBytes(long mac) {
        byte[] b = new byte[6];
        for (int i = 0; i < 6; i++) {
            b[i] = (byte) (mac >>> (8 * (5 - i)));
        }
        return b;
    }

    /** The outcome of an MKPDU's ICV check in a followed CA: the CAK it verified under, if any. */
    record Check(IcvStatus status, CakEntry cak) {
    }

    /**
     * Checks the ICV of an MKPDU of {@code ca} under the CAKs its CKN names and counts the outcome for the CA; a
     * failed check is a finding (a receiver discards the MKPDU).
     */
    Check check(ConnectivityAssociation ca, Mkpdu pdu, long frameNumber) {
        String ckn = ca.ckn;
        List<CakEntry> candidates = candidates(ca, pdu);
        IcvStatus status;
        CakEntry cak = null;
        if (candidates.isEmpty()) {
            status = IcvStatus.NO_KEY;
            if (ca.once.add(Rules.UNKNOWN_CKN.code())) {
                sink.find(ca, Rules.UNKNOWN_CKN, frameNumber, "no CAK in the keychain (nor one derived from"
                        + " an MSK for the stations seen) has CKN " + ckn + "; MKPDUs of " + Names.participant(pdu.sci(),
                        pdu.actorMi()) + " and its peers cannot be verified and their SAKs cannot be learned");
            }
        } else if (pdu.icvInput() == null) {
            status = IcvStatus.NO_ICV_INPUT;
        } else if (!pdu.hasIcv() || pdu.icv().length() != MkpduIcv.ICV_LENGTH) {
            status = IcvStatus.FAILED;
            sink.find(ca, Severity.WARN, Rules.ICV_MISSING, frameNumber, "MKPDU of " + Names.participant(pdu.sci(),
                    pdu.actorMi()) + " has no complete 16-octet ICV, so it cannot be verified");
        } else {
            cak = verify(candidates, pdu);
            status = cak == null ? IcvStatus.FAILED : IcvStatus.VERIFIED;
            if (cak == null) {
                sink.find(ca, Rules.ICV_FAILED, frameNumber, "ICV of the MKPDU of "
                        + Names.participant(pdu.sci(), pdu.actorMi()) + " (MN " + pdu.actorMn()
                        + ") verifies under none of the " + candidates.size() + " CAK(s) with CKN " + ckn
                        + "; a receiver discards it");
            }
        }
        if (status == IcvStatus.VERIFIED) {
            ca.mkpdusVerified++;
        } else if (status == IcvStatus.FAILED) {
            ca.mkpdusFailed++;
            ca.cakCandidates = Math.max(ca.cakCandidates, candidates.size());
        }
        return new Check(status, cak);
    }

    /** The CAKs to try: the one that last verified this participant first, then keychain order, then MSK-derived. */
    private List<CakEntry> candidates(ConnectivityAssociation ca, Mkpdu pdu) {
        List<CakEntry> out = candidates(pdu);
        CakEntry last = ca.cakByMi.get(pdu.actorMi());
        if (last != null && out.remove(last)) {
            out.add(0, last);
        }
        return out;
    }

    /** The first of {@code candidates} under whose ICK the MKPDU's ICV verifies, or null. */
    CakEntry verify(List<CakEntry> candidates, Mkpdu pdu) {
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

    CakEntry cakFor(ConnectivityAssociation ca, Participant p) {
        return ca.cakByMi.get(p.mi);
    }

    /** Remembers the CAK that verified {@code p}: tried first for its next MKPDU, and a timeline entry on a change. */
    void noteCak(ConnectivityAssociation ca, Participant p, CakEntry cak, long frame, long ts) {
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
            sink.find(ca, Rules.CAK_FALLBACK, frame, p.name() + " uses " + name + ", not the first of the "
                    + listed.size() + " CAKs sharing CKN " + ca.ckn + " (fallback to another pair)");
        }
    }

    /**
     * A CA none of whose MKPDUs verified though the keychain has CAKs with its CKN: its stations use another CAK
     * under that CKN. Said once for the CA, since the per-MKPDU failures are capped and do not name the cause.
     */
    void neverVerified(ConnectivityAssociation ca, long lastFrame) {
        if (ca.mkpdusFailed == 0 || ca.mkpdusVerified > 0) {
            return;
        }
        sink.find(ca, Rules.WRONG_CAK, lastFrame, "none of the " + ca.mkpdusFailed + " MKPDUs with CKN "
                + ca.ckn + " verifies under the " + ca.cakCandidates + " CAK(s) with that CKN: the stations of this CA"
                + " use another CAK under the same CKN, so none of them is followed and none of their SAKs is learned");
    }
}
