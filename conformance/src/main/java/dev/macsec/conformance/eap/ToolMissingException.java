package dev.macsec.conformance.eap;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * A program the EAP fixtures run (openssl, freeradius) is not installed: callers report their case as skipped or not
 * applicable rather than failed, and the message says how to install it.
 */
public final class ToolMissingException extends IOException {
    private final String tool;

    public ToolMissingException(String tool) {
        super(tool + " is not installed (scripts/install-deps installs it)");
        this.tool = tool;
    }

    public String tool() {
        return tool;
    }

    /** The executable {@code tool} on PATH or in the sbin directories (root's tools are there, often off PATH). */
    static Path find(String tool) throws ToolMissingException {
        return locate(tool).orElseThrow(() -> new ToolMissingException(tool));
    }

    static Optional<Path> locate(String tool) {
        String path = System.getenv().getOrDefault("PATH", "") + ":/usr/local/sbin:/usr/sbin:/sbin";
        for (String dir : path.split(":")) {
            if (!dir.isEmpty()) {
                Path p = Path.of(dir, tool);
                if (Files.isRegularFile(p) && Files.isExecutable(p)) {
                    return Optional.of(p);
                }
            }
        }
        return Optional.empty();
    }
}
