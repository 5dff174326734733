package dev.macsec.conformance.plan;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.macsec.counter.Counter;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;

/**
 * A test plan as a lab publishes it: Markdown (one section per case: id, clause, purpose, applicability, setup,
 * procedure, expected results), the same as a standalone HTML page, or JSON for tools. A case's Markdown entry is
 * also the Allure description of its results.
 */
public final class PlanText {
    private PlanText() {
    }

    /** The 802.1AE plan: receive, then transmit. */
    public static String markdown(TestPlan p, ProsePlan t) {
        return markdown(p, t, null);
    }

    /**
     * The plans of the suites chosen: 802.1AE receive and transmit (when {@code p} and {@code t} are given), then the
     * 802.1X MKA plan (when {@code mka} is).
     */
    public static String markdown(TestPlan p, ProsePlan t, ProsePlan mka) {
        StringBuilder s = new StringBuilder();
        s.append("# Test plan: ").append(heading(p, mka)).append("\n\n");
        if (p != null) {
            s.append("## Receive: ").append(p.title()).append("\n\n");
            s.append(conventions(p)).append('\n');
            List<PlanCase> byClause = new ArrayList<>(p.cases());
            byClause.sort(java.util.Comparator.comparing(PlanCase::clause, Clauses.ORDER));
            for (PlanCase c : byClause) {
                s.append("### ").append(c.id()).append("\n\n").append(caseMarkdown(p, c)).append('\n');
            }
        }
        for (ProsePlan prose : new ProsePlan[] {t, mka}) {
            if (prose == null) {
                continue;
            }
            s.append("## ").append(prose == t ? "Transmit: " : prose.standard() + ": ").append(prose.title()).append("\n\n");
            for (ProsePlan.Case c : prose.cases()) {
                s.append("### ").append(c.id()).append("\n\n").append(caseMarkdown(prose, c)).append('\n');
            }
        }
        return s.toString();
    }

    private static String heading(TestPlan p, ProsePlan mka) {
        String macsec = p == null ? null : p.standard() + " (MACsec)";
        String keyAgreement = mka == null ? null
                : mka.standard() + (mka == ProsePlan.interop() ? " (MKA interoperability)" : " (MKA)");
        return macsec == null ? keyAgreement : keyAgreement == null ? macsec : macsec + " and " + keyAgreement;
    }

    /** One transmit case's entry (without its heading): the Allure description of its results. */
    public static String caseMarkdown(ProsePlan t, ProsePlan.Case c) {
        StringBuilder s = new StringBuilder();
        s.append("- **Id:** `").append(c.id()).append("`\n");
        s.append("- **Clause:** ").append(t.standard()).append(' ').append(c.clause()).append(" (").append(c.title())
                .append(")\n");
        s.append("- **Purpose:** ").append(c.purpose()).append('\n');
        s.append("- **Applicability:** ").append(c.applicability()).append('\n');
        s.append("- **Runs under:** ").append("all".equals(c.cipherSuites()) ? "every cipher suite" : c.cipherSuites())
                .append('\n');
        s.append("- **Setup:** ").append(c.setup().strip()).append('\n');
        s.append("- **Procedure:**\n");
        for (int i = 0; i < c.procedure().size(); i++) {
            s.append("  ").append(i + 1).append(". ").append(c.procedure().get(i)).append('\n');
        }
        s.append("- **Expected results** (").append(t.observedOn()).append("):\n");
        c.expected().forEach(e -> s.append("  - ").append(e).append('\n'));
        return s.toString();
    }

    private static String conventions(TestPlan p) {
        TestPlan.ClosingEcho z = p.closingEcho();
        return "Every expected result below was written from the clauses named, not computed by an implementation. "
                + "The tester sends as SCI 52:54:00:00:00:01 port 1 (source MAC 52:54:00:00:00:01); the device has one "
                + "receive SC, the tester's. Each frame is an ICMP echo request to the device's Controlled Port address "
                + "carrying 70 octets of User Data unless stated, so a frame the device delivers unaltered is answered: "
                + "\"delivered\" lists the frames (by position) the device must answer; untagged frames are never judged "
                + "by their answer (the Uncontrolled Port receives them whatever the SecY does).\n\n"
                + "Expected counters are deltas over the case under their 802.1AE-2018 names, per SecY, receive SC and "
                + "receive SA; every counter of those scopes not listed must stay 0. " + Counter.IN_OCTETS_VALIDATED
                + " and " + Counter.IN_OCTETS_DECRYPTED + " are examined only where a case says so. A counter the "
                + "device cannot report makes "
                + "the case inconclusive, never a pass.\n\n"
                + "**Closing echo.** " + z.purpose() + " Frame: " + z.frame().describe() + ". Its expected results, "
                + "included in every case's: " + counters(z.expect()) + ".\n";
    }

