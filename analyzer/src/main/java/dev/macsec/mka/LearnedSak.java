package dev.macsec.mka;

import dev.macsec.crypto.SaKey;
import dev.macsec.field.Bytes;
import dev.macsec.mka.protocol.ConfidentialityOffsets;
import dev.macsec.suite.CipherSuite;

import java.util.List;
import java.util.Map;

/**
 * A SAK unwrapped from a Distributed SAK parameter set, with everything a receiver needs to install it: one
 * {@link SaKey} per transmitting SCI (with XPN each SC has its own SSCI), the AN, and the first PN to accept.
 *
 * @param ckn                       CKN (hex) of the CA
 * @param keyNumber                 KN
 * @param an                        association number the SAK is installed under for every SCI
 * @param confidentialityOffsetCode the 2-bit code as sent (0 none, 1 offset 0, 2 offset 30, 3 offset 50)
 * @param keyServerMi               the Key Server's MI (with KN, the Key Identifier)
 * @param keys                      SaKey per transmitting SCI, in SSCI order for XPN
 * @param liveScis                  SCIs of the Key Server and its live peers when the SAK was distributed
 * @param unresolvedPeers           live peers the Key Server listed whose SCI the capture had not shown yet (no
 *                                  MKPDU of theirs seen): each gets its own LearnedSak when its first MKPDU reports
 *                                  the SAK in use; until then a receiver may try the key on unknown SCIs
 * @param lowestPn                  first PN to accept: the lowest acceptable PN the Key Server reported for this key in
 *                                  the same MKPDU's SAK Use (what its receive SAs accept), else 1
 * @param lowestPnFromSakUse        whether {@code lowestPn} came from a SAK Use parameter set
 * @param saltOverridden            XPN: the salt came from a keys-file SAK entry rather than 802.1AE 10.7.8
 * @param frameNumber               the frame that distributed it (or that first showed a participant using it)
 */
public record LearnedSak(String ckn, long keyNumber, int an, CipherSuite suite, int confidentialityOffsetCode,
                         Bytes keyServerMi, long keyServerSci, Map<Long, SaKey> keys, List<Long> liveScis,
                         int unresolvedPeers, long lowestPn, boolean lowestPnFromSakUse, boolean saltOverridden, long frameNumber) {
    public LearnedSak {
        keys = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(keys));
        liveScis = List.copyOf(liveScis);
    }

    /** Whether frames are to be encrypted (code 0 means integrity only). */
    public boolean confidentiality() {
        return confidentialityOffsetCode != ConfidentialityOffsets.NOT_USED;
    }

    /** Octets left in clear with confidentiality, per 802.1X-2020 11.11.1: 0, 30 or 50. */
    public int confidentialityOffset() {
        return ConfidentialityOffsets.octets(confidentialityOffsetCode);
    }

    @Override
    public String toString() {
        StringBuilder b = new StringBuilder("LearnedSak[KN ").append(keyNumber).append(", AN ").append(an).append(", ")
                .append(suite).append(", CO code ").append(confidentialityOffsetCode).append(", SCIs");
        for (long sci : keys.keySet()) {
            b.append(' ').append(Names.sci(sci));
        }
        return b.append(", frame ").append(frameNumber).append(']').toString();
    }
}
