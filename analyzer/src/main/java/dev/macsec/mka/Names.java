package dev.macsec.mka;

import dev.macsec.field.Bytes;

/** How findings and timeline texts name things. */
final class Names {
    private Names() {
    }

    static String sci(long sci) {
        return String.format("%016x", sci);
    }

    static String mac(long mac) {
        StringBuilder b = new StringBuilder(17);
        for (int i = 5; i >= 0; i--) {
            b.append(String.format("%02x", (mac >>> (8 * i)) & 0xff));
            if (i > 0) {
                b.append(':');
            }
        }
        return b.toString();
    }

    static String participant(long sci, Bytes mi) {
        return "SCI " + sci(sci) + " (MI " + mi.hex() + ")";
    }

    static String seconds(long nanos) {
        return String.format(java.util.Locale.ROOT, "%.3f s", nanos / 1e9);
    }
}
