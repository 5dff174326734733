package dev.macsec.keys;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.macsec.testing.ProjectFiles;
import org.junit.jupiter.params.provider.Arguments;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** Reads the bundled JSON vector files for parameterized tests. */
final class Json {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private Json() {
    }

    static JsonNode read(Path path) {
        try {
            return MAPPER.readTree(path.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** One argument pair (name, vector) per entry of the file's "vectors" array. */
    static Stream<Arguments> vectors(String file) {
        JsonNode root = read(ProjectFiles.vector(file));
        List<Arguments> out = new ArrayList<>();
        for (JsonNode v : root.get("vectors")) {
            out.add(Arguments.of(v.get("name").asText(), v));
        }
        if (out.size() != root.get("count").asInt()) {
            throw new IllegalStateException(file + ": count says " + root.get("count") + ", found " + out.size());
        }
        return out.stream();
    }

    static byte[] hex(JsonNode v, String field) {
        JsonNode n = v.get(field);
        if (n == null) {
            throw new IllegalStateException("vector has no field " + field);
        }
        return Hex.of(n.asText());
    }
}
