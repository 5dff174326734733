package dev.macsec.conformance.runner;

import dev.macsec.conformance.link.HostTap;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.macsec.conformance.device.DeviceException;
import dev.macsec.conformance.device.LinuxDevice;
import dev.macsec.conformance.device.SaConfig;
import dev.macsec.conformance.device.Sci;
import dev.macsec.conformance.device.SecYConfig;
import dev.macsec.conformance.device.linuxvm.LinuxVm;
import dev.macsec.conformance.device.linuxvm.LinuxVmDevice;
import dev.macsec.counter.ScCounters;
import dev.macsec.counter.SecYCounters;
import dev.macsec.crypto.SaKey;
import dev.macsec.secy.ValidateFrames;
import dev.macsec.suite.CipherSuite;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.StringJoiner;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * A lab run end to end with the {@code manual} adapter (issue 17 item 6): {@code macsec conformance} runs as its own
 * process with a {@code type: manual} device file, and the operator is this test. It reads the steps the run prints,
 * turns each back into the configuration it describes and applies it to Linux in qemu through the VM's management
 * shell, with the same {@link LinuxDevice} calls the {@code linux-vm} adapter makes, and types the counters the kernel
 * reports as {@code name=value} pairs. Frames go over a host tap, the way a lab's NIC is cabled to a switch.
 * <p>
 * A step that leaves out a value the operator needs (cipher suite, SCI, AN, SAK, next PN, a SecY control...) stops
 * the test: the printed text alone must carry the configuration. And the verdicts must be the ones the
 * {@code linux-vm} adapter gets on the same cases (run just before, in this JVM, on the same tap), case by case.
 * The two runs boot one VM each: the operator's, and the one the linux-vm adapter boots itself.
 */
@Tag("vm")
class ManualOperatorLinuxVmTest {
    /**
     * Every 802.1AE case of two cipher suites: a non-XPN one, and an XPN one, whose steps must also carry the SSCI,
     * the salt and 64-bit PNs (its cases cross 2^32). Two suites keep the two runs to about three minutes.
     */
    private static final List<CipherSuite> SUITES = List.of(CipherSuite.GCM_AES_128, CipherSuite.GCM_AES_XPN_256);
    private static final Pattern HEX_SCI = Pattern.compile("[0-9a-f]{16}");

    @TempDir
    Path dir;

    @Test
    void anOperatorFollowingThePrintedStepsGetsTheLinuxVmVerdicts() throws Exception {
        try (HostTap tap = HostTap.create("mop")) {
            compare(tap.name());
        }
    }

    private void compare(String tap) throws Exception {
        // both runs declare the reference device's profile: only a declared profile makes a known deviation
        String profile = "profile: linux\n";
        Path vmFile = Files.writeString(dir.resolve("linux-vm-tap.yaml"), "type: linux-vm\ntap: " + tap + "\n" + profile);
        long t0 = System.nanoTime();
        RunResult reference = ConformanceRunner.run(new ConformanceRunner.Options(vmFile, "802.1ae", SUITES,
                dir.resolve("linux-vm"), false, System.out));
        long referenceMillis = (System.nanoTime() - t0) / 1_000_000;

        Path manualFile = Files.writeString(dir.resolve("lab.yaml"), "type: manual\ndescription: \"Linux in qemu, "
                + "configured by a scripted operator\"\nlink: {interface: " + tap + ", deviceMac: \"" + LinuxVm.DATA_MAC
                + "\"}\n" + profile);
        long t1 = System.nanoTime();
        Operator operator;
        int manualExit;
        try (LinuxVm vm = LinuxVm.boot(LinuxVm.Options.defaults().withTap(tap))) {
            operator = new Operator(new LinuxVmDevice(vm, false));
            manualExit = operator.drive(manualFile, dir.resolve("manual"), dir.resolve("transcript.txt"));
        }
        long manualMillis = (System.nanoTime() - t1) / 1_000_000;

        Map<String, String> byVm = verdicts(dir.resolve("linux-vm/summary.json"));
        Map<String, String> byOperator = verdicts(dir.resolve("manual/summary.json"));
        Map<String, Long> counts = new TreeMap<>();
        byOperator.values().forEach(v -> counts.merge(v.replaceAll(" .*", ""), 1L, Long::sum));
        System.out.printf("manual adapter: %d cases in %d ms (%d steps applied, %d counter prompts answered); "
                        + "linux-vm adapter: %d cases in %d ms; verdicts %s%n", byOperator.size(), manualMillis,
                operator.steps, operator.counterPrompts, byVm.size(), referenceMillis, counts);
        System.out.println("first steps of the run, and the first with an SSCI, as printed:\n  " + String.join("\n  ", operator.sample));

        assertEquals(byVm.keySet(), byOperator.keySet(), "the same cases ran");
        List<String> differ = new ArrayList<>();
        byVm.forEach((c, v) -> {
            if (!v.equals(byOperator.get(c))) {
                differ.add(c + ": linux-vm " + v + ", manual " + byOperator.get(c));
            }
        });
        assertEquals(List.of(), differ, "verdicts of the manual adapter differing from the linux-vm adapter's");
        assertEquals(reference.exitCode(), manualExit, "exit status of macsec conformance");
        // the comparison means something: a whole suite ran, no case was lost to the harness, and it held passes,
        // departures from the standard and a configuration Linux refuses (confidentiality offset 30)
        assertEquals(reference.cases().size(), byOperator.size());
        assertTrue(byOperator.size() >= 80, "cases run: " + byOperator.size());
        assertEquals(null, counts.get("HARNESS_ERROR"), "harness errors: " + counts);
        assertTrue(counts.containsKey("PASS") && counts.containsKey("NOT_APPLICABLE")
                && (counts.containsKey("KNOWN_DEVIATION") || counts.containsKey("FAIL")), counts.toString());
        // and the operator did the configuring: every case set up through its steps and counted through its typing
        assertTrue(operator.counterPrompts >= byOperator.size() - counts.get("NOT_APPLICABLE"),
                operator.counterPrompts + " counter prompts for " + byOperator.size() + " cases");
        String device = Files.readString(dir.resolve("manual/cases/device.txt"));
        assertTrue(device.contains("PcapLiveLink[" + tap + ", ether src " + LinuxVm.DATA_MAC + "]"), device);
    }

