package dev.macsec.conformance.suite;

import dev.macsec.conformance.generator.Mutation;
import dev.macsec.secy.ValidateFrames;
import dev.macsec.suite.CipherSuite;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ArgumentsSource;

import java.util.HexFormat;
import java.util.List;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * IEEE 802.1AE-2018 receive: frames from the tester to the device, clause by clause (9.9, 9.12, 10.6,
 * 10.7.9). Expected results are the standard's (our receive SecY, IEEE profile); see {@link ReceiveCase}.
 */
@DisplayName("802.1AE receive")
@ExtendWith(ConformanceExtension.class)
public class ReceiveSuite {
    private static final String NAME = "{0}, {1}";
    private static final long OTHER_SCI = 0x0200_0000_0009_0001L;
    private static final byte[] OTHER_MAC = HexFormat.of().parseHex("525400000009");

    private static ReceiveCase c(Harness h, String clause, String name, String title, CipherSuite s, ValidateFrames v) {
        return ReceiveCase.of(h, clause, name, title, s, v);
    }

    @DisplayName("10.6-valid-accepted")
    @ParameterizedTest(name = NAME)
    @ArgumentsSource(Arguments802.SuitesAndModes.class)
    void validAccepted(CipherSuite s, ValidateFrames v, Harness h) {
        c(h, "10.6", "valid-accepted", "Secure frame verification", s, v)
                .send(g -> g.sequence(0, true, 1, 2, 3)).run();
    }

    @DisplayName("10.6.4-bad-icv")
    @ParameterizedTest(name = NAME)
    @ArgumentsSource(Arguments802.SuitesAndModes.class)
    void badIcv(CipherSuite s, ValidateFrames v, Harness h) {
        c(h, "10.6.4", "bad-icv", "Validation", s, v).send(g -> List.of(
                g.frame().pn(1).build(),
                g.frame().pn(2).mutate(Mutation.BAD_ICV).build(),
                g.frame().pn(3).encrypt(false).mutate(Mutation.BAD_ICV).build(),
                g.frame().pn(4).build())).run();
    }

    @DisplayName("10.6.4-corrupted-secure-data")
    @ParameterizedTest(name = NAME)
    @ArgumentsSource(Arguments802.SuitesAndModes.class)
    void corruptedSecureData(CipherSuite s, ValidateFrames v, Harness h) {
        c(h, "10.6.4", "corrupted-secure-data", "Validation", s, v).send(g -> List.of(
                g.frame().pn(1).mutate(Mutation.CORRUPT_SECURE_DATA).build(),
                g.frame().pn(2).encrypt(false).mutate(Mutation.CORRUPT_SECURE_DATA).build())).run();
    }

    @DisplayName("10.6-integrity-only")
    @ParameterizedTest(name = NAME)
    @ArgumentsSource(Arguments802.SuitesAndModes.class)
    void integrityOnly(CipherSuite s, ValidateFrames v, Harness h) {
        c(h, "10.6", "integrity-only", "Secure frame verification", s, v)
                .send(g -> g.sequence(0, false, 1, 2, 3)).run();
    }

    @DisplayName("10.7.9-octets")
    @ParameterizedTest(name = NAME)
    @ArgumentsSource(Arguments802.SuitesAndModes.class)
    void octets(CipherSuite s, ValidateFrames v, Harness h) {
        c(h, "10.7.9", "octets", "Receive SC counters", s, v).examineOctets().send(g -> List.of(
                g.frame().pn(1).build(),
                g.frame().pn(2).encrypt(false).build(),
                g.frame().pn(3).mutate(Mutation.BAD_ICV).build())).run();
    }

    @DisplayName("10.6.2-replay-window-0")
    @ParameterizedTest(name = "{0}")
    @ArgumentsSource(Arguments802.Suites.class)
    void replayWindow0(CipherSuite s, Harness h) {
        c(h, "10.6.2", "replay-window-0", "Replay protection", s, ValidateFrames.STRICT)
                .secY(x -> x.withReplay(true, 0))
                .send(g -> g.sequence(0, true, 10, 10, 9, 11)).run();
    }

    @DisplayName("10.6.2-replay-window-N")
    @ParameterizedTest(name = "{0}")
    @ArgumentsSource(Arguments802.Suites.class)
    void replayWindowN(CipherSuite s, Harness h) {
        c(h, "10.6.2", "replay-window-N", "Replay protection", s, ValidateFrames.STRICT)
                .secY(x -> x.withReplay(true, 4))
                .send(g -> g.sequence(0, true, 10, 8, 7, 6, 12)).run();
    }

    /** replayProtect off: the window still sets the lowest acceptable PN, below which valid frames are Delayed. */
    @DisplayName("10.6.2-replay-off-delayed")
    @ParameterizedTest(name = "{0}")
    @ArgumentsSource(Arguments802.Suites.class)
    void replayOffDelayed(CipherSuite s, Harness h) {
        c(h, "10.6.2", "replay-off-delayed", "Replay protection", s, ValidateFrames.STRICT)
                .optional("replayProtect off")
                .secY(x -> x.withReplay(false, 0))
                .send(g -> g.sequence(0, true, 10, 5, 11)).run();
    }

