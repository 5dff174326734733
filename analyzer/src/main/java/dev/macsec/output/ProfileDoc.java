package dev.macsec.output;

import dev.macsec.secy.Deviation;
import dev.macsec.secy.ReceiveProfile;
import java.util.Arrays;
import java.util.List;

/** The documentation of the receive profiles, rendered from {@link Deviation}'s own data (README section, CLI). */
public final class ProfileDoc {
    private ProfileDoc() {
    }

    /** The README's "Where Linux departs from 802.1AE" table: one row per deviation, one column per kernel. */
    public static String markdown() {
        return markdown(ReceiveProfile.KERNELS);
    }

    static String markdown(List<ReceiveProfile> kernels) {
        StringBuilder sb = new StringBuilder("| # | switch | 802.1AE-2018 clause | what Linux does instead |");
        StringBuilder rule = new StringBuilder("|---|---|---|---|");
        for (ReceiveProfile k : kernels) {
            sb.append(" ").append(kernel(k)).append(" (`--profile ").append(k.name()).append("`) |");
            rule.append(":-:|");
        }
        sb.append(" shown on the device by |\n");
        rule.append("---|\n");
        sb.append(rule);
        int n = 1;
        for (Deviation d : shownBy(kernels)) {
            sb.append("| ").append(n++).append(" | `").append(d.name()).append("` | ").append(d.clause()).append(" | ")
                    .append(d.text().replace("|", "\\|")).append(" |");
            for (ReceiveProfile k : kernels) {
                sb.append(k.has(d) ? " yes |" : " no |");
            }
            sb.append(" case `").append(d.conformanceCase()).append("` |\n");
        }
        return sb.toString();
    }

    /** The deviations any of these kernels shows, in declaration order. */
    private static List<Deviation> shownBy(List<ReceiveProfile> kernels) {
        return Arrays.stream(Deviation.values()).filter(d -> kernels.stream().anyMatch(k -> k.has(d))).toList();
    }

    /** "Linux 6.12" for profile linux-6.12. */
    private static String kernel(ReceiveProfile p) {
        return "Linux " + p.name().substring(p.name().indexOf('-') + 1);
    }

    /** The same for a terminal. */
    public static String text() {
        StringBuilder sb = new StringBuilder();
        sb.append(String.format("%-11s %s%n", "ieee", "IEEE 802.1AE-2018 as written (the default)"));
        for (ReceiveProfile k : ReceiveProfile.KERNELS) {
            sb.append(String.format("%-11s %s (drivers/net/macsec.c)%s%n", k.name(), kernel(k),
                    k == ReceiveProfile.LINUX ? "; also \"linux\"" : ""));
        }
        sb.append("\nThe ways they depart from the standard:\n");
        for (Deviation d : shownBy(ReceiveProfile.KERNELS)) {
            sb.append("\n  ").append(d.name()).append(" (802.1AE ").append(d.clause()).append("; ")
                    .append(String.join(", ", ReceiveProfile.KERNELS.stream().filter(k -> k.has(d))
                            .map(ReceiveProfile::name).toList())).append(")\n");
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
