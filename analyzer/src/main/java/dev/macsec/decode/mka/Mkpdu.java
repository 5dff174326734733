package dev.macsec.decode.mka;

import dev.macsec.field.Bytes;

import java.util.List;
import java.util.Optional;

/**
 * An MKPDU as received (IEEE 802.1X-2020 11.11): the Basic parameter set, the other parameter sets in order,
 * and the ICV with the octets it covers. Immutable; built by {@link MkpduDecoder}, which never trusts a length.
 *
 * @param version           MKA Version Identifier
 * @param keyServerPriority Key Server Priority
 * @param keyServer         Key Server flag
 * @param macsecDesired     MACsec Desired flag
 * @param macsecCapability  MACsec Capability (0-3)
 * @param sci               the sender's SCI (MAC << 16 | port)
 * @param actorMi           Actor Member Identifier (12 octets)
 * @param actorMn           Actor Message Number
 * @param algorithmAgility  Algorithm Agility (0x0080C201 for 802.1X-2010)
 * @param ckn               CAK name
 * @param parameterSets     the parameter sets after the Basic set, as received
 * @param icv               the ICV octets (empty when the MKPDU ends before a whole ICV)
 * @param icvInput          the octets the ICV is computed over: the frame from the destination address up to the
 *                          ICV (no Ethernet padding), or null when the link header carries no destination address (SLL)
 * @param icvOffset         offset of the ICV from the start of the frame, -1 if absent
 */
public record Mkpdu(int version, int keyServerPriority, boolean keyServer, boolean macsecDesired, int macsecCapability,
                    long sci, Bytes actorMi, long actorMn, long algorithmAgility, Bytes ckn,
                    List<ParameterSet> parameterSets, Bytes icv, Bytes icvInput, int icvOffset) {
    /** The only Algorithm Agility defined (802.1X-2010 and later, Table 9-1): AES-CMAC KDF and ICV. */
    public static final long ALGORITHM_AGILITY_2010 = 0x0080C201L;

    public Mkpdu {
        parameterSets = List.copyOf(parameterSets);
    }

    /** The first parameter set of a kind, e.g. {@code find(ParameterSet.SakUse.class)}. */
    public <T extends ParameterSet> Optional<T> find(Class<T> kind) {
        for (ParameterSet set : parameterSets) {
            if (kind.isInstance(set)) {
                return Optional.of(kind.cast(set));
            }
        }
        return Optional.empty();
    }

    public List<ParameterSet.PeerEntry> livePeers() {
        return find(ParameterSet.LivePeerList.class).map(ParameterSet.LivePeerList::peers).orElse(List.of());
    }

    public List<ParameterSet.PeerEntry> potentialPeers() {
        return find(ParameterSet.PotentialPeerList.class).map(ParameterSet.PotentialPeerList::peers).orElse(List.of());
    }

    /** Whether the ICV is present in full (16 octets, or the length an ICV Indicator announced). */
    public boolean hasIcv() {
        return icvOffset >= 0;
    }
}
