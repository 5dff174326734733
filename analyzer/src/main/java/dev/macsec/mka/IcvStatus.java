package dev.macsec.mka;

/** What became of an MKPDU's ICV. */
public enum IcvStatus {
    /** A CAK whose CKN the MKPDU names gave the ICV it carries. */
    VERIFIED,
    /** At least one CAK had the CKN, but none (or a missing ICV) verified: a receiver discards the MKPDU. */
    FAILED,
    /** No CAK in the keychain, and none derivable from an MSK, has this CKN. */
    NO_KEY,
    /** The capture lacks the octets the ICV covers (no destination address, e.g. Linux cooked capture). */
    NO_ICV_INPUT
}
