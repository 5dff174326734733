package dev.macsec.cli;

import dev.macsec.output.ProfileDoc;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code macsec profiles}: the receive profiles and every documented way a device departs from 802.1AE. */
@Command(name = "profiles", mixinStandardHelpOptions = true,
        description = "List the receive profiles (--profile: ieee, linux-6.1, linux-6.12; linux is linux-6.1) and each "
                + "deviation from 802.1AE they switch on.",
        footer = {"", "Examples:", "  ./macsec profiles",
            "  ./macsec analyze pcaps/linux-dut/static-sa.pcap --profile linux-6.1 \\",
            "      -T summary --keys pcaps/linux-dut/keys.json  # what Linux 6.1 counts"})
public final class ProfilesCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--markdown", description = "print the README table (a column per kernel)")
    boolean markdown;

    @Override
    public Integer call() {
        spec.commandLine().getOut().print(markdown ? ProfileDoc.markdown() : ProfileDoc.text());
        spec.commandLine().getOut().flush();
        return Main.EXIT_OK;
    }
}