    /** One case's entry (without its heading): the Allure description of its results. */
    public static String caseMarkdown(TestPlan p, PlanCase c) {
        StringBuilder s = new StringBuilder();
        s.append("- **Id:** `").append(c.id()).append("`\n");
        s.append("- **Clause:** ").append(p.standard()).append(' ').append(c.clause()).append(" (").append(c.title())
                .append(")\n");
        s.append("- **Purpose:** ").append(c.purpose()).append('\n');
        s.append("- **Applicability:** ").append(applicability(c)).append('\n');
        s.append("- **Runs under:** ").append(runsUnder(c)).append('\n');
        s.append("- **Setup:** ").append(setup(p, c)).append('\n');
        s.append("- **Procedure:** send, in this order:\n");
        List<String> steps = procedure(p, c);
        for (int i = 0; i < steps.size(); i++) {
            s.append("  ").append(i + 1).append(". ").append(steps.get(i)).append('\n');
        }
        s.append("- **Expected results** (deltas; every other counter 0; octet counters ")
                .append(c.examinesOctets() ? "examined" : "not examined").append("; the closing echo's added):\n");
        for (Expectation e : c.expect()) {
            s.append("  - ").append(when(e)).append(": ").append(counters(e)).append("; delivered: ")
                    .append(delivered(e)).append(". *").append(e.because().strip()).append("*\n");
        }
        return s.toString();
    }

    public static String applicability(PlanCase c) {
        String a = c.optional() ? "optional: needs " + c.capability() : "mandatory";
        return c.suiteRestriction() == null ? a : a + "; " + c.suiteRestriction();
    }

    private static String runsUnder(PlanCase c) {
        String suites = switch (c.cipherSuites() == null ? "all" : c.cipherSuites()) {
            case "xpn" -> "GCM-AES-XPN-128, GCM-AES-XPN-256";
            case "non-xpn" -> "GCM-AES-128, GCM-AES-256";
            default -> "every cipher suite";
        };
        return suites + "; validateFrames " + String.join(", ", c.validateFrames());
    }

    private static String setup(TestPlan p, PlanCase c) {
        CaseSetup.SecY y = c.setup().secy() == null ? new CaseSetup.SecY(null, null, null) : c.setup().secy();
        StringJoiner sas = new StringJoiner("; ");
        for (CaseSetup.RxSa sa : c.setup().rxSas()) {
            sas.add(rxSa(sa));
        }
        sas.add(rxSa(p.closingEcho().setup()) + ", for the closing echo");
        return "SecY with validateFrames as run, replayProtect " + (y.replayProtectOrDefault() ? "on" : "off")
                + ", replay window " + (y.replayWindow() == null ? "0" : y.replayWindow()) + ", confidentiality offset "
                + y.confidentialityOffsetOrDefault() + "; receive SC 52:54:00:00:00:01/1 with receive SAs " + sas
                + "; the device transmits on AN 0 from PN 1.";
    }

    private static String rxSa(CaseSetup.RxSa sa) {
        return "AN " + sa.an() + " (lowest acceptable PN " + (sa.lowestPn() == null ? "1" : sa.lowestPn()) + ", "
                + (sa.inUseOrDefault() ? "in use" : "not in use") + ")";
    }

    /** The frames sent, one line each, the closing echo last. */
    public static List<String> procedure(TestPlan p, PlanCase c) {
        List<String> l = new ArrayList<>();
        c.frames().forEach(f -> l.add(f.describe()));
        l.add(p.closingFrame(c).describe() + " (the closing echo)");
        return l;
    }

    private static String when(Expectation e) {
        if (e.when() == null) {
            return "every run";
        }
        StringJoiner j = new StringJoiner(", ");
        if (e.when().validateFrames() != null) {
            j.add("validateFrames " + String.join(" or ", e.when().validateFrames()));
        }
        if (e.when().cipherSuites() != null) {
            j.add(e.when().cipherSuites().equals("xpn") ? "XPN cipher suites" : "non-XPN cipher suites");
        }
        return j.toString();
    }

    static String counters(Expectation e) {
        StringJoiner j = new StringJoiner("; ");
        if (!e.secy().isEmpty()) {
            j.add("SecY " + named(e.secy()));
        }
        if (!e.rxSc().isEmpty()) {
            j.add("receive SC " + named(e.rxSc()));
        }
        e.rxSa().entrySet().stream().sorted(Map.Entry.comparingByKey())
                .forEach(sa -> j.add("receive SA " + sa.getKey() + " " + named(sa.getValue())));
        return j.length() == 0 ? "no counter moves" : j.toString();
    }

    private static String named(Map<String, Long> m) {
        StringJoiner j = new StringJoiner(", ");
        m.entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(x -> j.add(x.getKey() + " +" + x.getValue()));
        return j.toString();
    }

    private static String delivered(Expectation e) {
        if (e.delivered().isEmpty()) {
            return "none";
        }
        return "frame" + (e.delivered().size() > 1 ? "s " : " ")
                + String.join(", ", e.delivered().stream().map(String::valueOf).toList());
    }

    /** The plan as JSON: every case with its purpose, procedure and expected results spelt out. */
    public static String json(TestPlan p, ProsePlan t) {
        return json(p, t, null);
    }

