package dev.macsec.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.macsec.capture.CaptureReader;
import dev.macsec.decode.LinkLayer;
import dev.macsec.keys.KeysFile;
import dev.macsec.output.JsonView;
import dev.macsec.testing.ProjectFiles;
import java.io.IOException;
import java.io.StringWriter;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A frame object that breaks off half-way (a defect striking while it is written) must not take the NDJSON with it:
 * every line already written and the summary after it stay valid JSON, and the broken object is left out.
 */
class JsonViewCutShortTest {
    @Test
    void anObjectCutShortIsLeftOutAndTheRestStaysValid() throws IOException {
        StringWriter out = new StringWriter();
        JsonView view = new JsonView(out);
        FrameRecord broken = new FrameRecord();
        broken.linkType = LinkLayer.LINKTYPE_ETHERNET;
        broken.capturedLength = 60; // and no bytes: writing its addresses throws after the object was begun
        AnalysisSummary summary;
        try (Analyzer analyzer = new Analyzer(AnalysisOptions.defaults(),
                KeysFile.load(ProjectFiles.pcap("linux-dut/keys.json")));
             CaptureReader reader = CaptureReader.open(ProjectFiles.pcap("linux-dut/static-sa.pcap"))) {
            analyzer.analyze(reader, r -> {
                view.frame(r);
                if (r.number() == 2) {
                    assertThrows(RuntimeException.class, () -> view.frame(broken));
                }
            });
            summary = analyzer.finish();
        }
        view.finish(summary.withInputError("internal error"));
        List<String> lines = out.toString().lines().toList();
        assertEquals(17, lines.size(), out.toString());
        ObjectMapper mapper = new ObjectMapper();
        for (int i = 0; i < 16; i++) {
            assertEquals(i + 1, mapper.readTree(lines.get(i)).get("frame").asInt(), lines.get(i));
        }
        JsonNode last = mapper.readTree(lines.get(16));
        assertEquals("summary", last.get("type").asText());
        assertEquals("internal error", last.get("inputError").asText());
    }
}
