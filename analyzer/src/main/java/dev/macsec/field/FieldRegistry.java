package dev.macsec.field;

import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/** Every declared field by filter name: what the display filter accepts and what {@code macsec fields} lists. */
public final class FieldRegistry {
    private static final Map<String, Field> FIELDS = Collections.synchronizedMap(new LinkedHashMap<>());

    private FieldRegistry() {
    }

    static Field register(Field field) {
        Field previous = FIELDS.putIfAbsent(field.filterName(), field);
        if (previous != null && !previous.equals(field)) {
            throw new IllegalStateException("field " + field.filterName() + " declared twice with different definitions");
        }
        return previous != null ? previous : field;
    }

    /** The field with this filter name, or null. Protocol classes must have been loaded (see {@link Protocols}). */
    public static Field lookup(String filterName) {
        Protocols.loadAll();
        return FIELDS.get(filterName);
    }

    public static Collection<Field> all() {
        Protocols.loadAll();
        synchronized (FIELDS) {
            return java.util.List.copyOf(FIELDS.values());
        }
    }
}
