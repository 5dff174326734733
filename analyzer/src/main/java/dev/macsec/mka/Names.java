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
        return dev.macsec.field.FieldFormat.mac(mac);
    }

    static String participant(long sci, Bytes mi) {
        return "SCI " + sci(sci) + " (MI " + mi.hex() + ")";
    }

    static String seconds(long nanos) {
        return String.format(java.util.Locale.ROOT, "%.3f s", nanos / 1e9);
    }
}
