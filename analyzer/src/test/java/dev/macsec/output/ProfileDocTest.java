package dev.macsec.output;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.macsec.secy.Deviation;
import dev.macsec.secy.ReceiveProfile;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The deviation table has a column per measured kernel, each cell saying whether that kernel's profile has the row. */
class ProfileDocTest {
    private static List<String> cells(String row) {
        List<String> c = new ArrayList<>(Arrays.asList(row.split(" \\| ")));
        c.set(0, c.get(0).replaceFirst("^\\| ", ""));
        int last = c.size() - 1;
        c.set(last, c.get(last).replaceFirst(" \\|$", ""));
        return c;
    }

    @Test
    void oneColumnPerKernelSayingWhichKernelsShowEachDeviation() {
        String[] lines = ProfileDoc.markdown().split("\n");
        List<String> header = cells(lines[0]);
        assertEquals(List.of("Linux 6.1 (`--profile linux-6.1`)", "Linux 6.12 (`--profile linux-6.12`)"),
                header.subList(4, 6), lines[0]);
        assertEquals(ReceiveProfile.KERNELS, List.of(ReceiveProfile.LINUX_6_1, ReceiveProfile.LINUX_6_12));
        int rows = 0;
        for (int i = 2; i < lines.length; i++) {
            List<String> row = cells(lines[i]);
            assertEquals(header.size(), row.size(), lines[i]);
            Deviation d = Deviation.valueOf(row.get(1).replace("`", ""));
            for (int k = 0; k < ReceiveProfile.KERNELS.size(); k++) {
                assertEquals(ReceiveProfile.KERNELS.get(k).has(d) ? "yes" : "no", row.get(4 + k), d + " column " + k);
            }
            rows++;
        }
        assertEquals(Deviation.values().length, rows, "every deviation some kernel shows has its row");
    }

    /** A deviation only one kernel shows still gets its row, with "no" under the other; one no kernel shows, none. */
    @Test
    void aDeviationOfOneKernelOnlyIsARowWithNoUnderTheOther() {
        ReceiveProfile older = ReceiveProfile.LINUX_6_1.with(Deviation.NEXT_PN_32_BIT_WRAP, false)
                .with(Deviation.XPN_COMPARES_LOW_32_BITS, false);
        ReceiveProfile newer = ReceiveProfile.LINUX_6_12.with(Deviation.NEXT_PN_32_BIT_WRAP, false)
                .with(Deviation.TRUNCATED_SECTAG_NOT_COUNTED, false);
        String md = ProfileDoc.markdown(List.of(older, newer));
        assertTrue(md.contains("| `XPN_COMPARES_LOW_32_BITS` | 10.6.5 | "), md);
        assertTrue(md.lines().anyMatch(l -> l.contains("`XPN_COMPARES_LOW_32_BITS`") && l.contains(" | no | yes | ")), md);
        assertTrue(md.lines().anyMatch(l -> l.contains("`TRUNCATED_SECTAG_NOT_COUNTED`") && l.contains(" | yes | no | ")), md);
        assertTrue(!md.contains("NEXT_PN_32_BIT_WRAP"), md);
        assertEquals(2 + Deviation.values().length - 1, md.split("\n").length, md);
    }

    @Test
    void theTerminalListNamesEachProfileAndTheAlias() {
        assertTrue(ProfileDoc.text().contains("linux-6.12  Linux 6.12 (drivers/net/macsec.c)"), ProfileDoc.text());
        assertTrue(ProfileDoc.text().contains("linux-6.1   Linux 6.1 (drivers/net/macsec.c); also \"linux\""));
    }
}
