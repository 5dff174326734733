package dev.macsec.conformance.device;

import dev.macsec.counter.SecYCounters;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A Linux kernel SecY driven with iproute2's {@code ip macsec}, through any {@link CommandRunner}.
 * Every command names the ip binary by path: busybox's ash runs its own {@code ip} applet (which has
 * no macsec) even when iproute2's comes first in PATH.
 */
public class LinuxDevice implements DeviceUnderTest {
    private static final Duration TIMEOUT = Duration.ofSeconds(20);

    private final CommandRunner runner;
    private final String kind;
    private final String lower;
    private final String name;
    private final String ip;

    private SecYConfig config;
    private final List<SaConfig> txSas = new ArrayList<>();
    private final Map<Long, List<SaConfig>> rxSas = new LinkedHashMap<>();
    private String[] ipConfig;

    /**
     * @param runner    where commands run
     * @param kind      adapter kind for {@link #identity()}
     * @param lower     the physical interface facing the tester (e.g. data0, eth1)
     * @param macsecName name of the SecY interface to create (e.g. macsec0)
     * @param ipCommand path of iproute2's ip (e.g. /sbin/ip)
     */
    public LinuxDevice(CommandRunner runner, String kind, String lower, String macsecName, String ipCommand) {
        this.runner = runner;
        this.kind = kind;
        this.lower = checkName(lower);
        this.name = checkName(macsecName);
        this.ip = ipCommand;
    }

    private static String checkName(String ifname) {
        if (!ifname.matches("[A-Za-z0-9_.-]{1,15}")) {
            throw new IllegalArgumentException("not an interface name: " + ifname);
        }
        return ifname;
    }

    public CommandRunner runner() {
        return runner;
    }

    public String macsecInterface() {
        return name;
    }

    @Override
    public DeviceIdentity identity() throws IOException {
        String out = exec("uname -r; uname -a; " + ip + " -V", "identity").output();
        String[] l = out.split("\n", 3);
        Map<String, String> d = new LinkedHashMap<>();
        d.put("kernel", l.length > 0 ? l[0].trim() : "?");
        d.put("uname", l.length > 1 ? l[1].trim() : "?");
        d.put("iproute2", l.length > 2 ? l[2].trim() : "?");
        d.put("runner", runner.describe());
        d.put("interface", lower);
        return new DeviceIdentity(kind, "Linux " + d.get("kernel") + " (" + d.get("iproute2") + ")", d);
    }

    @Override
    public void createSecY(SecYConfig c) throws IOException {
        if (c.confidentialityOffset() != 0) {
            throw new DeviceException("Linux MACsec does not support a confidentiality offset ("
                    + c.confidentialityOffset() + ")");
        }
        deleteSecY();
        exec(createCommand(c), "create SecY " + name);
        config = c;
    }

    String createCommand(SecYConfig c) {
        StringBuilder s = new StringBuilder();
        s.append(ip).append(" link add link ").append(lower).append(' ').append(name).append(" type macsec")
                .append(" port ").append(c.port())
                .append(" cipher ").append(SecYConfig.name(c.cipherSuite()))
                .append(" icvlen 16")
                .append(" encrypt ").append(c.encrypt() ? "on" : "off")
                .append(" send_sci ").append(c.includeSci() ? "on" : "off")
                .append(" validate ").append(SecYConfig.name(c.validateFrames()))
                // the window with replay off too: it still decides what is Delayed (802.1AE 10.6.5, and
                // macsec_post_decrypt alike), and iproute2 6.1 sends 2^32-1 when it is left out
                .append(" replay ").append(c.replayProtect() ? "on" : "off")
                .append(" window ").append(c.replayWindow())
                .append('\n');
        // no IPv6 on the SecY either: router solicitations and MLD would mix into every case
        s.append("echo 1 > /proc/sys/net/ipv6/conf/").append(name).append("/disable_ipv6 2>/dev/null || true\n");
        s.append(ip).append(" link set ").append(name).append(" up");
        return s.toString();
    }

