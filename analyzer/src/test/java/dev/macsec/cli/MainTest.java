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
