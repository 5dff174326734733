package dev.macsec.conformance.device;

import dev.macsec.suite.CipherSuite;

import java.io.IOException;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * MKAdaemon (Technica Engineering's mkad, commit e9fcfc1, built by {@code conformance/vm/build-mkad}) as the KaY of a
 * Linux device reached through a {@link CommandRunner}: writes its YAML configuration, starts it in the foreground
 * in the background of the guest's shell, stops it, and reads its log and the macsec interface it creates.
 *
 * <p>It runs without D-Bus (no system bus in the guest: it logs that it lost its bus name and carries on), so
 * mkad_cli is not used: its state is read from the wire, its log and {@code ip macsec show}. The CAK goes into a file
 * in the guest's RAM disk, never onto a command line or log of ours.
 */
public final class MkadMka extends GuestMkaDaemon {
    private static final String BINARY = "/sbin/mkad";
    /** The controlled port mkad creates (its {@code protected_device}). */
    static final String MACSEC_IFACE = "macsec0";

    public MkadMka(CommandRunner shell, String ifname) {
        this(shell, ifname, DEFAULT_DIR);
    }

    /** One of several in one guest, each with its own {@code dir}. */
    public MkadMka(CommandRunner shell, String ifname, String dir) {
        super(shell, ifname, dir);
    }

    @Override
    String logFile() {
        return dir() + "/mkad.log";
    }

    @Override
    public String name() {
        return "MKAdaemon e9fcfc1";
    }

    @Override
    public boolean controlsPortState() {
        return true;
    }

    @Override
    public int lowestMkaVersionAccepted() {
        return 3;
    }

    @Override
    public Set<CipherSuite> mkaCipherSuites() {
        return EnumSet.of(CipherSuite.GCM_AES_128, CipherSuite.GCM_AES_256, CipherSuite.GCM_AES_XPN_128,
                CipherSuite.GCM_AES_XPN_256);
    }

    /**
     * mkad's configuration (its mkad.conf.example documents every key; the global timers are all required). The
     * 802.1X-2020 defaults: 2 s hello, 6 s life, 3 s SAK retire. STATIC mode creates the controlled port at start,
     * unsecured until MKA succeeds, as a must-secure device keeps it in the data path; a static interface takes one
     * cipher suite.
     */
    static String file(Config c, String ifname) {
        CipherSuite suite = c.cipherSuite() == null ? CipherSuite.GCM_AES_128 : c.cipherSuite();
        return "log_level: debug\n"
                + "verbosity: 1\n"
                + "hello_time: 2000\n"
                + "bounded_hello_time: 500\n"
                + "life_time: 6000\n"
                + "sak_retire_time: 3000\n"
                + "hello_time_rampup: 100 200 400 800 800\n"
                + "transmit_empty_dist_sak: on\n"
                + "transmit_empty_sak_use: on\n"
                + "transmit_null_xpn: on\n"
                + "secy_polling_ms: 500\n"
                + "interfaces:\n"
                + "  - device: \"" + ifname + "\"\n"
                + "    protected_device: \"" + MACSEC_IFACE + "\"\n"
                + "    intf_mode: STATIC\n"
                + "    macsec: " + (c.integrityOnly() ? "INTEGRITY" : "CONF_0") + "\n"
                + "    kay: on\n"
                + "    priority: " + c.priority() + "\n"
                + "    role: AUTO\n"
                + (c.replayProtect() ? "    replay_protect: " + c.replayWindow() + "\n" : "")
                + "    delay_protect: off\n"
                + "    unauth_allowed: never\n"
                + "    unsecure_allowed: " + (c.policy() == 0 ? "MKA_FAIL" : "never") + "\n"
                + "    ciphers: " + suite.standardName().replace('-', '_') + "\n"
                + "    cak: " + spaced(c.cakHex()) + "\n"
                + "    ckn: " + spaced(c.cknHex()) + "\n"
                + "    drv_macsec_mode: software\n";
    }

    /** mkad reads keys as hex octets separated by spaces. */
    private static String spaced(String hex) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < hex.length(); i += 2) {
            b.append(i == 0 ? "" : " ").append(hex, i, i + 2);
        }
        return b.toString().toUpperCase(Locale.ROOT);
    }

    @Override
    public void start(Config c) throws IOException {
        stop();
        // GLib's complaints about the missing D-Bus objects go to stderr, kept apart from mkad's own log
        run("[ -x " + BINARY + " ] || { echo 'the image has no mkad: run scripts/install-deps, then "
                + "conformance/vm/build-initramfs builds it in'; exit 3; }\n"
                + "mkdir -p " + dir() + " && umask 077 && cat > " + dir() + "/mkad.conf <<'EOF'\n"
                + file(c, ifname()) + "EOF\n"
                + BINARY + " -f -c " + dir() + "/mkad.conf > " + dir() + "/mkad.log 2> " + dir() + "/mkad.err < /dev/null &\n"
                + "echo $! > " + dir() + "/mkad.pid\n"
                // the configuration is checked at start: a bad one ends the process at once
                + "i=0; while [ $i -lt 20 ] && ! /sbin/ip link show " + MACSEC_IFACE + " >/dev/null 2>&1; do "
                + "kill -0 $(cat " + dir() + "/mkad.pid) 2>/dev/null || { tail -5 " + dir() + "/mkad.log; exit 4; }; "
                + "sleep 0.1; i=$((i+1)); done\n");
    }

    @Override
    public void stop() throws IOException {
        run("if [ -f " + dir() + "/mkad.pid ]; then p=$(cat " + dir() + "/mkad.pid); kill $p 2>/dev/null; "
                + "i=0; while kill -0 $p 2>/dev/null && [ $i -lt 50 ]; do sleep 0.1; i=$((i+1)); done; "
                + "kill -9 $p 2>/dev/null; rm -f " + dir() + "/mkad.pid; fi; "
                + "for l in $(/sbin/ip -o link show type macsec | sed -n 's/^[0-9]*: *\\([^@:]*\\).*/\\1/p'); do "
                + "/sbin/ip link del $l; done; true");
    }

    /** Whether mkad runs, and the last state its CP state machine logged (it has no status command without D-Bus). */
    @Override
    public Map<String, String> status() throws IOException {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("mka", name());
        m.put("running", run("[ -f " + dir() + "/mkad.pid ] && kill -0 $(cat " + dir() + "/mkad.pid) 2>/dev/null "
                + "&& echo yes || echo no").strip());
        String cp = run("grep -o 'FSM MKA_CP/0 transitions to state [A-Z_]*' " + dir() + "/mkad.log 2>/dev/null | tail -1 || true")
                .strip();
        if (!cp.isEmpty()) {
            m.put("cp_state", cp.substring(cp.lastIndexOf(' ') + 1));
        }
        return m;
    }
}
