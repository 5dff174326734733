package dev.macsec.cli;

import dev.macsec.error.InputException;
import dev.macsec.live.LivePcap;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code macsec interfaces}: what {@code capture -i} can listen on, through libpcap. */
@Command(name = "interfaces", mixinStandardHelpOptions = true,
        description = "List the interfaces available for live capture (needs libpcap and usually root).",
        footer = {"", "Example:", "  sudo ./macsec interfaces && sudo ./macsec capture -i eth1 --cak \"$CKN:$CAK\""})
public final class InterfacesCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        List<LivePcap.Interface> devices;
        try {
            devices = LivePcap.interfaces();
        } catch (LivePcap.OpenException e) {
            throw new InputException(e.libpcapMissing() ? LivePcap.LIBPCAP_MISSING
                    : "libpcap cannot list interfaces: " + e.getMessage());
        }
        PrintWriter out = spec.commandLine().getOut();
        int n = 1;
        for (LivePcap.Interface dev : devices) {
            StringBuilder line = new StringBuilder();
            line.append(n++).append(". ").append(dev.name());
            if (dev.description() != null) {
                line.append(" (").append(dev.description()).append(')');
            }
            for (String address : dev.addresses()) {
                line.append(' ').append(address);
            }
            if (dev.loopback()) {
                line.append(" [loopback]");
            }
            if (!dev.up()) {
                line.append(" [down]");
            }
            out.println(line);
        }
        if (devices.isEmpty()) {
            out.println("no interfaces (capturing usually needs root or CAP_NET_RAW)");
        }
        return Main.EXIT_OK;
    }
}
