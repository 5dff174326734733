package dev.macsec.conformance.plan;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import dev.macsec.secy.ValidateFrames;
import dev.macsec.suite.CipherSuite;

import java.io.InputStream;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A conformance test plan written from the standard (a YAML resource, e.g. {@value #RECEIVE}): its cases with their
 * setup, procedure and expected observable results, and the closing echo the harness appends to every case. Loading
 * checks that the plan is complete and consistent (ids naming the standard and clause, known counter names, exactly
 * one expectation per run), so a mistake in the file fails at once, naming the case.
 */
@JsonIgnoreProperties(ignoreUnknown = false)
public record TestPlan(String standard, String title, ClosingEcho closingEcho, List<PlanCase> cases) {
    /** The IEEE 802.1AE-2018 receive plan. */
    public static final String RECEIVE = "/plan/802.1AE-receive.yaml";
    private static volatile TestPlan receive;

    /**
     * The frame the harness sends after a case's own, on a receive SA of its own, whose answer proves the device has
     * handled every frame before it; its expected results are added to every case's.
     */
    @JsonIgnoreProperties(ignoreUnknown = false)
    public record ClosingEcho(String purpose, CaseSetup.RxSa setup, FrameRecipe frame, Expectation expect) {
    }

    public TestPlan {
        cases = List.copyOf(cases);
    }

    /** The 802.1AE receive plan, loaded once. */
    public static TestPlan receive() {
        TestPlan p = receive;
        if (p == null) {
            p = PlanYaml.resource(RECEIVE, TestPlan.class);
            p.check(RECEIVE);
            receive = p;
        }
        return p;
    }

    /** Reads and checks a plan; {@code origin} names it in errors. */
    public static TestPlan read(InputStream in, String origin) {
        TestPlan p = PlanYaml.read(in, origin, TestPlan.class);
        p.check(origin);
        return p;
    }

    public PlanCase byId(String id) {
        return cases.stream().filter(c -> c.id().equals(id)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no case " + id + " in the plan"));
    }

    /**
     * The expected result of one run: the variant's counters and the closing echo's, every other counter of the
     * examined scopes 0 (SecY; the receive SC; each configured receive SA and the closing echo's), the octet
     * counters only where the case examines them.
     */
    public ExpectedResult expected(PlanCase c, CipherSuite s, ValidateFrames v) {
        Expectation e = c.expectation(s, v);
        Expectation z = closingEcho.expect();
        Map<String, Long> m = new LinkedHashMap<>();
        for (String n : Counters802.SECY) {
            m.put(Counters802.secyKey(n), e.secy().getOrDefault(n, 0L) + z.secy().getOrDefault(n, 0L));
        }
        for (String n : Counters802.RX_SC) {
            if (c.examinesOctets() || !Counters802.octets(n)) {
                m.put(Counters802.rxScKey(n), e.rxSc().getOrDefault(n, 0L) + z.rxSc().getOrDefault(n, 0L));
            }
        }
        for (int an : rxSaNumbers(c)) {
            for (String n : Counters802.RX_SA) {
                long x = e.rxSa().getOrDefault(an, Map.of()).getOrDefault(n, 0L)
                        + z.rxSa().getOrDefault(an, Map.of()).getOrDefault(n, 0L);
                m.put(Counters802.rxSaKey(an, n), x);
            }
        }
        return new ExpectedResult(m, e.delivered());
    }

    /** The closing echo of a case: sent with the case's confidentiality offset, as the receiver uses the SecY's for every SA. */
    public FrameRecipe closingFrame(PlanCase c) {
        int offset = c.setup().secy() == null ? 0 : c.setup().secy().confidentialityOffsetOrDefault();
        return closingEcho.frame().withOffset(offset);
    }

    /** The ANs of the case's receive SAs, the closing echo's last. */
    private List<Integer> rxSaNumbers(PlanCase c) {
        List<Integer> l = new java.util.ArrayList<>(c.setup().rxSas().stream().map(CaseSetup.RxSa::an).toList());
        l.add(closingEcho.setup().an());
        return l;
    }

    /** A number as the plan writes it: decimal or 0x-hex, up to 64 bits unsigned. */
    static long number(String text) {
        String t = text.trim().replace("_", "");
        return t.startsWith("0x") || t.startsWith("0X") ? Long.parseUnsignedLong(t.substring(2), 16) : Long.parseUnsignedLong(t);
    }

    private void check(String origin) {
        if (standard == null || closingEcho == null || cases.isEmpty()) {
            throw new IllegalStateException(origin + ": a plan needs standard, closingEcho and cases");
        }
        String prefix = standard.replaceFirst("^IEEE ", "").replaceFirst("-\\d{4}$", "") + "-";
        checkCounters(origin + ": closingEcho", closingEcho.expect(), Set.of(closingEcho.setup().an()), true);
        Set<String> ids = new HashSet<>();
        for (PlanCase c : cases) {
            String where = origin + ": case " + c.id();
            if (c.id() == null || c.clause() == null || !c.id().startsWith(prefix + c.clause() + "-")) {
                throw new IllegalStateException(where + ": the id must start with " + prefix + "<clause>-");
            }
            if (!ids.add(c.id())) {
                throw new IllegalStateException(where + ": a second case with this id");
            }
            for (String text : new String[] {c.title(), c.purpose(), c.applicability()}) {
                if (text == null || text.isBlank()) {
                    throw new IllegalStateException(where + ": title, purpose and applicability are required");
                }
            }
            if (!c.applicability().equals("mandatory") && !(c.optional() && c.capability() != null)) {
                throw new IllegalStateException(where + ": applicability is 'mandatory', or 'optional' with a capability");
            }
            if (c.frames().isEmpty() || c.expect().isEmpty()) {
                throw new IllegalStateException(where + ": a case needs frames and expected results");
            }
            Set<Integer> ans = new HashSet<>();
            for (CaseSetup.RxSa sa : c.setup().rxSas()) {
                if (sa.an() == closingEcho.setup().an() || !ans.add(sa.an())) {
                    throw new IllegalStateException(where + ": receive SA AN " + sa.an() + " twice, or the closing echo's");
                }
            }
            for (FrameRecipe f : c.frames()) {
                if (f.anOrDefault() == closingEcho.setup().an() && !f.sentUntagged()) {
                    throw new IllegalStateException(where + ": AN " + f.anOrDefault() + " is the closing echo's");
                }
            }
            for (Expectation e : c.expect()) {
                if (e.because() == null || e.because().isBlank()) {
                    throw new IllegalStateException(where + ": every expectation says why ('because')");
                }
                checkCounters(where, e, ans, c.examinesOctets());
                for (int pos : e.delivered()) {
                    if (pos < 1 || pos > c.frames().size() || c.frames().get(pos - 1).sentUntagged()) {
                        throw new IllegalStateException(where + ": delivered names frame " + pos
                                + ", not a tagged frame of the case");
                    }
                }
            }
            for (CipherSuite s : CipherSuite.values()) {
                if (c.appliesTo(s)) {
                    for (ValidateFrames v : c.modes()) {
                        try {
                            c.expectation(s, v);
                        } catch (IllegalStateException e) {
                            throw new IllegalStateException(origin + ": " + e.getMessage(), e);
                        }
                    }
                }
            }
        }
    }

    private static void checkCounters(String where, Expectation e, Set<Integer> ans, boolean octets) {
        check(where, "secy", e.secy().keySet(), Counters802.SECY, octets);
        check(where, "rxSc", e.rxSc().keySet(), Counters802.RX_SC, octets);
        for (var sa : e.rxSa().entrySet()) {
            if (!ans.contains(sa.getKey())) {
                throw new IllegalStateException(where + ": rxSa " + sa.getKey() + " is not a receive SA of the setup");
            }
            check(where, "rxSa " + sa.getKey(), sa.getValue().keySet(), Counters802.RX_SA, octets);
        }
    }

    private static void check(String where, String scope, Set<String> names, List<String> known, boolean octets) {
        for (String n : names) {
            if (!known.contains(n)) {
                throw new IllegalStateException(where + ": " + scope + " has no 802.1AE counter " + n + " (known: "
                        + String.join(", ", known) + ")");
            }
            if (Counters802.octets(n) && !octets) {
                throw new IllegalStateException(where + ": " + n + " named in a case that does not examine octets");
            }
        }
    }
}
