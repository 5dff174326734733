package dev.macsec.field;

import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Every field declared so far, by filter name and by Wireshark name: the registry is complete once the
 * classes declaring fields are initialised, which the analyzer's field catalog
 * ({@code dev.macsec.analysis.FieldCatalog}) does by naming them.
 */
public final class FieldRegistry {
    private static final Map<String, Field> FIELDS = Collections.synchronizedMap(new LinkedHashMap<>());
    /** Wireshark's spelling to the field, for the names that differ from ours. */
    private static final Map<String, Field> ALIASES = Collections.synchronizedMap(new LinkedHashMap<>());

    private FieldRegistry() {
    }

    static Field register(Field field) {
        Field previous = FIELDS.putIfAbsent(field.filterName(), field);
        if (previous != null && !previous.equals(field)) {
            throw new IllegalStateException("field " + field.filterName() + " declared twice with different definitions");
        }
        return previous != null ? previous : field;
    }

    /** Replaces {@code declared} by {@code aliased} (the same field with its Wireshark name) under both names. */
    static Field alias(Field declared, Field aliased) {
        String name = aliased.wiresharkName();
        synchronized (FIELDS) {
            Field current = FIELDS.get(declared.filterName());
            if (current != null && current.equals(aliased)) {
                return current;
            }
            if (current != declared) {
                throw new IllegalStateException("field " + declared.filterName() + " is not the registered one");
            }
            if (name.equals(aliased.filterName()) || FIELDS.containsKey(name) || ALIASES.containsKey(name)) {
                throw new IllegalStateException("Wireshark name " + name + " of " + declared.filterName()
                        + " is already a field name");
            }
            FIELDS.put(aliased.filterName(), aliased);
            ALIASES.put(name, aliased);
        }
        return aliased;
    }

    /** The field with this filter name or Wireshark name, or null. */
    public static Field lookup(String name) {
        Field f = FIELDS.get(name);
        return f != null ? f : ALIASES.get(name);
    }

    /** The fields in the order they were declared. */
    public static Collection<Field> all() {
        synchronized (FIELDS) {
            return List.copyOf(FIELDS.values());
        }
    }
}
