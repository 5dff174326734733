package dev.macsec.output;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.macsec.field.Bytes;
import dev.macsec.field.Dissection;
import dev.macsec.field.Expert;
import dev.macsec.field.Field;
import dev.macsec.field.FieldRegistry;
import dev.macsec.field.FieldType;
import dev.macsec.field.FieldValue;
import dev.macsec.field.Severity;
import java.io.StringWriter;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The renderers on fields of their own, built directly so that they stay out of the process-wide registry. */
class RenderersTest {
    static final Field PROTO = field("rtest", "Render test", FieldType.PROTOCOL, 0, 0);
    static final Field TCI = field("rtest.tci", "TCI", FieldType.UINT_HEX, 0, 1);
    static final Field SC = field("rtest.tci.sc", "SC", FieldType.BOOLEAN, 0x20, 1);
    static final Field AN = field("rtest.an", "Association Number", FieldType.UINT_DEC, 0x03, 1);
    static final Field PN = field("rtest.pn", "Packet Number", FieldType.UINT_DEC, 0, 4);
    static final Field SCI = field("rtest.sci", "SCI", FieldType.UINT_HEX, 0, 8);
    static final Field PEER = field("rtest.peer", "Peer", FieldType.BYTES, 0, 12);

    private static Field field(String name, String display, FieldType type, long bitmask, int width) {
        return new Field(name, display, type, bitmask, width, Map.of(), "");
    }

    static Dissection frame() {
        Dissection d = new Dissection();
        FieldValue root = d.addLayer(PROTO, 12, 40);
        FieldValue tci = root.add(TCI, 14, 1, 0x2eL);
        tci.add(SC, 14, 1, true);
        tci.add(AN, 14, 1, 2L);
        root.add(PN, 16, 4, 7L);
        root.add(SCI, 20, 8, 0x5254000000020001L);
        root.add(PEER, 28, 12, Bytes.fromHex("aa01aa02aa03aa04aa05aa06"));
        root.add(PEER, 40, 12, Bytes.fromHex("bb01bb02bb03bb04bb05bb06"));
        d.addExpert(new Expert(Severity.ERROR, "rtest.es_and_sc", "ES and SC both set (802.1AE 9.12)", 14, 1));
        return d;
    }

    @Test
    void treeDrawsBitsLikeWireshark() {
        String tree = TreeRenderer.render(frame());
        assertTrue(tree.contains("Render test\n"), tree);
        assertTrue(tree.contains("    TCI: 0x2e\n"), tree);
        assertTrue(tree.contains("        ..1. .... = SC: True\n"), tree);
        assertTrue(tree.contains("        .... ..10 = Association Number: 2\n"), tree);
        assertTrue(tree.contains("    SCI: 0x5254000000020001\n"), tree);
        assertTrue(tree.contains("[ERROR] ES and SC both set (802.1AE 9.12) (offset 14, 1 octet) {rtest.es_and_sc}"), tree);
    }

    @Test
    void jsonKeepsTypesTreesAndRepeats() throws Exception {
        StringWriter out = new StringWriter();
        try (JsonGenerator json = new JsonFactory().createGenerator(out)) {
            json.writeStartObject();
            JsonFields.write(frame(), json);
            json.writeEndObject();
        }
        JsonNode node = new ObjectMapper().readTree(out.toString());
        JsonNode layer = node.get("layers").get("rtest");
        assertEquals("0x2e", layer.get("rtest.tci").asText());
        assertTrue(layer.get("rtest.tci_tree").get("rtest.tci.sc").asBoolean());
        assertEquals(2, layer.get("rtest.tci_tree").get("rtest.an").asInt());
        assertEquals(7, layer.get("rtest.pn").asLong());
        assertEquals(2, layer.get("rtest.peer").size());
        assertEquals("bb01bb02bb03bb04bb05bb06", layer.get("rtest.peer").get(1).asText());
        assertEquals("rtest.es_and_sc", node.get("anomalies").get(0).get("code").asText());
        assertEquals(14, node.get("anomalies").get(0).get("offset").asInt());
    }

    @Test
    void theTestsFieldsStayOutOfTheRegistry() {
        for (Field f : new Field[] {PROTO, TCI, SC, AN, PN, SCI, PEER}) {
            assertNull(FieldRegistry.lookup(f.filterName()), f.filterName());
        }
    }
}
