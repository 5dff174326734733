package dev.macsec.conformance.suite;

import dev.macsec.conformance.generator.Mutation;
import dev.macsec.secy.ValidateFrames;
import dev.macsec.suite.CipherSuite;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.ArgumentsProvider;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import java.util.stream.Stream;

/** Argument providers over the run's cipher suites (configuration parameter), validateFrames modes, SecTAG defects. */
public final class Arguments802 {
    private Arguments802() {
    }

    private static List<CipherSuite> suites(ExtensionContext ctx, Predicate<CipherSuite> keep) {
        List<CipherSuite> all = Session.cipherSuites(ctx);
        List<CipherSuite> l = all.stream().filter(keep).toList();
        // a case that applies to none of the chosen suites still runs once, and is skipped by its assumption
        return l.isEmpty() ? List.of(all.get(0)) : l;
    }

    /** Every chosen cipher suite. */
    public static final class Suites implements ArgumentsProvider {
        @Override
        public Stream<? extends Arguments> provideArguments(ExtensionContext ctx) {
            return suites(ctx, s -> true).stream().map(Arguments::of);
        }
    }

    /** The chosen XPN suites. */
    public static final class XpnSuites implements ArgumentsProvider {
        @Override
        public Stream<? extends Arguments> provideArguments(ExtensionContext ctx) {
            return suites(ctx, CipherSuite::xpn).stream().map(Arguments::of);
        }
    }

    /** The chosen non-XPN suites. */
    public static final class NonXpnSuites implements ArgumentsProvider {
        @Override
        public Stream<? extends Arguments> provideArguments(ExtensionContext ctx) {
            return suites(ctx, s -> !s.xpn()).stream().map(Arguments::of);
        }
    }

    /** Every chosen cipher suite with each validateFrames mode. */
    public static final class SuitesAndModes implements ArgumentsProvider {
        @Override
        public Stream<? extends Arguments> provideArguments(ExtensionContext ctx) {
            List<Arguments> l = new ArrayList<>();
            for (CipherSuite s : suites(ctx, x -> true)) {
                for (ValidateFrames v : new ValidateFrames[] {ValidateFrames.STRICT, ValidateFrames.CHECK,
                        ValidateFrames.DISABLED}) {
                    l.add(Arguments.of(s, v));
                }
            }
            return l.stream();
        }
    }

    /** Every chosen cipher suite with each 9.12 SecTAG defect (PN zero only for the non-XPN suites). */
    public static final class SuitesAndTagDefects implements ArgumentsProvider {
        @Override
        public Stream<? extends Arguments> provideArguments(ExtensionContext ctx) {
            List<Arguments> l = new ArrayList<>();
            for (CipherSuite s : suites(ctx, x -> true)) {
                for (Mutation m : Mutation.values()) {
                    if (m.rule() != null && !(m == Mutation.PN_ZERO && s.xpn())) {
                        l.add(Arguments.of(s, m));
                    }
                }
            }
            return l.stream();
        }
    }
}