    /** Both sides of next PN - window: 5 and 8 below it (Delayed), 9 on it (OK). */
    @DisplayName("10.6.2-replay-off-window-2")
    @ParameterizedTest(name = "{0}")
    @ArgumentsSource(Arguments802.Suites.class)
    void replayOffWindow2(CipherSuite s, Harness h) {
        c(h, "10.6.2", "replay-off-window-2", "Replay protection", s, ValidateFrames.STRICT)
                .optional("replayProtect off")
                .secY(x -> x.withReplay(false, 2))
                .send(g -> g.sequence(0, true, 10, 5, 8, 9, 11)).run();
    }

    /**
     * The widest window leaves no PN below the lowest acceptable one, so nothing is Delayed. It is what iproute2
     * 6.1 configures for {@code replay off} without {@code window}. Not for XPN: 802.1AEbw caps its window at 2^30-1.
     */
    @DisplayName("10.6.2-replay-off-window-2^32-1")
    @ParameterizedTest(name = "{0}")
    @ArgumentsSource(Arguments802.NonXpnSuites.class)
    void replayOffWidestWindow(CipherSuite s, Harness h) {
        assumeTrue(!s.xpn(), "non-XPN suites only");
        c(h, "10.6.2", "replay-off-window-2^32-1", "Replay protection", s, ValidateFrames.STRICT)
                .optional("replayProtect off")
                .secY(x -> x.withReplay(false, 0xFFFF_FFFFL))
                .send(g -> g.sequence(0, true, 10, 5, 11)).run();
    }

    @DisplayName("10.6.1-an-switch")
    @ParameterizedTest(name = "{0}")
    @ArgumentsSource(Arguments802.Suites.class)
    void anSwitch(CipherSuite s, Harness h) {
        c(h, "10.6.1", "an-switch", "Receive SA selection", s, ValidateFrames.STRICT)
                .rxSa(0, 1, true).rxSa(1, 1, true).send(g -> List.of(
                        g.frame().an(0).pn(1).build(), g.frame().an(0).pn(2).build(),
                        g.frame().an(1).pn(1).build(), g.frame().an(1).pn(2).build(),
                        g.frame().an(0).pn(3).build())).run();
    }

    @DisplayName("10.6.1-an-no-sa")
    @ParameterizedTest(name = NAME)
    @ArgumentsSource(Arguments802.SuitesAndModes.class)
    void anWithoutSa(CipherSuite s, ValidateFrames v, Harness h) {
        c(h, "10.6.1", "an-no-sa", "Receive SA selection", s, v).rxSa(0, 1, true).send(g -> List.of(
                g.frame().an(2).pn(1).build(), g.frame().an(2).pn(2).encrypt(false).build())).run();
    }

    @DisplayName("10.6.1-sa-not-in-use")
    @ParameterizedTest(name = NAME)
    @ArgumentsSource(Arguments802.SuitesAndModes.class)
    void saNotInUse(CipherSuite s, ValidateFrames v, Harness h) {
        c(h, "10.6.1", "sa-not-in-use", "Receive SA selection", s, v).rxSa(0, 1, true).rxSa(1, 1, false)
                .send(g -> List.of(g.frame().an(1).pn(1).build(), g.frame().an(1).pn(2).encrypt(false).build()))
                .run();
    }

    @DisplayName("10.6.1-unknown-sci")
    @ParameterizedTest(name = NAME)
    @ArgumentsSource(Arguments802.SuitesAndModes.class)
    void unknownSci(CipherSuite s, ValidateFrames v, Harness h) {
        c(h, "10.6.1", "unknown-sci", "Receive SC selection", s, v).send(g -> List.of(
                g.frame().sci(OTHER_SCI).pn(1).build(),
                g.frame().sci(OTHER_SCI).pn(2).encrypt(false).build())).run();
    }

    @DisplayName("10.6-untagged")
    @ParameterizedTest(name = NAME)
    @ArgumentsSource(Arguments802.SuitesAndModes.class)
    void untagged(CipherSuite s, ValidateFrames v, Harness h) {
        c(h, "10.6", "untagged", "Secure frame verification", s, v)
                .send(g -> List.of(g.frame().untagged().build(), g.frame().untagged().build())).run();
    }

    @DisplayName("9.12-bad-tag")
    @ParameterizedTest(name = NAME)
    @ArgumentsSource(Arguments802.SuitesAndTagDefects.class)
    void badTag(CipherSuite s, Mutation m, Harness h) {
        c(h, "9.12", "bad-tag-" + m.name().toLowerCase().replace('_', '-'), "Validation of MPDUs", s, ValidateFrames.STRICT)
                .send(g -> List.of(g.frame().pn(5).data(m == Mutation.SL_MISMATCH ? 10 : 40).mutate(m).build(),
                        g.frame().pn(6).build())).run();
    }

