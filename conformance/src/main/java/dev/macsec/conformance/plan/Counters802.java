package dev.macsec.conformance.plan;

import dev.macsec.counter.Counter;
import dev.macsec.counter.ScCounters;
import dev.macsec.counter.SecYCounters;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The receive counters a plan may name, per scope, as the plan writes them (their 802.1AE managed-object names, from
 * {@link Counter}), and the flat keys ("secy.InPktsNoTag", "rxsc.InPktsOK", "rxsa0.InPktsOK") under which a run's
 * expected and observed counters are compared.
 */
public final class Counters802 {
    public static final List<String> SECY = names(Counter.Scope.SECY);
    public static final List<String> RX_SC = names(Counter.Scope.RECEIVE_SC);
    public static final List<String> RX_SA = names(Counter.Scope.RECEIVE_SA);

    private Counters802() {
    }

    private static List<String> names(Counter.Scope scope) {
        return Counter.of(scope).stream().filter(Counter::received).map(Counter::managedObject).toList();
    }

    public static boolean octets(String name) {
        return name.equals(Counter.IN_OCTETS_VALIDATED.managedObject()) || name.equals(Counter.IN_OCTETS_DECRYPTED.managedObject());
    }

    public static String secyKey(String name) {
        return "secy." + name;
    }

    public static String rxScKey(String name) {
        return "rxsc." + name;
    }

    public static String rxSaKey(int an, String name) {
        return "rxsa" + an + "." + name;
    }

    /**
     * The receive counters a SecY reports for receive SC {@code sci}, under the flat keys; a counter it does not report
     * is absent.
     */
    public static Map<String, Long> flatten(SecYCounters c, long sci) {
        Map<String, Long> m = new LinkedHashMap<>();
        c.secY().values().forEach((k, v) -> {
            if (k.received()) {
                m.put(secyKey(k.managedObject()), v);
            }
        });
        ScCounters sc = c.receiveScs().get(sci);
        if (sc != null) {
            sc.sc().values().forEach((k, v) -> m.put(rxScKey(k.managedObject()), v));
            sc.sas().forEach((an, sa) -> sa.values().forEach((k, v) -> m.put(rxSaKey(an, k.managedObject()), v)));
        }
        return m;
    }
}
