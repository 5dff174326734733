package dev.macsec.conformance.device;

import dev.macsec.counter.Counter;
import dev.macsec.counter.CounterValues;
import dev.macsec.counter.ScCounters;
import dev.macsec.counter.SecYCounters;
import dev.macsec.error.InputException;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
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
        Map<String, SecYCounters> all = IpMacsecParser.parse(sample("zero-two-secys.txt"));
        assertEquals(List.of("macsec0", "macsec1"), List.copyOf(all.keySet()));
        SecYCounters c = all.get("macsec1");
        // the kernel's statistics sets (uapi if_macsec.h: MACSEC_SECY_STATS_ATTR_*, MACSEC_TXSC_STATS_ATTR_*,
        // MACSEC_RXSC_STATS_ATTR_*, MACSEC_SA_STATS_ATTR_*) as iproute2 prints them, under 802.1AE's names
        assertEquals(Set.of("OutPktsUntagged", "InPktsUntagged", "OutPktsTooLong", "InPktsNoTag", "InPktsBadTag",
                "InPktsUnknownSCI", "InPktsNoSCI", "InPktsOverrun"), names(c.secY()));
        ScCounters tx = c.transmitSc().orElseThrow();
        assertEquals(Set.of("OutPktsProtected", "OutPktsEncrypted", "OutOctetsProtected", "OutOctetsEncrypted"),
                names(tx.sc()));
        assertEquals(List.of(1), List.copyOf(tx.sas().keySet()));
        assertEquals(Set.of("OutPktsProtected", "OutPktsEncrypted"), names(tx.sas().get(1)));
        long sci = Sci.parse("5254000000010007");
        assertEquals(List.of(sci), List.copyOf(c.receiveScs().keySet()));
        assertEquals(Set.of("InOctetsValidated", "InOctetsDecrypted", "InPktsUnchecked", "InPktsDelayed", "InPktsOK",
                "InPktsInvalid", "InPktsLate", "InPktsNotValid", "InPktsNotUsingSA", "InPktsUnusedSA"),
                names(c.receiveScs().get(sci).sc()));
        assertEquals(List.of(2), List.copyOf(c.receiveScs().get(sci).sas().keySet()));
        assertEquals(Set.of("InPktsOK", "InPktsInvalid", "InPktsNotValid", "InPktsNotUsingSA", "InPktsUnusedSA"),
                names(c.receiveScs().get(sci).sas().get(2)));
        assertEquals(OptionalLong.of(0), c.receiveSa(sci, 2, Counter.IN_PKTS_NOT_USING_SA));
        assertEquals(OptionalLong.empty(), c.receiveSa(sci, 0, Counter.IN_PKTS_OK), "no SA 0 on that SC");
    }

    /** The kernel's tables hold exactly what 802.1AE keeps at each level: the enum's scopes agree. */
    @Test
    void eachTableHoldsTheCountersOfItsScope() throws IOException {
        SecYCounters c = IpMacsecParser.parse(sample("after-echo-gcm-aes-128.txt"), "macsec0");
        long sci = Sci.parse("5254000000010001");
        assertEquals(Set.copyOf(Counter.of(Counter.Scope.SECY)), c.secY().values().keySet());
        assertEquals(Set.copyOf(Counter.of(Counter.Scope.TRANSMIT_SC)),
                c.transmitSc().orElseThrow().sc().values().keySet());
        assertEquals(Set.copyOf(Counter.of(Counter.Scope.TRANSMIT_SA)),
                c.transmitSc().orElseThrow().sas().get(0).values().keySet());
        assertEquals(Set.copyOf(Counter.of(Counter.Scope.RECEIVE_SC)), c.receiveScs().get(sci).sc().values().keySet());
        assertEquals(Set.copyOf(Counter.of(Counter.Scope.RECEIVE_SA)),
                c.receiveScs().get(sci).sas().get(0).values().keySet());
    }

    @Test
    void countersAfterAnEchoExchange() throws IOException {
        SecYCounters c = IpMacsecParser.parse(sample("after-echo-gcm-aes-128.txt"), "macsec0");
        long sci = Sci.parse("5254000000010001");
        assertEquals(OptionalLong.of(1), c.receiveSc(sci, Counter.IN_PKTS_OK));
        assertEquals(OptionalLong.of(1), c.receiveSa(sci, 0, Counter.IN_PKTS_OK));
        assertEquals(OptionalLong.of(82), c.receiveSc(sci, Counter.IN_OCTETS_DECRYPTED));
        assertEquals(OptionalLong.of(1), c.transmitSc(Counter.OUT_PKTS_ENCRYPTED));
        assertEquals(OptionalLong.of(1), c.transmitSa(0, Counter.OUT_PKTS_ENCRYPTED));
        assertEquals(OptionalLong.of(0), c.secY(Counter.IN_PKTS_NO_TAG));
        assertEquals(OptionalLong.of(1), c.receiveScTotal(Counter.IN_PKTS_OK));
    }

    /** A device that does not print a counter has not reported it: absent, not a made-up value. */
    @Test
    void aCounterTheDeviceOmitsIsAbsent() throws IOException {
        String withoutOverrun = sample("after-echo-gcm-aes-128.txt")
                .replace(" InPktsNoSCI InPktsOverrun\n", " InPktsNoSCI\n")
                .replaceFirst("(?m)^( +0 +0 +0 +0 +0 +0 +0) +0$", "$1");
        String withoutLate = withoutOverrun
                .replace(" InPktsInvalid InPktsLate InPktsNotValid", " InPktsInvalid InPktsNotValid")
                .replaceFirst("(?m)^( +0 +82 +0 +0 +1 +0) +0( +0 +0 +0)$", "$1$2");
        SecYCounters c = IpMacsecParser.parse(withoutLate, "macsec0");
        long sci = Sci.parse("5254000000010001");
        assertEquals(OptionalLong.empty(), c.secY(Counter.IN_PKTS_OVERRUN));
        assertEquals(OptionalLong.of(0), c.secY(Counter.IN_PKTS_NO_SCI));
        assertEquals(OptionalLong.empty(), c.receiveSc(sci, Counter.IN_PKTS_LATE));
        assertEquals(OptionalLong.empty(), c.receiveScTotal(Counter.IN_PKTS_LATE));
        assertEquals(OptionalLong.of(1), c.receiveSc(sci, Counter.IN_PKTS_OK));
        assertEquals(OptionalLong.of(82), c.receiveSc(sci, Counter.IN_OCTETS_DECRYPTED));
        assertFalse(c.receiveScs().get(sci).sc().values().containsValue(-1L));
    }

    @Test
    void mismatchedTableIsAnInputError() throws IOException {
        String broken = sample("zero-two-secys.txt").replaceFirst("(?m)^( +0 +0 +0 +0 +0 +0 +0) +0\\s*$", "$1");
        InputException e = assertThrows(InputException.class, () -> IpMacsecParser.parse(broken));
        assertTrue(e.getMessage().contains("8 counter names but 7 values"), e.getMessage());
        assertThrows(InputException.class, () -> IpMacsecParser.parse(sample("zero-two-secys.txt"), "macsec9"));
    }

    @Test
    void aNameThatIsNoCounterOrInTheWrongTableIsAnInputError() throws IOException {
        String sample = sample("after-echo-gcm-aes-128.txt");
        InputException unknown = assertThrows(InputException.class,
                () -> IpMacsecParser.parse(sample.replace("InPktsOverrun", "InPktsOverflow")));
        assertEquals("ip -s macsec show, line 4: 'InPktsOverflow' is not an 802.1AE counter", unknown.getMessage());
        // 802.1AE keeps InPktsLate per receive SC only, never per SA (the MIB's secyRxSAStatsTable has no Late)
        String lateOnSa = sample.replace("stats: InPktsOK InPktsInvalid InPktsNotValid InPktsNotUsingSA InPktsUnusedSA",
                "stats: InPktsOK InPktsInvalid InPktsLate InPktsNotUsingSA InPktsUnusedSA");
        InputException misplaced = assertThrows(InputException.class, () -> IpMacsecParser.parse(lateOnSa));
        assertTrue(misplaced.getMessage().startsWith("ip -s macsec show, line 15: InPktsLate in the RX SA table"),
                misplaced.getMessage());
    }

    private static Set<String> names(CounterValues values) {
        return values.values().keySet().stream().map(Counter::managedObject).collect(Collectors.toSet());
    }
}
