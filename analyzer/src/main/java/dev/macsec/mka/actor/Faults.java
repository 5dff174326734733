package dev.macsec.mka.actor;

import dev.macsec.decode.mka.ParameterSet;
import dev.macsec.field.Bytes;

import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * A set of {@link Fault}s as an {@link MkpduTamper}: what each fault does to an MKPDU, in one place. Give it to a
 * participant ({@link MkaParticipant#tamper}) for every MKPDU it sends, or to {@link MkaParticipant#craft} for one.
 * Not thread-safe; one instance per participant ({@link Fault#REPLAYED_MN} remembers the first MKPDU it saw sent).
 */
public final class Faults implements MkpduTamper {
    private static final long WRONG_AGILITY = 0x0080C2FFL;
    private static final int UNKNOWN_SET_TYPE = 0x70;

    private final Set<Fault> faults;
    private final Bytes staleMi;
    private final long staleMn;
    private byte[] first;

    private Faults(Set<Fault> faults, Bytes staleMi, long staleMn) {
        this.faults = faults.isEmpty() ? EnumSet.noneOf(Fault.class) : EnumSet.copyOf(faults);
        this.staleMi = staleMi;
        this.staleMn = staleMn;
    }

    public static Faults of(Set<Fault> faults) {
        return new Faults(faults, null, 0);
    }

    public static Faults of(Fault first, Fault... rest) {
        return of(EnumSet.of(first, rest));
    }

    /** The MI (and MN) that {@link Fault#STALE_PEER_MI} lists in place of each peer's current MI. */
    public Faults withStaleMi(Bytes mi, long mn) {
        return new Faults(faults, mi, mn);
    }

    public Set<Fault> faults() {
        return Collections.unmodifiableSet(faults);
    }

    @Override
    public Substitute instead() {
        if (faults.contains(Fault.REPLAYED_MN) && first != null) {
            return new Substitute(first.clone(), "MN 1 again (replayed first MKPDU)");
        }
        return null;
    }

    @Override
    public String describe() {
        return faults.isEmpty() ? "" : " faults " + faults;
    }

    @Override
    public MkpduEncoder.Basic basic(MkpduEncoder.Basic b) {
        if (!faults.contains(Fault.WRONG_CKN) && !faults.contains(Fault.WRONG_ALGORITHM_AGILITY)) {
            return b;
        }
        byte[] ckn = b.ckn().clone();
        if (faults.contains(Fault.WRONG_CKN)) {
            ckn[ckn.length - 1] ^= 0x5A;
        }
        long agility = faults.contains(Fault.WRONG_ALGORITHM_AGILITY) ? WRONG_AGILITY : b.algorithmAgility();
        return new MkpduEncoder.Basic(b.version(), b.keyServerPriority(), b.keyServer(), b.macsecDesired(),
                b.macsecCapability(), b.sci(), b.mi(), b.mn(), agility, ckn);
    }

    @Override
    public ParameterSet.PeerEntry listed(ParameterSet.PeerEntry heard) {
        if (faults.contains(Fault.STALE_PEER_MI) && staleMi != null) {
            return new ParameterSet.PeerEntry(staleMi, staleMn);
        }
        if (faults.contains(Fault.STALE_PEER_MN)) {
            return new ParameterSet.PeerEntry(heard.mi(), Math.max(0, heard.mn() - 2));
        }
        return heard;
    }

    @Override
    public byte[] wrapKey(byte[] kek) {
        if (faults.contains(Fault.BAD_WRAPPED_SAK)) {
            kek[0] ^= 0x01;
        }
        return kek;
    }

    @Override
    public byte[] livePeerList(byte[] set) {
        if (faults.contains(Fault.BAD_PEER_LIST_LENGTH)) {
            set[3] = (byte) (set[3] - 1);
        }
        return set;
    }

    @Override
    public void parameterSets(List<byte[]> sets) {
        if (faults.contains(Fault.UNKNOWN_SET)) {
            sets.add(MkpduEncoder.raw(UNKNOWN_SET_TYPE, 0, 0, 8, new byte[] {1, 2, 3, 4, 5, 6, 7, 8}, true));
        }
        if (faults.contains(Fault.SETS_OUT_OF_ORDER)) {
            Collections.reverse(sets);
        }
    }

    @Override
    public int basicLengthDelta() {
        return faults.contains(Fault.BAD_BASIC_LENGTH) ? 4 : 0;
    }

    @Override
    public int eapolLengthDelta() {
        return faults.contains(Fault.BAD_EAPOL_LENGTH) ? -4 : 0;
    }

    @Override
    public void afterIcv(byte[] frame, int icvAt) {
        if (faults.contains(Fault.WRONG_ICV)) {
            frame[icvAt + 5] ^= 0x01;
        }
        if (first == null) {
            first = frame.clone();
        }
    }

    @Override
    public String toString() {
        return "Faults" + faults + (staleMi == null ? "" : "[stale MI " + staleMi.hex() + "]");
    }
}
