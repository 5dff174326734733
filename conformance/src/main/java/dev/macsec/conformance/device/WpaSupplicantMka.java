package dev.macsec.conformance.device;

import dev.macsec.suite.CipherSuite;

import java.io.IOException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * wpa_supplicant's MKA (driver {@code macsec_linux}, pre-shared CAK) on a Linux device reached through a
 * {@link CommandRunner}: writes the configuration, starts and stops the daemon, and reads what it reports
 * ({@code wpa_cli status}, the macsec interface it creates, {@code ip -s macsec show}).
 *
 * <p>The CAK goes into a file in the guest's RAM disk and onto no command line or log of ours.
 */
public final class WpaSupplicantMka implements MkaDaemon {
    private static final String DIR = "/tmp/mka";
    private static final Pattern MACSEC_LINK = Pattern.compile("^\\d+:\\s+([^:@\\s]+)[@:]", Pattern.MULTILINE);

    /** One network block of wpa_supplicant.conf for MKA with a pre-shared key (it has no cipher suite choice). */
    static String file(Config c) {
        return "ctrl_interface=/var/run/wpa_supplicant\n"
                + "eapol_version=3\n"
                + "ap_scan=0\n"
                + "network={\n"
                + "  key_mgmt=NONE\n"
                + "  eapol_flags=0\n"
                + "  macsec_policy=" + c.policy() + "\n"
                + "  macsec_integ_only=" + (c.integrityOnly() ? 1 : 0) + "\n"
                + "  macsec_replay_protect=" + (c.replayProtect() ? 1 : 0) + "\n"
                + "  macsec_replay_window=" + c.replayWindow() + "\n"
                + "  mka_cak=" + c.cakHex() + "\n"
                + "  mka_ckn=" + c.cknHex() + "\n"
                + "  mka_priority=" + c.priority() + "\n"
                + "}\n";
    }

    private final CommandRunner shell;
    private final String ifname;

    public WpaSupplicantMka(CommandRunner shell, String ifname) {
        this.shell = shell;
        this.ifname = ifname;
    }

    @Override
    public String name() {
        return "wpa_supplicant 2.10";
    }

    @Override
    public boolean controlsPortState() {
        return false;
    }

    @Override
    public int lowestMkaVersionAccepted() {
        return 1;
    }

    /** 2.10 always distributes and accepts GCM-AES-128 SAKs: no XPN parameter set, no cipher suite choice. */
    @Override
    public Set<CipherSuite> mkaCipherSuites() {
        return Set.of(CipherSuite.GCM_AES_128);
    }

    private String run(String script) throws IOException {
        CommandRunner.CommandResult r = shell.run(script, Duration.ofSeconds(30));
        if (!r.ok()) {
            throw new DeviceException("on " + shell.describe() + ": exit " + r.exitStatus() + ": " + r.output().strip());
        }
        return r.output();
    }

    /** Stops any running instance, then starts wpa_supplicant with {@code c} (debug log in the guest). */
    @Override
    public void start(Config c) throws IOException {
        stop();
        // the config is shipped inside the script, which LinuxVm sends base64-encoded over its private channel
        run("mkdir -p " + DIR + " /var/run/wpa_supplicant && umask 077 && cat > " + DIR + "/wpa.conf <<'EOF'\n"
                + file(c) + "EOF\n"
                + ": > " + DIR + "/wpa.log\n"
                + "/sbin/wpa_supplicant -B -t -dd -D macsec_linux -i " + ifname + " -c " + DIR + "/wpa.conf -P "
                + DIR + "/wpa.pid -f " + DIR + "/wpa.log\n");
    }

    /** Stops wpa_supplicant (if running) and removes any macsec interface it left. */
    @Override
    public void stop() throws IOException {
        run("if [ -f " + DIR + "/wpa.pid ]; then p=$(cat " + DIR + "/wpa.pid); kill $p 2>/dev/null; "
                + "i=0; while kill -0 $p 2>/dev/null && [ $i -lt 50 ]; do sleep 0.1; i=$((i+1)); done; "
                + "kill -9 $p 2>/dev/null; rm -f " + DIR + "/wpa.pid; fi; "
                + "for l in $(/sbin/ip -o link show type macsec | sed -n 's/^[0-9]*: *\\([^@:]*\\).*/\\1/p'); do "
                + "/sbin/ip link del $l; done; rm -f /var/run/wpa_supplicant/" + ifname + "; true");
    }

    /** {@code wpa_cli status} as key=value pairs (the last value wins for keys repeated per participant). */
    @Override
    public Map<String, String> status() throws IOException {
        String out = run("/sbin/wpa_cli -p /var/run/wpa_supplicant -i " + ifname + " status 2>&1 || true");
        Map<String, String> m = new LinkedHashMap<>();
        for (String line : out.split("\n")) {
            int eq = line.indexOf('=');
            if (eq > 0) {
                m.put(line.substring(0, eq).strip(), line.substring(eq + 1).strip());
            }
        }
        return m;
    }

    /** The macsec interface wpa_supplicant created, or null. */
    @Override
    public String macsecInterface() throws IOException {
        Matcher m = MACSEC_LINK.matcher(run("/sbin/ip -o link show type macsec"));
        return m.find() ? m.group(1) : null;
    }

    /** {@code ip -s macsec show} (all interfaces). */
    @Override
    public String macsecShow() throws IOException {
        return run("/sbin/ip -s macsec show");
    }

    /** The last {@code lines} lines of wpa_supplicant's debug log (without -K it prints keys as [REMOVED]). */
    @Override
    public String logTail(int lines) throws IOException {
        return run("tail -n " + lines + " " + DIR + "/wpa.log 2>/dev/null || true");
    }

    /** Counts lines of the debug log matching an extended regular expression. */
    @Override
    public int logCount(String regex) throws IOException {
        String out = run("grep -c -E '" + regex.replace("'", "") + "' " + DIR + "/wpa.log 2>/dev/null || true").strip();
        return out.isEmpty() ? 0 : Integer.parseInt(out.lines().findFirst().orElse("0").strip());
    }

    @Override
    public String ifname() {
        return ifname;
    }
}