    @DisplayName("9.12-bad-tag-unknown-sci")
    @ParameterizedTest(name = "{0}")
    @ArgumentsSource(Arguments802.Suites.class)
    void badTagUnknownSci(CipherSuite s, Harness h) {
        c(h, "9.12", "bad-tag-unknown-sci", "Validation of MPDUs", s, ValidateFrames.STRICT)
                .send(g -> List.of(g.frame().sci(OTHER_SCI).pn(5).mutate(Mutation.VERSION).build())).run();
    }

    @DisplayName("9.9-implicit-sci")
    @ParameterizedTest(name = "{0}")
    @ArgumentsSource(Arguments802.Suites.class)
    void implicitSci(CipherSuite s, Harness h) {
        c(h, "9.9", "implicit-sci", "SCI", s, ValidateFrames.STRICT).send(g -> List.of(
                g.frame().implicitSci().pn(1).build(),
                g.frame().endStation().pn(2).build(),
                g.frame().implicitSci().source(OTHER_MAC).pn(3).build())).run();
    }

    @DisplayName("10.6-e1-c0")
    @ParameterizedTest(name = "{0}")
    @ArgumentsSource(Arguments802.Suites.class)
    void eWithoutC(CipherSuite s, Harness h) {
        c(h, "10.6", "e1-c0", "Secure frame verification", s, ValidateFrames.STRICT)
                .send(g -> List.of(g.frame().eWithoutC().pn(1).build(), g.frame().pn(2).build())).run();
    }

    @DisplayName("10.5-confidentiality-offset-30")
    @ParameterizedTest(name = "{0}")
    @ArgumentsSource(Arguments802.Suites.class)
    void confidentialityOffset(CipherSuite s, Harness h) {
        c(h, "10.5", "confidentiality-offset-30", "Confidentiality offset", s, ValidateFrames.STRICT)
                .optional("a confidentiality offset of 30")
                .secY(x -> x.withConfidentialityOffset(30))
                .send(g -> List.of(g.frame().offset(30).pn(1).build())).run();
    }

    @DisplayName("10.6.4-disabled-next-pn")
    @ParameterizedTest(name = "{0}")
    @ArgumentsSource(Arguments802.Suites.class)
    void disabledAdvancesNextPn(CipherSuite s, Harness h) {
        c(h, "10.6.4", "disabled-next-pn", "Validation", s, ValidateFrames.DISABLED)
                .secY(x -> x.withReplay(true, 0))
                .send(g -> g.sequence(0, false, 10, 5)).run();
    }

    @DisplayName("10.6.2-xpn-across-2^32")
    @ParameterizedTest(name = "{0}")
    @ArgumentsSource(Arguments802.XpnSuites.class)
    void xpnAcross(CipherSuite s, Harness h) {
        assumeTrue(s.xpn(), "XPN suites only");
        c(h, "10.6.2", "xpn-across-2^32", "Replay protection", s, ValidateFrames.STRICT)
                .secY(x -> x.withReplay(true, 32)).rxSa(0, 0xFFFF_FFF0L, true)
                .send(g -> g.sequence(0, true, 0xFFFF_FFFEL, 0x1_0000_0000L, 0x1_0000_0001L)).run();
    }

    @DisplayName("10.6.2-xpn-recovery-below-2^32")
    @ParameterizedTest(name = "{0}")
    @ArgumentsSource(Arguments802.XpnSuites.class)
    void xpnRecovery(CipherSuite s, Harness h) {
        assumeTrue(s.xpn(), "XPN suites only");
        c(h, "10.6.2", "xpn-recovery-below-2^32", "Replay protection", s, ValidateFrames.STRICT)
                .secY(x -> x.withReplay(true, 32)).rxSa(0, 0xFFFF_FFF0L, true)
                .send(g -> g.sequence(0, true, 0xFFFF_FFFEL, 0x1_0000_0002L, 0xFFFF_FFFFL)).run();
    }

    @DisplayName("10.6.5-pn-32-bit-wrap")
    @ParameterizedTest(name = "{0}")
    @ArgumentsSource(Arguments802.NonXpnSuites.class)
    void pnWrap(CipherSuite s, Harness h) {
        assumeTrue(!s.xpn(), "non-XPN suites only");
        c(h, "10.6.5", "pn-32-bit-wrap", "Receive SA update", s, ValidateFrames.STRICT)
                .secY(x -> x.withReplay(true, 1)).rxSa(0, 0xFFFF_FFF0L, true)
                .send(g -> g.sequence(0, true, 0xFFFF_FFFEL, 0xFFFF_FFFFL, 0xFFFF_FFFEL)).run();
    }
}
