package dev.macsec.mka.actor;

import dev.macsec.decode.mka.ParameterSet;

import java.util.List;

/**
 * Changes a participant's MKPDUs on their way out, at the points where {@link MkpduBuilder} assembles them, so that a
 * test can send a peer a malformed or stale MKPDU. The participant's own logic never depends on a tamper: it builds
 * what 802.1X-2020 clause 11 says and hands each piece through these hooks, which by default change nothing.
 * {@link Faults} is the tamper the tests and the conformance suite use.
 */
public interface MkpduTamper {
    /** Changes nothing. */
    MkpduTamper NONE = new MkpduTamper() {
    };

    /** An MKPDU to send instead of building one, and the log line for it. */
    record Substitute(byte[] frame, String note) {
    }

    /** When not null, the participant sends this and builds nothing (no MN is used). */
    default Substitute instead() {
        return null;
    }

    /** For the participant's log: what this tamper does to an MKPDU, with a leading space, or "". */
    default String describe() {
        return "";
    }

    default MkpduEncoder.Basic basic(MkpduEncoder.Basic basic) {
        return basic;
    }

    /** The entry that lists a peer we heard with {@code heard} (its MI and latest MN). */
    default ParameterSet.PeerEntry listed(ParameterSet.PeerEntry heard) {
        return heard;
    }

    /** The key a Distributed SAK is wrapped with; given a copy of the KEK. */
    default byte[] wrapKey(byte[] kek) {
        return kek;
    }

    /** The encoded Live Peer List. */
    default byte[] livePeerList(byte[] set) {
        return set;
    }

    /** The encoded parameter sets after the Basic one, in order; may be changed in place. */
    default void parameterSets(List<byte[]> sets) {
    }

    /** Added to the Basic parameter set's body length field. */
    default int basicLengthDelta() {
        return 0;
    }

    /** Added to the EAPOL packet body length field. */
    default int eapolLengthDelta() {
        return 0;
    }

    /** The finished frame with its ICV at {@code icvAt}; may be changed in place. */
    default void afterIcv(byte[] frame, int icvAt) {
    }
}
