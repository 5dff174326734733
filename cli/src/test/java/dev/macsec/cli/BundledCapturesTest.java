package dev.macsec.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.macsec.testing.ProjectFiles;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * Every bundled capture, run with the options pcaps/SOURCES.md documents beside it, gives what that table says
 * (issue 15 item 8): the table is read from the file, so the documentation and the behaviour cannot drift apart.
 */
class BundledCapturesTest {
    private static final Path SOURCES = ProjectFiles.pcap("SOURCES.md");
    private static final Pattern ROW = Pattern.compile(
            "^\\| `([^`]+\\.pcap)` \\| ([^|]*)\\| (\\d+) \\| (\\d+) \\| (OK|FINDINGS) \\|$");
    private static final Pattern FAILED = Pattern.compile("Result: FINDINGS — (\\d+) MACsec frame\\(s\\) failed");
    private static final Pattern VERIFIED = Pattern.compile("Verdicts: .*\\bOK (\\d+)");

    record Row(String capture, List<String> options, int verified, int failed, String result) {
        @Override
        public String toString() {
            return capture + (options.isEmpty() ? "" : " " + String.join(" ", options));
        }
    }

    static List<Row> rows() throws IOException {
        List<Row> rows = new ArrayList<>();
        for (String line : Files.readAllLines(SOURCES)) {
            Matcher m = ROW.matcher(line);
            if (m.matches()) {
                String options = m.group(2).strip().replace("`", "");
                rows.add(new Row(m.group(1), options.isEmpty() ? List.of() : Arrays.asList(options.split(" ")),
                        Integer.parseInt(m.group(3)), Integer.parseInt(m.group(4)), m.group(5)));
            }
        }
        return rows;
    }

    @Test
    void everyBundledCaptureIsInTheTable() throws IOException {
        Set<String> documented = new TreeSet<>();
        rows().forEach(r -> documented.add(r.capture()));
        Set<String> bundled = new TreeSet<>();
        Path pcaps = ProjectFiles.pcap("");
        try (Stream<Path> files = Files.walk(pcaps)) {
            files.filter(f -> f.toString().endsWith(".pcap")).forEach(f -> bundled.add(pcaps.relativize(f).toString()));
        }
        assertFalse(bundled.isEmpty());
        assertEquals(bundled, documented);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rows")
    void givesWhatSourcesMdSays(Row row) {
        List<String> args = new ArrayList<>(List.of("analyze", ProjectFiles.pcap(row.capture()).toString(), "-T", "summary", "-q"));
        for (String option : row.options()) {
            args.add(option.startsWith("pcaps/") ? ProjectFiles.root().resolve(option).toString() : option);
        }
        CommandLine cli = Main.commandLine();
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        int exit = cli.execute(args.toArray(String[]::new));
        String summary = out.toString();

        assertEquals(row.result().equals("OK") ? 0 : 1, exit, err + summary);
        assertTrue(summary.contains("\nResult: " + row.result()), summary);
        Matcher verified = VERIFIED.matcher(summary);
        assertEquals(row.verified(), verified.find() ? Integer.parseInt(verified.group(1)) : 0, summary);
        Matcher failed = FAILED.matcher(summary);
        assertEquals(row.failed(), failed.find() ? Integer.parseInt(failed.group(1)) : 0, summary);
    }
}
