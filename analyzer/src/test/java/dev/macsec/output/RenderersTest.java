package dev.macsec.output;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.macsec.field.Bytes;
import dev.macsec.field.Dissection;
import dev.macsec.field.Field;
import dev.macsec.field.FieldType;
import dev.macsec.field.FieldValue;
import dev.macsec.field.Severity;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

class RenderersTest {
    static final Field PROTO = Field.declare("rtest", "Render test", FieldType.PROTOCOL, 0, "");
    static final Field TCI = Field.declare("rtest.tci", "TCI", FieldType.UINT_HEX, 1, "");
    static final Field SC = Field.bits("rtest.tci.sc", "SC", FieldType.BOOLEAN, 1, 0x20, "");
    static final Field AN = Field.bits("rtest.an", "Association Number", FieldType.UINT_DEC, 1, 0x03, "");
    static final Field PN = Field.declare("rtest.pn", "Packet Number", FieldType.UINT_DEC, 4, "");
    static final Field SCI = Field.declare("rtest.sci", "SCI", FieldType.UINT_HEX, 8, "");
    static final Field PEER = Field.declare("rtest.peer", "Peer", FieldType.BYTES, 12, "");

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
        d.addExpert(Severity.ERROR, "rtest.es_and_sc", "ES and SC both set (802.1AE 9.12)", 14, 1);
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
}
