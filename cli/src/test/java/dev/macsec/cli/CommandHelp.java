package dev.macsec.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine;

/** Checks shared by the modules' tests: every command of the tree, plugins included, has help with examples. */
public final class CommandHelp {
    private CommandHelp() {
    }

    /** Every command's name path under the root ("" for the root), from the whole tree as {@code macsec --help} builds it. */
    public static List<String> everyCommand() {
        List<String> paths = new ArrayList<>();
        collect(Main.commandLine(), "", paths);
        return paths;
    }

    private static void collect(CommandLine command, String path, List<String> into) {
        into.add(path);
        command.getSubcommands().forEach((name, sub) -> collect(sub, (path + " " + name).strip(), into));
    }

    /**
     * {@code command -h} and {@code --help} give its usage and unbroken examples, exit 0 ({@code -V} means the detail tree
     * in analyze and capture, so their help is {@code -h}/{@code --help} alone); {@code --version}, where a command has
     * it, prints the product's version.
     */
    public static void assertHelpWithExamples(String command) {
        for (String help : new String[] {"--help", "-h"}) {
            String text = run((command + " " + help).strip(), 0);
            assertTrue(text.startsWith(("Usage: macsec " + command).strip()), text);
            int examples = text.indexOf("\nExample");
            assertTrue(examples >= 0, "no example in the help of '" + command + "'");
            // picocli wraps a line longer than its 80 columns at column 0, which breaks a command in the middle
            for (String line : text.substring(examples + 1).split("\n")) {
                assertTrue(line.startsWith("Example") || line.startsWith("  "), command + ": example wrapped at: " + line);
            }
        }
        if (hasVersionOption(command)) {
            assertEquals(run("--version", 0).strip(), run((command + " --version").strip(), 0).strip(), command + " --version");
        }
    }

    private static boolean hasVersionOption(String command) {
        CommandLine c = Main.commandLine();
        for (String name : command.isEmpty() ? new String[0] : command.split(" ")) {
            c = c.getSubcommands().get(name);
        }
        return c.getCommandSpec().findOption("--version") != null;
    }

    /** Runs {@code macsec args} as main does, expecting {@code exit}; returns stdout. */
    static String run(String args, int exit) {
        String[] argv = args.isEmpty() ? new String[0] : args.split(" ");
        CommandLine cli = Main.commandLineFor(argv);
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        assertEquals(exit, cli.execute(argv), "macsec " + args + ": " + err);
        return out.toString();
    }
}
