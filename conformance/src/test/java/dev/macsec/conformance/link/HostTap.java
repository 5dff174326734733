package dev.macsec.conformance.link;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * A tap interface on the host for the tests that put the VM's data NIC on a tap and drive it through libpcap, as
 * lab hardware is driven: created up, deleted on close. The test is skipped where it cannot be made (not root, no
 * /dev/net/tun).
 */
public final class HostTap implements AutoCloseable {
    private final String name;

    private HostTap(String name) {
        this.name = name;
    }

    /** Creates tap {@code prefix<pid>}, up; skips the calling test when the host cannot. */
    public static HostTap create(String prefix) throws IOException, InterruptedException {
        assumeTrue(((Integer) Files.getAttribute(Path.of("/proc/self"), "unix:uid")) == 0,
                "needs root: creates a tap interface and injects/captures on it with libpcap");
        assumeTrue(Files.exists(Path.of("/dev/net/tun")), "needs /dev/net/tun for a tap interface");
        String name = prefix + ProcessHandle.current().pid() % 100_000;
        ip("tuntap", "add", "dev", name, "mode", "tap");
        HostTap tap = new HostTap(name);
        try {
            ip("link", "set", name, "up");
        } catch (IOException | InterruptedException e) {
            tap.close();
            throw e;
        }
        return tap;
    }

    public String name() {
        return name;
    }

    @Override
    public void close() throws IOException, InterruptedException {
        ip("link", "del", name);
    }

    private static void ip(String... args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of("ip"));
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String said = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        if (!p.waitFor(10, TimeUnit.SECONDS) || p.exitValue() != 0) {
            p.destroyForcibly();
            throw new IOException(String.join(" ", cmd) + " failed: " + said);
        }
    }
}
