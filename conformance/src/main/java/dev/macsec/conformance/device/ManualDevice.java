package dev.macsec.conformance.device;

import dev.macsec.counter.Counter;
import dev.macsec.counter.CounterValues;
import dev.macsec.counter.ScCounters;
import dev.macsec.counter.SecYCounters;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.EnumMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A device an operator configures by hand: each step prints what to apply and waits for confirmation
 * on the input ("fail" or end of input aborts). A step gives the whole configuration of one managed object: the
 * text alone must do (ManualOperatorLinuxVmTest configures the Linux VM from it and must get the linux-vm adapter's
 * verdicts). Counters are typed in as {@code name=value} pairs (a SecY or receive SC counter by its 802.1AE name; an
 * SA's or the transmit SC's with a prefix, {@code rxsa.0.}, {@code txsc.}, {@code txsa.0.}: the prompt shows them) or
 * skipped with an empty line; a counter not typed in is not reported.
 * SAKs are printed because the operator has to enter them; use test keys only.
 * <p>
 * For the 802.1X (MKA) suite it is a {@link ManagedKay}: the steps give the KaY's whole configuration (CKN, CAK,
 * key server priority, MACsec policy, cipher suite, confidentiality offset, replay protection and window; the CAK is
 * printed there and nowhere else), and the operator types the number of echo replies a ping got and, where a case
 * asks, the receive SC's counters. Those prompts are answered while the tester's MKA participant keeps running: they
 * are read on a thread of their own ({@link #ping} returns at once), one at a time and in order.
 */
public final class ManualDevice implements DeviceUnderTest, ManagedKay {
    private final BufferedReader in;
    private final PrintStream out;
    private final String description;
    /** The device port's MAC ("aa:bb:..."), from the device file's link; null when not known. */
    private final String deviceMac;
    private SecYConfig config;
    private long rxSci = -1;
    /** Reads the MKA suite's prompts off the caller's thread, one at a time, so that they keep their order. */
    private final java.util.concurrent.ExecutorService operator = java.util.concurrent.Executors.newSingleThreadExecutor(
            r -> Thread.ofPlatform().daemon().name("manual-operator").unstarted(r));

    public ManualDevice(String description, String deviceMac) {
        this(description, deviceMac, new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)),
                System.out);
    }

    public ManualDevice(String description, BufferedReader in, PrintStream out) {
        this(description, null, in, out);
    }

    /**
     * @param deviceMac the MAC address of the device's port (the device file's {@code link.deviceMac}), which with the
     *                  port identifier makes the SecY's SCI the steps print; null when not known
     */
    public ManualDevice(String description, String deviceMac, BufferedReader in, PrintStream out) {
        this.description = description == null ? "manually configured device" : description;
        this.deviceMac = deviceMac == null ? null : deviceMac.trim().toLowerCase(java.util.Locale.ROOT);
        this.in = in;
        this.out = out;
    }

    @Override
    public DeviceIdentity identity() {
        return new DeviceIdentity("manual", description, Map.of());
    }

    /*
     * The steps name every control by its 802.1AE managed-object name (10.7), so that an operator can find it in any
     * vendor's configuration, and give every value the device needs: nothing is left to a default that differs
     * between vendors.
     */

    @Override
    public void createSecY(SecYConfig c) throws IOException {
        confirm("Create the SecY on the port facing the tester: " + secYSci(c.port())
                + ", cipher suite " + c.cipherSuite().standardName()
                + ", protectFrames on, confidentiality " + (c.encrypt() ? "on (encrypt)" : "off (integrity only)")
                + ", confidentialityOffset " + c.confidentialityOffset()
                + ", alwaysIncludeSCI " + (c.includeSci() ? "on" : "off") + ", useES off, useSCB off"
                + ", validateFrames " + SecYConfig.name(c.validateFrames())
                + ", replayProtect " + (c.replayProtect() ? "on" : "off") + ", replayWindow " + c.replayWindow());
        config = c;
    }

    /** The SecY's SCI as the steps write it: with the port's MAC where the device file gives it. */
    private String secYSci(int port) {
        return deviceMac == null ? "SCI this port's MAC address with port identifier " + port
                : "SCI " + Sci.hex(Sci.of(deviceMac, port)) + " (MAC " + deviceMac + ", port identifier " + port + ")";
    }

    /** The transmit SC's SCI, for its SAs' key identifiers: only the port when the MAC is not known. */
    private long transmitSci() {
        int port = config == null ? 1 : config.port();
        return deviceMac == null ? port : Sci.of(deviceMac, port);
    }

    @Override
    public void deleteSecY() throws IOException {
        confirm("Delete the SecY");
        config = null;
    }

    @Override
    public void installTxSa(SaConfig sa) throws IOException {
        confirm("Install the transmit SA " + describe(sa, transmitSci()) + ", enableTransmit "
                + (sa.active() ? "on" : "off") + "; make AN " + sa.an() + " the encoding SA (encodingSA " + sa.an() + ")");
    }

    @Override
    public void installRxSc(long sci) throws IOException {
        confirm("Create the receive SC for SCI " + Sci.hex(sci) + " (MAC " + Sci.mac(sci) + ", port identifier "
                + Sci.port(sci) + "), receiving on");
        rxSci = sci;
    }

    @Override
    public void installRxSa(long sci, SaConfig sa) throws IOException {
        confirm("Install on the receive SC " + Sci.hex(sci) + " the receive SA " + describe(sa, sci)
                + ", enableReceive " + (sa.active() ? "on" : "off"));
    }

    @Override
    public void configureIp(String cidr, String peerIp, String peerMac) throws IOException {
        confirm("Give the SecY's controlled port the address " + cidr + " and a static ARP entry " + peerIp
                + " -> " + peerMac);
    }

    /** AN, next PN, SAK with its key identifier, and for XPN the SSCI and salt. */
    private static String describe(SaConfig sa, long sci) {
        String s = "AN " + sa.an() + ", nextPN " + Long.toUnsignedString(sa.nextPn())
                + (sa.xpn() ? " (64-bit XPN)" : "") + ", SAK " + HexFormat.of().formatHex(sa.key().keyBytes())
                + ", KI " + sa.keyIdentifier(sci);
        if (sa.xpn()) {
            s += ", SSCI " + Integer.toUnsignedString(sa.key().ssci()) + ", salt " + HexFormat.of().formatHex(sa.key().salt());
        }
        return s;
    }

    @Override
    public SecYCounters counters() throws IOException {
        out.println("Enter the SecY's counters as name=value pairs (" + Counter.IN_PKTS_OK + "=1 rxsa.0."
                + Counter.IN_PKTS_OK + "=1 txsc." + Counter.OUT_PKTS_PROTECTED + "=1 txsa.0."
                + Counter.OUT_PKTS_PROTECTED + "=1 ...), or an empty line to skip:");
        out.flush();
        String line = in.readLine();
        Map<Counter, Long> secY = new EnumMap<>(Counter.class);
        Map<Counter, Long> txSc = new EnumMap<>(Counter.class);
        Map<Integer, Map<Counter, Long>> txSa = new TreeMap<>();
        Map<Counter, Long> rxSc = new EnumMap<>(Counter.class);
        Map<Integer, Map<Counter, Long>> rxSa = new TreeMap<>();
        if (line != null) {
            for (String pair : line.trim().split("[\\s,]+")) {
                if (pair.isEmpty()) {
                    continue;
                }
                int eq = pair.indexOf('=');
                if (eq < 1) {
                    throw new DeviceException("manual counters: expected name=value, got '" + pair + "'");
                }
                String name = pair.substring(0, eq);
                long value;
                try {
                    value = Long.parseLong(pair.substring(eq + 1));
                } catch (NumberFormatException e) {
                    throw new DeviceException("manual counters: '" + pair + "' has no number");
                }
                Matcher sa = SA_COUNTER.matcher(name);
                if (name.startsWith("txsc.")) {
                    txSc.put(counter(name, name.substring(5), Counter.Scope.TRANSMIT_SC), value);
                } else if (sa.matches()) {
                    boolean tx = sa.group(1).equals("tx");
                    Counter c = counter(name, sa.group(3), tx ? Counter.Scope.TRANSMIT_SA : Counter.Scope.RECEIVE_SA);
                    (tx ? txSa : rxSa).computeIfAbsent(Integer.parseInt(sa.group(2)), k -> new EnumMap<>(Counter.class))
                            .put(c, value);
                } else {
                    Counter c = counter(name, name, null);
                    (c.in(Counter.Scope.SECY) ? secY : rxSc).put(c, value);
                }
            }
        }
        Map<Long, ScCounters> rx = new LinkedHashMap<>();
        if (rxSci >= 0 || !rxSc.isEmpty() || !rxSa.isEmpty()) {
            rx.put(rxSci, ScCounters.of(rxSc, rxSa));
        }
        Optional<ScCounters> tx = txSc.isEmpty() && txSa.isEmpty() ? Optional.empty()
                : Optional.of(ScCounters.of(txSc, txSa));
        return new SecYCounters(new CounterValues(secY), rx, tx);
    }

    private static final Pattern SA_COUNTER = Pattern.compile("(rx|tx)sa\\.([0-3])\\.(.+)");

    /**
     * The 802.1AE counter {@code name} in {@code entry}, one a managed object of {@code scope} keeps; without a scope,
     * one of the SecY or of a receive SC (the names that need no prefix).
     */
    private static Counter counter(String entry, String name, Counter.Scope scope) throws DeviceException {
        Counter c = Counter.named(name).orElseThrow(() -> new DeviceException(
                "manual counters: '" + entry + "': " + name + " is not an 802.1AE counter"));
        if (scope != null && !c.in(scope)) {
            throw new DeviceException("manual counters: '" + entry + "': 802.1AE keeps no " + name + " there");
        }
        if (scope == null && !c.in(Counter.Scope.SECY) && !c.in(Counter.Scope.RECEIVE_SC)) {
            throw new DeviceException("manual counters: '" + entry + "': a transmit SC's counter goes as txsc." + name);
        }
        return c;
    }

    @Override
    public void reset() throws IOException {
        confirm("Clear the SecY's counters (delete and re-create it with the same SCs and SAs)");
    }

    private void confirm(String step) throws IOException {
        out.println(">>> " + step);
        out.println("    press Enter when done, or type 'fail' if the device refuses it");
        out.flush();
        String answer = in.readLine();
        if (answer == null || answer.trim().equalsIgnoreCase("fail")) {
            throw new DeviceException("manual device: operator could not apply: " + masked(step));
        }
    }

    private static String masked(String step) {
        return step.replaceAll("(SAK|CAK) [0-9a-f]+", "$1 <key>");
    }

    // ------------------------------------------------------------------ the KaY (802.1X MKA suite)

    @Override
    public String kayName() {
        return "operator-configured";
    }

    /** 802.1X-2020 11.11.2: a KaY processes MKPDUs of any version from 1 on. */
    @Override
    public int lowestMkaVersionAccepted() {
        return 1;
    }

    /** Not known: every suite is asked for, and the operator refuses what the device lacks. */
    @Override
    public java.util.Set<dev.macsec.suite.CipherSuite> mkaCipherSuites() {
        return java.util.EnumSet.allOf(dev.macsec.suite.CipherSuite.class);
    }

    @Override
    public void startKay(MkaDaemon.Config c) throws IOException {
        String suite = (c.cipherSuite() == null ? dev.macsec.suite.CipherSuite.GCM_AES_128 : c.cipherSuite()).standardName();
        String step = "Stop MKA on the port facing the tester if it runs, then start MKA (an 802.1X-2020 KaY) on that "
                + "port" + (deviceMac == null ? "" : " (MAC " + deviceMac + ")") + " with one pre-shared CAK"
                + ": CKN " + c.cknHex() + ", CAK " + c.cakHex() + " (" + c.cakHex().length() * 4 + "-bit)"
                + ", key server priority " + c.priority()
                + ", MACsec policy " + (c.policy() == 1 ? "must secure (macsec_policy 1: no unprotected frames when MKA "
                + "fails)" : "should secure (macsec_policy 0: unprotected frames while MKA has no peer)")
                + ", cipher suite " + suite
                + ", confidentiality offset " + (c.integrityOnly() ? "integrity only (no confidentiality)" : "0")
                + ", replayProtect " + (c.replayProtect() ? "on, replayWindow " + c.replayWindow() : "off")
                + ", MKA hello time 2 s, MKA life time 6 s";
        try {
            onOperatorThread(() -> {
                confirm(step);
                return null;
            });
        } catch (DeviceException e) {
            throw new Refused(e.getMessage());
        }
    }

    @Override
    public void stopKay() throws IOException {
        onOperatorThread(() -> {
            confirm("Stop MKA on the port facing the tester and remove the SecY it created");
            return null;
        });
    }

    @Override
    public void addressControlledPort(String cidr, String peerIp, String peerMac) throws IOException {
        onOperatorThread(() -> {
            confirm("Give MKA's controlled port (the port itself where MKA created no SecY) the address " + cidr
                    + " and a static ARP entry " + peerIp + " -> " + peerMac);
            return null;
        });
    }

    @Override
    public Ping ping(String peerIp, int count) {
        java.util.concurrent.Future<Integer> replies = operator.submit(() -> {
            out.println(">>> From MKA's controlled port, ping " + peerIp + " " + count + " times, one a second, waiting "
                    + "1 s for each reply (ping -c " + count + " -W 1 " + peerIp + ")");
            out.println("    type the number of echo replies received, or 'fail' if the device cannot ping");
            out.flush();
            String answer = in.readLine();
            if (answer == null || answer.trim().equalsIgnoreCase("fail")) {
                throw new DeviceException("manual device: operator could not ping " + peerIp);
            }
            try {
                return Integer.parseInt(answer.trim());
            } catch (NumberFormatException e) {
                throw new DeviceException("manual device: echo replies: '" + answer.trim() + "' is not a number");
            }
        });
        return () -> await(replies);
    }

    @Override
    public SecYCounters counters(long peerSci) throws IOException {
        return onOperatorThread(() -> {
            rxSci = peerSci;
            out.println("Counters of the SecY MKA created, with the receive SC for SCI " + Sci.hex(peerSci) + ":");
            return counters();
        });
    }

    /** Nothing: what the operator types is all the device says. */
    @Override
    public Optional<MkaDaemon> evidence() {
        return Optional.empty();
    }

    private interface Prompt<T> {
        T run() throws IOException;
    }

    private <T> T onOperatorThread(Prompt<T> p) throws IOException {
        return await(operator.submit(p::run));
    }

    private static <T> T await(java.util.concurrent.Future<T> f) throws IOException {
        try {
            return f.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new java.io.InterruptedIOException("interrupted waiting for the operator");
        } catch (java.util.concurrent.ExecutionException e) {
            if (e.getCause() instanceof IOException io) {
                throw io;
            }
            throw new IllegalStateException(e.getCause());
        }
    }

    public SecYConfig config() {
        return config;
    }

    @Override
    public void close() {
        operator.shutdownNow();
        out.flush();
    }
}
