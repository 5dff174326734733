package dev.macsec.conformance.runner;

import dev.macsec.conformance.plan.Clauses;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * report.md next to summary.json: the run per clause (one column per {@link CaseResult.Verdict}), and for every case that did not pass its expected-vs-seen line and its pcap. Readable without a
 * browser (and rendered by any Markdown viewer).
 */
final class ReportIndex {

    private ReportIndex() {
    }

    static void write(RunResult r, String suite, Path file, boolean interrupted) throws IOException {
        Files.writeString(file, render(r, suite, interrupted));
    }

    /** Matrix columns of an interop run, in order, with their headings. */
    private static final List<String[]> MATRIX = List.of(new String[]{"pair", "Pair"},
            new String[]{"keyServer", "Key Server (meant)"}, new String[]{"secured", "Secured"},
            new String[]{"pings", "Echo replies"}, new String[]{"rekey", "Rekey"},
            new String[]{"framesVerified", "Frames verified from the CAK"}, new String[]{"findings", "MKA findings"});

    /** The interop matrix (one row per case with observations), or nothing for a conformance run. */
    static String interopMatrix(List<CaseResult> cases) {
        List<CaseResult> rows = cases.stream().filter(c -> !c.observations().isEmpty()).toList();
        if (rows.isEmpty()) {
            return "";
        }
        StringBuilder s = new StringBuilder("## Interop matrix\n\n| Case | Cipher suite");
        MATRIX.forEach(c -> s.append(" | ").append(c[1]));
        s.append(" | Verdict |\n|---|---").append("|---".repeat(MATRIX.size())).append("|---|\n");
        for (CaseResult c : rows) {
            s.append("| ").append(c.caseName()).append(" | ").append(c.cipherSuite());
            MATRIX.forEach(col -> s.append(" | ").append(c.observations().getOrDefault(col[0], "-").replace("|", "\\|")));
            s.append(" | ").append(c.verdict().label()).append(" |\n");
        }
        return s.append('\n').toString();
    }

    static String render(RunResult r, String suite, boolean interrupted) {
        Map<String, List<CaseResult>> byClause = new TreeMap<>(Clauses.ORDER);
        for (CaseResult c : r.cases()) {
            byClause.computeIfAbsent(c.clause(), k -> new ArrayList<>()).add(c);
        }
        StringBuilder s = new StringBuilder();
        s.append("# Conformance report: ").append(suite == null ? "802.1ae" : suite).append("\n\n");
        if (interrupted) {
            s.append("**Interrupted: the run was stopped; only the cases below ran.**\n\n");
        }
        s.append("- Device: ").append(r.device() == null ? "unavailable" : r.device()).append('\n');
        s.append("- Cipher suites: ").append(String.join(", ", r.cipherSuites())).append('\n');
        s.append("- Result: ").append(r.summaryLine()).append('\n');
        s.append("- Exit code: ").append(r.exitCode()).append(switch (r.exitCode()) {
            case 0 -> " (every applicable case passed with all its observables seen)";
            case 1 -> " (cases failed, departed as the declared profile explains, or could not be observed)";
            default -> " (harness errors: some cases could not be judged)";
        }).append("\n\n");

        s.append("| Clause");
        for (CaseResult.Verdict v : CaseResult.Verdict.values()) {
            s.append(" | ").append(v.label());
        }
        s.append(" |\n|---").append("|---:".repeat(CaseResult.Verdict.values().length)).append("|\n");
        for (Map.Entry<String, List<CaseResult>> e : byClause.entrySet()) {
            Map<CaseResult.Verdict, Integer> n = new EnumMap<>(CaseResult.Verdict.class);
            e.getValue().forEach(c -> n.merge(c.verdict(), 1, Integer::sum));
            s.append("| ").append(e.getKey());
            for (CaseResult.Verdict st : CaseResult.Verdict.values()) {
                s.append(" | ").append(n.getOrDefault(st, 0));
            }
            s.append(" |\n");
        }
        s.append('\n');
        s.append(interopMatrix(r.cases()));

        for (Map.Entry<String, List<CaseResult>> e : byClause.entrySet()) {
            s.append("## Clause ").append(e.getKey()).append("\n\n");
            Map<String, List<CaseResult>> byCase = new LinkedHashMap<>();
            e.getValue().forEach(c -> byCase.computeIfAbsent(c.caseName(), k -> new ArrayList<>()).add(c));
            for (Map.Entry<String, List<CaseResult>> k : byCase.entrySet()) {
                for (CaseResult c : k.getValue()) {
                    s.append("- **").append(label(c.verdict())).append("** `").append(c.caseName()).append("` ")
                            .append(params(c));
                    if (!c.deviations().isEmpty()) {
                        s.append(": ").append(String.join(", ", c.deviations()));
                    }
                    s.append('\n');
                    if (c.verdict() != CaseResult.Verdict.PASS && c.message() != null) {
                        for (String line : details(c)) {
                            s.append("    - ").append(line).append('\n');
                        }
                    }
                    if (c.verdict() != CaseResult.Verdict.PASS && c.pcap() != null) {
                        s.append("    - frames: `").append(relative(r.reportDir(), c.pcap())).append("`\n");
                    }
                }
            }
            s.append('\n');
        }
        return s.toString();
    }

    static String label(CaseResult.Verdict s) {
        return s.label();
    }

    private static String params(CaseResult c) {
        List<String> p = new ArrayList<>();
        if (c.cipherSuite() != null && !c.cipherSuite().equals("?")) {
            p.add(c.cipherSuite());
        }
        if (c.validateFrames() != null && !c.validateFrames().equals("-")) {
            p.add("validateFrames " + c.validateFrames());
        }
        return p.isEmpty() ? "" : "[" + String.join(", ", p) + "]";
    }

    /** The lines a reader needs: what was expected and what was seen, or why the case could not be judged. */
    static List<String> details(CaseResult c) {
        List<String> out = new ArrayList<>();
        String[] lines = c.message().split("\n");
        for (String l : lines) {
            String t = l.strip();
            if (t.startsWith("expected vs seen:")) {
                out.add(t);
            }
        }
        if (out.isEmpty()) {
            // no counter comparison (transmit cases, harness errors, skips): the reason's first lines
            for (int i = 0; i < lines.length && out.size() < 3; i++) {
                String t = lines[i].strip();
                if (!t.isEmpty() && !t.startsWith("known deviation:")) {
                    out.add(t);
                }
            }
        }
        return out;
    }

    private static String relative(Path reportDir, String file) {
        try {
            return reportDir.toAbsolutePath().relativize(Path.of(file).toAbsolutePath()).toString();
        } catch (IllegalArgumentException e) {
            return file;
        }
    }
}
