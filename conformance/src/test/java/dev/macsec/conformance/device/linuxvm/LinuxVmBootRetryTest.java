package dev.macsec.conformance.device.linuxvm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A qemu that exits at once (as it does when a port chosen for it was taken in the meantime) gets one more try with new
 * ports; a qemu that always exits is reported once, with both attempts' reasons.
 */
@Tag("vm")
class LinuxVmBootRetryTest {
    @TempDir
    Path dir;

    /** A stand-in for qemu that fails the first {@code failures} times it is started, then runs the real one. */
    private String qemuFailing(int failures) throws IOException {
        Path count = dir.resolve("starts");
        Path script = dir.resolve("qemu");
        Files.writeString(script, """
                #!/bin/sh
                n=$(cat '%s' 2>/dev/null || echo 0)
                echo $((n + 1)) > '%s'
                if [ "$n" -lt %d ]; then
                  echo "qemu-system-x86_64: -netdev socket: bind(127.0.0.1): Address already in use" >&2
                  exit 1
                fi
                exec qemu-system-x86_64 "$@"
                """.formatted(count, count, failures));
        Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwxr-xr-x"));
        return script.toString();
    }

    private LinuxVm.Options options(String qemu) {
        LinuxVm.Options d = LinuxVm.Options.defaults();
        return new LinuxVm.Options(d.imageDir(), d.bootTimeout(), d.memoryMb(), qemu);
    }

    @Test
    void aQemuThatExitsAtOnceIsStartedAgainAndTheVmWorks() throws IOException {
        try (LinuxVm vm = LinuxVm.boot(options(qemuFailing(1)))) {
            assertEquals("2", Files.readString(dir.resolve("starts")).strip(), "started twice");
            assertEquals("ok", vm.run("echo ok").output().strip());
        }
    }

    private static Set<Path> vmTempDirs() throws IOException {
        try (Stream<Path> all = Files.list(Path.of(System.getProperty("java.io.tmpdir")))) {
            return all.filter(p -> p.getFileName().toString().startsWith("macsec-dut-")).collect(Collectors.toSet());
        }
    }

    @Test
    void aQemuThatAlwaysExitsIsOneErrorWithBothReasons() throws IOException {
        Set<Path> before = vmTempDirs();
        IOException e = assertThrows(IOException.class, () -> LinuxVm.boot(options(qemuFailing(5))).close());
        assertEquals("2", Files.readString(dir.resolve("starts")).strip(), "tried twice, not more");
        assertTrue(e.getMessage().contains("Address already in use"), e.getMessage());
        assertEquals(1, e.getSuppressed().length);
        assertEquals(before, vmTempDirs(), "both attempts' temp dirs removed");
    }
}
