package dev.macsec.conformance.mka;

import dev.macsec.conformance.device.linuxvm.WpaSupplicantMka;
import dev.macsec.keys.CakEntry;
import dev.macsec.mka.actor.ActorConfig;
import dev.macsec.secy.Verdict;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@Tag("vm")
class WpaSupplicantMkaTest {
    private static final HexFormat HEX = HexFormat.of();
    static final String CKN = "6162636465666768696a6b6c6d6e6f707172737475767778797a303132333435";
    static final String CAK128 = "0123456789abcdef0123456789abcdef";
    static final String CAK256 = "000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f";

    static MkaDeviceFixture fx;

    @BeforeAll
    static void boot() throws IOException {
        fx = MkaDeviceFixture.boot(Paths.get("target", "mka"));
    }

    @AfterAll
    static void down() {
        if (fx != null) {
            fx.close();
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {128, 256})
    void peering(int bits) throws IOException {
        String cak = bits == 128 ? CAK128 : CAK256;
        CakEntry entry = new CakEntry(1, HEX.parseHex(CKN), HEX.parseHex(cak), null);
        try (MkaDeviceFixture.Case c = fx.open("peering-" + bits, WpaSupplicantMka.Config.of(cak, CKN, 32),
                ActorConfig.of(entry, MkaDeviceFixture.TESTER_MAC).withPriority(16))) {
            long t0 = System.nanoTime();
            Map<String, String> s = c.awaitDevice(m -> "1".equals(m.get("live_peers")) && "Yes".equals(m.get("Secured")),
                    Duration.ofSeconds(15), Duration.ofMillis(500));
            System.out.println("status " + s + " after " + (System.nanoTime() - t0) / 1_000_000 + " ms; " + c.participant());
            System.out.println(c.participant().events());
            System.out.println(c.device().logTail(60));
            assertEquals("1", s.get("live_peers"));
            int got = c.pingFromDevice(3, Duration.ofSeconds(1), Duration.ofSeconds(2));
            System.out.println(c.session());
            System.out.println(c.device().macsecShow());
            assertEquals(3, got);
            assertTrue(c.session().verdict(Verdict.OK) >= 3);
        }
    }
}
