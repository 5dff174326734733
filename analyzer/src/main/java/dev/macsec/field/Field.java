package dev.macsec.field;

import java.util.Map;
import java.util.Objects;

/**
 * One field of one protocol, declared once. Declaring a field registers it in {@link FieldRegistry}, so
 * the display filter knows every name a decoder can produce.
 *
 * @param filterName    dotted lower-case name used by {@code -Y} and as the JSON key, e.g. {@code macsec.tci.e}
 * @param displayName   what the detail tree shows, e.g. {@code Encryption (E)}
 * @param type          how the value is held and rendered
 * @param bitmask       for flags and bit fields the mask within their octet(s), else 0 (shown as a bit diagram);
 *                      the value is what lies under the mask, shifted down ({@link #extract})
 * @param widthOctets   octets the field occupies, used for hex padding and bit diagrams (0 if variable)
 * @param valueNames    names for numeric values (EAPOL packet types, parameter set types ...), may be empty
 * @param description   one sentence for help text and field listings
 * @param wiresharkName Wireshark's name for the same field where it is spelt otherwise ({@code macsec.TCI.E}),
 *                      accepted by {@code -Y} too so that a filter copied from Wireshark works; null when the
 *                      names are the same or Wireshark has no such field
 */
public record Field(String filterName, String displayName, FieldType type, long bitmask, int widthOctets,
                    Map<Long, String> valueNames, String description, String wiresharkName) {

    public Field {
        Objects.requireNonNull(filterName);
        Objects.requireNonNull(displayName);
        Objects.requireNonNull(type);
        valueNames = valueNames == null ? Map.of() : Map.copyOf(valueNames);
        description = description == null ? "" : description;
    }

    /*
     * equals and hashCode written out: a record's generated ones are bootstrapped through invokedynamic
     * (ObjectMethods), and the registry compares fields while the expert table is built on every start, which spun
     * ten method-handle classes the start-up cache cannot hold: ~20 ms of every run.
     */
    @Override
    public boolean equals(Object o) {
        return this == o || o instanceof Field f && bitmask == f.bitmask && widthOctets == f.widthOctets
                && type == f.type && filterName.equals(f.filterName) && displayName.equals(f.displayName)
                && valueNames.equals(f.valueNames) && description.equals(f.description)
                && Objects.equals(wiresharkName, f.wiresharkName);
    }

    @Override
    public int hashCode() {
        return filterName.hashCode();
    }

    /** A field without a Wireshark spelling of its own. */
    public Field(String filterName, String displayName, FieldType type, long bitmask, int widthOctets,
                 Map<Long, String> valueNames, String description) {
        this(filterName, displayName, type, bitmask, widthOctets, valueNames, description, null);
    }

    /** Declares and registers a field. */
    public static Field declare(String filterName, String displayName, FieldType type, int widthOctets, String description) {
        return FieldRegistry.register(new Field(filterName, displayName, type, 0, widthOctets, Map.of(), description));
    }

    /** Declares and registers a flag or bit field inside an octet group. */
    public static Field bits(String filterName, String displayName, FieldType type, int widthOctets, long bitmask, String description) {
        return FieldRegistry.register(new Field(filterName, displayName, type, bitmask, widthOctets, Map.of(), description));
    }

    /** Declares and registers a bit field inside an octet group whose values have names (a 2-bit capability code). */
    public static Field bits(String filterName, String displayName, FieldType type, int widthOctets, long bitmask,
                             Map<Long, String> valueNames, String description) {
        return FieldRegistry.register(new Field(filterName, displayName, type, bitmask, widthOctets, valueNames, description));
    }

    /** Declares and registers an enumerated numeric field whose values have names. */
    public static Field named(String filterName, String displayName, FieldType type, int widthOctets,
                              Map<Long, String> valueNames, String description) {
        return FieldRegistry.register(new Field(filterName, displayName, type, 0, widthOctets, valueNames, description));
    }

    /**
     * This field, also known by Wireshark's spelling of its name (which Wireshark writes with capitals where we
     * do not, e.g. {@code macsec.TCI.E}): the registry resolves both names to the returned field.
     */
    public Field wiresharkAlias(String name) {
        return FieldRegistry.alias(this, new Field(filterName, displayName, type, bitmask, widthOctets, valueNames,
                description, name));
    }

    /**
     * The field's value in {@code raw}, the octet group it sits in (read big-endian over {@link #widthOctets}):
     * the bits under the mask, shifted down as Wireshark shows them; {@code raw} itself when there is no mask.
     */
    public long extract(long raw) {
        return bitmask == 0 ? raw : (raw & bitmask) >>> Long.numberOfTrailingZeros(bitmask);
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
