package dev.macsec.conformance.suite;

import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.ArgumentsProvider;

import java.util.stream.Stream;

/** Argument providers over the run's cipher suites (configuration parameter); the receive suite's runs come from its plan. */
public final class Arguments802 {
    private Arguments802() {
    }

    /** Every chosen cipher suite. */
    public static final class Suites implements ArgumentsProvider {
        @Override
        public Stream<? extends Arguments> provideArguments(ExtensionContext ctx) {
            return Session.cipherSuites(ctx).stream().map(Arguments::of);
        }
    }
}
