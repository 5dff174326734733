package dev.macsec.conformance.plan;

import java.util.List;

/**
 * The receive counters of IEEE 802.1AE-2018 a plan may name, per scope (10.7.9 receive SC, 10.7.10 receive SA, and
 * the SecY's own), and the flat keys ("secy.InPktsNoTag", "rxsc.InPktsOK", "rxsa0.InPktsOK") under which a case's
 * expected and observed counters are compared. The one place that knows counter names as strings.
 */
public final class Counters802 {
    public static final List<String> SECY = List.of("InPktsUntagged", "InPktsNoTag", "InPktsBadTag", "InPktsUnknownSCI",
            "InPktsNoSCI", "InPktsOverrun");
    public static final List<String> RX_SC = List.of("InPktsOK", "InPktsUnchecked", "InPktsDelayed", "InPktsLate",
            "InPktsInvalid", "InPktsNotValid", "InPktsNotUsingSA", "InPktsUnusedSA", "InOctetsValidated",
            "InOctetsDecrypted");
    public static final List<String> RX_SA = List.of("InPktsOK", "InPktsInvalid", "InPktsNotValid", "InPktsNotUsingSA",
            "InPktsUnusedSA");

    private Counters802() {
    }

    public static boolean octets(String name) {
        return name.startsWith("InOctets");
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
}
