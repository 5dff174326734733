package dev.macsec.conformance.suite;

import dev.macsec.conformance.plan.PlanCase;
import dev.macsec.conformance.plan.TestPlan;
import dev.macsec.secy.ValidateFrames;
import dev.macsec.suite.CipherSuite;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.ArgumentsProvider;
import org.junit.jupiter.params.provider.ArgumentsSource;

import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * IEEE 802.1AE-2018 receive: frames from the tester to the device, clause by clause (9.9, 9.12, 10.5, 10.6,
 * 10.7.9), exactly as the test plan {@value TestPlan#RECEIVE} states them: its setup, procedure and expected
 * results, written from the standard. Each plan case runs under each cipher suite it applies to and each
 * validateFrames mode it names; see {@link ReceiveCase} for the verdict.
 */
@DisplayName("802.1AE receive")
@ExtendWith(ConformanceExtension.class)
public class ReceiveSuite {
    /** Every run of the receive plan over the run's cipher suites: plan id, cipher suite, validateFrames mode. */
    public static final class PlanRuns implements ArgumentsProvider {
        @Override
        public Stream<? extends Arguments> provideArguments(ExtensionContext ctx) {
            List<String> only = ctx.getConfigurationParameter(ConformanceParameters.CASES)
                    .map(v -> List.of(v.split("\\s*,\\s*"))).orElse(null);
            return runs(Session.cipherSuites(ctx), only).stream();
        }

        /** The runs over {@code chosen} cipher suites of every case, or of the cases {@code only} names (null: all). */
        static List<Arguments> runs(List<CipherSuite> chosen, List<String> only) {
            TestPlan plan = TestPlan.receive();
            List<PlanCase> cases = only == null ? plan.cases() : only.stream().map(plan::byId).toList();
            return cases.stream().flatMap(c -> c.runs(chosen).stream()
                    .map(r -> Arguments.of(c.id(), r.suite(), r.validateFrames().name().toLowerCase(Locale.ROOT))))
                    .toList();
        }
    }

    @DisplayName("802.1AE receive plan")
    @ParameterizedTest(name = "{0}, {1}, {2}")
    @ArgumentsSource(PlanRuns.class)
    void receive(String caseId, CipherSuite suite, String validateFrames, Harness h) {
        TestPlan plan = TestPlan.receive();
        PlanCase c = plan.byId(caseId);
        ReceiveCase.run(h, plan, c, suite, ValidateFrames.valueOf(validateFrames.toUpperCase(Locale.ROOT)));
    }
}
