package dev.macsec.mka;

import dev.macsec.field.Bytes;
import dev.macsec.field.FieldFormat;

/** How findings and timeline texts name things. */
final class Names {
    private Names() {
    }

    static String sci(long sci) {
        return FieldFormat.sci(sci);
    }

    static String mac(long mac) {
        return FieldFormat.mac(mac);
    }

    static String participant(long sci, Bytes mi) {
        return "SCI " + sci(sci) + " (MI " + mi.hex() + ")";
    }

    static String seconds(long nanos) {
        return String.format(java.util.Locale.ROOT, "%.3f s", nanos / 1e9);
    }
}
