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
        SUBCOMMANDS.put("generate-completion", AutoComplete.GenerateCompletion::new);
        SUBCOMMANDS.put("help", CommandLine.HelpCommand::new);
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
        cli.setExecutionExceptionHandler((ex, commandLine, parseResult) -> {
            String message = userMessage(ex);
            if (message == null) {
                throw ex;
            }
            commandLine.getErr().println("macsec: " + message);
            return EXIT_USAGE;
        });
        cli.setParameterExceptionHandler(Main::badCommandLine);
        cli.setExitCodeExceptionMapper(ex -> EXIT_USAGE);
        return cli;
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
                new String[] {"MACsec (IEEE 802.1AE) and MKA (IEEE 802.1X) analyzer and conformance suite."});
        root.version("macsec 0.1.0");
        root.addOption(OptionSpec.builder("-V", "--version").versionHelp(true).description("Print version information and exit.").build());
        return root;
    }

    /**
     * The one line a user gets for a problem of theirs or of their machine (bad input, a file that cannot be read or
     * written), or null for a defect of ours, which keeps its stack trace.
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
