package dev.macsec.conformance;

import dev.macsec.counter.Counter;
import dev.macsec.testing.ProjectFiles;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 16's "one counter model": an 802.1AE counter's managed-object name is written in main code once, in
 * {@link Counter}; everywhere else (views, device adapters, plan text, suites) takes it from the enum, so a second
 * spelling cannot drift from the first. Comments may name counters; string literals of every module's main code may
 * not. The plan files (YAML data written from the standard) are not code and are checked against the enum when read.
 */
class CounterNamesTest {
    private static final List<String> MODULES = List.of("analyzer", "cli", "conformance");

    @Test
    void eachManagedObjectNameIsALiteralOnlyInTheEnum() throws IOException {
        Path enumSource = Path.of("dev", "macsec", "counter", "Counter.java");
        List<String> elsewhere = new ArrayList<>();
        int inEnum = 0;
        int files = 0;
        for (String module : MODULES) {
            Path root = ProjectFiles.root().resolve(module).resolve("src/main/java");
            List<Path> sources;
            try (Stream<Path> s = Files.walk(root)) {
                sources = s.filter(p -> p.toString().endsWith(".java")).sorted().toList();
            }
            for (Path p : sources) {
                files++;
                boolean isEnum = root.relativize(p).equals(enumSource);
                for (String literal : stringLiterals(Files.readString(p))) {
                    for (Counter c : Counter.values()) {
                        if (Pattern.compile("(?<![A-Za-z])" + c.managedObject() + "(?![A-Za-z])").matcher(literal).find()) {
                            if (isEnum) {
                                inEnum++;
                            } else {
                                elsewhere.add(module + "/" + root.relativize(p) + ": " + c.managedObject());
                            }
                        }
                    }
                }
            }
        }
        assertTrue(files > 250, "main sources read: " + files);
        assertEquals(Counter.values().length, inEnum, "each name once in the enum itself");
        assertEquals(List.of(), elsewhere, "counter names written as literals outside dev.macsec.counter.Counter");
    }

    /** The scanner sees literals and skips comments, so the test fails for the right reason. */
    @Test
    void literalsAreFoundAndCommentsSkipped() {
        assertEquals(List.of("InPktsLate", "a \\\"q\\\" b", "x\n  InPktsOK\n"), stringLiterals(
                "// \"InPktsOK\" in a comment\nString a = \"InPktsLate\"; /* \"InPktsDelayed\" */ char q = '\"';\n"
                        + "String b = \"a \\\"q\\\" b\"; String t = \"\"\"\nx\n  InPktsOK\n\"\"\";"));
    }

    /** The contents of the string literals and text blocks of a Java source, comments and char literals skipped. */
    static List<String> stringLiterals(String src) {
        List<String> out = new ArrayList<>();
        int i = 0;
        int n = src.length();
        while (i < n) {
            if (src.startsWith("//", i)) {
                int e = src.indexOf('\n', i);
                i = e < 0 ? n : e;
            } else if (src.startsWith("/*", i)) {
                int e = src.indexOf("*/", i + 2);
                i = e < 0 ? n : e + 2;
            } else if (src.startsWith("\"\"\"", i)) {
                int start = src.indexOf('\n', i) + 1;
                int e = src.indexOf("\"\"\"", start);
                out.add(src.substring(start, e));
                i = e + 3;
            } else if (src.charAt(i) == '"' || src.charAt(i) == '\'') {
                char quote = src.charAt(i);
                int j = i + 1;
                while (src.charAt(j) != quote) {
                    j += src.charAt(j) == '\\' ? 2 : 1;
                }
                if (quote == '"') {
                    out.add(src.substring(i + 1, j));
                }
                i = j + 1;
            } else {
                i++;
            }
        }
        return out;
    }
}
