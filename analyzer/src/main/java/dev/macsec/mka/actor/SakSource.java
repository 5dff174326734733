package dev.macsec.mka.actor;

/** How a key server makes a fresh SAK. */
public enum SakSource {
    /** KDF(CAK, "IEEE8021 SAK", KS-nonce || MI list || KN) as 802.1X-2020 9.8.1 recommends. */
    KDF,
    /** Random octets from the participant's generator. */
    RANDOM
}
