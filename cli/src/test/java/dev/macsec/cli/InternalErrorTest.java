package dev.macsec.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.macsec.capture.CaptureFormat;
import dev.macsec.capture.CaptureReader;
import dev.macsec.testing.ProjectFiles;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;

/**
 * A defect of ours striking mid-run (here: the reader throws what no reader should) ends the run like damaged input
 * does: the frames before it shown, the summary with its counters and {@code Result: INCOMPLETE} naming the error,
 * one line on stderr with the way to the stack trace, exit 2.
 */
class InternalErrorTest {
    static final Path STATIC_SA = ProjectFiles.pcap("linux-dut/static-sa.pcap");
    static final String KEYS = ProjectFiles.pcap("linux-dut/keys.json").toString();

    record Result(int exit, String out, String err) {
    }

    /** static-sa.pcap whose reader breaks down with an unexpected exception instead of reading frame 4. */
    static AnalysisRun.Source failingAtFrame4() {
        return new AnalysisRun.Source() {
            public CaptureReader open() throws IOException {
                CaptureReader real = CaptureReader.open(STATIC_SA);
                return new CaptureReader() {
                    public boolean next() throws IOException {
                        if (real.frameNumber() == 3) {
                            throw new IllegalStateException("reader state lost");
                        }
                        return real.next();
                    }

                    public byte[] data() {
                        return real.data();
                    }

                    public int offset() {
                        return real.offset();
                    }

                    public int capturedLength() {
                        return real.capturedLength();
                    }

                    public int originalLength() {
                        return real.originalLength();
                    }

                    public long timestampNanos() {
                        return real.timestampNanos();
                    }

                    public int linkType() {
                        return real.linkType();
                    }

                    public int interfaceId() {
                        return real.interfaceId();
                    }

                    public long frameNumber() {
                        return real.frameNumber();
                    }

                    public long fileOffset() {
                        return real.fileOffset();
                    }

                    public CaptureFormat format() {
                        return real.format();
                    }

                    public Path path() {
                        return real.path();
                    }

                    public void close() throws IOException {
                        real.close();
                    }
                };
            }

            public String name() {
                return "static-sa.pcap";
            }
        };
    }

    static Result run(String... options) throws IOException {
        CommandSpec spec = CommandSpec.create();
        AnalysisArgs args = new AnalysisArgs(spec);
        List<String> all = new ArrayList<>(List.of("--keys", KEYS, "-q"));
        all.addAll(List.of(options));
        new CommandLine(spec).parseArgs(all.toArray(String[]::new));
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = AnalysisRun.run(args, List.of(failingAtFrame4()), 0, new PrintWriter(out), new PrintWriter(err, true));
        return new Result(exit, out.toString(), err.toString());
    }

    static void oneLineNamingTheDefect(Result r) {
        assertEquals(2, r.exit(), r.err());
        List<String> err = r.err().lines().toList();
        assertEquals(1, err.size(), r.err());
        assertTrue(err.get(0).startsWith("macsec: internal error after frame 3 of static-sa.pcap: IllegalStateException:"
                + " reader state lost at InternalErrorTest"), err.get(0));
        assertTrue(err.get(0).endsWith("rerun with MACSEC_DEBUG=1 for its stack trace"), err.get(0));
    }

    @ParameterizedTest
    @ValueSource(strings = {"text", "detail", "summary"})
    void textViewsEndWithTheCountersAndIncomplete(String view) throws IOException {
        Result r = switch (view) {
            case "detail" -> run("-V");
            case "summary" -> run("-T", "summary");
            default -> run();
        };
        oneLineNamingTheDefect(r);
        assertTrue(r.out().contains("== Summary: 3 frames (3 MACsec"), r.out());
        // the counters of the three frames read: tshark shows frames 1-3 of static-sa.pcap from 52:54:00:00:00:02
        // (implicit SCI, port 1) with PNs 1, 2, 3, all under the SAK of keys.json
        assertTrue(r.out().contains("Receive SC 5254000000020001: InPktsOK=3,"), r.out());
        assertTrue(r.out().contains("Result: INCOMPLETE — the run stopped at an error, the figures cover the frames"
                + " before it: internal error after frame 3 of static-sa.pcap: IllegalStateException"), r.out());
        assertFalse(r.out().contains("Result: OK"), r.out());
        if (!view.equals("summary")) {
            assertTrue(r.out().contains(view.equals("detail") ? "Frame 3:" : "PN=3"), r.out());
        }
    }

    @Test
    void jsonEndsWithItsSummaryNamingTheDefect() throws IOException {
        Result r = run("-T", "json");
        oneLineNamingTheDefect(r);
        List<String> lines = r.out().lines().toList();
        assertEquals(4, lines.size(), r.out());
        ObjectMapper mapper = new ObjectMapper();
        for (String line : lines) {
            mapper.readTree(line);
        }
        JsonNode summary = mapper.readTree(lines.get(3));
        assertEquals("summary", summary.get("type").asText());
        assertEquals(3, summary.get("frames").asInt());
        assertTrue(summary.get("inputError").asText().startsWith("internal error after frame 3 of static-sa.pcap"),
                summary.toString());
    }

    @Test
    void theStackTraceOnlyWhenAskedFor() {
        Exception e = new IllegalStateException("x", new ArrayIndexOutOfBoundsException("Index 7 out of bounds for length 7"));
        StringWriter quiet = new StringWriter();
        Defect.trace(e, new PrintWriter(quiet), false);
        assertEquals("", quiet.toString());
        StringWriter debug = new StringWriter();
        Defect.trace(e, new PrintWriter(debug), true);
        assertTrue(debug.toString().contains("\tat dev.macsec.cli.InternalErrorTest"), debug.toString());
        // the root cause is named, not the wrapper; a long hex run (possibly a key) and control characters are not echoed
        assertTrue(Defect.name(e).startsWith("ArrayIndexOutOfBoundsException: Index 7 out of bounds for length 7 at "),
                Defect.name(e));
        String masked = Defect.name(new IllegalArgumentException("key 00112233445566778899aabbccddeeff\n\u001b[2J"));
        assertTrue(masked.startsWith("IllegalArgumentException: key <32 hex digits, not shown>\\u001b[2J at "), masked);
    }
}
