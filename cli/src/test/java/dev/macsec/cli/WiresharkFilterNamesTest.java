package dev.macsec.cli;

import static dev.macsec.cli.TimeAndFilterTest.ourFrames;
import static dev.macsec.cli.TimeAndFilterTest.tsharkFrames;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.macsec.analysis.FieldCatalog;
import dev.macsec.testing.ProjectFiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A display filter copied from Wireshark, with Wireshark's field names (macsec.TCI.E, macsec.AN ...) and its way
 * of writing byte-string fields (mka.actor_mn == 00:00:00:03), selects the frames tshark selects with it.
 */
class WiresharkFilterNamesTest {
    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(delimiter = '|', value = {
        "generated/annexc-protected.pcap | macsec.TCI.E == 1 and macsec.AN == 3",
        "generated/annexc-protected.pcap | macsec.TCI.SC == 0",
        "generated/annexc-protected.pcap | macsec.SL < 48 && macsec.SL > 0",
        "macsec_lab/session-full.pcap | macsec.TCI == 0x13",
        "macsec_lab/session-full.pcap | macsec.PN >= 3 and macsec.PN < 6",
        "macsec_lab/mka-xpn.pcap | macsec.TCI.V == 0 and macsec.TCI.SCB == 0 and macsec.TCI.ES == 0",
        "macsec_lab/mka-rekey.pcap | macsec.AN == 1 and macsec.TCI.C",
        // not macsec.SCI.port_identifier alone: with SC=0 we show the implicit SCI's port, tshark shows none (frame 7)
        "macsec_lab/macsec-lab-encrypted.pcap | macsec.SCI.port_identifier == 1 && macsec.TCI.SC == 1 && macsec.ICV",
        "linux-dut/static-sa.pcap | macsec.SCI.system_identifier == 52:54:00:00:00:02 and macsec.PN > 10",
        "macsec_lab/session-full.pcap | mka.macsec_capability == 3",
        "macsec_lab/mka-co30.pcap | mka.confidentiality_offset == 1",
        "macsec_lab/mka-rekey.pcap | mka.distributed_an == 1",
        "macsec_lab/mka-rekey.pcap | mka.latest_key_an == 1 and mka.latest_key_tx",
        "macsec_lab/mka-multi-peer.pcap | mka.key_server == 1",
        "macsec_lab/mka-handshake.pcap | eapol.type == 5 and mka.param_set_type == 4",
        "macsec_lab/mka-xpn.pcap | mka.key_server_ssci",
        "linux-dut/mka.pcap | mka.actor_mn == 00:00:00:03",
        "linux-dut/mka.pcap | mka.peer_mn == 00:00:00:02",
    })
    void selectsTheFramesTsharkSelects(String capture, String filter) throws IOException {
        String file = ProjectFiles.pcap(capture).toString();
        List<String> expected = tsharkFrames(file, filter, "frame.number");
        List<String> all = tsharkFrames(file, "frame", "frame.number");
        assertFalse(expected.isEmpty(), "tshark selects no frame: the case shows nothing");
        assertTrue(expected.size() < all.size(), "tshark selects every frame: the case shows nothing");
        assertEquals(expected, ourFrames("analyze", file, "-q", "-T", "json", "-Y", filter));
    }

    /**
     * A bit field whose values have names (the 2-bit capability and confidentiality offset codes) is declared with
     * both, so the detail tree shows it as Wireshark does: the bits in place and the name of the value.
     */
    @ParameterizedTest
    @CsvSource({"linux-dut/mka.pcap", "macsec_lab/session-full.pcap", "macsec_lab/mka-co30.pcap"})
    void namedBitFieldsShowAsTsharkShowsThem(String capture) throws IOException {
        String file = ProjectFiles.pcap(capture).toString();
        Process p = new ProcessBuilder("tshark", "-r", file, "-V").redirectError(ProcessBuilder.Redirect.DISCARD).start();
        List<String> expected = namedBitLines(new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
        assertFalse(expected.isEmpty(), "tshark shows no such field in " + capture);
        AnalyzeCommandTest.Result r = AnalyzeCommandTest.run("analyze", file, "-V");
        assertEquals(0, r.exit(), r.err());
        assertEquals(expected, namedBitLines(r.out()));
    }

    private static List<String> namedBitLines(String tree) {
        return tree.lines().map(String::strip)
                .filter(l -> l.contains("= MACsec Capability: ") || l.contains("= Confidentiality Offset: ")).toList();
    }

    /**
     * Every macsec.* and mka.* field tshark knows is a field of ours under tshark's name (mka.expert.* are expert
     * items, not fields), and {@code macsec fields} shows Wireshark's spelling where ours differs.
     */
    @Test
    void everyWiresharkMacsecAndMkaFieldNameIsKnown() throws IOException {
        Process p = new ProcessBuilder("tshark", "-G", "fields").redirectError(ProcessBuilder.Redirect.DISCARD).start();
        List<String> names = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).lines()
                .map(l -> l.split("\t")).filter(f -> f.length > 2 && f[0].equals("F")).map(f -> f[2])
                .filter(n -> (n.startsWith("macsec.") || n.startsWith("mka.")) && !n.startsWith("mka.expert.")).toList();
        assertTrue(names.size() > 60, names.toString());
        for (String name : names) {
            assertNotNull(FieldCatalog.lookup(name), name);
        }
        AnalyzeCommandTest.Result listing = AnalyzeCommandTest.run("fields", "macsec.");
        assertEquals(0, listing.exit(), listing.err());
        for (String name : names) {
            if (name.startsWith("macsec.") && !name.equals(name.toLowerCase(Locale.ROOT))) {
                assertTrue(listing.out().contains("(Wireshark: " + name + ")"), name + " in\n" + listing.out());
            }
        }
        assertEquals(listing.out(), AnalyzeCommandTest.run("fields", "macsec.").out());
        assertTrue(AnalyzeCommandTest.run("fields", "macsec.TCI").out().contains("macsec.tci.e "),
                "a Wireshark prefix selects our fields too");
    }
}
