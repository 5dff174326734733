package dev.macsec.cli;

import static dev.macsec.cli.TimeAndFilterTest.ourFrames;
import static dev.macsec.cli.TimeAndFilterTest.tsharkFrames;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.macsec.testing.ProjectFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** -Y on expert info: the generic fields (ours and Wireshark's _ws.expert names) and each code. */
class ExpertFilterTest {
    private static final String ANNEXC = ProjectFiles.pcap("generated/annexc-protected.pcap").toString();
    private static final String CO30 = ProjectFiles.pcap("macsec_lab/mka-co30.pcap").toString();
    private static final String LAB_KEYS = ProjectFiles.pcap("macsec_lab/keys-macsec.json").toString();
    /** 802.1X-2020 11.11.3: the order in which parameter set types are encoded (255 is the ICV Indicator). */
    private static final List<Integer> ORDER = List.of(0, 1, 2, 3, 4, 5, 6, 7, 8, 255);

    /**
     * The integrity-only Annex C frames carry user data that is no valid IPv4 header: tshark flags them
     * "Bogus IPv4 version" (Error, Malformed), we flag ip.bogus (Malformed); each filter selects tshark's frames.
     */
    @Test
    void theExpertFiltersSelectTheFramesTsharkFlags() throws IOException {
        List<String> flagged = tsharkFrames(ANNEXC, "_ws.expert", "frame.number");
        assertFalse(flagged.isEmpty());
        assertEquals(flagged, tsharkFrames(ANNEXC, "_ws.expert.group == 0x09000000", "frame.number"));
        for (String filter : new String[] {"_ws.expert", "expert", "ip.bogus", "expert.group == \"Malformed\"",
            "_ws.expert.group == \"Malformed\"", "expert.severity == \"WARN\"", "_ws.expert.message"}) {
            assertEquals(flagged, ourFrames("analyze", ANNEXC, "-q", "-T", "json", "-Y", filter), filter);
        }
        assertEquals(List.of(), ourFrames("analyze", ANNEXC, "-q", "-T", "json", "-Y", "mka.bad_order or expert.severity == \"ERROR\""));
        List<String> others = ourFrames("analyze", ANNEXC, "-q", "-T", "json", "-Y", "not _ws.expert");
        assertEquals(32, flagged.size() + others.size());
        assertFalse(others.stream().anyMatch(flagged::contains));
    }

    /**
     * tshark raises no expert for MKPDUs whose parameter sets are out of order, but lists their types: the frames
     * whose types are not in 802.1X-2020 11.11.3's order are the ones {@code -Y mka.bad_order} selects.
     */
    @Test
    void aCodeSelectsTheFramesThatBreakItsRule() throws IOException {
        List<String> expected = new ArrayList<>();
        for (String line : tsharkFrames(CO30, "mka", "frame.number")) {
            List<String> types = tsharkFrames(CO30, "frame.number == " + line, "mka.param_set_type");
            int last = -1;
            boolean outOfOrder = false;
            for (String t : types.get(0).split(",")) {
                int rank = ORDER.indexOf(Integer.parseInt(t));
                outOfOrder |= rank < last;
                last = Math.max(last, rank);
            }
            if (outOfOrder) {
                expected.add(line);
            }
        }
        assertFalse(expected.isEmpty());
        assertEquals(expected, ourFrames("analyze", CO30, "--keys", LAB_KEYS, "-q", "-T", "json", "-Y", "mka.bad_order"));
        assertEquals(expected, ourFrames("analyze", CO30, "--keys", LAB_KEYS, "-q", "-T", "json", "-Y",
                "expert.severity == \"WARN\" and expert.group == \"Protocol\""));
    }

    /**
     * An MKA checker finding is an expert item for -Y as well: with a CAK that is not the session's (wpa_supplicant's
     * CKN, one octet of its CAK changed), the ICV of every MKPDU fails, and the MKPDUs are the frames tshark
     * decodes as EAPOL.
     */
    @Test
    void aFindingOfTheMkaCheckerIsFilteredOnLikeADecoderExpert(@TempDir Path dir) throws IOException {
        String mka = ProjectFiles.pcap("linux-dut/mka.pcap").toString();
        Path keys = dir.resolve("wrong-cak.json");
        Files.writeString(keys, "{\"caks\":[{\"ckn\":\"6162636465666768696a6b6c6d6e6f707172737475767778797a303132333435\","
                + "\"cak\":\"ff23456789abcdef0123456789abcdef\"}]}");
        List<String> mkpdus = tsharkFrames(mka, "eapol", "frame.number");
        assertFalse(mkpdus.isEmpty());
        for (String filter : new String[] {"mka.icv_failed", "_ws.expert.group == \"Checksum\"",
            "expert.severity == \"ERROR\" and mka.icv_failed"}) {
            assertEquals(mkpdus, ourFrames("analyze", mka, "--keys", keys.toString(), "-q", "-T", "json", "-Y", filter),
                    filter);
        }
        assertEquals(List.of(), ourFrames("analyze", mka, "--keys", ProjectFiles.pcap("linux-dut/mka-cak.json").toString(),
                "-q", "-T", "json", "-Y", "mka.icv_failed"));
    }
}
