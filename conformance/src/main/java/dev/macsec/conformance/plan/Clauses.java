package dev.macsec.conformance.plan;

import java.util.Comparator;

/** Orders clause numbers the way the standard does: 9.9 before 9.12 before 10.5; unknown ("?") last. */
public final class Clauses {
    public static final Comparator<String> ORDER = Clauses::compare;

    private Clauses() {
    }

    private static int compare(String a, String b) {
        String[] x = a.split("\\.");
        String[] y = b.split("\\.");
        for (int i = 0; i < Math.min(x.length, y.length); i++) {
            int c = Long.compare(number(x[i]), number(y[i]));
            if (c != 0) {
                return c;
            }
            c = x[i].compareTo(y[i]);
            if (c != 0) {
                return c;
            }
        }
        return Integer.compare(x.length, y.length);
    }

    private static long number(String s) {
        try {
            return Long.parseLong(s);
        } catch (NumberFormatException e) {
            return Long.MAX_VALUE;
        }
    }
}
