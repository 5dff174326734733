package dev.macsec.field;

import java.util.Map;
import java.util.Objects;

/**
 * One field of one protocol, declared once. Declaring a field registers it in {@link FieldRegistry}, so
 * the display filter knows every name a decoder can produce.
 *
 * @param filterName  dotted lower-case name used by {@code -Y} and as the JSON key, e.g. {@code macsec.tci.e}
 * @param displayName what the detail tree shows, e.g. {@code Encryption (E)}
 * @param type        how the value is held and rendered
 * @param bitmask     for flags and bit fields the mask within their octet(s), else 0 (shown as a bit diagram)
 * @param widthOctets octets the field occupies, used for hex padding and bit diagrams (0 if variable)
 * @param valueNames  names for numeric values (EAPOL packet types, parameter set types ...), may be empty
 * @param description one sentence for help text and field listings
 */
public record Field(String filterName, String displayName, FieldType type, long bitmask, int widthOctets,
                    Map<Long, String> valueNames, String description) {

    public Field {
        Objects.requireNonNull(filterName);
        Objects.requireNonNull(displayName);
        Objects.requireNonNull(type);
        valueNames = valueNames == null ? Map.of() : Map.copyOf(valueNames);
        description = description == null ? "" : description;
    }

    /** Declares and registers a field. */
    public static Field declare(String filterName, String displayName, FieldType type, int widthOctets, String description) {
        return FieldRegistry.register(new Field(filterName, displayName, type, 0, widthOctets, Map.of(), description));
    }

    /** Declares and registers a flag or bit field inside an octet group. */
    public static Field bits(String filterName, String displayName, FieldType type, int widthOctets, long bitmask, String description) {
        return FieldRegistry.register(new Field(filterName, displayName, type, bitmask, widthOctets, Map.of(), description));
    }

    /** Declares and registers an enumerated numeric field whose values have names. */
    public static Field named(String filterName, String displayName, FieldType type, int widthOctets,
                              Map<Long, String> valueNames, String description) {
        return FieldRegistry.register(new Field(filterName, displayName, type, 0, widthOctets, valueNames, description));
    }

    /** Renders a value of this field as a person reads it (without the display name). */
    public String format(Object value) {
        return FieldFormat.format(this, value);
    }

    @Override
    public String toString() {
        return filterName;
    }
}
