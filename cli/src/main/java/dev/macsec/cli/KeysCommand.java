package dev.macsec.cli;

import dev.macsec.error.InputException;
import dev.macsec.keys.CakEntry;
import dev.macsec.keys.Hex;
import dev.macsec.keys.KeyHierarchy;
import dev.macsec.keys.KeysFile;
import dev.macsec.keys.MskEntry;
import dev.macsec.keys.SakEntry;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code macsec keys ...}: the 802.1X key hierarchy by hand, and keys-file checks. */
@Command(name = "keys", mixinStandardHelpOptions = true,
        description = "Derive MKA keys (ICK, KEK, CAK/CKN from an EAP MSK) and check keys files.",
        footer = {"", "Examples:", "  ./macsec keys check pcaps/linux-dut/keys.json", "  ./macsec help keys derive"},
        subcommands = {KeysCommand.Derive.class, KeysCommand.FromMsk.class, KeysCommand.Check.class})
public final class KeysCommand {

    @Command(name = "derive", mixinStandardHelpOptions = true,
            description = "Print the ICK and KEK that a CAK and CKN give (IEEE 802.1X 9.3.3). Prints key material on purpose.",
            footer = {"", "Example:",
                "  ./macsec keys derive --cak 0123456789abcdef0123456789abcdef \\",
                "      --ckn 6162636465666768696a6b6c6d6e6f707172737475767778797a303132333435"})
    static final class Derive implements Callable<Integer> {
        @Spec
        CommandSpec spec;
        @Option(names = "--cak", required = true, description = "CAK, 32 or 64 hex digits")
        String cak;
        @Option(names = "--ckn", required = true, description = "CKN, 2 to 64 hex digits")
        String ckn;

        @Override
        public Integer call() {
            CakEntry entry = KeysFile.parseCakOptions(ckn, cak);
            PrintWriter out = spec.commandLine().getOut();
            out.println("CKN " + Hex.format(entry.ckn()));
            out.println("CAK " + entry.keyBits() + "-bit");
            out.println("ICK " + Hex.format(entry.ick()));
            out.println("KEK " + Hex.format(entry.kek()));
            return Main.EXIT_OK;
        }
    }

    @Command(name = "from-msk", mixinStandardHelpOptions = true,
            description = "Derive the CAK and CKN that an EAP MSK and Session-Id give (IEEE 802.1X 6.2.2). Prints key material on purpose.",
            footer = {"", "Example:",
                "  ./macsec keys from-msk --msk <128 hex> --session-id <hex> \\",
                "      --mac1 02:00:00:00:00:0a --mac2 02:00:00:00:00:0b"})
    static final class FromMsk implements Callable<Integer> {
        @Spec
        CommandSpec spec;
        @Option(names = "--msk", required = true, description = "EAP MSK (64 octets), hex")
        String msk;
        @Option(names = "--session-id", required = true, description = "EAP Session-Id, hex")
        String sessionId;
        @Option(names = "--mac1", required = true, description = "MAC address of one station (authenticator or supplicant)")
        String mac1;
        @Option(names = "--mac2", required = true, description = "MAC address of the other station")
        String mac2;
        @Option(names = "--cak-bits", defaultValue = "128", description = "CAK size: 128 or 256 (default ${DEFAULT-VALUE})")
        int cakBits;

        @Override
        public Integer call() {
            if (cakBits != 128 && cakBits != 256) {
                throw new InputException("--cak-bits must be 128 or 256, got " + cakBits);
            }
            MskEntry entry = new MskEntry(1, Hex.parse("--msk", msk), Hex.parse("--session-id", sessionId), null);
            byte[] a = mac("--mac1", mac1);
            byte[] b = mac("--mac2", mac2);
            CakEntry derived;
            try {
                derived = entry.derive(a, b, cakBits);
            } catch (IllegalArgumentException e) {
                // the key hierarchy's own rule on the MSK's length (it depends on --cak-bits); names no key material
                throw new InputException("--msk: " + e.getMessage());
            }
            PrintWriter out = spec.commandLine().getOut();
            out.println("CAK " + Hex.format(derived.cak()));
            out.println("CKN " + Hex.format(derived.ckn()));
            out.println("ICK " + Hex.format(derived.ick()));
            out.println("KEK " + Hex.format(derived.kek()));
            return Main.EXIT_OK;
        }
    }

    @Command(name = "check", mixinStandardHelpOptions = true,
            description = "Validate a keys file and list what it holds (never the key values).",
            footer = {"", "Example:", "  ./macsec keys check pcaps/linux-dut/keys.json"})
    static final class Check implements Callable<Integer> {
        @Spec
        CommandSpec spec;
        @Parameters(paramLabel = "KEYS.json", description = "the keys file")
        Path file;

        @Override
        public Integer call() {
            KeysFile keys = KeysFile.load(file);
            PrintWriter out = spec.commandLine().getOut();
            out.printf("%s: %d SAK(s), %d CAK(s), %d MSK(s)%s%n", file, keys.saks().size(), keys.caks().size(),
                    keys.msks().size(), keys.radius().isEmpty() ? "" : ", " + keys.radius().size() + " RADIUS secret(s)");
            for (SakEntry sak : keys.saks()) {
                out.println("  " + sak);
            }
            for (CakEntry cak : keys.caks()) {
                out.println("  " + cak);
            }
            for (MskEntry msk : keys.msks()) {
                out.println("  " + msk);
            }
            for (dev.macsec.keys.RadiusSecret secret : keys.radius()) {
                out.println("  " + secret);
            }
            for (java.util.List<SakEntry> bound : SakEntry.bySa(keys.saks())) {
                if (bound.size() > 1) {
                    SakEntry first = bound.get(0);
                    out.printf("  %s bind the same SCI %016x AN %d: each is tried on its frames and the one that verifies"
                            + " is used%n", String.join(", ", bound.stream().map(e -> "SAK#" + e.number()).toList()),
                            first.sci().getAsLong(), first.an().getAsInt());
                }
            }
            return Main.EXIT_OK;
        }
    }

    static byte[] mac(String option, String text) {
        String digits = text.replace(":", "").replace("-", "");
        if (digits.length() != 12) {
            throw new InputException(option + ": a MAC address is 6 octets like 02:00:00:00:00:0a, got \"" + text + "\"");
        }
        return Hex.parse(option, digits);
    }
}
