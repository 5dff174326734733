package dev.macsec.conformance.suite;

import dev.macsec.conformance.link.RecordingLink;
import dev.macsec.suite.CipherSuite;
import io.qameta.allure.Allure;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.jupiter.api.extension.TestExecutionExceptionHandler;
import org.opentest4j.TestAbortedException;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Gives each suite test a {@link Harness}: the shared {@link Session}, a recording of the case's frames
 * (pcap, named after the case), and afterwards attaches that pcap and the counters to the Allure result.
 * Also labels every result for the report, including cases that end before they label themselves
 * (not applicable to the chosen suites, device not available): epic = standard, feature = clause,
 * story = case, and a tag saying which kind of outcome a failure is.
 */
public final class ConformanceExtension implements ParameterResolver, AfterEachCallback, TestExecutionExceptionHandler {
    public static final String EPIC = "IEEE 802.1AE-2018";
    /** Allure tag of failures the device's declared receive profile explains (the report's categories key on the message too). */
    public static final String TAG_KNOWN_DEVIATION = "known deviation";
    public static final String TAG_FAILURE = "conformance failure";
    public static final String TAG_HARNESS_ERROR = "harness error";
    /** Report entry: where the case's frames were recorded. */
    public static final String ENTRY_PCAP = "macsec.pcap";
    /** Allure tag of a case whose observables the device could not all report. */
    public static final String TAG_INCONCLUSIVE = "inconclusive";
    /** How the ids of the 802.1AE plan's cases begin. */
    private static final String PLAN_ID_PREFIX = "802.1AE-";

    private static final ExtensionContext.Namespace NS = ExtensionContext.Namespace.create(ConformanceExtension.class);

    @Override
    public boolean supportsParameter(ParameterContext p, ExtensionContext ctx) {
        return p.getParameter().getType() == Harness.class;
    }

    @Override
    public Object resolveParameter(ParameterContext p, ExtensionContext ctx) {
        return ctx.getStore(NS).getOrComputeIfAbsent(Harness.class, k -> newHarness(ctx), Harness.class);
    }

    private static Harness newHarness(ExtensionContext ctx) {
        Session s = Session.get(ctx);
        // recorded under a temporary name: the case's name is known once it labels itself
        Path pcap = s.outputDir().resolve("pcap").resolve(".recording-" + Math.abs((long) ctx.getUniqueId().hashCode())
                + "-" + System.nanoTime() + ".pcap");
        try {
            Files.createDirectories(pcap.getParent());
        } catch (IOException e) {
            throw new HarnessException("cannot create " + pcap.getParent() + ": " + e.getMessage(), e);
        }
        return new Harness(s, new RecordingLink(s.link(), pcap, false), pcap, ctx);
    }

    /** The Allure labels and parameters of one case (also used by {@link Harness#label}). */
    static void labelCase(String clause, String story, String cipherSuite, String validateFrames) {
        Allure.epic(EPIC);
        Allure.feature("Clause " + clause);
        Allure.story(story);
        if (cipherSuite != null) {
            Allure.parameter("cipher suite", cipherSuite);
        }
        if (validateFrames != null) {
            Allure.parameter("validateFrames", validateFrames);
        }
    }

    @Override
    public void handleTestExecutionException(ExtensionContext ctx, Throwable t) throws Throwable {
        if (t instanceof KnownDeviationFailure k) {
            Allure.label("tag", TAG_KNOWN_DEVIATION);
            k.deviations().forEach(d -> Allure.label("tag", d.name()));
        } else if (t instanceof InconclusiveFailure) {
            Allure.label("tag", TAG_INCONCLUSIVE);
        } else if (t instanceof ConformanceFailure) {
            Allure.label("tag", TAG_FAILURE);
        } else if (!(t instanceof TestAbortedException)) {
            Allure.label("tag", TAG_HARNESS_ERROR);
        }
        throw t;
    }

