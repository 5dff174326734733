package dev.macsec.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.macsec.testing.ProjectFiles;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * tcpdump's macsec-snap.pcap: a 130-octet frame captured to 20 octets, which end 6 octets into a SecTAG with SC set
 * (TCI 0x20, SL 0, PN 62): its SCI was not captured. tcpdump prints "[|macsec]" (macsec-snap.tcpdump.out), tshark
 * "Data (6 bytes)". The one-line view must not make up an SCI (it printed SCI=0000000000000000), and no receive SecY
 * verdict is made up either: the SecY saw the whole frame, the capture does not hold what it judged.
 */
class SnappedSecTagTest {
    static final String SNAP = ProjectFiles.pcap("tcpdump/macsec-snap.pcap").toString();

    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void theOneLineViewSaysTheSciWasNotCaptured(boolean withKey) {
        AnalyzeCommandTest.Result r = withKey
                ? AnalyzeCommandTest.run("analyze", SNAP, "-q", "--sak", "000102030405060708090a0b0c0d0e0f")
                : AnalyzeCommandTest.run("analyze", SNAP, "-q");
        String line = r.out().lines().findFirst().orElseThrow();
        assertTrue(line.endsWith("MACsec   130 AN=0 PN=62 SCI not captured [integrity only] [not verified: the capture"
                + " ends inside the SecTAG (snapshot length)]"), line);
        assertFalse(r.out().contains("SCI=0000000000000000"), r.out());
        assertFalse(r.out().contains("BAD TAG"), r.out());
        assertEquals(0, r.exit(), r.out());
    }
}
