package dev.macsec.conformance.mka;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Whether MKAdaemon can be built here: {@code conformance/vm/build-mkad} needs its source tarball from the DUT cache,
 * from ../shared/third-party beside the project, or from GitHub. A machine with none of the three cannot run the mkad
 * cases at all; they are then skipped saying why, rather than failing on a missing build input.
 */
public final class MkadSource {
    static final String TARBALL = "MKAdaemon-e9fcfc1.tar.gz";

    private MkadSource() {
    }

    /** Skips the calling test when no source of MKAdaemon is reachable. */
    public static void assumeObtainable() {
        assumeTrue(obtainable(), "MKAdaemon's source (" + TARBALL + ") is in neither the DUT cache nor "
                + "../shared/third-party, and GitHub is unreachable: the mkad cases cannot run on this machine");
    }

    public static boolean obtainable() {
        String cache = System.getenv("MACSEC_DUT_CACHE");
        Path cacheDir = cache != null && !cache.isBlank() ? Paths.get(cache)
                : Paths.get(System.getProperty("user.home"), ".cache", "macsec-dut");
        if (Files.isRegularFile(cacheDir.resolve(TARBALL))) {
            return true;
        }
        String root = System.getProperty("macsec.root", "");
        if (!root.isBlank()) {
            Path r = Paths.get(root).toAbsolutePath();
            for (Path up = r.getParent(); up != null && up.getNameCount() >= r.getNameCount() - 2; up = up.getParent()) {
                if (Files.isRegularFile(up.resolve("shared/third-party").resolve(TARBALL))) {
                    return true;
                }
            }
        }
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress("codeload.github.com", 443), 3000);
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