    /** Verdict (and the deviations that explain a known one) by case, cipher suite and validateFrames. */
    private static Map<String, String> verdicts(Path summary) throws IOException {
        Map<String, String> m = new TreeMap<>();
        for (JsonNode c : new ObjectMapper().readTree(summary.toFile()).get("cases")) {
            String key = c.get("caseName").asText() + " [" + c.get("cipherSuite").asText() + ", "
                    + c.get("validateFrames").asText() + "]";
            String verdict = c.get("verdict").asText();
            if (c.has("deviations") && !c.get("deviations").isEmpty()) {
                verdict += " " + c.get("deviations");
            }
            if (m.put(key, verdict) != null) {
                fail("case " + key + " twice in " + summary);
            }
        }
        return m;
    }

    /**
     * The operator: what a person at the device's console does. It knows the device (a Linux box with iproute2, here
     * the VM's shell) and nothing of the harness but the printed text.
     */
    private static final class Operator {
        private final LinuxDevice box;
        private SecYConfig secY;
        private long receiveSci = -1;
        int steps;
        int counterPrompts;
        final List<String> sample = new ArrayList<>();

        Operator(LinuxDevice box) {
            this.box = box;
        }

        /** Runs {@code macsec conformance} on {@code deviceFile} and answers it until it ends; its exit status. */
        int drive(Path deviceFile, Path report, Path transcript) throws IOException, InterruptedException {
            Process p = MacsecChild.startWithin(MacsecChild.command(List.of(), "conformance", "--device",
                    deviceFile.toString(), "--cipher-suites",
                    String.join(",", SUITES.stream().map(CipherSuite::standardName).toList()), "--report",
                    report.toString(), "--no-html"), report.resolveSibling("manual-stderr.txt"), Duration.ofMinutes(15));
            try (BufferedReader shown = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
                 Writer typed = p.outputWriter(StandardCharsets.UTF_8);
                 Writer log = Files.newBufferedWriter(transcript)) {
                String line;
                while ((line = shown.readLine()) != null) {
                    log.write(line.replaceAll("SAK [0-9a-f]+", "SAK <key>") + "\n");
                    String answer = null;
                    if (line.startsWith(">>> ")) {
                        steps++;
                        if (sample.size() < 7 || line.contains("SSCI") && sample.stream().noneMatch(l -> l.contains("SSCI"))) {
                            sample.add(line.replaceAll("SAK [0-9a-f]+", "SAK <key>"));
                        }
                        answer = apply(line.substring(4)) ? "" : "fail";
                    } else if (line.startsWith("Enter the SecY's counters")) {
                        counterPrompts++;
                        answer = countersTyped(box.counters());
                    }
                    if (answer != null) {
                        log.write("[typed] " + answer.replaceAll("SAK [0-9a-f]+", "SAK <key>") + "\n");
                        typed.write(answer + "\n");
                        typed.flush();
                    }
                }
            } finally {
                if (!p.waitFor(30, TimeUnit.SECONDS)) {
                    p.destroyForcibly();
                }
            }
            return p.waitFor();
        }