    /** One script for the whole setup: a case costs one round trip to configure instead of six. */
    @Override
    public void setUp(DeviceSetup d) throws IOException {
        SecYConfig c = d.secY();
        if (c.confidentialityOffset() != 0) {
            throw new DeviceException("Linux MACsec does not support a confidentiality offset ("
                    + c.confidentialityOffset() + ")");
        }
        StringBuilder s = new StringBuilder();
        s.append("if [ -e /sys/class/net/").append(name).append(" ]; then ").append(ip).append(" link del ")
                .append(name).append("; fi\n");
        s.append(createCommand(c)).append('\n');
        config = c;
        txSas.clear();
        rxSas.clear();
        ipConfig = null;
        for (SaConfig sa : d.txSas()) {
            s.append(ip).append(" macsec add ").append(name).append(" tx sa ").append(sa.an())
                    .append(saParams(sa, c.port() & 0xFFFFL)).append('\n');
        }
        if (!d.txSas().isEmpty()) {
            s.append(ip).append(" link set ").append(name).append(" type macsec encodingsa ")
                    .append(d.txSas().get(0).an()).append('\n');
        }
        for (var e : d.rxSas().entrySet()) {
            s.append(ip).append(" macsec add ").append(name).append(" rx").append(rxScRef(e.getKey())).append(" on\n");
            for (SaConfig sa : e.getValue()) {
                s.append(ip).append(" macsec add ").append(name).append(" rx").append(rxScRef(e.getKey()))
                        .append(" sa ").append(sa.an()).append(saParams(sa, e.getKey())).append('\n');
            }
        }
        if (d.cidr() != null) {
            s.append(ip).append(" addr add ").append(d.cidr()).append(" dev ").append(name).append('\n');
            s.append(ip).append(" neigh replace ").append(d.peerIp()).append(" lladdr ").append(d.peerMac())
                    .append(" dev ").append(name).append(" nud permanent\n");
        }
        try {
            exec(s.toString(), "set up SecY " + name);
        } catch (IOException e) {
            config = null;
            throw e;
        }
        txSas.addAll(d.txSas());
        d.rxSas().forEach((k, v) -> rxSas.put(k, new ArrayList<>(v)));
        if (d.cidr() != null) {
            ipConfig = new String[] {d.cidr(), d.peerIp(), d.peerMac()};
        }
    }

    @Override
    public void deleteSecY() throws IOException {
        exec("if [ -e /sys/class/net/" + name + " ]; then " + ip + " link del " + name + "; fi", "delete SecY");
        config = null;
        txSas.clear();
        rxSas.clear();
        ipConfig = null;
    }

    @Override
    public void installTxSa(SaConfig sa) throws IOException {
        requireSecY();
        exec(ip + " macsec add " + name + " tx sa " + sa.an() + saParams(sa, config.port() & 0xFFFFL)
                + "\n" + ip + " link set " + name + " type macsec encodingsa " + sa.an(), "install TX SA " + sa.an());
        txSas.add(sa);
    }

    @Override
    public void installRxSc(long sci) throws IOException {
        requireSecY();
        exec(ip + " macsec add " + name + " rx" + rxScRef(sci) + " on", "install RX SC " + Sci.hex(sci));
        rxSas.put(sci, new ArrayList<>());
    }

    @Override
    public void installRxSa(long sci, SaConfig sa) throws IOException {
        requireSecY();
        List<SaConfig> list = rxSas.get(sci);
        if (list == null) {
            throw new DeviceException("no RX SC " + Sci.hex(sci) + " installed");
        }
        exec(ip + " macsec add " + name + " rx" + rxScRef(sci) + " sa " + sa.an() + saParams(sa, sci),
                "install RX SA " + sa.an() + " on SC " + Sci.hex(sci));
        list.add(sa);
    }

    private static String rxScRef(long sci) {
        return " port " + Sci.port(sci) + " address " + Sci.mac(sci);
    }

