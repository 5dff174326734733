package dev.macsec.cli;

import java.io.PrintWriter;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Help;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code macsec help [COMMAND...]}: the help of any command, nested ones too ({@code help keys derive}). picocli's own
 * help command takes one name and showed {@code keys}' help for {@code help keys derive}.
 */
@Command(name = "help", helpCommand = true,
        description = "Show the help of a command: 'macsec help keys derive' is 'macsec keys derive --help'.",
        footer = {"", "Examples:", "  ./macsec help analyze", "  ./macsec help keys derive"})
final class HelpCommand implements CommandLine.IHelpCommandInitializable2, Runnable {
    @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help message and exit.")
    boolean helpRequested;

    @Parameters(paramLabel = "COMMAND", arity = "0..*", description = "a command and its subcommands, e.g. keys derive")
    List<String> names = List.of();

    private CommandLine self;
    private Help.ColorScheme colors;
    private PrintWriter out;

    @Override
    public void init(CommandLine helpCommandLine, Help.ColorScheme colorScheme, PrintWriter outWriter, PrintWriter errWriter) {
        this.self = helpCommandLine;
        this.colors = colorScheme;
        this.out = outWriter;
    }

    @Override
    public void run() {
        CommandLine command = self.getParent();
        for (String name : names) {
            CommandLine sub = command.getSubcommands().get(name);
            if (sub == null) {
                throw new CommandLine.ParameterException(self, "'" + command.getCommandSpec().qualifiedName() + "' has no command '"
                        + name + "'", null, name);
            }
            command = sub;
        }
        command.usage(out, colors);
    }
}
