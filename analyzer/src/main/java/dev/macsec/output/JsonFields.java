package dev.macsec.output;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.macsec.field.Bytes;
import dev.macsec.field.Dissection;
import dev.macsec.field.Expert;
import dev.macsec.field.FieldValue;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes a dissection's layers as JSON in the shape of {@code tshark -T json}: each field under its filter
 * name, a field with children also as {@code name_tree}, repeated fields as arrays. Numbers stay numbers.
 * A layer that occurs twice in a frame (the decrypted frame's {@code eth} after the captured one, stacked VLAN tags)
 * is an array of its occurrences in frame order, as with {@code tshark -T json --no-duplicate-keys}: tshark's default
 * of repeating the key is not valid JSON for most readers, which keep only the last.
 */
public final class JsonFields {
    private JsonFields() {
    }

    /** Writes {@code "layers":{...}} and {@code "anomalies":[...]} into the object being generated. */
    public static void write(Dissection frame, JsonGenerator json) throws IOException {
        json.writeObjectFieldStart("layers");
        for (Map.Entry<String, List<FieldValue>> e : byName(frame.layers()).entrySet()) {
            json.writeFieldName(e.getKey());
            oneOrArray(e.getValue(), json, JsonFields::children);
        }
        json.writeEndObject();
        anomalies(frame.experts(), json);
    }

    public static void anomalies(List<Expert> experts, JsonGenerator json) throws IOException {
        json.writeArrayFieldStart("anomalies");
        for (Expert e : experts) {
            json.writeStartObject();
            json.writeStringField("severity", e.severity().name());
            json.writeStringField("code", e.code());
            json.writeStringField("message", e.message());
            if (e.offset() >= 0) {
                json.writeNumberField("offset", e.offset());
                json.writeNumberField("length", e.length());
            }
            json.writeEndObject();
        }
        json.writeEndArray();
    }

    private static void children(FieldValue parent, JsonGenerator json) throws IOException {
        json.writeStartObject();
        for (Map.Entry<String, List<FieldValue>> e : byName(parent.children()).entrySet()) {
            List<FieldValue> values = e.getValue();
            boolean anyValue = values.stream().anyMatch(v -> v.value() != null);
            boolean anyTree = values.stream().anyMatch(v -> !v.children().isEmpty());
            if (anyValue || !anyTree) {
                json.writeFieldName(e.getKey());
                oneOrArray(values, json, JsonFields::value);
            }
            if (anyTree) {
                json.writeFieldName(e.getKey() + "_tree");
                oneOrArray(values, json, JsonFields::children);
            }
        }
        json.writeEndObject();
    }

    private interface Writer {
        void write(FieldValue v, JsonGenerator json) throws IOException;
    }

    /** One occurrence as itself, several as an array of them in order. */
    private static void oneOrArray(List<FieldValue> values, JsonGenerator json, Writer writer) throws IOException {
        if (values.size() == 1) {
            writer.write(values.get(0), json);
            return;
        }
        json.writeStartArray();
        for (FieldValue v : values) {
            writer.write(v, json);
        }
        json.writeEndArray();
    }

    /** Groups by filter name, keeping first-seen order, so that repeated names become arrays. */
    private static Map<String, List<FieldValue>> byName(List<FieldValue> values) {
        Map<String, List<FieldValue>> byName = new LinkedHashMap<>();
        for (FieldValue v : values) {
            byName.computeIfAbsent(v.field().filterName(), k -> new ArrayList<>(1)).add(v);
        }
        return byName;
    }

    private static void value(FieldValue v, JsonGenerator json) throws IOException {
        Object value = v.value();
        switch (v.field().type()) {
            case BOOLEAN -> json.writeBoolean(Boolean.TRUE.equals(value));
            case UINT_DEC -> {
                if (value instanceof Long n && n >= 0) {
                    json.writeNumber(n);
                } else {
                    json.writeString(v.display());
                }
            }
            case BYTES -> json.writeString(value instanceof Bytes b ? b.hex() : String.valueOf(value));
            default -> {
                if (value == null) {
                    json.writeNull();
                } else {
                    json.writeString(v.field().valueNames().isEmpty() ? v.display() : rawDisplay(v));
                }
            }
        }
    }

    /** For named values JSON keeps the number's rendering; the name is for people. */
    private static String rawDisplay(FieldValue v) {
        String shown = v.display();
        int open = shown.lastIndexOf(" (");
        return open > 0 && shown.endsWith(")") ? shown.substring(open + 2, shown.length() - 1) : shown;
    }
}
