package dev.macsec.conformance.generator;

import dev.macsec.decode.SecTagRule;

/**
 * A damage done to a protected frame after the GCM pass, so that a receiver's check of that one property
 * fails. The 9.12 SecTAG mutations name the {@link SecTagRule} they break.
 */
public enum Mutation {
    /** The last ICV octet flipped: 10.6.4 validation fails. */
    BAD_ICV(null),
    /** One octet of the secure data flipped (ciphertext, or the clear data when E=0). */
    CORRUPT_SECURE_DATA(null),
    /** TCI V=1 (9.12 a). */
    VERSION(SecTagRule.VERSION_NOT_ZERO),
    /** ES set together with SC (9.12 b). */
    ES_WITH_SC(SecTagRule.ES_AND_SC),
    /** SCB set together with SC (9.12 c). */
    SCB_WITH_SC(SecTagRule.SCB_AND_SC),
    /** A reserved bit of the SL octet set (9.12 d). */
    SL_RESERVED(SecTagRule.SL_RESERVED_BITS),
    /** SL one more than the secure data (on a short frame), or SL on a long frame (9.12 e). */
    SL_MISMATCH(SecTagRule.SHORT_LENGTH_MISMATCH),
    /** SL cleared on a frame with fewer than 48 octets of secure data (9.12 e). */
    SHORT_WITHOUT_SL(SecTagRule.SHORT_WITHOUT_SL),
    /** SL = the real secure data length, 48 or more (9.12 e: SL &lt; 48 only). */
    SL_48_OR_MORE(SecTagRule.SHORT_LENGTH_MISMATCH),
    /** The PN field zeroed (9.12 f, non-XPN suites). */
    PN_ZERO(SecTagRule.PN_ZERO),
    /** Cut to the SecTAG and 10 octets: no room for an ICV. */
    TOO_SHORT_FOR_ICV(SecTagRule.TOO_SHORT_FOR_ICV),
    /** Cut inside the SecTAG. */
    TRUNCATED(SecTagRule.TRUNCATED_SECTAG);

    private final SecTagRule rule;

    Mutation(SecTagRule rule) {
        this.rule = rule;
    }

    /** The 9.12 rule this mutation breaks, or null for the ICV ones. */
    public SecTagRule rule() {
        return rule;
    }
}
