package dev.macsec.mka;

import dev.macsec.field.Bytes;
import dev.macsec.keys.CakEntry;

/**
 * A CAK unwrapped from a Distributed CAK parameter set (IEEE 802.1X-2020 11.11.1, parameter set type 5): the Key
 * Server of one CA hands its peers the CAK of another (typically a group CAK after pairwise EAP-derived CAs), and
 * the tracker verifies the MKPDUs of that CA, and learns its SAKs, from then on.
 *
 * @param cak         the pair learned; its {@code toString} names it by CKN and never shows key bytes
 * @param fromCkn     CKN (hex) of the CA whose KEK wrapped it
 * @param keyServerMi the Key Server that distributed it
 * @param frameNumber the frame that distributed it
 */
public record LearnedCak(CakEntry cak, String fromCkn, Bytes keyServerMi, long frameNumber) {
}
