package dev.macsec.conformance.plan;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import java.io.IOException;
import java.io.InputStream;

/** Reading a test plan file: a plan that does not parse is the project's defect, said with its file and line. */
final class PlanYaml {
    private PlanYaml() {
    }

    /** Reads {@code type} from YAML; {@code origin} names the source in errors. */
    static <T> T read(InputStream in, String origin, Class<T> type) {
        try {
            return new ObjectMapper(new YAMLFactory()).readValue(in, type);
        } catch (JacksonException e) {
            String where = e.getLocation() == null ? "" : ", line " + e.getLocation().getLineNr();
            throw new IllegalStateException(origin + where + ": " + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new IllegalStateException(origin + ": " + e.getMessage(), e);
        }
    }

    /** Reads {@code type} from a class-path resource. */
    static <T> T resource(String resource, Class<T> type) {
        try (InputStream in = PlanYaml.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(resource + " is not on the class path");
            }
            return read(in, resource, type);
        } catch (IOException e) {
            throw new IllegalStateException(resource + ": " + e.getMessage(), e);
        }
    }
}
