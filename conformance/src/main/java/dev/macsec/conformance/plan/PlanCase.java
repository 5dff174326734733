package dev.macsec.conformance.plan;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import dev.macsec.secy.ValidateFrames;
import dev.macsec.suite.CipherSuite;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * One case of a test plan, as a lab publishes it: what it checks and where the standard says so, whether a device
 * must support it, how the device is set up, the frames sent, and the observable results the standard expects.
 *
 * @param id            names the standard and the clause: {@code 802.1AE-10.6.2-replay-window-0}
 * @param applicability "mandatory", or "optional" with the {@code capability} a device may lack
 * @param capability    the optional capability needed (a device refusing it makes the case not applicable)
 * @param cipherSuites  "all", "xpn" or "non-xpn"
 * @param validateFrames the modes it runs under: strict, check, disabled
 * @param octets        whether InOctetsValidated/InOctetsDecrypted are examined
 */
@JsonIgnoreProperties(ignoreUnknown = false)
public record PlanCase(String id, String clause, String title, String purpose, String applicability, String capability,
                       String cipherSuites, List<String> validateFrames, Boolean octets, CaseSetup setup,
                       List<FrameRecipe> frames, List<Expectation> expect) {
    public PlanCase {
        validateFrames = validateFrames == null ? List.of("strict") : List.copyOf(validateFrames);
        frames = frames == null ? List.of() : List.copyOf(frames);
        expect = expect == null ? List.of() : List.copyOf(expect);
        setup = setup == null ? new CaseSetup(null, null) : setup;
    }

    /** One run of a case: a cipher suite and a validateFrames mode. */
    public record Run(CipherSuite suite, ValidateFrames validateFrames) {
    }

    public boolean examinesOctets() {
        return Boolean.TRUE.equals(octets);
    }

    public boolean optional() {
        return "optional".equals(applicability);
    }

    /** The id without the standard: "10.6.2-replay-window-0". */
    public String shortName() {
        int dash = id.indexOf('-');
        return id.substring(dash + 1);
    }

    public boolean appliesTo(CipherSuite s) {
        return switch (cipherSuites == null ? "all" : cipherSuites) {
            case "xpn" -> s.xpn();
            case "non-xpn" -> !s.xpn();
            default -> true;
        };
    }

    /** "XPN cipher suites only" and the like, or null for every suite. */
    public String suiteRestriction() {
        return switch (cipherSuites == null ? "all" : cipherSuites) {
            case "xpn" -> "XPN cipher suites only";
            case "non-xpn" -> "non-XPN cipher suites only";
            default -> null;
        };
    }

    public List<ValidateFrames> modes() {
        return validateFrames.stream().map(PlanCase::mode).toList();
    }

    static ValidateFrames mode(String name) {
        return ValidateFrames.valueOf(name.toUpperCase(Locale.ROOT));
    }

    /**
     * The runs of this case over the chosen cipher suites, each suite with each mode. A case that applies to none of
     * them still runs once (first suite), to be reported as not applicable rather than vanish from the report.
     */
    public List<Run> runs(List<CipherSuite> chosen) {
        List<CipherSuite> suites = chosen.stream().filter(this::appliesTo).toList();
        if (suites.isEmpty()) {
            suites = List.of(chosen.get(0));
        }
        List<Run> l = new ArrayList<>();
        for (CipherSuite s : suites) {
            for (ValidateFrames v : modes()) {
                l.add(new Run(s, v));
            }
        }
        return l;
    }

    /** The one expectation variant for a run (the plan is checked on loading to have exactly one). */
    public Expectation expectation(CipherSuite s, ValidateFrames v) {
        List<Expectation> l = expect.stream().filter(e -> matches(e, s, v)).toList();
        if (l.size() != 1) {
            throw new IllegalStateException(id + ": " + l.size() + " expectations apply to " + s.standardName() + ", "
                    + v.name().toLowerCase(Locale.ROOT) + " (need exactly one)");
        }
        return l.get(0);
    }

    static boolean matches(Expectation e, CipherSuite s, ValidateFrames v) {
        if (e.when() == null) {
            return true;
        }
        List<String> modes = e.when().validateFrames();
        if (modes != null && !modes.contains(v.name().toLowerCase(Locale.ROOT))) {
            return false;
        }
        String kind = e.when().cipherSuites();
        return kind == null || (kind.equals("xpn") == s.xpn());
    }
}
