package dev.macsec.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Set;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class MainTest {
    @Test
    void aLoneVersionOptionBuildsOnlyTheRootAndPrintsTheVersion() {
        for (String option : new String[] {"--version", "-V"}) {
            String[] args = {option};
            CommandLine cli = Main.commandLineFor(args);
            StringWriter out = new StringWriter();
            cli.setOut(new PrintWriter(out));

            assertEquals(Main.EXIT_OK, cli.execute(args));
            assertTrue(cli.getSubcommands().isEmpty(), option);
            assertTrue(out.toString().startsWith("macsec "), out.toString());
        }
    }

    @Test
    void aNamedSubcommandIsBuiltAloneAndEverythingElseGetsTheWholeTree() {
        assertEquals(Set.of("analyze"), Main.commandLineFor(new String[] {"analyze", "x.pcap"}).getSubcommands().keySet());
        for (String[] args : new String[][] {{}, {"--help"}, {"help", "analyze"}, {"analyse"}, {"--version", "analyze"}}) {
            assertTrue(Main.commandLineFor(args).getSubcommands().keySet().containsAll(Set.of("analyze", "capture", "keys")),
                    String.join(" ", args));
        }
    }

    /**
     * Every command answers {@code -h} and {@code --help} with its usage and unbroken examples, exit 0 ({@code -V}
     * means the detail tree in analyze and capture, so their help is {@code -h}/{@code --help} alone).
     */
    @Test
    void everyCommandAnswersHelpWithItsUsageAndExamples() {
        for (String command : new String[] {"analyze", "capture", "keys", "keys derive", "keys from-msk", "keys check", "fields",
            "profiles", "interfaces"}) {
            for (String help : new String[] {"--help", "-h"}) {
                String[] args = (command + " " + help).split(" ");
                CommandLine cli = Main.commandLineFor(args);
                StringWriter out = new StringWriter();
                cli.setOut(new PrintWriter(out));
                cli.setErr(new PrintWriter(new StringWriter()));

                assertEquals(Main.EXIT_OK, cli.execute(args), command + " " + help);
                String text = out.toString();
                assertTrue(text.startsWith("Usage: macsec " + command), text);
                int examples = text.indexOf("\nExample");
                assertTrue(examples >= 0, "no example in the help of " + command);
                // picocli wraps a line longer than its 80 columns at column 0, which breaks a command in the middle
                for (String line : text.substring(examples + 1).split("\n")) {
                    assertTrue(line.startsWith("Example") || line.startsWith("  "), command + ": example wrapped at: " + line);
                }
            }
        }
    }

    @Test
    void analyzeHelpListsEveryAnalysisOptionWithItsDefaultAndTheExamples() {
        String[] args = {"analyze", "--help"};
        CommandLine cli = Main.commandLineFor(args);
        StringWriter out = new StringWriter();
        cli.setOut(new PrintWriter(out));
        cli.execute(args);
        String help = out.toString();
        for (String expected : new String[] {"FILE...", "--keys=KEYS.json", "--sak=HEX", "--cak=CKN:CAK", "--validate=MODE",
            "default ieee", "--replay-window=N", "--no-replay", "--offset=N", "--profile=NAME",
            "-V  ", "-Y=FILTER", "-T=FORMAT", "-w=OUT.pcap", "--keep-failed", "--threads=N", "--show-keys", "-q, --quiet",
            "Examples:"}) {
            assertTrue(help.contains(expected), expected + " in\n" + help);
        }
    }

    @Test
    void aMissingCaptureFileIsAUsageErrorNotACrash() {
        String[] args = {"analyze"};
        CommandLine cli = Main.commandLineFor(args);
        StringWriter err = new StringWriter();
        cli.setErr(new PrintWriter(err, true));

        assertEquals(Main.EXIT_USAGE, cli.execute(args));
        assertEquals("macsec: Missing required parameter: 'FILE'\nTry 'macsec analyze --help' for more information.",
                err.toString().strip());
    }

    /** A command line that does not parse is what is wrong, suggestions for a mistyped name and where help is; no usage dump. */
    @Test
    void aBadCommandLineIsOneLineWithSuggestionsAndAPointerToTheHelp() {
        String[][] cases = {
            {"analyze x.pcap --bogus", "macsec: Unknown option: '--bogus'\nTry 'macsec analyze --help' for more information."},
            {"analyze x.pcap --threads x",
                "macsec: Invalid value for option '--threads': 'x' is not an int\nTry 'macsec analyze --help' for more information."},
            {"analyse x.pcap", "Did you mean: macsec analyze"},
        };
        for (String[] c : cases) {
            String[] args = c[0].split(" ");
            CommandLine cli = Main.commandLineFor(args);
            StringWriter err = new StringWriter();
            cli.setErr(new PrintWriter(err, true));

            assertEquals(Main.EXIT_USAGE, cli.execute(args), c[0]);
            assertTrue(err.toString().contains(c[1]), err.toString());
            assertTrue(!err.toString().contains("Usage:"), err.toString());
        }
        // a bare "macsec" is shown how to use it
        CommandLine cli = Main.commandLineFor(new String[0]);
        StringWriter err = new StringWriter();
        cli.setErr(new PrintWriter(err, true));
        assertEquals(Main.EXIT_USAGE, cli.execute());
        assertTrue(err.toString().startsWith("Usage: macsec"), err.toString());
    }

    @Test
    void anUnwritableOutputIsOneLineNamingTheFileNotAStackTrace() {
        String[] args = {"analyze", dev.macsec.testing.ProjectFiles.pcap("linux-dut/static-sa.pcap").toString(), "-q",
            "-w", "/nonexistent-macsec-dir/out.pcap"};
        CommandLine cli = Main.commandLineFor(args);
        StringWriter err = new StringWriter();
        cli.setErr(new PrintWriter(err, true));
        cli.setOut(new PrintWriter(new StringWriter()));

        assertEquals(Main.EXIT_USAGE, cli.execute(args));
        assertEquals("macsec: /nonexistent-macsec-dir/out.pcap: no such file or directory", err.toString().strip());
    }

    @Test
    void onlyUserProblemsBecomeOneLineMessages() {
        assertEquals("x: permission denied", Main.userMessage(new java.nio.file.AccessDeniedException("x")));
        assertEquals(null, Main.userMessage(new IllegalStateException("a defect keeps its stack trace")));
    }
}
