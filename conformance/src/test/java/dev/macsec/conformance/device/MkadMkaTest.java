package dev.macsec.conformance.device;

import dev.macsec.suite.CipherSuite;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertTrue;

/** What mkad is started with, against the keys its mkad.conf.example documents. */
class MkadMkaTest {
    private static final MkaDaemon.Config BASE = MkaDaemon.Config.of("0123456789abcdef0123456789abcdef", "6162", 32);

    @Test
    void configNamesTheSuiteKeysAndPolicyInMkadsSpelling() {
        String f = MkadMka.file(BASE.withCipherSuite(CipherSuite.GCM_AES_XPN_256), "data0");
        assertTrue(f.contains("    ciphers: GCM_AES_XPN_256\n"), f);
        // "Expected format is a sequence of bytes in hex" (mkad.conf.example: cak: 50 7C C3 ...)
        assertTrue(f.contains("    cak: 01 23 45 67 89 AB CD EF 01 23 45 67 89 AB CD EF\n"), f);
        assertTrue(f.contains("    ckn: 61 62\n"), f);
        assertTrue(f.contains("  - device: \"data0\"\n    protected_device: \"macsec0\"\n"), f);
        assertTrue(f.contains("    unsecure_allowed: never\n") && f.contains("    macsec: CONF_0\n"), f);
        // every global setting mkad refuses to start without (it names them when one is missing)
        for (String k : new String[] {"hello_time:", "bounded_hello_time:", "life_time:", "sak_retire_time:",
                "transmit_empty_dist_sak:", "transmit_empty_sak_use:", "transmit_null_xpn:", "secy_polling_ms:"}) {
            assertTrue(f.contains("\n" + k), k);
        }
        assertTrue(!f.contains("replay_protect"), "no replay_protect key: replay protection off");
        String g = MkadMka.file(BASE.withPolicy(0).withIntegrityOnly(true).withReplay(true, 16), "data0");
        assertTrue(g.contains("    unsecure_allowed: MKA_FAIL\n") && g.contains("    macsec: INTEGRITY\n")
                && g.contains("    replay_protect: 16\n") && g.contains("    ciphers: GCM_AES_128\n"), g);
    }
}
