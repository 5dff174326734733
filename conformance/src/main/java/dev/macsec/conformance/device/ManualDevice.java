package dev.macsec.conformance.device;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A device an operator configures by hand: each step prints what to apply and waits for confirmation
 * on the input ("fail" or end of input aborts). Counters are typed in as {@code name=value} pairs
 * ({@code InPktsOK=1}, or {@code rxsa.0.InPktsOK=1}, {@code txsc.OutPktsProtected=3}) or skipped with an
 * empty line; skipped counters read as -1.
 * SAKs are printed because the operator has to enter them; use test keys only.
 */
public final class ManualDevice implements DeviceUnderTest {
    private final BufferedReader in;
    private final PrintStream out;
    private final String description;
    private SecYConfig config;
    private long rxSci = -1;

    public ManualDevice(String description) {
        this(description, new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)), System.out);
    }

    public ManualDevice(String description, BufferedReader in, PrintStream out) {
        this.description = description == null ? "manually configured device" : description;
        this.in = in;
        this.out = out;
    }

    @Override
    public DeviceIdentity identity() {
        return new DeviceIdentity("manual", description, Map.of());
    }

    @Override
    public void createSecY(SecYConfig c) throws IOException {
        confirm("Create a SecY: port " + c.port() + ", cipher suite " + c.cipherSuite().standardName()
                + ", validateFrames " + SecYConfig.name(c.validateFrames())
                + ", replayProtect " + (c.replayProtect() ? "on" : "off") + ", replayWindow " + c.replayWindow()
                + ", confidentiality " + (c.encrypt() ? "on, offset " + c.confidentialityOffset() : "off")
                + ", include SCI " + (c.includeSci() ? "on" : "off"));
        config = c;
    }

    @Override
    public void deleteSecY() throws IOException {
        confirm("Delete the SecY");
        config = null;
    }

    @Override
    public void installTxSa(SaConfig sa) throws IOException {
        confirm("Install and enable the transmit SA " + describe(sa));
    }

    @Override
    public void installRxSc(long sci) throws IOException {
        confirm("Create the receive SC for SCI " + Sci.hex(sci));
        rxSci = sci;
    }

    @Override
    public void installRxSa(long sci, SaConfig sa) throws IOException {
        confirm("Install on receive SC " + Sci.hex(sci) + " the SA " + describe(sa));
    }

    @Override
    public void configureIp(String cidr, String peerIp, String peerMac) throws IOException {
        confirm("Give the SecY's controlled port the address " + cidr + " and a static ARP entry " + peerIp
                + " -> " + peerMac);
    }

    private String describe(SaConfig sa) {
        String s = "AN " + sa.an() + ", " + (sa.xpn() ? "XPN " : "PN ") + Long.toUnsignedString(sa.nextPn())
                + ", SAK " + HexFormat.of().formatHex(sa.key().keyBytes());
        if (sa.xpn()) {
            s += ", SSCI " + Integer.toUnsignedString(sa.key().ssci()) + ", salt " + HexFormat.of().formatHex(sa.key().salt());
        }
        return s + (sa.active() ? ", active" : ", not active");
    }

    @Override
    public MacsecCounters counters() throws IOException {
        out.println("Enter the SecY's counters as name=value pairs (InPktsOK=1 rxsa.0.InPktsOK=1 "
                + "txsc.OutPktsProtected=1 ...), or an empty line to skip:");
        out.flush();
        String line = in.readLine();
        Map<String, Long> secY = new LinkedHashMap<>();
        Map<String, Long> txSc = new LinkedHashMap<>();
        Map<String, Long> rxSc = new LinkedHashMap<>();
        Map<Integer, Map<String, Long>> rxSa = new LinkedHashMap<>();
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
                if (name.startsWith("txsc.")) {
                    txSc.put(name.substring(5), value);
                } else if (name.matches("rxsa\\.[0-3]\\..+")) {
                    rxSa.computeIfAbsent(name.charAt(5) - '0', k -> new LinkedHashMap<>()).put(name.substring(7), value);
                } else if (name.startsWith("In") && name.matches("InPkts(OK|Invalid|NotValid|NotUsingSA|UnusedSA|"
                        + "Unchecked|Delayed|Late)|InOctets(Validated|Decrypted)")) {
                    rxSc.put(name, value);
                } else {
                    secY.put(name, value);
                }
            }
        }
        Map<Long, MacsecCounters.RxSc> rx = new LinkedHashMap<>();
        if (rxSci >= 0 || !rxSc.isEmpty() || !rxSa.isEmpty()) {
            rx.put(rxSci, new MacsecCounters.RxSc(rxSci, rxSc, rxSa));
        }
        return new MacsecCounters(secY, txSc, Map.of(), rx);
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
            throw new DeviceException("manual device: operator could not apply: " + step.replaceAll("SAK [0-9a-f]+", "SAK <key>"));
        }
    }

    public SecYConfig config() {
        return config;
    }

    @Override
    public void close() {
        out.flush();
    }
}
