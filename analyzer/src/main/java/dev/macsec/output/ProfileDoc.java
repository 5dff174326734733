package dev.macsec.output;

import dev.macsec.secy.Deviation;
import dev.macsec.secy.ReceiveProfile;

/** The documentation of the receive profiles, rendered from {@link Deviation}'s own data (README section, CLI). */
public final class ProfileDoc {
    private ProfileDoc() {
    }

    /** The README's "Where Linux departs from 802.1AE" table. */
    public static String markdown() {
        StringBuilder sb = new StringBuilder();
        sb.append("| # | `--profile linux` switch | 802.1AE-2018 clause | what Linux 6.1 does instead | shown on the device by |\n");
        sb.append("|---|---|---|---|---|\n");
        int n = 1;
        for (Deviation d : linux()) {
            sb.append("| ").append(n++).append(" | `").append(d.name()).append("` | ").append(d.clause()).append(" | ")
                    .append(d.text().replace("|", "\\|")).append(" | case `").append(d.conformanceCase()).append("` |\n");
        }
        return sb.toString();
    }

    private static java.util.List<Deviation> linux() {
        return java.util.Arrays.stream(Deviation.values()).filter(ReceiveProfile.LINUX::has).toList();
    }

    /** The same for a terminal. */
    public static String text() {
        StringBuilder sb = new StringBuilder();
        sb.append("ieee   IEEE 802.1AE-2018 as written (the default)\n");
        sb.append("linux  Linux 6.1 (drivers/net/macsec.c), departing from the standard in these ways:\n");
        for (Deviation d : linux()) {
            sb.append("\n  ").append(d.name()).append(" (802.1AE ").append(d.clause()).append(")\n");
            sb.append(wrap(d.text(), "    ")).append("    shown by conformance case ").append(d.conformanceCase()).append('\n');
        }
        return sb.toString();
    }

    private static String wrap(String text, String indent) {
        StringBuilder out = new StringBuilder();
        StringBuilder line = new StringBuilder(indent);
        for (String word : text.split(" ")) {
            if (line.length() + word.length() + 1 > 100 && line.length() > indent.length()) {
                out.append(line).append('\n');
                line = new StringBuilder(indent);
            }
            if (line.length() > indent.length()) {
                line.append(' ');
            }
            line.append(word);
        }
        return out.append(line).append('\n').toString();
    }
}
