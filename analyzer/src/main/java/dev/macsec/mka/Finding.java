package dev.macsec.mka;

import dev.macsec.field.Severity;

/**
 * One MKA rule violation or notable event.
 *
 * @param code        stable identifier, e.g. {@code mka.mn_not_increasing} (see {@link Rules})
 * @param message     the rule and the participants it concerns (by SCI / MI); never key bytes
 * @param frameNumber the frame where it was seen (or the capture's last frame for end-of-capture checks)
 * @param ckn         CKN (hex) of the connectivity association, not secret
 */
public record Finding(Severity severity, String code, String message, long frameNumber, String ckn) {
    @Override
    public String toString() {
        return "#" + frameNumber + " " + severity + " " + code + ": " + message;
    }
}
