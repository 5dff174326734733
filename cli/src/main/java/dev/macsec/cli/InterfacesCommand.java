package dev.macsec.cli;

import dev.macsec.error.InputException;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import org.pcap4j.core.PcapAddress;
import org.pcap4j.core.PcapNativeException;
import org.pcap4j.core.PcapNetworkInterface;
import org.pcap4j.core.Pcaps;
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
        List<PcapNetworkInterface> devices = LivePcap.devices();
        PrintWriter out = spec.commandLine().getOut();
        int n = 1;
        for (PcapNetworkInterface dev : devices) {
            StringBuilder line = new StringBuilder();
            line.append(n++).append(". ").append(dev.getName());
            if (dev.getDescription() != null) {
                line.append(" (").append(dev.getDescription()).append(')');
            }
            for (PcapAddress address : dev.getAddresses()) {
                if (address.getAddress() != null) {
                    line.append(' ').append(address.getAddress().getHostAddress());
                }
            }
            if (dev.isLoopBack()) {
                line.append(" [loopback]");
            }
            if (!dev.isUp()) {
                line.append(" [down]");
            }
            out.println(line);
        }
        if (devices.isEmpty()) {
            out.println("no interfaces (capturing usually needs root or CAP_NET_RAW)");
        }
        return Main.EXIT_OK;
    }

    /** libpcap access with the errors a user can act on. */
    static final class LivePcap {
        private LivePcap() {
        }

        static List<PcapNetworkInterface> devices() {
            try {
                return Pcaps.findAllDevs();
            } catch (PcapNativeException e) {
                throw new InputException("libpcap cannot list interfaces: " + e.getMessage());
            } catch (UnsatisfiedLinkError | NoClassDefFoundError e) {
                throw new InputException("libpcap is not installed (apt-get install libpcap0.8)");
            }
        }
    }
}
