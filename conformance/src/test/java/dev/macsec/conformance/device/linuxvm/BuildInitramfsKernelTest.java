package dev.macsec.conformance.device.linuxvm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * build-initramfs takes the kernel the device file names and refuses, in one line and before touching apt or the cache,
 * one it does not know; the Java side knows the same kernels.
 */
class BuildInitramfsKernelTest {
    private static final Path SCRIPT = Path.of("vm/build-initramfs");

    @Test
    void anUnknownKernelIsOneLineBeforeAnythingIsFetched() throws IOException, InterruptedException {
        Process p = new ProcessBuilder("bash", SCRIPT.toString(), "--kernel", "debian-99").start();
        assertTrue(p.waitFor(30, TimeUnit.SECONDS));
        assertEquals(1, p.exitValue());
        assertEquals("", new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
        assertEquals("build-initramfs: error: unknown kernel 'debian-99' (known: debian-12 = Linux 6.1, debian-13 = Linux 6.12)",
                new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8).strip());
    }

    @Test
    void theScriptKnowsEveryKernelADeviceFileMayName() throws IOException {
        String script = java.nio.file.Files.readString(SCRIPT);
        for (String k : LinuxVm.KERNELS) {
            assertTrue(script.contains("\n  " + k + ")"), "build-initramfs has no case for " + k);
        }
        IOException e = assertThrows(IOException.class, () -> LinuxVm.buildImage("debian-99"));
        assertFalse(e instanceof LinuxVm.KernelUnobtainableException, e.toString());
        assertTrue(e.getMessage().contains("unknown kernel 'debian-99'"), "the script's own reason: " + e.getMessage());
    }

    /**
     * A mirror that does not answer: the 6.12 kernel cannot be had, which the script says in its last line and with
     * its own exit status (3), so that a run can skip 6.12 saying why instead of failing on the machine.
     */
    @Test
    void aMirrorThatDoesNotAnswerMakesTheKernelUnobtainableNotABrokenBuild(@TempDir Path cache) {
        IOException e = assertThrows(IOException.class, () -> LinuxVm.buildImage("debian-13",
                Map.of("MACSEC_DUT_CACHE", cache.toString(), "MACSEC_DUT_MIRROR", "http://127.0.0.1:1/debian")));
        assertInstanceOf(LinuxVm.KernelUnobtainableException.class, e, e.toString());
        assertTrue(e.getMessage().contains("exit 3") && e.getMessage().endsWith(
                "build-initramfs: error: apt-get update of trixie (http://127.0.0.1:1/debian) failed"), e.getMessage());
    }
}
