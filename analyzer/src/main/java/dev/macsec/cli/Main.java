package dev.macsec.cli;

import dev.macsec.error.InputException;
import java.util.ServiceLoader;
import picocli.CommandLine;
import picocli.CommandLine.Command;

@Command(name = "macsec",
        mixinStandardHelpOptions = true,
        version = "macsec 0.1.0",
        description = "MACsec (IEEE 802.1AE) and MKA (IEEE 802.1X) analyzer and conformance suite.",
        subcommands = {AnalyzeCommand.class, CaptureCommand.class, FieldsCommand.class, KeysCommand.class, ProfilesCommand.class,
            InterfacesCommand.class,
            picocli.AutoComplete.GenerateCompletion.class, CommandLine.HelpCommand.class})
public final class Main {

    /** Exit codes shared by every subcommand. */
    public static final int EXIT_OK = 0;
    public static final int EXIT_FINDINGS = 1;
    public static final int EXIT_USAGE = 2;

    public static void main(String[] args) {
        EarlyWarmUp.startIfWorthwhile(args);
        System.exit(run(args));
    }

    public static int run(String... args) {
        return commandLine().execute(args);
    }

    public static CommandLine commandLine() {
        CommandLine cli = new CommandLine(new Main());
        for (CommandPlugin plugin : ServiceLoader.load(CommandPlugin.class)) {
            cli.addSubcommand(plugin.name(), plugin.command());
        }
        cli.setExecutionExceptionHandler((ex, commandLine, parseResult) -> {
            if (ex instanceof InputException) {
                commandLine.getErr().println("macsec: " + ex.getMessage());
                return EXIT_USAGE;
            }
            throw ex;
        });
        cli.setExitCodeExceptionMapper(ex -> EXIT_USAGE);
        return cli;
    }
}