    /** The plans of the suites chosen as JSON (see {@link #markdown(TestPlan, ProsePlan, ProsePlan)}). */
    public static String json(TestPlan p, ProsePlan t, ProsePlan mka) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("standard", heading(p, mka));
        if (p != null) {
            m.put("title", p.title());
            m.put("closingEcho", p.closingEcho());
        }
        List<Map<String, Object>> cases = new ArrayList<>();
        for (PlanCase c : p == null ? List.<PlanCase>of() : p.cases()) {
            Map<String, Object> x = new LinkedHashMap<>();
            x.put("suite", "receive");
            x.put("id", c.id());
            x.put("clause", c.clause());
            x.put("title", c.title());
            x.put("purpose", c.purpose());
            x.put("applicability", applicability(c));
            x.put("optionalCapability", c.capability());
            x.put("cipherSuites", c.cipherSuites() == null ? "all" : c.cipherSuites());
            x.put("validateFrames", c.validateFrames());
            x.put("examinesOctets", c.examinesOctets());
            x.put("setup", c.setup());
            x.put("procedure", procedure(p, c));
            x.put("frames", c.frames());
            List<Map<String, Object>> expected = new ArrayList<>();
            for (Expectation e : c.expect()) {
                Map<String, Object> y = new LinkedHashMap<>();
                y.put("when", when(e));
                y.put("because", e.because().strip());
                y.put("secy", e.secy());
                y.put("rxSc", e.rxSc());
                y.put("rxSa", e.rxSa());
                y.put("delivered", e.delivered());
                y.put("text", counters(e) + "; delivered: " + delivered(e));
                expected.add(y);
            }
            x.put("expected", expected);
            cases.add(x);
        }
        for (ProsePlan prose : new ProsePlan[] {t, mka}) {
          for (ProsePlan.Case c : prose == null ? List.<ProsePlan.Case>of() : prose.cases()) {
            Map<String, Object> x = new LinkedHashMap<>();
            x.put("suite", prose == t ? "transmit" : "802.1x");
            x.put("id", c.id());
            x.put("clause", c.clause());
            x.put("title", c.title());
            x.put("purpose", c.purpose());
            x.put("applicability", c.applicability());
            x.put("cipherSuites", c.cipherSuites());
            x.put("setup", c.setup().strip());
            x.put("procedure", c.procedure());
            x.put("expected", c.expected().stream().map(e -> Map.of("text", e)).toList());
            cases.add(x);
          }
        }
        m.put("cases", cases);
        try {
            return new ObjectMapper().setSerializationInclusion(JsonInclude.Include.NON_NULL)
                    .enable(SerializationFeature.INDENT_OUTPUT).enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
                    .writeValueAsString(m) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("plan to JSON: " + e.getMessage(), e);
        }
    }

    /** The Markdown plan as one standalone HTML page. */
    public static String html(TestPlan p, ProsePlan t) {
        return html(p, t, null);
    }

    /** The plans of the suites chosen as one standalone HTML page. */
    public static String html(TestPlan p, ProsePlan t, ProsePlan mka) {
        StringBuilder s = new StringBuilder("<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><title>")
                .append(escape("Test plan: " + heading(p, mka))).append("</title></head><body>\n");
        boolean inList = false;
        boolean inSub = false;
        for (String line : markdown(p, t, mka).split("\n")) {
            boolean item = line.startsWith("- ");
            boolean sub = line.startsWith("  ");
            if (inSub && !sub) {
                s.append("</ul></li>\n");
                inSub = false;
            }
            if (inList && !item && !sub) {
                s.append("</ul>\n");
                inList = false;
            }
            if (line.startsWith("#")) {
                int level = line.indexOf(' ');
                s.append("<h").append(level).append('>').append(inline(line.substring(level + 1))).append("</h")
                        .append(level).append(">\n");
            } else if (item) {
                if (!inList) {
                    s.append("<ul>\n");
                    inList = true;
                }
                s.append("<li>").append(inline(line.substring(2)));
                if (!line.endsWith(":")) {
                    s.append("</li>\n");
                }
            } else if (sub) {
                if (!inSub) {
                    s.append("<ul>\n");
                    inSub = true;
                }
                s.append("<li>").append(inline(line.strip().replaceFirst("^(- |\\d+\\. )", ""))).append("</li>\n");
            } else if (!line.isBlank()) {
                s.append("<p>").append(inline(line)).append("</p>\n");
            }
        }
        if (inSub) {
            s.append("</ul></li>\n");
        }
        if (inList) {
            s.append("</ul>\n");
        }
        return s.append("</body></html>\n").toString();
    }

    private static String inline(String md) {
        return escape(md).replaceAll("\\*\\*(.+?)\\*\\*", "<b>$1</b>").replaceAll("`(.+?)`", "<code>$1</code>")
                .replaceAll("\\*(.+?)\\*", "<i>$1</i>");
    }

    private static String escape(String t) {
        return t.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