    /**
     * @param sciForKeyId the SC the SA is on, for its key identifier ({@link SaConfig#keyIdentifier}); a transmit SA's
     *                    has only the port, this adapter not knowing its MAC: unique among the SecY's keys all the same
     */
    private String saParams(SaConfig sa, long sciForKeyId) {
        if (sa.key().suite() != config.cipherSuite()) {
            throw new IllegalArgumentException("the SecY uses " + config.cipherSuite() + " but the SA's key is for "
                    + sa.key().suite());
        }
        StringBuilder s = new StringBuilder();
        s.append(sa.xpn() ? " xpn " : " pn ").append(Long.toUnsignedString(sa.nextPn()));
        s.append(sa.active() ? " on" : " off");
        if (sa.xpn()) {
            s.append(" ssci ").append(Integer.toUnsignedString(sa.key().ssci()))
                    .append(" salt ").append(HexFormat.of().formatHex(sa.key().salt()));
        }
        s.append(" key ").append(sa.keyIdentifier(sciForKeyId)).append(' ').append(KEY_MARK)
                .append(HexFormat.of().formatHex(sa.key().keyBytes())).append(KEY_MARK);
        return s.toString();
    }

    // brackets key hex inside a command so that error messages can blank it out
    private static final String KEY_MARK = "\u0001";

    @Override
    public void configureIp(String cidr, String peerIp, String peerMac) throws IOException {
        requireSecY();
        if (!cidr.matches("[0-9.]+/\\d+") || !peerIp.matches("[0-9.]+")
                || !peerMac.matches("([0-9a-fA-F]{2}:){5}[0-9a-fA-F]{2}")) {
            throw new IllegalArgumentException("bad address: " + cidr + " " + peerIp + " " + peerMac);
        }
        exec(ip + " addr add " + cidr + " dev " + name + "\n" + ip + " neigh replace " + peerIp + " lladdr "
                + peerMac + " dev " + name + " nud permanent", "configure IP");
        ipConfig = new String[] {cidr, peerIp, peerMac};
    }

    @Override
    public SecYCounters counters() throws IOException {
        requireSecY();
        CommandRunner.CommandResult r = exec(ip + " -s macsec show " + name, "read counters");
        return IpMacsecParser.parse(r.output(), name);
    }

    /** The raw {@code ip -s macsec show} text of the SecY (for samples and reports). */
    public String showRaw() throws IOException {
        return exec(ip + " -s macsec show " + name, "read counters").output();
    }

    @Override
    public void reset() throws IOException {
        requireSecY();
        SecYConfig c = config;
        List<SaConfig> tx = List.copyOf(txSas);
        Map<Long, List<SaConfig>> rx = new LinkedHashMap<>(rxSas);
        String[] addr = ipConfig;
        createSecY(c);
        for (SaConfig sa : tx) {
            installTxSa(sa);
        }
        for (Map.Entry<Long, List<SaConfig>> e : rx.entrySet()) {
            installRxSc(e.getKey());
            for (SaConfig sa : e.getValue()) {
                installRxSa(e.getKey(), sa);
            }
        }
        if (addr != null) {
            configureIp(addr[0], addr[1], addr[2]);
        }
    }

    private void requireSecY() throws DeviceException {
        if (config == null) {
            throw new DeviceException("no SecY created on " + runner.describe());
        }
    }

    private CommandRunner.CommandResult exec(String marked, String what) throws IOException {
        String script = marked.replace(KEY_MARK, "");
        // stop at the first failing command so its message is the one reported
        CommandRunner.CommandResult r = runner.run("set -e\n" + script, TIMEOUT);
        if (!r.ok()) {
            String shown = marked.replaceAll(KEY_MARK + "[0-9a-f]*" + KEY_MARK, "<key>");
            throw new DeviceException(kind + ": " + what + " failed (exit " + r.exitStatus() + "): "
                    + r.output().strip() + " [command: " + shown.replace('\n', ';') + "]");
        }
        return r;
    }

    @Override
    public void close() {
        try {
            if (config != null) {
                deleteSecY();
            }
        } catch (IOException ignored) {
            // the device may already be gone
        } finally {
            runner.close();
        }
    }
}
