package dev.macsec.secy;

/** The transmit SA has used its last PN (0xFFFFFFFF, or 2^64-1 for XPN): a new SA (and SAK) is needed. */
public final class PnExhaustedException extends IllegalStateException {
    public PnExhaustedException(String message) {
        super(message);
    }
}
