package dev.macsec.cli;

import dev.macsec.analysis.FieldCatalog;
import dev.macsec.error.InputException;
import dev.macsec.field.ExpertInfo;
import dev.macsec.field.Field;
import java.io.PrintWriter;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code macsec fields}: every field the display filter and JSON know, from the one field table. */
@Command(name = "fields", mixinStandardHelpOptions = true,
        description = {"List the fields usable in -Y filters and found in JSON output, then the expert codes"
                + " (anomalies: severity, group, clause), each a -Y field too.",
            "Exit status: 0 fields listed, 2 no field starts with PREFIX."},
        footer = {"", "Example:", "  ./macsec fields macsec."})
public final class FieldsCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(arity = "0..1", paramLabel = "PREFIX", description = "only fields whose filter name (ours or Wireshark's) starts with this")
    String prefix;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        int listed = 0;
        for (Field f : FieldCatalog.all()) {
            if (prefix != null && !f.filterName().startsWith(prefix)
                    && (f.wiresharkName() == null || !f.wiresharkName().startsWith(prefix))) {
                continue;
            }
            listed++;
            ExpertInfo expert = ExpertInfo.lookup(f.filterName());
            if (expert != null && expert.ownField()) {
                out.printf(Locale.ROOT, "%-42s %-9s %s%n", f.filterName(), "expert", expert.describe());
                continue;
            }
            String description = expert == null ? f.description() : f.description() + "; expert: " + expert.describe();
            out.printf(Locale.ROOT, "%-42s %-9s %-34s %s%n", f.filterName(), f.type().name().toLowerCase(Locale.ROOT),
                    f.displayName(), f.wiresharkName() == null ? description
                            : description + " (Wireshark: " + f.wiresharkName() + ")");
        }
        if (listed == 0) {
            throw new InputException("no field starts with \"" + prefix + "\" ('macsec fields' lists them all)");
        }
        return Main.EXIT_OK;
    }
}
