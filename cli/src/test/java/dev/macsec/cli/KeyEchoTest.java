package dev.macsec.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.macsec.testing.ProjectFiles;
import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** A key given in the wrong place on the command line is never repeated in the error (issue 15 item 19). */
class KeyEchoTest {
    private static final String KEY = "0123456789abcdef0123456789abcdef";

    private static String error(String... args) {
        CommandLine cli = Main.commandLineFor(args);
        StringWriter err = new StringWriter();
        cli.setErr(new PrintWriter(err, true));
        cli.setOut(new PrintWriter(new StringWriter()));
        assertEquals(Main.EXIT_USAGE, cli.execute(args), String.join(" ", args));
        return err.toString().strip();
    }

    @Test
    void aCakAfterASpaceInsteadOfAColonIsNotNamedAsAMissingCaptureFile() {
        String capture = ProjectFiles.pcap("linux-dut/mka.pcap").toString();
        assertEquals("macsec: a capture file argument of 32 characters (not shown: it could be a key): no such file",
                error("analyze", capture, "--cak", "6162", KEY, "-q"));
    }

    @Test
    void aKeyGivenToAnotherOptionIsNotQuotedBack() {
        assertEquals("macsec: Invalid value for option '--replay-window': '<32 hex digits, not shown>' is not a long\n"
                + "Try 'macsec analyze --help' for more information.", error("analyze", "x.pcap", "--replay-window", KEY));
        assertEquals("macsec: Unmatched argument at index 6: '<32 hex digits, not shown>'\n"
                + "Try 'macsec keys derive --help' for more information.",
                error("keys", "derive", "--cak", KEY, "--ckn", "6162", KEY));
    }
}
