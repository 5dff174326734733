package dev.macsec.analysis;

import dev.macsec.decode.mka.Mkpdu;
import dev.macsec.keys.CakEntry;
import dev.macsec.keys.Hex;
import dev.macsec.keys.Keychain;
import dev.macsec.keys.KeysFile;
import dev.macsec.keys.MkpduIcv;
import dev.macsec.secy.ReceiveSecY;
import java.util.List;

/** The analyzer's link to MKA: checks MKPDU ICVs with the keychain. */
final class MkaSide {
    private final Keychain keychain;
    private long mkpdus;
    private long verified;
    private long failed;
    private long noKey;

    MkaSide(KeysFile keys, ReceiveSecY secy) {
        this.keychain = Keychain.of(keys);
    }

    /** Whether MKPDUs may teach the SecY keys (then frames after an MKPDU wait for it). */
    boolean learning() {
        return false;
    }

    MkaView onMkpdu(FrameRecord r) {
        Mkpdu pdu = r.mkpdu();
        mkpdus++;
        if (pdu.icvInput() == null || !pdu.hasIcv()) {
            return new MkaView("NO_ICV_INPUT", null, List.of(), List.of());
        }
        byte[] ckn = pdu.ckn().octets();
        List<CakEntry> candidates = keychain.lookup(ckn);
        if (candidates.isEmpty()) {
            noKey++;
            return new MkaView("NO_KEY", null, List.of(), List.of());
        }
        byte[] input = pdu.icvInput().octets();
        byte[] icv = pdu.icv().octets();
        for (CakEntry cak : candidates) {
            if (MkpduIcv.equal(MkpduIcv.compute(cak.ick(), input, 0, input.length), icv)) {
                verified++;
                return new MkaView("VERIFIED", cak.name().orElse("CKN " + Hex.format(ckn)), List.of(), List.of());
            }
        }
        failed++;
        return new MkaView("FAILED", null, List.of(), List.of("ICV does not verify with any CAK for this CKN"));
    }

    void onDataFrame(FrameRecord r) {
    }

    void finish(long lastTimestampNanos) {
    }

    MkaSummary summary() {
        return new MkaSummary(mkpdus, verified, failed, noKey, List.of());
    }
}
