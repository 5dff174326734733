package dev.macsec.field;

/** How bad an {@link Expert} item is, as in Wireshark's expert info. */
public enum Severity {
    /** Worth knowing, normal protocol flow (a rekey, a peer joining). */
    CHAT,
    /** Unusual but allowed. */
    NOTE,
    /** Probably a problem. */
    WARN,
    /** A violation of the standard or a verification failure. */
    ERROR
}