        /** Applies one printed step to the box; false when the box refuses it (the operator then types 'fail'). */
        boolean apply(String step) throws IOException {
            try {
                Matcher m;
                if (step.startsWith("Create the SecY on the port facing the tester: ")) {
                    secY = secY(step);
                    box.createSecY(secY);
                } else if (step.startsWith("Install the transmit SA ")) {
                    box.installTxSa(sa(step, "enableTransmit", -1));
                } else if ((m = Pattern.compile("Create the receive SC for SCI (\\S+) .*, receiving on").matcher(step))
                        .matches()) {
                    receiveSci = Sci.parse(m.group(1));
                    box.installRxSc(receiveSci);
                } else if ((m = Pattern.compile("Install on the receive SC (\\S+) the receive SA (.*)").matcher(step))
                        .matches()) {
                    long sci = Sci.parse(m.group(1));
                    box.installRxSa(sci, sa(m.group(2), "enableReceive", sci));
                } else if ((m = Pattern.compile("Give the SecY's controlled port the address (\\S+) and a static ARP "
                        + "entry (\\S+) -> (\\S+)").matcher(step)).matches()) {
                    box.configureIp(m.group(1), m.group(2), m.group(3));
                } else if (step.equals("Delete the SecY")) {
                    box.deleteSecY();
                } else if (step.startsWith("Clear the SecY's counters")) {
                    box.reset();
                } else {
                    fail("a step the operator cannot follow: " + step);
                }
                return true;
            } catch (DeviceException refused) {
                System.out.println("operator: the device refuses: " + refused.getMessage());
                return false;
            }
        }

        /** The SecY a "Create the SecY" step describes: every control it needs must be written out. */
        private static SecYConfig secY(String step) {
            Matcher sci = Pattern.compile("SCI (" + HEX_SCI + ") \\(MAC (\\S+), port identifier (\\d+)\\)").matcher(step);
            if (!sci.find()) {
                fail("no SCI in: " + step);
            }
            int port = Integer.parseInt(sci.group(3));
            assertEquals(Sci.of(LinuxVm.DATA_MAC, port), Sci.parse(sci.group(1)), "the SecY's SCI is the port's: " + step);
            assertEquals(LinuxVm.DATA_MAC, sci.group(2), step);
            CipherSuite suite = CipherSuite.byName(value(step, "cipher suite (\\S+),"));
            assertTrue(suite != null, step);
            assertEquals("on", value(step, "protectFrames (on|off)"), step);
            assertEquals("off", value(step, "useES (on|off)"), step);
            assertEquals("off", value(step, "useSCB (on|off)"), step);
            return new SecYConfig(port, suite,
                    ValidateFrames.valueOf(value(step, "validateFrames (strict|check|disabled)").toUpperCase(Locale.ROOT)),
                    on(step, "replayProtect"), Long.parseLong(value(step, "replayWindow (\\d+)")),
                    on(step, "confidentiality"), Integer.parseInt(value(step, "confidentialityOffset (\\d+)")),
                    on(step, "alwaysIncludeSCI"));
        }

        /**
         * The SA a step describes, keyed for the SecY's cipher suite; a receive SA's key identifier must be the one
         * the linux-vm adapter installs the same SA under ({@code sci} of its SC; -1 for a transmit SA).
         */
        private SaConfig sa(String text, String enable, long sci) {
            assertTrue(secY != null, "an SA before any SecY: " + text);
            CipherSuite s = secY.cipherSuite();
            int an = Integer.parseInt(value(text, "AN (\\d)"));
            long pn = Long.parseUnsignedLong(value(text, "nextPN (\\d+)"));
            byte[] sak = HexFormat.of().parseHex(value(text, "SAK ([0-9a-f]+)"));
            String ki = value(text, "KI ([0-9a-f]+)");
            SaKey key = s.xpn()
                    ? SaKey.of(s, sak, Integer.parseUnsignedInt(value(text, "SSCI (\\d+)")),
                    HexFormat.of().parseHex(value(text, "salt ([0-9a-f]{24})")))
                    : SaKey.of(s, sak);
            SaConfig sa = new SaConfig(an, pn, key, on(text, enable));
            if (sci >= 0) {
                assertEquals(sa.keyIdentifier(sci), ki, "KI of " + text.replaceAll("SAK [0-9a-f]+", "SAK <key>"));
            }
            return sa;
        }

        /** What a person types at the counters prompt: every counter the box shows, under the prompt's names. */
        String countersTyped(SecYCounters c) {
            StringJoiner typed = new StringJoiner(" ");
            c.secY().values().forEach((k, v) -> typed.add(k.managedObject() + "=" + v));
            ScCounters rx = c.receiveScs().get(receiveSci);
            if (rx != null) {
                rx.sc().values().forEach((k, v) -> typed.add(k.managedObject() + "=" + v));
                rx.sas().forEach((an, sa) -> sa.values().forEach((k, v) -> typed.add("rxsa." + an + "." + k + "=" + v)));
            }
            c.transmitSc().ifPresent(tx -> {
                tx.sc().values().forEach((k, v) -> typed.add("txsc." + k.managedObject() + "=" + v));
                tx.sas().forEach((an, sa) -> sa.values().forEach((k, v) -> typed.add("txsa." + an + "." + k + "=" + v)));
            });
            return typed.toString();
        }

        private static boolean on(String step, String control) {
            return value(step, Pattern.quote(control) + " (on|off)").equals("on");
        }

        private static String value(String step, String regex) {
            Matcher m = Pattern.compile("\\b" + regex).matcher(step);
            if (!m.find()) {
                fail("the step does not say " + regex.replaceAll(" \\(.*", "") + ": "
                        + step.replaceAll("SAK [0-9a-f]+", "SAK <key>"));
            }
            return m.group(1);
        }
    }

}
