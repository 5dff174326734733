package dev.macsec.conformance.mka;

import dev.macsec.decode.mka.EapolDecoder;
import dev.macsec.decode.mka.Mkpdu;
import dev.macsec.decode.mka.ParameterSet;
import dev.macsec.field.Bytes;
import dev.macsec.field.Dissection;
import dev.macsec.keys.KeyHierarchy;
import dev.macsec.keys.MkpduIcv;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What the device under test says on the wire, which is what the 802.1X suite judges it by: every MKPDU it sends
 * whose ICV verifies with the CA's key (802.1X-2020 11.11.2: nothing else is the device's word), in order of
 * arrival. Its Key Server flag, Live and Potential Peer Lists, Distributed SAK and SAK Use are the same for any MKA
 * implementation, a lab switch as much as wpa_supplicant, so no verdict needs the device's own management view.
 * Frames from our SCI are not the device's and are left out.
 */
public final class DeviceOnTheWire {
    /** One verified MKPDU of the device, received {@code nanos} (System.nanoTime) after an arbitrary origin. */
    public record Said(long nanos, Mkpdu mkpdu) {
        /** Whether the device lists {@code mi} in its Live Peer List. */
        public boolean listsLive(Bytes mi) {
            return mkpdu.livePeers().stream().anyMatch(p -> p.mi().equals(mi));
        }

        /** Whether the device lists {@code mi} as live or potential peer. */
        public boolean listsAtAll(Bytes mi) {
            return listsLive(mi) || mkpdu.potentialPeers().stream().anyMatch(p -> p.mi().equals(mi));
        }

        public Optional<ParameterSet.SakUse> sakUse() {
            return mkpdu.find(ParameterSet.SakUse.class).filter(ParameterSet.SakUse::hasKeys);
        }

        public Optional<ParameterSet.DistributedSak> distributedSak() {
            return mkpdu.find(ParameterSet.DistributedSak.class).filter(d -> !d.plainText());
        }

        /**
         * The SAK the device transmits and receives with (11.11.3: the Latest or the Old Key of SAK Use whose tx and rx
         * flags are set; wpa_supplicant, for one, announces its key in use as the Old Key once installed).
         */
        public Optional<KeyInUse> keyInUse() {
            return sakUse().flatMap(u -> {
                if (u.latestTx() && u.latestRx()) {
                    return Optional.of(new KeyInUse(u.latestKeyServerMi(), u.latestKeyNumber(), u.latestAn()));
                }
                if (u.oldTx() && u.oldRx()) {
                    return Optional.of(new KeyInUse(u.oldKeyServerMi(), u.oldKeyNumber(), u.oldAn()));
                }
                return Optional.empty();
            });
        }

        /** Whether the device names {@code mi} as Key Server of a key it transmits or receives with. */
        public boolean usesAKeyFrom(Bytes mi) {
            return sakUse().filter(u -> u.latestKeyServerMi().equals(mi) && (u.latestTx() || u.latestRx())
                    || u.oldKeyServerMi().equals(mi) && (u.oldTx() || u.oldRx())).isPresent();
        }

        @Override
        public String toString() {
            StringBuilder s = new StringBuilder("MI ").append(mkpdu.actorMi().hex()).append(" MN ").append(mkpdu.actorMn())
                    .append(mkpdu.keyServer() ? ", key server" : "").append(", live ")
                    .append(mkpdu.livePeers().stream().map(p -> p.mi().hex()).toList());
            sakUse().ifPresent(u -> s.append(", SAK use latest KN ").append(u.latestKeyNumber()).append(" AN ")
                    .append(u.latestAn()).append(" from ").append(u.latestKeyServerMi().hex())
                    .append(u.latestTx() ? " tx" : "").append(u.latestRx() ? " rx" : "")
                    .append(", old KN ").append(u.oldKeyNumber()).append(" AN ").append(u.oldAn()).append(" from ")
                    .append(u.oldKeyServerMi().hex()).append(u.oldTx() ? " tx" : "").append(u.oldRx() ? " rx" : ""));
            distributedSak().ifPresent(d -> s.append(", distributes SAK KN ").append(d.keyNumber()).append(" AN ")
                    .append(d.an()));
            return s.toString();
        }
    }

