package dev.macsec.conformance.device;

import java.io.IOException;
import java.time.Duration;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The 802.1X PAE of a Linux guest in client-oriented MKA: hostapd 2.10 with MACsec (conformance/vm/build-hostapd;
 * Debian's own has none) as authenticator and RADIUS client, or wpa_supplicant 2.10 as EAP-TLS supplicant, each with
 * driver {@code macsec_linux} so that its KaY keys the kernel's SecY once EAP succeeds. Configuration, certificates
 * and keys go into the guest's RAM disk through the harness's private shell channel; secrets reach no command line
 * or log of ours.
 */
public final class GuestPae implements EapControl {
    private static final String DIR = "/tmp/pae";
    private static final Pattern MACSEC_LINK = Pattern.compile("^\\d+:\\s+([^:@\\s]+)[@:]", Pattern.MULTILINE);

    private final CommandRunner shell;
    private final String ifname;
    private String running;

    public GuestPae(CommandRunner shell, String ifname) {
        this.shell = shell;
        this.ifname = ifname;
    }

    /** hostapd's configuration (hostapd.conf of 2.10) for a wired authenticator with MACsec. */
    static String hostapdConf(String ifname, AuthenticatorConfig c) {
        String ownIp = c.radiusCidr().replaceFirst("/.*", "");
        return "interface=" + ifname + "\n"
                + "driver=macsec_linux\n"
                + "ctrl_interface=" + DIR + "/hostapd\n"
                + "logger_stdout=-1\n"
                + "logger_stdout_level=0\n"
                + "ieee8021x=1\n"
                + "eapol_version=3\n"
                + "use_pae_group_addr=1\n"
                + "macsec_policy=" + c.policy() + "\n"
                + "mka_priority=" + c.mkaPriority() + "\n"
                + "eap_server=0\n"
                + "own_ip_addr=" + ownIp + "\n"
                + "nas_identifier=macsec-dut\n"
                + "auth_server_addr=" + c.radiusServer() + "\n"
                + "auth_server_port=1812\n"
                + "auth_server_shared_secret=" + c.secret() + "\n"
                // EAP-Key-Name (RFC 4072 6.2) holding one NUL asks the server for the EAP Session-Id, which hostapd
                // needs for the CKN (802.1X-2020 6.2.2)
                + "radius_auth_req_attr=102:x:00\n";
    }

    /** wpa_supplicant's configuration for a wired EAP-TLS supplicant with MACsec. */
    static String supplicantConf(SupplicantConfig c) {
        return "ctrl_interface=" + DIR + "/wpa\n"
                + "ap_scan=0\n"
                + "eapol_version=3\n"
                + "network={\n"
                + "  key_mgmt=IEEE8021X\n"
                + "  eap=TLS\n"
                + "  eapol_flags=0\n"
                + "  identity=\"" + c.identity() + "\"\n"
                + "  ca_cert=\"" + DIR + "/ca.pem\"\n"
                + "  client_cert=\"" + DIR + "/client.pem\"\n"
                + "  private_key=\"" + DIR + "/client.key\"\n"
                + "  macsec_policy=" + c.policy() + "\n"
                + "  mka_priority=" + c.mkaPriority() + "\n"
                + "}\n";
    }

    private String run(String script) throws IOException {
        CommandRunner.CommandResult r = shell.run(script, Duration.ofSeconds(30));
        if (!r.ok()) {
            throw new DeviceException("on " + shell.describe() + ": exit " + r.exitStatus() + ": " + r.output().strip());
        }
        return r.output();
    }

    @Override
    public Optional<String> authenticatorUnavailable() throws IOException {
        return run("[ -x /sbin/hostapd ] && echo yes || echo no").strip().equals("yes") ? Optional.empty()
                : Optional.of("the device image has no hostapd with MACsec (conformance/vm/build-hostapd could not "
                + "build it here: Debian's wpa source was not obtainable)");
    }

    @Override
    public String authenticatorName() {
        return "hostapd 2.10 (Debian source, CONFIG_MACSEC)";
    }

    @Override
    public String supplicantName() {
        return "wpa_supplicant 2.10";
    }

    @Override
    public void startAuthenticator(AuthenticatorConfig c) throws IOException {
        stopPae();
        run("mkdir -p " + DIR + " && umask 077 && cat > " + DIR + "/hostapd.conf <<'EOF'\n" + hostapdConf(ifname, c)
                + "EOF\n"
                + "/sbin/ip addr flush dev " + ifname + "; /sbin/ip addr add " + c.radiusCidr() + " dev " + ifname + "\n"
                + "/sbin/ip link set " + ifname + " up\n"
                // in the background of the guest shell rather than -B: hostapd's -f needs CONFIG_DEBUG_FILE
                + "(/sbin/hostapd -t -dd -K " + DIR + "/hostapd.conf > " + DIR + "/pae.log 2>&1 </dev/null & echo $! > "
                + DIR + "/pae.pid)\n");
        running = "hostapd";
    }

    @Override
    public void startSupplicant(SupplicantConfig c) throws IOException {
        stopPae();
        run("mkdir -p " + DIR + " && umask 077 && cat > " + DIR + "/wpa.conf <<'EOF'\n" + supplicantConf(c) + "EOF\n"
                + "cat > " + DIR + "/ca.pem <<'EOF'\n" + c.caPem().strip() + "\nEOF\n"
                + "cat > " + DIR + "/client.pem <<'EOF'\n" + c.certPem().strip() + "\nEOF\n"
                + "cat > " + DIR + "/client.key <<'EOF'\n" + c.keyPem().strip() + "\nEOF\n"
                + "/sbin/ip addr flush dev " + ifname + "; /sbin/ip link set " + ifname + " up\n"
                + "/sbin/wpa_supplicant -B -t -dd -K -D macsec_linux -i " + ifname + " -c " + DIR + "/wpa.conf -P "
                + DIR + "/pae.pid -f " + DIR + "/pae.log\n");
        running = "wpa_supplicant";
    }

    @Override
    public void supplicantLogoff() throws IOException {
        wpaCli("logoff");
    }

    @Override
    public void supplicantRestart(int startPeriodSeconds, int maxStart) throws IOException {
        // logoff first: the EAPOL state machine takes new timers for the Starts it sends from its next (re)start
        wpaCli("logoff");
        wpaCli("set EAPOL::startPeriod " + startPeriodSeconds);
        wpaCli("set EAPOL::maxStart " + maxStart);
        wpaCli("logon");
    }

    private void wpaCli(String command) throws IOException {
        if (!"wpa_supplicant".equals(running)) {
            throw new IllegalStateException("no supplicant running");
        }
        String out = run("/sbin/wpa_cli -p " + DIR + "/wpa -i " + ifname + " " + command + " 2>&1").strip();
        if (!out.endsWith("OK")) {
            throw new DeviceException("wpa_cli " + command + ": " + out);
        }
    }

    @Override
    public void stopPae() throws IOException {
        run("if [ -f " + DIR + "/pae.pid ]; then p=$(cat " + DIR + "/pae.pid); kill $p 2>/dev/null; "
                + "i=0; while kill -0 $p 2>/dev/null && [ $i -lt 50 ]; do sleep 0.1; i=$((i+1)); done; "
                + "kill -9 $p 2>/dev/null; rm -f " + DIR + "/pae.pid; fi; "
                + "for l in $(/sbin/ip -o link show type macsec | sed -n 's/^[0-9]*: *\\([^@:]*\\).*/\\1/p'); do "
                + "/sbin/ip link del $l; done; rm -rf " + DIR + "/wpa " + DIR + "/hostapd; "
                + "/sbin/ip addr flush dev " + ifname + "; true");
        running = null;
    }

    @Override
    public String controlledPort() throws IOException {
        Matcher m = MACSEC_LINK.matcher(run("/sbin/ip -o link show type macsec"));
        return m.find() ? m.group(1) : null;
    }

    @Override
    public String paeLog(int lines) throws IOException {
        return run("tail -n " + lines + " " + DIR + "/pae.log 2>/dev/null || true");
    }
}
