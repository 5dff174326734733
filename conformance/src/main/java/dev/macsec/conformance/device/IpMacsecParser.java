package dev.macsec.conformance.device;

import dev.macsec.counter.Counter;
import dev.macsec.counter.CounterValues;
import dev.macsec.counter.ScCounters;
import dev.macsec.counter.SecYCounters;
import dev.macsec.error.InputException;

import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parses {@code ip -s macsec show} of iproute2 6.1. Its layout: an interface line
 * ({@code "4: macsec0: protect on ..."}), a TXSC line followed by the SecY's stats table and then the
 * TX SC's, per TX SA
 * a line {@code "0: PN 1, state on, key ..."} and its table, then per RXSC the same. Each table is a
 * {@code stats:} line of names and a line of values in the same order. iproute2's names are the
 * 802.1AE names; a counter it does not print is absent from the result.
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
    public static Map<String, SecYCounters> parse(String output) {
        Map<String, SecYCounters> result = new LinkedHashMap<>();
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
                current.transmitSc = true;
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
                int namesLine = i + 1;
                if (i + 1 >= lines.size()) {
                    throw new InputException("ip -s macsec show, line " + (i + 1) + ": stats names without values");
                }
                String[] values = lines.get(++i).trim().split("\\s+");
                if (values.length != names.length) {
                    throw new InputException("ip -s macsec show, line " + (i + 1) + ": " + names.length
                            + " counter names but " + values.length + " values");
                }
                if (target == null) {
                    throw new InputException("ip -s macsec show, line " + namesLine + ": stats outside a SecY");
                }
                Map<Counter, Long> table = new EnumMap<>(Counter.class);
                for (int k = 0; k < names.length; k++) {
                    String name = names[k];
                    Counter counter = Counter.named(name).orElseThrow(() -> new InputException(
                            "ip -s macsec show, line " + namesLine + ": '" + name + "' is not an 802.1AE counter"));
                    try {
                        table.put(counter, Long.parseUnsignedLong(values[k]));
                    } catch (NumberFormatException e) {
                        throw new InputException("ip -s macsec show, line " + (i + 1) + ": counter "
                                + name + " is not a number: '" + values[k] + "'");
                    }
                }
                // iproute2 prints the SecY table after the TXSC line, before the TX SC's own table
                Target into = target == Target.TXSC && table.containsKey(Counter.OUT_PKTS_UNTAGGED) ? Target.SECY
                        : target;
                for (Counter counter : table.keySet()) {
                    if (!counter.in(into.scope)) {
                        throw new InputException("ip -s macsec show, line " + namesLine + ": " + counter + " in the "
                                + into.text + " table, where 802.1AE keeps no such counter");
                    }
                }
                switch (into) {
                    case SECY -> current.secY.putAll(table);
                    case TXSC -> current.txSc.putAll(table);
                    case TXSA -> current.txSa.computeIfAbsent(an, k -> new EnumMap<>(Counter.class)).putAll(table);
                    case RXSC -> current.rxScCounters.get(sci).putAll(table);
                    case RXSA -> current.rxSaCounters.get(sci).computeIfAbsent(an, k -> new EnumMap<>(Counter.class))
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
    public static SecYCounters parse(String output, String interfaceName) {
        SecYCounters c = parse(output).get(interfaceName);
        if (c == null) {
            throw new InputException("ip -s macsec show: no SecY named " + interfaceName);
        }
        return c;
    }

    private enum Target {
        SECY(Counter.Scope.SECY, "SecY"),
        TXSC(Counter.Scope.TRANSMIT_SC, "TX SC"),
        TXSA(Counter.Scope.TRANSMIT_SA, "TX SA"),
        RXSC(Counter.Scope.RECEIVE_SC, "RX SC"),
        RXSA(Counter.Scope.RECEIVE_SA, "RX SA");

        final Counter.Scope scope;
        final String text;

        Target(Counter.Scope scope, String text) {
            this.scope = scope;
            this.text = text;
        }
    }

    private static final class Builder {
        final Map<Counter, Long> secY = new EnumMap<>(Counter.class);
        final Map<Counter, Long> txSc = new EnumMap<>(Counter.class);
        final Map<Integer, Map<Counter, Long>> txSa = new TreeMap<>();
        final Map<Long, Map<Counter, Long>> rxScCounters = new LinkedHashMap<>();
        final Map<Long, Map<Integer, Map<Counter, Long>>> rxSaCounters = new LinkedHashMap<>();
        boolean transmitSc;

        void rxSc(long sci) {
            rxScCounters.putIfAbsent(sci, new EnumMap<>(Counter.class));
            rxSaCounters.putIfAbsent(sci, new TreeMap<>());
        }

        SecYCounters build() {
            Map<Long, ScCounters> rx = new LinkedHashMap<>();
            rxScCounters.forEach((sci, sc) -> rx.put(sci, ScCounters.of(sc, rxSaCounters.get(sci))));
            Optional<ScCounters> tx = transmitSc ? Optional.of(ScCounters.of(txSc, txSa)) : Optional.empty();
            return new SecYCounters(new CounterValues(secY), rx, tx);
        }
    }
}
