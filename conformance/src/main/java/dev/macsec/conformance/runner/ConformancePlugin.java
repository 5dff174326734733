package dev.macsec.conformance.runner;

import dev.macsec.cli.CommandPlugin;

/** Registers {@code macsec conformance} with the analyzer's CLI (ServiceLoader). */
public final class ConformancePlugin implements CommandPlugin {
    @Override
    public String name() {
        return "conformance";
    }

    @Override
    public Object command() {
        return new ConformanceCommand();
    }
}
