package dev.macsec.conformance.interop;

import dev.macsec.conformance.device.CommandRunner;
import dev.macsec.conformance.device.DeviceException;
import dev.macsec.conformance.device.NamespaceShell;

import java.io.IOException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One shared Ethernet segment in the linux-vm guest: a bridge holding the guest's data port (so the tester's link is a
 * station on it and records every frame) and one veth port per network namespace, each namespace a station for one
 * KaY. The bridge floods every frame (ageing time 0: it learns no address, so the tester sees unicast between two
 * namespaces too) and forwards the PAE group address 01-80-C2-00-00-03 (group_fwd_mask bit 3), which a bridge
 * otherwise keeps to itself; this is how hostap's own tests give three wpa_supplicants one segment (psk_br3).
 */
final class Segment {
    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    private static final Pattern PACKETS_RECEIVED = Pattern.compile("(\\d+) packets received");

    /** A station: a namespace with the port {@code ifname}, its MAC address and the IPv4 address its KaY's port gets. */
    record Station(String namespace, String ifname, String mac, String ip, NamespaceShell shell) {
    }

    private final CommandRunner guest;
    private final Map<String, Station> stations = new LinkedHashMap<>();

    Segment(CommandRunner guest) {
        this.guest = guest;
    }

    /** Builds the bridge (once per guest) and the stations named (A, B, C: namespaces nsA... with ports kayA...). */
    void build(String... names) throws IOException {
        StringBuilder s = new StringBuilder()
                .append("set -e\n")
                .append("if ! /sbin/ip link show br0 >/dev/null 2>&1; then\n")
                .append("  /sbin/ip link add br0 type bridge stp_state 0 ageing_time 0\n")
                .append("  echo 8 > /sys/class/net/br0/bridge/group_fwd_mask\n")
                .append("  /sbin/ip link set data0 master br0\n")
                .append("  /sbin/ip link set br0 up\n")
                .append("fi\n");
        for (String n : names) {
            s.append("if [ ! -e /run/netns/ns").append(n).append(" ]; then\n")
                    .append("  /sbin/ip netns add ns").append(n).append('\n')
                    .append("  /sbin/ip link add kay").append(n).append(" type veth peer name br").append(n).append('\n')
                    .append("  /sbin/ip link set kay").append(n).append(" netns ns").append(n).append('\n')
                    .append("  /sbin/ip link set br").append(n).append(" master br0\n")
                    .append("  /sbin/ip link set br").append(n).append(" up\n")
                    // no IPv6 in the namespaces either: no router solicitation or MLD report in clear on the segment
                    .append("  /sbin/ip netns exec ns").append(n).append(" sh -c 'echo 1 > /proc/sys/net/ipv6/conf/all/disable_ipv6; ")
                    .append("echo 1 > /proc/sys/net/ipv6/conf/default/disable_ipv6; /sbin/ip link set lo up; /sbin/ip link set kay")
                    .append(n).append(" up'\n")
                    .append("fi\n")
                    .append("echo ").append(n).append(" $(/sbin/ip netns exec ns").append(n)
                    .append(" cat /sys/class/net/kay").append(n).append("/address)\n");
        }
        String out = run(guest, s.toString());
        int host = 11;
        for (String n : names) {
            Matcher m = Pattern.compile("(?m)^" + n + " ([0-9a-f:]{17})$").matcher(out);
            if (!m.find()) {
                throw new DeviceException("station " + n + ": no MAC address in: " + out.strip());
            }
            stations.put(n, new Station("ns" + n, "kay" + n, m.group(1), "10.1.0." + (host + (n.charAt(0) - 'A')),
                    new NamespaceShell(guest, "ns" + n)));
        }
    }

    Station station(String name) {
        Station s = stations.get(name);
        if (s == null) {
            throw new IllegalStateException("no station " + name + " (built: " + stations.keySet() + ")");
        }
        return s;
    }

    /**
     * Gives the KaY's Controlled Port in {@code s} (its macsec interface, once the KaY created it) the station's address;
     * brings it up unless the KaY keeps its port state itself. False while the KaY has no macsec interface yet.
     */
    boolean addressPort(Station s, boolean kayControlsPortState) throws IOException {
        String out = run(s.shell(), "m=$(/sbin/ip -o link show type macsec | sed -n 's/^[0-9]*: *\\([^@:]*\\).*/\\1/p' | head -1)\n"
                + "[ -n \"$m\" ] || { echo none; exit 0; }\n"
                + (kayControlsPortState ? "" : "/sbin/ip link set $m up\n")
                + "/sbin/ip addr replace " + s.ip() + "/24 dev $m\n"
                + "echo port $m\n");
        return out.contains("port ");
    }

    /** Starts {@code count} pings (one a second, 1 s wait each) from {@code from} to {@code ip} in the background. */
    void startPing(Station from, String ip, int count) throws IOException {
        run(from.shell(), "rm -f /tmp/ping-" + from.namespace() + ".out; (ping -c " + count + " -i 0.5 -W 1 " + ip
                + " > /tmp/ping-" + from.namespace() + ".out 2>&1 &)");
    }

    /** Echo replies the last background ping of {@code from} got. */
    int pingReplies(Station from) throws IOException {
        Matcher m = PACKETS_RECEIVED.matcher(run(from.shell(), "cat /tmp/ping-" + from.namespace() + ".out 2>/dev/null || true"));
        return m.find() ? Integer.parseInt(m.group(1)) : 0;
    }

    private static String run(CommandRunner shell, String script) throws IOException {
        CommandRunner.CommandResult r = shell.run(script, TIMEOUT);
        if (!r.ok()) {
            throw new DeviceException("on " + shell.describe() + ": exit " + r.exitStatus() + ": " + r.output().strip());
        }
        return r.output();
    }
}
