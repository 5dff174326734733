package dev.macsec.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.macsec.testing.ProjectFiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** scripts/jdk.sh, which the launcher sources on every start: the JDK it picks and the version it reads, run in bash. */
class JdkScriptTest {
    @TempDir
    Path dir;

    /** A directory that looks like a JDK to the script: bin/javac and a release file with this JAVA_VERSION line. */
    private Path fakeJdk(String name, String javaVersionLine) throws IOException {
        Path home = dir.resolve(name);
        Files.createDirectories(home.resolve("bin"));
        Path javac = Files.createFile(home.resolve("bin/javac"),
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwxr-xr-x")));
        Files.writeString(javac, "#!/bin/sh\nexit 0\n");
        Files.writeString(home.resolve("release"), "IMPLEMENTOR=\"Test\"\n" + javaVersionLine + "\nOS_NAME=\"Linux\"\n");
        return home;
    }

    private static String bash(String script, String javaHome) throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder("bash", "-c", ". scripts/jdk.sh; " + script)
                .directory(ProjectFiles.root().toFile()).redirectErrorStream(true);
        pb.environment().put("JAVA_HOME", javaHome);
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        if (!p.waitFor(30, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IllegalStateException("bash did not finish");
        }
        return out;
    }

    private String majorOf(Path jdk) throws IOException, InterruptedException {
        return bash("macsec_jdk_major_of " + jdk + " && echo \"$MACSEC_JDK_MAJOR\"", "");
    }

    @Test
    void readsTheFeatureVersionFromTheReleaseFileOfEveryNamingScheme() throws Exception {
        assertEquals("25", majorOf(fakeJdk("a", "JAVA_VERSION=\"25.0.3\"")));
        assertEquals("21", majorOf(fakeJdk("b", "JAVA_VERSION=\"21\"")));
        assertEquals("26", majorOf(fakeJdk("c", "JAVA_VERSION=\"26-ea\"")));
        assertEquals("8", majorOf(fakeJdk("d", "JAVA_VERSION=\"1.8.0_392\"")));
    }

    @Test
    void takesJavaHomeWhenItIsNewEnoughAndSaysWhichVersionItIs() throws Exception {
        Path jdk21 = fakeJdk("jdk21", "JAVA_VERSION=\"21.0.5\"");
        assertEquals(jdk21 + " 21", bash("macsec_find_jdk && echo \"$JAVA_HOME $MACSEC_JDK_MAJOR\"", jdk21.toString()));
    }

    @Test
    void passesOverAJavaHomeThatIsTooOld() throws Exception {
        Path jdk17 = fakeJdk("jdk17", "JAVA_VERSION=\"17.0.15\"");
        String found = bash("macsec_find_jdk && echo \"$JAVA_HOME $MACSEC_JDK_MAJOR\" || echo none", jdk17.toString());
        // whatever this machine has under /usr/lib/jvm, never the old JAVA_HOME
        assertFalse(found.startsWith(jdk17.toString()), found);
        if (!found.endsWith("none")) {
            assertTrue(Integer.parseInt(found.substring(found.lastIndexOf(' ') + 1)) >= 21, found);
        }
    }
}
