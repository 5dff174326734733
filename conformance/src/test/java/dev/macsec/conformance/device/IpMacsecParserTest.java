package dev.macsec.conformance.device;

import dev.macsec.error.InputException;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Parses real {@code ip -s macsec show} output captured from the Linux 6.1 VM (iproute2 6.1). */
class IpMacsecParserTest {
    private static String sample(String name) throws IOException {
        try (InputStream in = IpMacsecParserTest.class.getResourceAsStream("/ip-macsec/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void twoSecYsWithAllTables() throws IOException {
        Map<String, MacsecCounters> all = IpMacsecParser.parse(sample("zero-two-secys.txt"));
        assertEquals(List.of("macsec0", "macsec1"), List.copyOf(all.keySet()));
        MacsecCounters c = all.get("macsec1");
        assertEquals(List.of("OutPktsUntagged", "InPktsUntagged", "OutPktsTooLong", "InPktsNoTag", "InPktsBadTag",
                "InPktsUnknownSCI", "InPktsNoSCI", "InPktsOverrun"), List.copyOf(c.secY().keySet()));
        assertEquals(List.of("OutPktsProtected", "OutPktsEncrypted", "OutOctetsProtected", "OutOctetsEncrypted"),
                List.copyOf(c.txSc().keySet()));
        assertEquals(List.of(1), List.copyOf(c.txSa().keySet()));
        long sci = Sci.parse("5254000000010007");
        assertEquals(List.of(sci), List.copyOf(c.rxSc().keySet()));
        assertEquals(10, c.rxSc().get(sci).counters().size());
        assertEquals(List.of(2), List.copyOf(c.rxSc().get(sci).sa().keySet()));
        assertEquals(0, c.rxSa(sci, 2, "InPktsNotUsingSA"));
        assertEquals(-1, c.rxSa(sci, 0, "InPktsOK"), "no SA 0 on that SC");
    }

    @Test
    void countersAfterAnEchoExchange() throws IOException {
        MacsecCounters c = IpMacsecParser.parse(sample("after-echo-gcm-aes-128.txt"), "macsec0");
        long sci = Sci.parse("5254000000010001");
        assertEquals(1, c.rxSc(sci, "InPktsOK"));
        assertEquals(1, c.rxSa(sci, 0, "InPktsOK"));
        assertTrue(c.rxSc(sci, "InOctetsDecrypted") > 0);
        assertEquals(1, c.txSc("OutPktsEncrypted"));
        assertEquals(1, c.txSa(0, "OutPktsEncrypted"));
        assertEquals(0, c.secY("InPktsNoTag"));
        assertEquals(1, c.rxScTotal("InPktsOK"));
    }

    @Test
    void mismatchedTableIsAnInputError() throws IOException {
        String broken = sample("zero-two-secys.txt").replaceFirst("(?m)^( +0 +0 +0 +0 +0 +0 +0) +0\\s*$", "$1");
        InputException e = assertThrows(InputException.class, () -> IpMacsecParser.parse(broken));
        assertTrue(e.getMessage().contains("8 counter names but 7 values"), e.getMessage());
        assertThrows(InputException.class, () -> IpMacsecParser.parse(sample("zero-two-secys.txt"), "macsec9"));
    }
}
