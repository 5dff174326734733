package dev.macsec.conformance.plan;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import java.util.List;

/**
 * A test plan whose expected results are statements, written from the standard, about what the device puts on the
 * wire: the 802.1AE transmit plan ({@value #TRANSMIT}: SecTAG, PNs, ICV, clear text, transmit counters) and the 802.1X
 * MKA plan ({@value #MKA}: the device's MKPDUs and data frames). The suites judge these observables in code; the plan
 * publishes them ({@code --plan}) and is the Allure description of each result.
 *
 * @param observedOn where the expected results are observed, for the plan's text
 */
@JsonIgnoreProperties(ignoreUnknown = false)
public record ProsePlan(String standard, String title, String observedOn, List<Case> cases) {
    public static final String TRANSMIT = "/plan/802.1AE-transmit.yaml";
    public static final String MKA = "/plan/802.1X-mka.yaml";
    public static final String INTEROP = "/plan/802.1X-interop.yaml";
    private static volatile ProsePlan transmit;
    private static volatile ProsePlan mka;
    private static volatile ProsePlan interop;

    /**
     * @param cipherSuites the cipher suites (or SAKs) it runs under, in words
     * @param setup        the device's configuration, in words
     * @param procedure    what the tester does, step by step
     * @param expected     the observable results, each naming its clause
     */
    @JsonIgnoreProperties(ignoreUnknown = false)
    public record Case(String id, String clause, String title, String purpose, String applicability,
                       String cipherSuites, String setup, List<String> procedure, List<String> expected) {
    }

    public ProsePlan {
        cases = List.copyOf(cases);
    }

    public static ProsePlan transmit() {
        ProsePlan p = transmit;
        if (p == null) {
            p = load(TRANSMIT, "802.1AE-");
            transmit = p;
        }
        return p;
    }

    /** The interop plan: MKA implementations brought up against each other, none of them the device under test. */
    public static ProsePlan interop() {
        ProsePlan p = interop;
        if (p == null) {
            p = load(INTEROP, "802.1X-");
            interop = p;
        }
        return p;
    }

    public static ProsePlan mka() {
        ProsePlan p = mka;
        if (p == null) {
            p = load(MKA, "802.1X-");
            mka = p;
        }
        return p;
    }

    private static ProsePlan load(String resource, String idPrefix) {
        ProsePlan p = PlanYaml.resource(resource, ProsePlan.class);
        for (Case c : p.cases()) {
            if (c.id() == null || !c.id().startsWith(idPrefix + c.clause() + "-") || c.purpose() == null
                    || c.procedure() == null || c.procedure().isEmpty() || c.expected() == null
                    || c.expected().isEmpty() || c.setup() == null || c.applicability() == null) {
                throw new IllegalStateException(resource + ": case " + c.id() + ": needs an id " + idPrefix
                        + "<clause>-..., purpose, applicability, setup, procedure and expected results");
            }
        }
        return p;
    }

    public Case byId(String id) {
        return cases.stream().filter(c -> c.id().equals(id)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no case " + id + " in " + title));
    }
}
