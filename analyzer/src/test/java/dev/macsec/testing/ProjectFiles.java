package dev.macsec.testing;

import java.nio.file.Files;
import java.nio.file.Path;

/** Locates the project's own data (pcaps/, vectors/) from tests, whichever module runs them. */
public final class ProjectFiles {
    private ProjectFiles() {
    }

    public static Path root() {
        String configured = System.getProperty("macsec.root");
        if (configured != null && Files.isDirectory(Path.of(configured, "vectors"))) {
            return Path.of(configured);
        }
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !Files.isDirectory(dir.resolve("vectors"))) {
            dir = dir.getParent();
        }
        if (dir == null) {
            throw new IllegalStateException("cannot find the project root (a folder with vectors/)");
        }
        return dir;
    }

    public static Path pcap(String relative) {
        return root().resolve("pcaps").resolve(relative);
    }

    public static Path vector(String name) {
        return root().resolve("vectors").resolve(name);
    }
}
