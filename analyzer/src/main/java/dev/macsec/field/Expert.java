package dev.macsec.field;

/**
 * An anomaly attached to bytes of a frame (Wireshark's "expert info").
 *
 * @param severity how bad it is
 * @param code     a stable identifier for filtering and tests, e.g. {@code sectag.es_and_sc} or {@code mka.bad_order}
 * @param message  one sentence for a person, naming the field and the rule, e.g. "ES and SC both set (802.1AE 9.12)"
 * @param offset   first octet concerned, from the start of the frame (-1 for the whole frame)
 * @param length   octets concerned (0 if not tied to bytes)
 */
public record Expert(Severity severity, String code, String message, int offset, int length) {
}
