package dev.macsec.conformance.device;

import dev.macsec.counter.SecYCounters;
import dev.macsec.suite.CipherSuite;

import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** {@link ManagedKay} of a device the harness drives itself: its KaY daemon and a shell on it ({@link KayControl}). */
public final class ShellKay implements ManagedKay {
    private static final Pattern PING_RECEIVED = Pattern.compile("(\\d+) packets received");
    private static final Duration SHELL_TIMEOUT = Duration.ofSeconds(30);

    private final MkaDaemon kay;
    private final CommandRunner shell;

    public ShellKay(KayControl c) {
        this.kay = c.kay();
        this.shell = c.shell();
    }

    @Override
    public String kayName() {
        return kay.name();
    }

    @Override
    public int lowestMkaVersionAccepted() {
        return kay.lowestMkaVersionAccepted();
    }

    @Override
    public Set<CipherSuite> mkaCipherSuites() {
        return kay.mkaCipherSuites();
    }

    @Override
    public void startKay(MkaDaemon.Config c) throws IOException {
        kay.start(c);
    }

    @Override
    public void stopKay() throws IOException {
        kay.stop();
    }

    @Override
    public void addressControlledPort(String cidr, String peerIp, String peerMac) throws IOException {
        String macsec = kay.macsecInterface();
        // with should-secure and no agreed SAK, wpa_supplicant creates no macsec interface: the data port carries the traffic
        String dev = macsec != null ? macsec : kay.ifname();
        boolean leaveDown = kay.controlsPortState() && !dev.equals(kay.ifname());
        shell.run((leaveDown ? "" : "/sbin/ip link set " + dev + " up; ") + "/sbin/ip addr flush dev " + kay.ifname()
                + "; /sbin/ip addr replace " + cidr + " dev " + dev + "; /sbin/ip neigh replace " + peerIp + " lladdr "
                + peerMac + " dev " + dev + " nud permanent", SHELL_TIMEOUT);
    }

    @Override
    public Ping ping(String peerIp, int count) throws IOException {
        shell.run("mkdir -p /tmp/mka; rm -f /tmp/mka/ping.out; (ping -c " + count + " -W 1 " + peerIp
                + " > /tmp/mka/ping.out 2>&1 &)", SHELL_TIMEOUT);
        return () -> {
            Matcher m = PING_RECEIVED.matcher(shell.run("cat /tmp/mka/ping.out", SHELL_TIMEOUT).output());
            return m.find() ? Integer.parseInt(m.group(1)) : 0;
        };
    }

    @Override
    public SecYCounters counters(long peerSci) throws IOException {
        Map<String, SecYCounters> all = IpMacsecParser.parse(kay.macsecShow());
        for (SecYCounters c : all.values()) {
            if (c.receiveScs().containsKey(peerSci)) {
                return c;
            }
        }
        throw new DeviceException("no receive SC for " + Sci.hex(peerSci) + " in ip -s macsec show");
    }

    @Override
    public Optional<MkaDaemon> evidence() {
        return Optional.of(kay);
    }
}
