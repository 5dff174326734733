package dev.macsec.cli;

import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * Builds the specs of the commands that every analysis starts through (the root, {@code analyze}, {@code capture}) with
 * picocli's programmatic API: from annotations picocli would spend ~90 ms per start generating annotation proxies and
 * reflecting over fields (see {@link AnalysisArgs}). The other commands keep their annotations: they are built only
 * when named.
 */
final class Specs {
    private Specs() {
    }

    /**
     * A command running {@code command}, picocli not looking into it, with {@code -h, --help}. (Not picocli's standard
     * help mixin: its {@code -V} for the version would take {@code -V}, which here means the detail tree as in tshark.)
     */
    static CommandSpec command(Object command, String name, String[] description, String... footer) {
        CommandSpec spec = CommandSpec.wrapWithoutInspection(command).name(name);
        spec.usageMessage().description(description).footer(footer).sortOptions(false);
        spec.addOption(OptionSpec.builder("-h", "--help").usageHelp(true).description("Show this help message and exit.").build());
        return spec;
    }
}
