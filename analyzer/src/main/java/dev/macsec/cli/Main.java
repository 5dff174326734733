package dev.macsec.cli;

import dev.macsec.error.InputException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.function.Supplier;
import picocli.AutoComplete;
import picocli.CommandLine;
import picocli.CommandLine.Command;

@Command(name = "macsec",
        mixinStandardHelpOptions = true,
        version = "macsec 0.1.0",
        description = "MACsec (IEEE 802.1AE) and MKA (IEEE 802.1X) analyzer and conformance suite.")
public final class Main {

    /** Exit codes shared by every subcommand. */
    public static final int EXIT_OK = 0;
    public static final int EXIT_FINDINGS = 1;
    public static final int EXIT_USAGE = 2;

    /** The built-in subcommands, in the order {@code macsec --help} lists them; plugins follow. */
    private static final Map<String, Supplier<Object>> SUBCOMMANDS = new LinkedHashMap<>();

    static {
        SUBCOMMANDS.put("analyze", AnalyzeCommand::new);
        SUBCOMMANDS.put("capture", CaptureCommand::new);
        SUBCOMMANDS.put("fields", FieldsCommand::new);
        SUBCOMMANDS.put("keys", KeysCommand::new);
        SUBCOMMANDS.put("profiles", ProfilesCommand::new);
        SUBCOMMANDS.put("interfaces", InterfacesCommand::new);
        SUBCOMMANDS.put("generate-completion", AutoComplete.GenerateCompletion::new);
        SUBCOMMANDS.put("help", CommandLine.HelpCommand::new);
    }

    public static void main(String[] args) {
        EarlyWarmUp.startIfWorthwhile(args);
        System.exit(run(args));
    }

    public static int run(String... args) {
        return commandLine(args.length > 0 ? args[0] : null).execute(args);
    }

    /** The whole command tree: every subcommand and plugin. */
    public static CommandLine commandLine() {
        return commandLine(null);
    }

    /**
     * The command tree for a command line whose first argument is {@code first}. picocli reflects over every command
     * it is given before it parses anything (~100 ms for all of ours on a cold JVM), so when {@code first} names a
     * subcommand, only that one is built; help, completion, suggestions for a mistyped name and {@code --help} need
     * the whole tree and get it.
     */
    static CommandLine commandLine(String first) {
        List<CommandPlugin> plugins = ServiceLoader.load(CommandPlugin.class).stream().map(ServiceLoader.Provider::get).toList();
        boolean named = first != null && !first.equals("help") && !first.equals("generate-completion")
                && (SUBCOMMANDS.containsKey(first) || plugins.stream().anyMatch(p -> p.name().equals(first)));
        CommandLine cli = new CommandLine(new Main());
        SUBCOMMANDS.forEach((name, command) -> {
            if (!named || name.equals(first)) {
                cli.addSubcommand(name, command.get());
            }
        });
        for (CommandPlugin plugin : plugins) {
            if (!named || plugin.name().equals(first)) {
                cli.addSubcommand(plugin.name(), plugin.command());
            }
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
