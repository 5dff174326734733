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
 */
public final class JsonFields {
    private JsonFields() {
    }

    /** Writes {@code "layers":{...}} and {@code "anomalies":[...]} into the object being generated. */
    public static void write(Dissection frame, JsonGenerator json) throws IOException {
        json.writeObjectFieldStart("layers");
        for (FieldValue layer : frame.layers()) {
            json.writeFieldName(layer.field().filterName());
            children(layer, json);
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
        // group repeated names so that they become arrays, keeping first-seen order
        Map<String, List<FieldValue>> byName = new LinkedHashMap<>();
        for (FieldValue child : parent.children()) {
            byName.computeIfAbsent(child.field().filterName(), k -> new ArrayList<>(1)).add(child);
        }
        json.writeStartObject();
        for (Map.Entry<String, List<FieldValue>> e : byName.entrySet()) {
            List<FieldValue> values = e.getValue();
            boolean anyValue = values.stream().anyMatch(v -> v.value() != null);
            boolean anyTree = values.stream().anyMatch(v -> !v.children().isEmpty());
            if (anyValue || !anyTree) {
                json.writeFieldName(e.getKey());
                if (values.size() == 1) {
                    value(values.get(0), json);
                } else {
                    json.writeStartArray();
                    for (FieldValue v : values) {
                        value(v, json);
                    }
                    json.writeEndArray();
                }
            }
            if (anyTree) {
                json.writeFieldName(e.getKey() + "_tree");
                if (values.size() == 1) {
                    children(values.get(0), json);
                } else {
                    json.writeStartArray();
                    for (FieldValue v : values) {
                        children(v, json);
                    }
                    json.writeEndArray();
                }
            }
        }
        json.writeEndObject();
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
