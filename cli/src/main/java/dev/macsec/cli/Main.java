package dev.macsec.cli;

import dev.macsec.error.InputException;
import dev.macsec.keys.SafeText;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.function.Supplier;
import picocli.AutoComplete;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/** The {@code macsec} command: its tree of subcommands and the exit codes and error messages they share. */
public final class Main {

    /** Exit codes shared by every subcommand. */
    public static final int EXIT_OK = 0;
    public static final int EXIT_FINDINGS = 1;
    public static final int EXIT_USAGE = 2;

    /** The built-in subcommands, in the order {@code macsec --help} lists them; plugins follow. */
    private static final Map<String, Supplier<Object>> SUBCOMMANDS = new LinkedHashMap<>();

    static {
        SUBCOMMANDS.put("analyze", AnalyzeCommand::spec);
        SUBCOMMANDS.put("capture", CaptureCommand::spec);
        SUBCOMMANDS.put("fields", FieldsCommand::new);
        SUBCOMMANDS.put("keys", KeysCommand::new);
        SUBCOMMANDS.put("profiles", ProfilesCommand::new);
        SUBCOMMANDS.put("interfaces", InterfacesCommand::new);
        SUBCOMMANDS.put("generate-completion", Main::completion);
        SUBCOMMANDS.put("help", HelpCommand::new);
    }

    /** What {@code --version} prints, on every command that has the option. */
    static final String VERSION = "macsec 0.1.0";

    /** picocli's completion script generator, with an example like every other command. */
    private static CommandLine completion() {
        CommandLine command = new CommandLine(new AutoComplete.GenerateCompletion());
        command.getCommandSpec().usageMessage().footer("", "Example:",
                "  source <(./macsec generate-completion)   # tab completion in this bash");
        return command;
    }

    public static void main(String[] args) {
        EarlyWarmUp.startIfWorthwhile(args);
        System.exit(run(args));
    }

    public static int run(String... args) {
        return commandLineFor(args).execute(args);
    }

    /** The whole command tree: every subcommand and plugin. */
    public static CommandLine commandLine() {
        return commandLineFor(new String[0]);
    }

    /**
     * The command tree for the command line {@code args}. picocli reflects over every command it is given before it
     * parses anything (~100 ms for all of ours on a cold JVM), so when the first argument names a subcommand, only that
     * one is built, and a lone {@code --version} gets the root alone; help, completion, suggestions for a mistyped name
     * and {@code --help} need the whole tree and get it.
     */
    static CommandLine commandLineFor(String[] args) {
        String first = args.length > 0 ? args[0] : null;
        List<CommandPlugin> plugins = ServiceLoader.load(CommandPlugin.class).stream().map(ServiceLoader.Provider::get).toList();
        boolean versionOnly = args.length == 1 && (first.equals("--version") || first.equals("-V"));
        boolean named = versionOnly || first != null && !first.equals("help") && !first.equals("generate-completion")
                && (SUBCOMMANDS.containsKey(first) || plugins.stream().anyMatch(p -> p.name().equals(first)));
        CommandLine cli = new CommandLine(rootSpec());
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
        productVersion(cli);
        cli.setExecutionExceptionHandler((ex, commandLine, parseResult) -> {
            String message = userMessage(ex);
            PrintWriter err = commandLine.getErr();
            if (message == null) {
                err.println("macsec: " + Defect.describe(ex, "in '" + commandLine.getCommandSpec().qualifiedName() + "'"));
                Defect.trace(ex, err, Defect.debug());
                return EXIT_USAGE;
            }
            err.println("macsec: " + message);
            return EXIT_USAGE;
        });
        cli.setParameterExceptionHandler(Main::badCommandLine);
        cli.setExitCodeExceptionMapper(ex -> EXIT_USAGE);
        return cli;
    }

    /**
     * Subcommands built with picocli's standard help options have a {@code -V, --version} with no version text (and
     * generate-completion's is picocli's own): each prints the product's.
     */
    private static void productVersion(CommandLine command) {
        if (command.getCommandSpec().findOption("--version") != null) {
            command.getCommandSpec().version(VERSION);
        }
        for (CommandLine sub : command.getSubcommands().values()) {
            productVersion(sub);
        }
    }

    /**
     * A command line picocli cannot parse: what is wrong in one line, suggestions for a mistyped name, and where the help
     * is, rather than the whole usage after it (analyze's runs to 50 lines). A bare {@code macsec} gets the usage.
     */
    private static int badCommandLine(CommandLine.ParameterException ex, String[] args) {
        CommandLine command = ex.getCommandLine();
        PrintWriter err = command.getErr();
        if (args.length == 0) {
            command.usage(err);
            return EXIT_USAGE;
        }
        // picocli quotes the value it could not use, and a key given to the wrong option must not come back
        err.println("macsec: " + SafeText.message(ex.getMessage()));
        CommandLine.UnmatchedArgumentException.printSuggestions(ex, err);
        err.println("Try '" + command.getCommandSpec().qualifiedName() + " --help' for more information.");
        return EXIT_USAGE;
    }

    private static CommandSpec rootSpec() {
        CommandSpec root = Specs.command(new Main(), "macsec",
                new String[] {"MACsec (IEEE 802.1AE) and MKA (IEEE 802.1X) analyzer and conformance suite."},
                "", "Examples:",
                "  ./macsec analyze pcaps/linux-dut/mka.pcap --keys pcaps/linux-dut/mka-cak.json",
                "  ./macsec keys check pcaps/linux-dut/keys.json",
                "  ./macsec help analyze          # every option of a command",
                "  ./macsec conformance --suite all   # both suites against the Linux VM");
        root.version(VERSION);
        root.addOption(OptionSpec.builder("-V", "--version").versionHelp(true).description("Print version information and exit.").build());
        return root;
    }

    /**
     * The one line a user gets for a problem of theirs or of their machine (bad input, a file that cannot be read or
     * written), or null for a defect of ours, which is named in one line too ({@link Defect}).
     */
    static String userMessage(Exception ex) {
        if (ex instanceof InputException) {
            return ex.getMessage();
        }
        if (ex instanceof FileSystemException f) {
            String why = switch (f) {
                case NoSuchFileException n -> "no such file or directory";
                case AccessDeniedException a -> "permission denied";
                case FileAlreadyExistsException e -> "already exists";
                case NotDirectoryException d -> "not a directory";
                default -> f.getReason() != null ? f.getReason() : f.getClass().getSimpleName();
            };
            return f.getFile() + ": " + why + (f.getOtherFile() != null ? " (" + f.getOtherFile() + ")" : "");
        }
        if (ex instanceof IOException) {
            return ex.getMessage() != null ? ex.getMessage() : ex.getClass().getSimpleName();
        }
        return null;
    }
}
