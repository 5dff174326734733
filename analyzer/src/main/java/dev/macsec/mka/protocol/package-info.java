/**
 * The pure rules of MKA (IEEE 802.1X-2020 clause 9) that both sides of the project apply: the tracker that judges
 * a capture ({@code dev.macsec.mka}) and the participant that takes part in a CA ({@code dev.macsec.mka.actor}).
 * Written once here so that the judge and the player cannot disagree. No state, no I/O; depends on nothing but
 * {@code field}.
 */
package dev.macsec.mka.protocol;
