package dev.macsec.conformance.device.linuxvm;

import dev.macsec.conformance.device.CommandRunner;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * The harness's side of the guest shell: qemu's user network accepts the connection for the guest, and resets it when
 * the guest has no listener yet (just after its ready line) -- then the script never ran and the call is retried;
 * a reset after part of an answer is an error, never a retry (the script ran).
 */
class GuestShellExchangeTest {

    /** Accepts one connection and resets it (RST: SO_LINGER 0), after sending {@code first} if not null. */
    private static Thread resetting(ServerSocket server, String first) {
        return Thread.ofPlatform().daemon().start(() -> {
            try (Socket s = server.accept()) {
                if (first != null) {
                    InputStream in = s.getInputStream();
                    in.read(new byte[4096]);
                    s.getOutputStream().write(first.getBytes(StandardCharsets.US_ASCII));
                    s.getOutputStream().flush();
                    Thread.sleep(100);
                }
                s.setSoLinger(true, 0);
            } catch (IOException | InterruptedException ignored) {
                // the test reads the outcome on its side
            }
        });
    }

    @Test
    void aResetBeforeAnyAnswerMeansTheScriptDidNotRunAndIsRetried() throws Exception {
        try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            Thread t = resetting(server, null);
            assertNull(LinuxVm.exchange(server.getLocalPort(), "true; exit\n", Duration.ofSeconds(5)));
            t.join(2000);
        }
    }

    @Test
    void aResetAfterPartOfTheAnswerIsAnError() throws Exception {
        try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            Thread t = resetting(server, "half of an ans");
            assertThrows(IOException.class, () -> LinuxVm.exchange(server.getLocalPort(), "true; exit\n",
                    Duration.ofSeconds(5)));
            t.join(2000);
        }
    }

    @Test
    void anAnswerWithItsExitStatusIsTheResult() throws Exception {
        try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            Thread t = Thread.ofPlatform().daemon().start(() -> {
                try (Socket s = server.accept()) {
                    s.getInputStream().read(new byte[4096]);
                    s.getOutputStream().write("hello\n\n@@RC=3@@\n".getBytes(StandardCharsets.US_ASCII));
                } catch (IOException ignored) {
                    // the test reads the outcome on its side
                }
            });
            CommandRunner.CommandResult r = LinuxVm.exchange(server.getLocalPort(), "echo hello; exit 3\n",
                    Duration.ofSeconds(5));
            assertEquals(3, r.exitStatus());
            assertEquals("hello\n", r.output());
            t.join(2000);
        }
    }
}
