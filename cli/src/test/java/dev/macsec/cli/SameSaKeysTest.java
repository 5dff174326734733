package dev.macsec.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.macsec.testing.ProjectFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * keys-macsec.json binds two SAKs to SCI 12153524c0895e81 AN 2: IEEE 802.1AE Annex C's GCM-AES-128 key
 * AD7A2BD0... (C.1, C.2) and its GCM-AES-256 key E3C08A8F... (vectors/ieee8021ae-annexc.json). The four bundled
 * macsec-ieee-gcm-aes-* captures are Annex C frames of that SCI/AN under one or the other, so every one of them must
 * verify with that file; before, the later entry replaced the earlier and the 128-bit captures failed.
 */
class SameSaKeysTest {
    static final String KEYS = ProjectFiles.pcap("macsec_lab/keys-macsec.json").toString();

    @ParameterizedTest
    @ValueSource(strings = {"128-encrypt", "128-integrity", "256-encrypt", "256-integrity"})
    void everyAnnexCCaptureVerifiesWithTheOneKeysFile(String which) {
        AnalyzeCommandTest.Result r = AnalyzeCommandTest.run("analyze",
                ProjectFiles.pcap("macsec_lab/macsec-ieee-gcm-aes-" + which + ".pcap").toString(), "--keys", KEYS, "-q");
        assertEquals(0, r.exit(), r.out());
        assertTrue(r.out().contains("Verdicts: OK 1"), r.out());
        assertTrue(r.out().contains("Receive SC 12153524c0895e81: InPktsOK=1"), r.out());
        assertTrue(r.out().contains("AN=2 PN="), r.out());
    }

    @Test
    void keysCheckNamesTheEntriesBindingOneSaAndNoKey() {
        AnalyzeCommandTest.Result r = AnalyzeCommandTest.run("keys", "check", KEYS);
        assertEquals(0, r.exit(), r.err());
        assertTrue(r.out().contains("  SAK#7, SAK#8 bind the same SCI 12153524c0895e81 AN 2: each is tried on its frames"
                + " and the one that verifies is used"), r.out());
        assertEquals(1, r.out().lines().filter(l -> l.contains("bind the same")).count(), r.out());
        assertFalse(r.out().toLowerCase().contains("ad7a2bd0") || r.out().toLowerCase().contains("e3c08a8f"), r.out());
    }
}
