package dev.macsec.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.macsec.decode.SecTagRule;
import dev.macsec.field.ExpertGroup;
import dev.macsec.field.ExpertInfo;
import dev.macsec.field.Severity;
import dev.macsec.testing.ProjectFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Every anomaly code the analyzer can raise is declared once in the expert registry, and nowhere else spelt out. */
class ExpertRegistryTest {
    /** A string literal shaped like a code of one of the protocols the analyzer raises anomalies for. */
    private static final Pattern CODE_LITERAL =
            Pattern.compile("\"((?:frame|eth|vlan|sectag|inner|ip|ipv6|arp|eapol|mka)\\.[a-z0-9_]+)\"");
    private static final Pattern DECLARATION = Pattern.compile("(?<!Field\\.)declare\\(\\s*\"([a-z0-9_.]+)\"");

    private static Map<Path, String> mainSources() throws IOException {
        Path root = ProjectFiles.root().resolve("analyzer/src/main/java");
        Map<Path, String> sources = new HashMap<>();
        try (Stream<Path> files = Files.walk(root)) {
            for (Path p : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                sources.put(root.relativize(p), Files.readString(p));
            }
        }
        return sources;
    }

    /**
     * A code written as a literal at the place it is raised is a code nobody lists, filters on or documents: every
     * code-shaped literal in main code must be a field the filter knows or a declared expert code.
     */
    @Test
    void everyCodeShapedLiteralInMainCodeIsARegisteredFieldOrExpert() throws IOException {
        FieldCatalog.all();
        List<String> unknown = new ArrayList<>();
        mainSources().forEach((file, text) -> {
            Matcher m = CODE_LITERAL.matcher(text);
            while (m.find()) {
                if (m.group(1).matches(".*\\.(pcap|json)")) {
                    continue; // a file name
                }
                if (FieldCatalog.lookup(m.group(1)) == null && ExpertInfo.lookup(m.group(1)) == null) {
                    unknown.add(file + ": " + m.group(1));
                }
            }
        });
        assertEquals(List.of(), unknown);
    }

    /** Severity is the registry's: no main code but the registry builds an expert item from a loose severity. */
    @Test
    void noMainCodeRaisesAnExpertWithItsOwnSeverity() throws IOException {
        List<String> loose = new ArrayList<>();
        mainSources().forEach((file, text) -> {
            if (text.contains("addExpert(Severity.") || text.contains("expert(Severity.")) {
                loose.add(file.toString());
            }
        });
        assertEquals(List.of(), loose);
    }

    @Test
    void everyCodeIsDeclaredOnceAndEveryDeclarationIsRegistered() throws IOException {
        FieldCatalog.all();
        Map<String, Integer> declared = new HashMap<>();
        mainSources().forEach((file, text) -> {
            Matcher m = DECLARATION.matcher(text);
            while (m.find()) {
                if (ExpertInfo.lookup(m.group(1)) != null) {
                    declared.merge(m.group(1), 1, Integer::sum);
                }
            }
        });
        declared.forEach((code, n) -> assertEquals(1, n, code + " declared " + n + " times"));
        // the 9.12 rules are declared by SecTagRule's constructor, one code each
        assertEquals(declared.size() + SecTagRule.values().length, ExpertInfo.all().size());
        for (SecTagRule rule : SecTagRule.values()) {
            assertEquals(rule.expert(), ExpertInfo.lookup("sectag." + rule.name().toLowerCase(java.util.Locale.ROOT)));
            assertTrue(rule.expert().clause().endsWith(rule.clause()), rule.name());
        }
        // a second declaration of a code, even an identical one, is refused
        ExpertInfo order = ExpertInfo.lookup("mka.bad_order");
        assertThrows(IllegalStateException.class, () -> ExpertInfo.declare(order.code(), order.group(),
                order.severity(), order.clause(), order.summary()));
        assertEquals(order, ExpertInfo.lookup("mka.bad_order"));
    }

    /** Every code can be filtered on and is listed: the catalog resolves it to its field. */
    @Test
    void everyCodeIsAFilterFieldInTheCatalog() {
        List<ExpertInfo> listed = FieldCatalog.experts();
        assertEquals(ExpertInfo.all().size(), listed.size());
        for (ExpertInfo x : listed) {
            assertEquals(x.field(), FieldCatalog.lookup(x.code()), x.code());
            assertFalse(x.summary().isBlank(), x.code());
            assertTrue(x.clause().isEmpty() || x.clause().matches("(802\\.1(AE-2018|X-2020) |IEEE 802\\.3 |RFC \\d+).*"),
                    x.code() + ": " + x.clause());
        }
        for (String name : new String[] {"expert", "_ws.expert", "expert.message", "_ws.expert.message",
            "expert.severity", "_ws.expert.severity", "expert.group", "_ws.expert.group"}) {
            assertNotNull(FieldCatalog.lookup(name), name);
        }
    }

    /** What the MKA checker reports is declared like what the decoder reports (Rules had no severity nor clause). */
    @Test
    void theMkaRulesCarrySeverityGroupAndClause() {
        ExpertInfo mn = ExpertInfo.lookup("mka.mn_not_increasing");
        assertEquals(Severity.ERROR, mn.severity());
        assertEquals(ExpertGroup.SEQUENCE, mn.group());
        assertEquals("802.1X-2020 9.4.2", mn.clause());
        assertEquals(ExpertGroup.CHECKSUM, ExpertInfo.lookup("mka.icv_failed").group());
    }
}
