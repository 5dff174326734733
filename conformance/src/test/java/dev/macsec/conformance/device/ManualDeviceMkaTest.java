package dev.macsec.conformance.device;

import dev.macsec.counter.Counter;
import dev.macsec.suite.CipherSuite;
import org.junit.jupiter.api.Test;

import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PipedReader;
import java.io.PipedWriter;
import java.io.PrintStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The MKA steps a manual device prints carry the KaY's whole configuration, and its answers come in while we run. */
class ManualDeviceMkaTest {
    private static final String CAK = "0123456789abcdef0123456789abcdef";
    private static final String CKN = "6162636465666768696a6b6c6d6e6f70";

    private final ByteArrayOutputStream shown = new ByteArrayOutputStream();

    private ManualDevice device(String typed) {
        return new ManualDevice("a switch", "00:1b:21:aa:bb:cc", new BufferedReader(new StringReader(typed)),
                new PrintStream(shown, true, StandardCharsets.UTF_8));
    }

    private String shown() {
        return shown.toString(StandardCharsets.UTF_8);
    }

    @Test
    void theStartStepSaysEverythingAKayNeeds() throws IOException {
        try (ManualDevice d = device("\n\n")) {
            d.startKay(MkaDaemon.Config.of(CAK, CKN, 32).withPolicy(0).withIntegrityOnly(true).withReplay(true, 16));
            d.startKay(MkaDaemon.Config.of(CAK, CKN, 16).withCipherSuite(CipherSuite.GCM_AES_XPN_256));
        }
        String[] steps = shown().lines().filter(l -> l.startsWith(">>> ")).toArray(String[]::new);
        assertEquals(2, steps.length, shown());
        assertEquals(">>> Stop MKA on the port facing the tester if it runs, then start MKA (an 802.1X-2020 KaY) on that "
                + "port (MAC 00:1b:21:aa:bb:cc) with one pre-shared CAK: CKN " + CKN + ", CAK " + CAK + " (128-bit), key "
                + "server priority 32, MACsec policy should secure (macsec_policy 0: unprotected frames while MKA has no "
                + "peer), cipher suite GCM-AES-128, confidentiality offset integrity only (no confidentiality), "
                + "replayProtect on, replayWindow 16, MKA hello time 2 s, MKA life time 6 s", steps[0]);
        assertTrue(steps[1].contains("key server priority 16, MACsec policy must secure (macsec_policy 1")
                && steps[1].contains("cipher suite GCM-AES-XPN-256, confidentiality offset 0, replayProtect off,"), steps[1]);
    }

    @Test
    void aRefusedConfigurationIsARefusalWithoutTheKey() {
        try (ManualDevice d = device("fail\n")) {
            ManagedKay.Refused e = assertThrows(ManagedKay.Refused.class,
                    () -> d.startKay(MkaDaemon.Config.of(CAK, CKN, 32)));
            assertFalse(e.getMessage().contains(CAK), e.getMessage());
            assertTrue(e.getMessage().contains("CAK <key>"), e.getMessage());
        }
    }

    @Test
    void aPingReturnsAtOnceAndItsRepliesComeWhenTheOperatorTypesThem() throws Exception {
        PipedWriter operator = new PipedWriter();
        try (ManualDevice d = new ManualDevice("a switch", "00:1b:21:aa:bb:cc", new BufferedReader(new PipedReader(operator)),
                new PrintStream(shown, true, StandardCharsets.UTF_8))) {
            ManagedKay.Ping ping = d.ping("10.1.0.1", 8);
            // nothing typed yet: the caller is free to run the tester's side meanwhile
            Thread.sleep(200);
            assertTrue(shown().contains(">>> From MKA's controlled port, ping 10.1.0.1 8 times, one a second"), shown());
            operator.write("7\n");
            operator.flush();
            assertEquals(7, ping.replies());
        }
    }

    @Test
    void theReceiveScCountersAreTypedForTheScTheyAskFor() throws IOException {
        long sci = Sci.of("52:54:00:00:00:01", 1);
        try (ManualDevice d = device("InPktsLate=2 InPktsOK=5\n")) {
            assertEquals(2L, d.counters(sci).receiveSc(sci, Counter.IN_PKTS_LATE).getAsLong());
        }
        assertTrue(shown().contains("with the receive SC for SCI " + Sci.hex(sci)), shown());
    }

    @Test
    void itOffersTheKayButNoViewOfItsOwn() {
        try (ManualDevice d = device("")) {
            assertTrue(d.capability(ManagedKay.class).isPresent());
            assertTrue(d.evidence().isEmpty());
            assertTrue(d.capability(KayControl.class).isEmpty());
        }
    }
}
