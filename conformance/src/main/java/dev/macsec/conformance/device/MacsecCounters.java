package dev.macsec.conformance.device;

import java.util.Map;

/**
 * A snapshot of one SecY's 802.1AE counters, by their names in the standard (InPktsOK, InPktsNotValid,
 * OutPktsProtected, ...). Maps are absent-safe through the accessors: a counter a device does not
 * report reads as -1.
 *
 * @param secY per-SecY counters (InPktsUntagged, InPktsNoTag, InPktsBadTag, InPktsUnknownSCI, InPktsNoSCI,
 *             InPktsOverrun, OutPktsUntagged, OutPktsTooLong)
 * @param txSc transmit SC counters (OutPktsProtected, OutPktsEncrypted, OutOctetsProtected, OutOctetsEncrypted)
 * @param txSa per transmit SA (by AN)
 * @param rxSc per receive SC (by SCI)
 */
public record MacsecCounters(Map<String, Long> secY, Map<String, Long> txSc, Map<Integer, Map<String, Long>> txSa,
                             Map<Long, RxSc> rxSc) {

    /** One receive SC: its own counters and its SAs' (by AN). */
    public record RxSc(long sci, Map<String, Long> counters, Map<Integer, Map<String, Long>> sa) {
        public long get(String name) {
            return counters.getOrDefault(name, -1L);
        }

        public long sa(int an, String name) {
            Map<String, Long> m = sa.get(an);
            return m == null ? -1 : m.getOrDefault(name, -1L);
        }
    }

    public long secY(String name) {
        return secY.getOrDefault(name, -1L);
    }

    public long txSc(String name) {
        return txSc.getOrDefault(name, -1L);
    }

    public long txSa(int an, String name) {
        Map<String, Long> m = txSa.get(an);
        return m == null ? -1 : m.getOrDefault(name, -1L);
    }

    public long rxSc(long sci, String name) {
        RxSc sc = rxSc.get(sci);
        return sc == null ? -1 : sc.get(name);
    }

    public long rxSa(long sci, int an, String name) {
        RxSc sc = rxSc.get(sci);
        return sc == null ? -1 : sc.sa(an, name);
    }

    /** Sum of a receive SC counter over all receive SCs (-1 if no SC reports it). */
    public long rxScTotal(String name) {
        long sum = -1;
        for (RxSc sc : rxSc.values()) {
            long v = sc.get(name);
            if (v >= 0) {
                sum = Math.max(sum, 0) + v;
            }
        }
        return sum;
    }
}
