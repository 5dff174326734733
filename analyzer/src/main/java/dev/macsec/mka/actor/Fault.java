package dev.macsec.mka.actor;

/**
 * Deliberate misbehaviour of a participant's MKPDUs, so that a test can check a peer rejects or survives it.
 * {@link Faults} applies a set of them, to every MKPDU the participant sends ({@link MkaParticipant#tamper}) or to
 * one crafted MKPDU ({@link MkaParticipant#craft}).
 */
public enum Fault {
    /** The ICV is computed and then one bit of it is flipped. */
    WRONG_ICV,
    /** The CKN sent is not ours (last octet changed); the ICV is still computed with our ICK. */
    WRONG_CKN,
    /**
     * Every MKPDU is a verbatim copy of the first one sent with these faults (same MI, MN and content), as an attacker
     * replaying a recorded MKPDU would send it.
     */
    REPLAYED_MN,
    /**
     * Peers are listed with an MN two behind the latest heard from them (0 while there is none), so a peer that
     * accepts only its last MNs as recent never sees itself listed.
     */
    STALE_PEER_MN,
    /** Peers are listed under a stale MI ({@link Faults#withStaleMi}) instead of their current one. */
    STALE_PEER_MI,
    /** Algorithm Agility other than 0x0080C201. */
    WRONG_ALGORITHM_AGILITY,
    /** The Basic parameter set's body length field is 4 more than its body. */
    BAD_BASIC_LENGTH,
    /** The EAPOL packet body length is 4 less than the MKPDU. */
    BAD_EAPOL_LENGTH,
    /** The Live Peer List length field is not a multiple of 16. */
    BAD_PEER_LIST_LENGTH,
    /** The parameter sets after the Basic set are sent in reverse order. */
    SETS_OUT_OF_ORDER,
    /** An unknown parameter set (type 0x70) is added before the ICV. */
    UNKNOWN_SET,
    /** The Distributed SAK is wrapped with a wrong KEK (key server only). */
    BAD_WRAPPED_SAK
}
