package dev.macsec.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
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

    /** Every command of the tree, the root, help and generate-completion included, has help with examples. */
    @Test
    void everyCommandAnswersHelpWithItsUsageAndExamples() {
        List<String> commands = CommandHelp.everyCommand();
        assertTrue(commands.containsAll(List.of("", "analyze", "capture", "keys", "keys derive", "keys from-msk", "keys check",
                "fields", "profiles", "interfaces", "generate-completion", "help")), commands.toString());
        for (String command : commands) {
            CommandHelp.assertHelpWithExamples(command);
        }
    }

    /** {@code keys --help} gives {@code help keys derive} as an example: it shows derive's help, not keys'. */
    @Test
    void helpTakesANestedCommand() {
        assertTrue(CommandHelp.run("help keys derive", 0).startsWith("Usage: macsec keys derive "));
        assertTrue(CommandHelp.run("help analyze", 0).startsWith("Usage: macsec analyze "));
        assertTrue(CommandHelp.run("help", 0).startsWith("Usage: macsec "));
        String[] args = {"help", "keys", "nope"};
        CommandLine cli = Main.commandLineFor(args);
        StringWriter err = new StringWriter();
        cli.setErr(new PrintWriter(err, true));
        assertEquals(Main.EXIT_USAGE, cli.execute(args));
        assertTrue(err.toString().startsWith("macsec: 'macsec keys' has no command 'nope'\n"), err.toString());
    }

    /** Mistakes in the small commands are one line on stderr naming the option, exit 2. */
    @Test
    void smallCommandsReportMistakesInOneLine() {
        String[][] cases = {
            {"keys from-msk --msk 0011 --session-id 00 --mac1 02:00:00:00:00:01 --mac2 02:00:00:00:00:02",
                "macsec: --msk: a 128-bit CAK needs an MSK of at least 16 octets, got 2"},
            {"keys derive --cak 0123456789abcdef0123456789abcdef --ckn 0g",
                "macsec: --ckn: not hex: 'g' at position 2 (write plain hex digits, no separators)"},
            {"keys derive --cak 0123 --ckn 00", "macsec: --cak: a CAK is 32 or 64 hex digits (128/256-bit), got 4"},
            {"fields zzz", "macsec: no field starts with \"zzz\" ('macsec fields' lists them all)"},
            {"analyze " + dev.macsec.testing.ProjectFiles.pcap("linux-dut/static-sa.pcap") + " --keep-failed",
                "macsec: --keep-failed: only with -w, whose file it keeps the failed frames in"},
        };
        for (String[] c : cases) {
            String[] args = c[0].split(" ");
            CommandLine cli = Main.commandLineFor(args);
            StringWriter out = new StringWriter();
            StringWriter err = new StringWriter();
            cli.setOut(new PrintWriter(out, true));
            cli.setErr(new PrintWriter(err, true));
            assertEquals(Main.EXIT_USAGE, cli.execute(args), c[0]);
            assertEquals(c[1], err.toString().strip(), c[0]);
            assertEquals("", out.toString(), c[0]);
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

    /** The README describes a parse error as it looks: what is wrong, any suggestions, where the help is. */
    @Test
    void theReadmeSaysHowManyLinesAParseErrorIs() throws java.io.IOException {
        String readme = java.nio.file.Files.readString(dev.macsec.testing.ProjectFiles.root().resolve("README.md"))
                .replaceAll("\\s+", " ");
        assertTrue(readme.contains("A command line that does not parse gets two or three lines instead of the usage: what is"
                + " wrong, suggestions for a mistyped name (when there are any) and where the help is."), "README");
        String[][] cases = {{"analyze x.pcap --bogus", "2"}, {"analyze x.pcap --keep-faild", "3"}, {"analyse x.pcap", "3"}};
        for (String[] c : cases) {
            String[] args = c[0].split(" ");
            CommandLine cli = Main.commandLineFor(args);
            StringWriter err = new StringWriter();
            cli.setErr(new PrintWriter(err, true));
            assertEquals(Main.EXIT_USAGE, cli.execute(args));
            assertEquals(Integer.parseInt(c[1]), err.toString().strip().lines().count(), err.toString());
        }
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