    /** A SAK named as 802.1X-2020 9.8 names it (Key Server MI and KN) and the AN it is installed under. */
    public record KeyInUse(Bytes keyServerMi, long kn, int an) {
        public boolean is(Bytes mi, long keyNumber) {
            return keyServerMi.equals(mi) && kn == keyNumber;
        }
    }

    private final MkpduIcv icv;
    private final Bytes ckn;
    private final long ourSci;
    private final List<Said> said = new ArrayList<>();
    private int icvFailed;

    /**
     * @param cak    the device's CAK (the CA's key: what its MKPDUs must verify with)
     * @param ckn    its CKN
     * @param ourSci the tester's SCI, whose MKPDUs are not the device's
     */
    public DeviceOnTheWire(byte[] cak, byte[] ckn, long ourSci) {
        this.icv = new MkpduIcv(KeyHierarchy.ick(cak, ckn));
        this.ckn = new Bytes(ckn);
        this.ourSci = ourSci;
    }

    /** Takes one received EAPOL frame (Ethernet, no VLAN tag). */
    public void observe(byte[] frame, long nanos) {
        Mkpdu m;
        try {
            m = EapolDecoder.decode(frame, 0, 0, 14, frame.length, new Dissection());
        } catch (RuntimeException e) {
            return;
        }
        if (m == null || m.sci() == ourSci || !m.hasIcv() || m.icvInput() == null || !m.ckn().equals(ckn)) {
            return;
        }
        byte[] input = m.icvInput().octets();
        if (!MkpduIcv.equal(icv.compute(input, 0, input.length), m.icv().octets())) {
            icvFailed++;
            return;
        }
        said.add(new Said(nanos, m));
    }

    /** Every verified MKPDU of the device so far. */
    public List<Said> said() {
        return List.copyOf(said);
    }

    public Optional<Said> latest() {
        return said.isEmpty() ? Optional.empty() : Optional.of(said.get(said.size() - 1));
    }

    /** MKPDUs in the device's CA whose ICV failed: a device that cannot compute its own ICV. */
    public int icvFailed() {
        return icvFailed;
    }

    /**
     * Secured with us, as the wire shows it: the device's latest MKPDU lists {@code ourMi} live and says it
     * transmits and receives with a SAK (802.1X-2020 9.8, 11.11.3: SAK Use with tx and rx set).
     */
    public boolean securedWith(Bytes ourMi) {
        return latest().filter(s -> s.listsLive(ourMi) && s.keyInUse().isPresent()).isPresent();
    }

    /** Whether any MKPDU of the device since {@code fromNanos} listed {@code mi} live. */
    public boolean everListedLive(Bytes mi, long fromNanos) {
        return said.stream().anyMatch(s -> s.nanos() >= fromNanos && s.listsLive(mi));
    }

    /** Whether any MKPDU of the device since {@code fromNanos} used a SAK whose key server is {@code mi}. */
    public boolean everUsedKeyFrom(Bytes mi, long fromNanos) {
        return said.stream().anyMatch(s -> s.nanos() >= fromNanos && s.usesAKeyFrom(mi));
    }

    /** Whether the device distributed any SAK since {@code fromNanos} (only a Key Server does, 9.5). */
    public boolean everDistributed(long fromNanos) {
        return said.stream().anyMatch(s -> s.nanos() >= fromNanos && s.distributedSak().isPresent());
    }

    /** The first MKPDU since {@code fromNanos} that no longer lists {@code mi} live, if any. */
    public Optional<Said> firstNotListing(Bytes mi, long fromNanos) {
        return said.stream().filter(s -> s.nanos() >= fromNanos && !s.listsLive(mi)).findFirst();
    }

    /** The device's MKPDUs, one line each, for a report. */
    public String transcript(long originNanos) {
        StringBuilder b = new StringBuilder();
        for (Said s : said) {
            b.append(String.format("%8.3f s  %s%n", (s.nanos() - originNanos) / 1e9, s));
        }
        if (icvFailed > 0) {
            b.append(icvFailed).append(" MKPDU(s) in the CA whose ICV failed\n");
        }
        return b.toString();
    }
}
