package dev.macsec.conformance.device;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The runner the ssh adapter uses, run against the local sh (ssh only adds transport). */
class ProcessRunnerTest {
    private final ProcessRunner sh = new ProcessRunner(List.of("sh", "-s"), "local sh");

    @Test
    void outputAndStatusComeBack() throws IOException {
        CommandRunner.CommandResult r = sh.run("echo 'a \"quoted\" $x'; echo err >&2; exit 4", Duration.ofSeconds(10));
        assertEquals(4, r.exitStatus());
        assertEquals("a \"quoted\" $x\nerr\n", r.output());
    }

    @Test
    void aCommandReadingStdinDoesNotEatTheScript() throws IOException {
        CommandRunner.CommandResult r = sh.run("cat\necho after", Duration.ofSeconds(10));
        assertEquals("after\n", r.output());
    }

    @Test
    void timeoutIsBounded() {
        long t0 = System.nanoTime();
        assertThrows(IOException.class, () -> sh.run("sleep 30", Duration.ofMillis(500)));
        assertEquals(true, System.nanoTime() - t0 < 10_000_000_000L);
    }
}
