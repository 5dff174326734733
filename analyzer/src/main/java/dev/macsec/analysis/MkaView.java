package dev.macsec.analysis;

import dev.macsec.mka.Finding;

import java.util.List;

/**
 * What the MKA side made of one MKPDU, in terms the views need.
 *
 * @param icvStatus VERIFIED, FAILED, NO_KEY or NO_ICV_INPUT
 * @param keyName   the CAK that verified it (name or CKN), or null
 * @param learned   descriptions of SAKs unwrapped from it (KN, AN, suite), never key values
 * @param findings  rule violations attached to this frame
 */
public record MkaView(String icvStatus, String keyName, List<String> learned, List<Finding> findings) {
}
