package dev.macsec.conformance.device;

import dev.macsec.suite.CipherSuite;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * wpa_supplicant's MKA (driver {@code macsec_linux}, pre-shared CAK) on a Linux device reached through a
 * {@link CommandRunner}: writes the configuration, starts and stops the daemon, and reads what it reports
 * ({@code wpa_cli status}, the macsec interface it creates, {@code ip -s macsec show}).
 *
 * <p>The CAK goes into a file in the guest's RAM disk and onto no command line or log of ours.
 */
public final class WpaSupplicantMka extends GuestMkaDaemon {

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

    public WpaSupplicantMka(CommandRunner shell, String ifname) {
        this(shell, ifname, DEFAULT_DIR);
    }

    /** One of several in one guest, each with its own {@code dir}. */
    public WpaSupplicantMka(CommandRunner shell, String ifname, String dir) {
        super(shell, ifname, dir);
    }

    @Override
    String logFile() {
        return dir() + "/wpa.log";
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

    /** Stops any running instance, then starts wpa_supplicant with {@code c} (debug log in the guest). */
    @Override
    public void start(Config c) throws IOException {
        stop();
        // the config is shipped inside the script, which LinuxVm sends base64-encoded over its private channel
        run("mkdir -p " + dir() + " /var/run/wpa_supplicant && umask 077 && cat > " + dir() + "/wpa.conf <<'EOF'\n"
                + file(c) + "EOF\n"
                + ": > " + dir() + "/wpa.log\n"
                + "/sbin/wpa_supplicant -B -t -dd -D macsec_linux -i " + ifname() + " -c " + dir() + "/wpa.conf -P "
                + dir() + "/wpa.pid -f " + dir() + "/wpa.log\n");
    }

    /** Stops wpa_supplicant (if running) and removes any macsec interface it left. */
    @Override
    public void stop() throws IOException {
        run("if [ -f " + dir() + "/wpa.pid ]; then p=$(cat " + dir() + "/wpa.pid); kill $p 2>/dev/null; "
                + "i=0; while kill -0 $p 2>/dev/null && [ $i -lt 50 ]; do sleep 0.1; i=$((i+1)); done; "
                + "kill -9 $p 2>/dev/null; rm -f " + dir() + "/wpa.pid; fi; "
                + "for l in $(/sbin/ip -o link show type macsec | sed -n 's/^[0-9]*: *\\([^@:]*\\).*/\\1/p'); do "
                + "/sbin/ip link del $l; done; rm -f /var/run/wpa_supplicant/" + ifname() + "; true");
    }

    /** {@code wpa_cli status} as key=value pairs (the last value wins for keys repeated per participant). */
    @Override
    public Map<String, String> status() throws IOException {
        String out = run("/sbin/wpa_cli -p /var/run/wpa_supplicant -i " + ifname() + " status 2>&1 || true");
        Map<String, String> m = new LinkedHashMap<>();
        for (String line : out.split("\n")) {
            int eq = line.indexOf('=');
            if (eq > 0) {
                m.put(line.substring(0, eq).strip(), line.substring(eq + 1).strip());
            }
        }
        return m;
    }

}
