package dev.macsec.counter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.management.ManagementFactory;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class CounterTest {
    /**
     * Which managed object keeps which counter, as IEEE 802.1AE-2018 lays them out: its MIB (clause 13) has one
     * statistics table per level, secyStatsTable (SecY), secyTxSCStatsTable, secyTxSAStatsTable, secyRxSCStatsTable
     * and secyRxSAStatsTable; the 10.7 names of their objects are these.
     */
    private static final Map<Counter.Scope, Set<String>> STANDARD = Map.of(
            Counter.Scope.SECY, Set.of("OutPktsUntagged", "OutPktsTooLong", "InPktsUntagged", "InPktsNoTag",
                    "InPktsBadTag", "InPktsUnknownSCI", "InPktsNoSCI", "InPktsOverrun"),
            Counter.Scope.TRANSMIT_SC, Set.of("OutPktsProtected", "OutPktsEncrypted", "OutOctetsProtected",
                    "OutOctetsEncrypted"),
            Counter.Scope.TRANSMIT_SA, Set.of("OutPktsProtected", "OutPktsEncrypted"),
            Counter.Scope.RECEIVE_SC, Set.of("InPktsUnusedSA", "InPktsNotUsingSA", "InPktsLate", "InPktsNotValid",
                    "InPktsInvalid", "InPktsDelayed", "InPktsUnchecked", "InPktsOK", "InOctetsValidated",
                    "InOctetsDecrypted"),
            Counter.Scope.RECEIVE_SA, Set.of("InPktsUnusedSA", "InPktsNotUsingSA", "InPktsNotValid", "InPktsInvalid",
                    "InPktsOK"));

    @Test
    void eachManagedObjectKeepsTheStandardsCounters() {
        for (Counter.Scope scope : Counter.Scope.values()) {
            assertEquals(STANDARD.get(scope),
                    Counter.of(scope).stream().map(Counter::managedObject).collect(Collectors.toSet()), scope.name());
        }
        Set<String> all = STANDARD.values().stream().flatMap(Set::stream).collect(Collectors.toSet());
        assertEquals(22, all.size());
        assertEquals(all.size(), Counter.values().length, "one constant per 802.1AE counter");
    }

    @Test
    void namesFindTheirCounterExactly() {
        for (Counter c : Counter.values()) {
            assertEquals(Optional.of(c), Counter.named(c.managedObject()));
            assertEquals(c.managedObject().startsWith("In"), c.received(), c.managedObject());
        }
        assertEquals(Optional.empty(), Counter.named("inpktsok"));
        assertEquals(Optional.empty(), Counter.named("InPktsOverflow"));
    }

    @Test
    void aCounterNotReportedIsAbsent() {
        Map<Counter, Long> m = new EnumMap<>(Counter.class);
        m.put(Counter.IN_PKTS_OK, 3L);
        CounterValues v = new CounterValues(m);
        assertEquals(OptionalLong.of(3), v.get(Counter.IN_PKTS_OK));
        assertEquals(OptionalLong.empty(), v.get(Counter.IN_PKTS_LATE));
        assertFalse(v.reports(Counter.IN_PKTS_LATE));
        m.put(Counter.IN_PKTS_LATE, 1L);
        assertEquals(OptionalLong.empty(), v.get(Counter.IN_PKTS_LATE), "a snapshot does not follow its source");
        assertThrows(UnsupportedOperationException.class, () -> v.values().put(Counter.IN_PKTS_LATE, 1L));

        SecYCounters c = new SecYCounters(CounterValues.NONE, Map.of(7L, new ScCounters(v, Map.of(0, v))),
                Optional.empty());
        assertEquals(OptionalLong.of(3), c.receiveSa(7, 0, Counter.IN_PKTS_OK));
        assertEquals(OptionalLong.empty(), c.receiveSa(7, 1, Counter.IN_PKTS_OK), "no SA 1");
        assertEquals(OptionalLong.empty(), c.receiveSc(8, Counter.IN_PKTS_OK), "no SC 8");
        assertEquals(OptionalLong.empty(), c.transmitSc(Counter.OUT_PKTS_PROTECTED), "no transmit side");
        assertEquals(OptionalLong.empty(), c.secY(Counter.IN_PKTS_NO_TAG));
        assertEquals(OptionalLong.empty(), c.receiveScTotal(Counter.IN_PKTS_LATE));
    }

    @Test
    void aCounterOnlyWhereTheStandardKeepsIt() {
        CounterValues late = new CounterValues(Map.of(Counter.IN_PKTS_LATE, 1L));
        CounterValues protectedPkts = new CounterValues(Map.of(Counter.OUT_PKTS_PROTECTED, 1L));
        // no per-SA InPktsLate, no SecY-level OutPktsProtected, no receive counter on the transmit side
        assertThrows(IllegalArgumentException.class, () -> new SecYCounters(CounterValues.NONE,
                Map.of(1L, new ScCounters(CounterValues.NONE, Map.of(0, late))), Optional.empty()));
        assertThrows(IllegalArgumentException.class,
                () -> new SecYCounters(protectedPkts, Map.of(), Optional.empty()));
        assertThrows(IllegalArgumentException.class,
                () -> new SecYCounters(CounterValues.NONE, Map.of(), Optional.of(new ScCounters(late))));
        new SecYCounters(CounterValues.NONE, Map.of(1L, new ScCounters(late)),
                Optional.of(new ScCounters(protectedPkts, Map.of(3, protectedPkts))));
        assertThrows(IllegalArgumentException.class, () -> new ScCounters(late, Map.of(4, late)), "AN 4");
    }

    @Test
    void liveCountersReportTheirCountersOnly() {
        LiveCounters live = new LiveCounters(List.of(Counter.OUT_PKTS_UNTAGGED));
        live.increment(Counter.OUT_PKTS_UNTAGGED);
        live.add(Counter.OUT_PKTS_UNTAGGED, 2);
        assertEquals(Map.of(Counter.OUT_PKTS_UNTAGGED, 3L), live.snapshot().values());
        assertEquals(Set.copyOf(Counter.of(Counter.Scope.RECEIVE_SA)),
                new LiveCounters(Counter.Scope.RECEIVE_SA).snapshot().values().keySet());
    }

    /** Counted for every frame: counting must not allocate (snapshots may). */
    @Test
    void countingDoesNotAllocate() {
        var threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        assertTrue(threads.isThreadAllocatedMemorySupported() && threads.isThreadAllocatedMemoryEnabled());
        LiveCounters live = new LiveCounters(Counter.Scope.RECEIVE_SC);
        Counter[] packets = Counter.of(Counter.Scope.RECEIVE_SA).toArray(Counter[]::new);
        long tid = Thread.currentThread().getId();
        long before = threads.getThreadAllocatedBytes(tid);
        for (int i = 0; i < 1_000_000; i++) {
            live.increment(packets[i % packets.length]);
            live.add(Counter.IN_OCTETS_DECRYPTED, 100);
        }
        long allocated = threads.getThreadAllocatedBytes(tid) - before;
        assertTrue(allocated < 4096, allocated + " bytes allocated by 2,000,000 counts");
        assertEquals(1_000_000L / packets.length, live.get(Counter.IN_PKTS_OK));
        assertEquals(100_000_000L, live.get(Counter.IN_OCTETS_DECRYPTED));
    }
}
