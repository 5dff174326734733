package dev.macsec.conformance.device;

import dev.macsec.error.InputException;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parses {@code ip -s macsec show} of iproute2 6.1. Its layout: an interface line
 * ({@code "4: macsec0: protect on ..."}), a TXSC line followed by the SecY's stats table and then the
 * TX SC's, per TX SA
 * a line {@code "0: PN 1, state on, key ..."} and its table, then per RXSC the same. Each table is a
 * {@code stats:} line of names and a line of values in the same order. iproute2's names are the
 * 802.1AE names.
 */
public final class IpMacsecParser {
    private static final Pattern IFACE = Pattern.compile("^(\\d+): ([^:@\\s]+)(?:@\\S+)?: .*");
    private static final Pattern TXSC = Pattern.compile("^\\s*TXSC: ([0-9a-fA-F]{16}).*");
    private static final Pattern RXSC = Pattern.compile("^\\s*RXSC: ([0-9a-fA-F]{16}).*");
    private static final Pattern SA = Pattern.compile("^\\s+(\\d): (?:PN|XPN) .*");
    private static final Pattern STATS = Pattern.compile("^\\s*stats:((?:\\s+\\w+)+)\\s*$");

    private IpMacsecParser() {
    }

    /** Counters of every SecY in the output, by interface name, in output order. */
    public static Map<String, MacsecCounters> parse(String output) {
        Map<String, MacsecCounters> result = new LinkedHashMap<>();
        List<String> lines = output.lines().toList();
        Builder current = null;
        String currentName = null;
        // which table the next stats line belongs to
        Target target = null;
        int an = -1;
        long sci = 0;
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            Matcher m;
            if ((m = IFACE.matcher(line)).matches()) {
                if (current != null) {
                    result.put(currentName, current.build());
                }
                current = new Builder();
                currentName = m.group(2);
                target = Target.SECY;
            } else if (current == null) {
                continue;
            } else if (TXSC.matcher(line).matches()) {
                target = Target.TXSC;
            } else if ((m = RXSC.matcher(line)).matches()) {
                sci = Long.parseUnsignedLong(m.group(1), 16);
                current.rxSc(sci);
                target = Target.RXSC;
            } else if ((m = SA.matcher(line)).matches()) {
                an = Integer.parseInt(m.group(1));
                target = target == Target.TXSC || target == Target.TXSA ? Target.TXSA : Target.RXSA;
            } else if ((m = STATS.matcher(line)).matches()) {
                String[] names = m.group(1).trim().split("\\s+");
                if (i + 1 >= lines.size()) {
                    throw new InputException("ip -s macsec show, line " + (i + 1) + ": stats names without values");
                }
                String[] values = lines.get(++i).trim().split("\\s+");
                if (values.length != names.length) {
                    throw new InputException("ip -s macsec show, line " + (i + 1) + ": " + names.length
                            + " counter names but " + values.length + " values");
                }
                Map<String, Long> table = new LinkedHashMap<>();
                for (int k = 0; k < names.length; k++) {
                    try {
                        table.put(names[k], Long.parseUnsignedLong(values[k]));
                    } catch (NumberFormatException e) {
                        throw new InputException("ip -s macsec show, line " + (i + 1) + ": counter "
                                + names[k] + " is not a number: '" + values[k] + "'");
                    }
                }
                if (target == null) {
                    throw new InputException("ip -s macsec show, line " + i + ": stats outside a SecY");
                }
                // iproute2 prints the SecY table after the TXSC line, before the TX SC's own table
                Target into = target == Target.TXSC && table.containsKey("OutPktsUntagged") ? Target.SECY : target;
                switch (into) {
                    case SECY -> current.secY.putAll(table);
                    case TXSC -> current.txSc.putAll(table);
                    case TXSA -> current.txSa.computeIfAbsent(an, k -> new LinkedHashMap<>()).putAll(table);
                    case RXSC -> current.rxScCounters.get(sci).putAll(table);
                    case RXSA -> current.rxSaCounters.get(sci).computeIfAbsent(an, k -> new LinkedHashMap<>())
                            .putAll(table);
                }
            }
        }
        if (current != null) {
            result.put(currentName, current.build());
        }
        return result;
    }

    /** Counters of one SecY; an InputException if the output does not show it. */
    public static MacsecCounters parse(String output, String interfaceName) {
        MacsecCounters c = parse(output).get(interfaceName);
        if (c == null) {
            throw new InputException("ip -s macsec show: no SecY named " + interfaceName);
        }
        return c;
    }

    private enum Target { SECY, TXSC, TXSA, RXSC, RXSA }

    private static final class Builder {
        final Map<String, Long> secY = new LinkedHashMap<>();
        final Map<String, Long> txSc = new LinkedHashMap<>();
        final Map<Integer, Map<String, Long>> txSa = new LinkedHashMap<>();
        final Map<Long, Map<String, Long>> rxScCounters = new LinkedHashMap<>();
        final Map<Long, Map<Integer, Map<String, Long>>> rxSaCounters = new LinkedHashMap<>();
        final List<Long> order = new ArrayList<>();

        void rxSc(long sci) {
            rxScCounters.putIfAbsent(sci, new LinkedHashMap<>());
            rxSaCounters.putIfAbsent(sci, new LinkedHashMap<>());
            order.add(sci);
        }

        MacsecCounters build() {
            Map<Long, MacsecCounters.RxSc> rx = new LinkedHashMap<>();
            for (long sci : order) {
                Map<Integer, Map<String, Long>> sas = new LinkedHashMap<>();
                rxSaCounters.get(sci).forEach((an, m) -> sas.put(an, Collections.unmodifiableMap(m)));
                rx.put(sci, new MacsecCounters.RxSc(sci, Collections.unmodifiableMap(rxScCounters.get(sci)),
                        Collections.unmodifiableMap(sas)));
            }
            Map<Integer, Map<String, Long>> tx = new LinkedHashMap<>();
            txSa.forEach((an, m) -> tx.put(an, Collections.unmodifiableMap(m)));
            return new MacsecCounters(Collections.unmodifiableMap(secY), Collections.unmodifiableMap(txSc),
                    Collections.unmodifiableMap(tx), Collections.unmodifiableMap(rx));
        }
    }
}