    @Override
    public void afterEach(ExtensionContext ctx) {
        Harness h;
        try {
            h = ctx.getStore(NS).remove(Harness.class, Harness.class);
        } catch (RuntimeException e) {
            // the store remembers a harness that failed to open (device not available) and rethrows it here
            h = null;
        }
        if (h == null || h.labelledName() == null) {
            labelFromDisplayNames(ctx);
        }
        if (h == null) {
            return;
        }
        h.recording().close();
        Path pcap = h.pcap();
        try {
            if (h.recording().frames() == 0) {
                Files.deleteIfExists(pcap);
            } else {
                pcap = rename(pcap, h.labelledName() != null ? h.labelledName() : fallbackName(ctx));
                ctx.publishReportEntry(ENTRY_PCAP, pcap.toString());
                Allure.addAttachment("frames.pcap", "application/vnd.tcpdump.pcap",
                        new ByteArrayInputStream(Files.readAllBytes(pcap)), "pcap");
            }
        } catch (IOException e) {
            Allure.addAttachment("recording error", "text/plain", pcap + ": " + e.getMessage(), "txt");
        }
        if (h.countersText() != null) {
            Allure.addAttachment("counters (plan vs device vs declared profile)", "text/plain", h.countersText(), "txt");
        }
        if (h.framesText() != null) {
            Allure.addAttachment("frames sent and received", "text/plain", h.framesText(), "txt");
        }
    }

    /** Cases named like "10.6.2-xpn-across-2^32" ({@code @DisplayName}) with the suite in the invocation's name. */
    private static void labelFromDisplayNames(ExtensionContext ctx) {
        String story = caseName(ctx);
        String clause = clauseOf(story);
        String suite = cipherSuite(ctx.getDisplayName());
        labelCase(clause, story, suite, null);
        Map<String, String> e = new HashMap<>();
        e.put("macsec.clause", clause);
        e.put("macsec.case", story);
        if (suite != null) {
            e.put("macsec.cipherSuite", suite);
        }
        ctx.publishReportEntry(e);
    }

    /**
     * The case: a plan id leading the invocation's name ("802.1AE-10.6.2-replay-window-0, GCM-AES-128, strict"),
     * else the method's display name.
     */
    private static String caseName(ExtensionContext ctx) {
        String invocation = ctx.getDisplayName();
        if (invocation.startsWith(PLAN_ID_PREFIX)) {
            int comma = invocation.indexOf(", ");
            return comma > 0 ? invocation.substring(0, comma) : invocation;
        }
        return ctx.getTestMethod().map(m -> m.getAnnotation(DisplayName.class)).map(DisplayName::value)
                .orElseGet(() -> ctx.getParent().map(ExtensionContext::getDisplayName).orElse(ctx.getDisplayName()));
    }

    /** "10.6.2" of "802.1AE-10.6.2-replay-window-0" or of "10.6.2-replay-window-0"; "?" when there is none. */
    static String clauseOf(String story) {
        String s = story.startsWith(PLAN_ID_PREFIX) ? story.substring(PLAN_ID_PREFIX.length()) : story;
        int dash = s.indexOf('-');
        return dash > 0 ? s.substring(0, dash) : "?";
    }

    private static String fallbackName(ExtensionContext ctx) {
        String suite = cipherSuite(ctx.getDisplayName());
        return caseName(ctx) + (suite == null ? "" : "_" + suite);
    }

    private static String cipherSuite(String displayName) {
        // longest first: no suite's name contains another's, but keep it robust
        return Stream.of(CipherSuite.values()).map(CipherSuite::standardName)
                .sorted(Comparator.comparingInt(String::length).reversed())
                .filter(displayName::contains).findFirst().orElse(null);
    }

    private static Path rename(Path from, String name) throws IOException {
        String base = name.replaceAll("[^A-Za-z0-9_.-]+", "_");
        Path to = from.resolveSibling(base + ".pcap");
        for (int i = 2; Files.exists(to); i++) {
            to = from.resolveSibling(base + "_" + i + ".pcap");
        }
        return Files.move(from, to);
    }
}
