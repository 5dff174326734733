package dev.macsec.conformance.mka;

import dev.macsec.analysis.AnalysisSummary;
import dev.macsec.conformance.device.MkaDaemon;
import dev.macsec.conformance.device.linuxvm.LinuxVm;
import dev.macsec.conformance.device.linuxvm.LinuxVmDevice;
import dev.macsec.conformance.suite.Harness;
import dev.macsec.keys.CakEntry;
import dev.macsec.mka.actor.ActorConfig;
import dev.macsec.secy.Verdict;
import dev.macsec.suite.CipherSuite;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * MKAdaemon (mkad, built by conformance/vm/build-mkad) as the VM's KaY against our participant, in each cipher
 * suite, with the Key Server on either side: secured with a pre-shared CAK, data both ways, and the recorded
 * exchange decrypted by the analyzer from the CAK alone. With mkad as Key Server, the salt and SSCIs its kernel
 * uses are mkad's derivation; our participant and the analyzer must agree with it for any frame to verify.
 * One VM serves the whole class.
 * <p>
 * Tagged {@code slow} too, out of the test command: the interop matrix ({@code InteropLinuxVmTest}) secures our
 * participant with mkad in all four suites with either side as Key Server on every run.
 */
@Tag("vm")
@Tag("slow")
class MkadLinuxVmTest {
    private static final String CKN = "6d6b61642d787061";
    private static final String CAK128 = "2b7e151628aed2a6abf7158809cf4f3c";
    private static final String CAK256 = "603deb1015ca71be2b73aef0857d77811f352c073b6108d72d9810a30914dff4";
    private static final Path OUT = Paths.get("target", "mkad-vm");
    private static MkaDeviceFixture fixture;

    @BeforeAll
    static void boot() throws IOException {
        MkadSource.assumeObtainable();
        LinuxVmDevice d = LinuxVmDevice.boot(LinuxVm.Options.defaults().withBootTimeout(Duration.ofSeconds(120)),
                LinuxVmDevice.Mka.MKAD);
        fixture = MkaDeviceFixture.on(d, OUT);
    }

    @AfterAll
    static void shutDown() {
        if (fixture != null) {
            fixture.close();
        }
    }

    @ParameterizedTest(name = "{0}, device is key server: {1}")
    @CsvSource({"GCM-AES-128, true", "GCM-AES-XPN-128, true", "GCM-AES-XPN-256, true", "GCM-AES-XPN-128, false",
            "GCM-AES-XPN-256, false", "GCM-AES-256, false"})
    void securedWithDataBothWays(String suite, boolean deviceKeyServer) throws IOException {
        CipherSuite cs = CipherSuite.byName(suite);
        String cak = cs.keyLength() == 32 ? CAK256 : CAK128;
        ActorConfig us = ActorConfig.of(new CakEntry(1, HexFormat.of().parseHex(CKN), HexFormat.of().parseHex(cak), null),
                Harness.TESTER_MAC).withPriority(deviceKeyServer ? 64 : 1).withCipherSuite(cs, true).withMkaVersion(3);
        String name = "mkad-" + suite + (deviceKeyServer ? "-device-ks" : "-tester-ks");
        try (MkaDeviceFixture.Case c = fixture.open(name,
                MkaDaemon.Config.of(cak, CKN, deviceKeyServer ? 16 : 64).withCipherSuite(cs), us)) {
            boolean secured = c.awaitWire(w -> w.securedWith(c.participant().mi()), Duration.ofSeconds(20))
                    && c.session().runUntil(() -> c.participant().secured(), Duration.ofSeconds(6));
            assertTrue(secured, () -> "not secured:\n" + c.wire().transcript(c.startNanos()) + c.participant().events()
                    + "\nmkad log:\n" + log());
            assertEquals(!deviceKeyServer, c.participant().isKeyServer(), "key server");
            assertEquals(cs, c.participant().latestKey().saKey().suite(), "suite of the SAK in use");
            int replies = c.pingFromDevice(3);
            assertEquals(3, replies, () -> "echo replies the device got; " + c.session() + "\n" + show());
            assertTrue(c.session().verdict(Verdict.OK) >= 3, c.session()::toString);
            c.close();
            AnalysisSummary a = MkaReport.analyze(c);
            assertEquals(0L, a.mka().icvFailed(), "MKPDUs whose ICV fails (analyzer)");
            assertEquals(List.of(), a.mka().cas().get(0).findings(), "MKA findings of the analyzer on the exchange");
            assertTrue(a.run().macsecFrames() >= 6, "MACsec frames " + a.run().macsecFrames());
            assertEquals(a.run().macsecFrames(), a.verdicts().getOrDefault(Verdict.OK, 0L).longValue(),
                    () -> "every MACsec frame verifies from the CAK alone: " + a.verdicts() + "\n" + MkaReport.describe(a));
        }
    }

    private static String log() {
        try {
            return fixture.kay().logTail(60);
        } catch (IOException e) {
            return e.toString();
        }
    }

    private static String show() {
        try {
            return fixture.kay().macsecShow();
        } catch (IOException e) {
            return e.toString();
        }
    }
}
