package dev.macsec.conformance.device;

import java.io.IOException;
import java.time.Duration;

/**
 * A Linux guest's shell inside one of its network namespaces ({@code ip netns exec}): a KaY started through it sees
 * only that namespace's interfaces, so that several KaYs of one guest (interop, group CA) each have a port of their
 * own on a bridge, as separate stations would.
 */
public final class NamespaceShell implements CommandRunner {
    private static final String END = "__MACSEC_NETNS_SCRIPT_END__";

    private final CommandRunner guest;
    private final String namespace;

    public NamespaceShell(CommandRunner guest, String namespace) {
        if (!namespace.matches("[A-Za-z0-9_-]+")) {
            throw new IllegalArgumentException("namespace name '" + namespace + "': letters, digits, - and _ only");
        }
        this.guest = guest;
        this.namespace = namespace;
    }

    public String namespace() {
        return namespace;
    }

    @Override
    public CommandResult run(String script, Duration timeout) throws IOException {
        // a quoted here-document: the script reaches the namespace's shell as written, its own here-documents too
        return guest.run("/sbin/ip netns exec " + namespace + " /bin/sh <<'" + END + "'\n" + script
                + (script.endsWith("\n") ? "" : "\n") + END + "\n", timeout);
    }

    @Override
    public String describe() {
        return guest.describe() + ", network namespace " + namespace;
    }
}
