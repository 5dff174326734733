package dev.macsec.conformance.runner;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.macsec.conformance.device.CommandRunner;
import dev.macsec.conformance.device.MkaDaemon;
import dev.macsec.conformance.device.Sci;
import dev.macsec.conformance.device.ShellKay;
import dev.macsec.conformance.device.linuxvm.LinuxVm;
import dev.macsec.conformance.device.linuxvm.LinuxVmDevice;
import dev.macsec.conformance.link.HostTap;
import dev.macsec.counter.ScCounters;
import dev.macsec.counter.SecYCounters;
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
import java.util.List;
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
 * The 802.1X (MKA) suite's pre-shared CAK cases in a lab run with the {@code manual} adapter (issue 17 items 5 and 6):
 * {@code macsec conformance --suite mka} runs as its own process with a {@code type: manual} device file, and the
 * operator is this test. It reads the steps the run prints and applies them to Linux in qemu through the VM's
 * management shell: it starts wpa_supplicant with the printed CKN, CAK, priority, policy, offset, replay window and
 * cipher suite exactly as the linux-vm adapter does, addresses the controlled port, runs the pings and types the
 * replies, and types the receive SC's counters where asked. Frames go over a host tap, captured with libpcap like a
 * lab's NIC; the tester's MKA participant keeps running while the operator works.
 * <p>
 * A step that leaves out a value the operator needs stops the test, and the verdicts must be those of the
 * {@code linux-vm} adapter on the same cases (run first, in this JVM, on its UDP link), case by case. That reference
 * run is also the MKA suite's own check against the linux-vm device ({@link MkaSuiteLinuxVmVerdicts}).
 */
@Tag("vm")
class ManualOperatorMkaLinuxVmTest {
    private static final Pattern PACKETS_RECEIVED = Pattern.compile("(\\d+) packets received");

    @TempDir
    Path dir;

    @Test
    void anOperatorFollowingThePrintedMkaStepsGetsTheLinuxVmVerdicts() throws Exception {
        Path vmFile = Files.writeString(dir.resolve("linux-vm.yaml"), "type: linux-vm\n");
        long t0 = System.nanoTime();
        RunResult reference = ConformanceRunner.run(new ConformanceRunner.Options(vmFile, "mka",
                List.of(CipherSuite.values()), dir.resolve("linux-vm"), false, System.out));
        long referenceMillis = (System.nanoTime() - t0) / 1_000_000;
        MkaSuiteLinuxVmVerdicts.assertEveryMkaCasePassesWithItsReports(reference, dir.resolve("linux-vm"));

        long t1 = System.nanoTime();
        Operator operator;
        int manualExit;
        try (HostTap tap = HostTap.create("mmka")) {
            Path manualFile = Files.writeString(dir.resolve("lab.yaml"), "type: manual\ndescription: \"Linux in qemu, "
                    + "wpa_supplicant configured by a scripted operator\"\nlink: {interface: " + tap.name()
                    + ", deviceMac: \"" + LinuxVm.DATA_MAC + "\"}\n");
            try (LinuxVm vm = LinuxVm.boot(LinuxVm.Options.defaults().withTap(tap.name()))) {
                operator = new Operator(new LinuxVmDevice(vm, false));
                manualExit = operator.drive(manualFile, dir.resolve("manual"), dir.resolve("transcript.txt"));
            }
        }
        long manualMillis = (System.nanoTime() - t1) / 1_000_000;

        Map<String, String> byVm = verdicts(dir.resolve("linux-vm/summary.json"));
        Map<String, String> byOperator = verdicts(dir.resolve("manual/summary.json"));
        Map<String, Long> counts = new TreeMap<>();
        byOperator.values().forEach(v -> counts.merge(v, 1L, Long::sum));
        System.out.printf("manual adapter: %d MKA cases in %d ms (%d KaY starts, %d pings, %d counter prompts); "
                        + "linux-vm adapter: %d cases in %d ms; verdicts %s%n", byOperator.size(), manualMillis,
                operator.starts, operator.pings, operator.counterPrompts, byVm.size(), referenceMillis, counts);
        System.out.println("steps as printed (keys masked):\n  " + String.join("\n  ", operator.sample));

        assertEquals(byVm.keySet(), byOperator.keySet(), "the same cases ran");
        List<String> differ = new ArrayList<>();
        byVm.forEach((c, v) -> {
            if (!v.equals(byOperator.get(c))) {
                differ.add(c + ": linux-vm " + v + ", manual " + byOperator.get(c));
            }
        });
        assertEquals(List.of(), differ, "verdicts of the manual adapter differing from the linux-vm adapter's");
        assertEquals(reference.exitCode(), manualExit, "exit status of macsec conformance");
        // the comparison means something: the cases the issue names ran, none lost to the harness, most passing
        for (String needed : List.of("peering", "key-server-election", "rekey", "mka-life-time", "rejected", "keychain",
                "must-secure-no-plaintext", "should-secure-plaintext", "integrity-only")) {
            assertTrue(byOperator.keySet().stream().anyMatch(k -> k.contains(needed)), needed + " in " + byOperator.keySet());
        }
        assertEquals(null, counts.get("HARNESS_ERROR"), "harness errors: " + counts);
        assertTrue(counts.getOrDefault("PASS", 0L) >= 15, counts.toString());
        // and the operator did the configuring: a KaY start per case at least, and the pings' replies typed
        assertTrue(operator.starts >= byOperator.size() - counts.getOrDefault("NOT_APPLICABLE", 0L),
                operator.starts + " KaY starts for " + byOperator.size() + " cases");
        assertTrue(operator.pings >= 10, "pings " + operator.pings);
        assertTrue(operator.counterPrompts >= 4, "counter prompts " + operator.counterPrompts);
    }

    /** Verdict by case name. */
    private static Map<String, String> verdicts(Path summary) throws IOException {
        Map<String, String> m = new TreeMap<>();
        for (JsonNode c : new ObjectMapper().readTree(summary.toFile()).get("cases")) {
            String key = c.get("caseName").asText() + " [" + c.get("cipherSuite").asText() + "]";
            if (m.put(key, c.get("verdict").asText()) != null) {
                fail("case " + key + " twice in " + summary);
            }
        }
        return m;
    }

    /**
     * The operator: a person at a Linux box's console who runs wpa_supplicant for MKA. It knows the box and nothing of
     * the harness but the printed text.
     */
    private static final class Operator {
        private final LinuxVmDevice box;
        private final MkaDaemon wpa;
        private final ShellKay linux;
        private final CommandRunner shell;
        private long counterSci = -1;
        int starts;
        int pings;
        int counterPrompts;
        final List<String> sample = new ArrayList<>();

        Operator(LinuxVmDevice box) {
            this.box = box;
            this.wpa = box.kay();
            this.linux = new ShellKay(box);
            this.shell = box.shell();
        }

        int drive(Path deviceFile, Path report, Path transcript) throws IOException, InterruptedException {
            Process p = MacsecChild.startWithin(MacsecChild.command(List.of(), "conformance", "--device",
                    deviceFile.toString(), "--suite", "mka", "--report", report.toString(), "--no-html"),
                    report.resolveSibling("manual-stderr.txt"), Duration.ofMinutes(20));
            try (BufferedReader shown = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
                 Writer typed = p.outputWriter(StandardCharsets.UTF_8);
                 Writer log = Files.newBufferedWriter(transcript)) {
                String line;
                while ((line = shown.readLine()) != null) {
                    log.write(masked(line) + "\n");
                    String answer = null;
                    Matcher m;
                    if (line.startsWith(">>> ")) {
                        String kind = masked(line).substring(0, Math.min(line.length(), 20));
                        if (sample.stream().noneMatch(l -> l.startsWith(kind))) {
                            sample.add(masked(line));
                        }
                        answer = apply(line.substring(4));
                    } else if ((m = Pattern.compile("Counters of the SecY MKA created, with the receive SC for SCI (\\S+):")
                            .matcher(line)).matches()) {
                        counterSci = Sci.parse(m.group(1));
                    } else if (line.startsWith("Enter the SecY's counters")) {
                        counterPrompts++;
                        assertTrue(counterSci >= 0, "a counter prompt that names no receive SC");
                        answer = countersTyped(linux.counters(counterSci));
                    }
                    if (answer != null) {
                        log.write("[typed] " + answer + "\n");
                        log.flush();
                        typed.write(answer + "\n");
                        typed.flush();
                    }
                }
            } catch (IOException | RuntimeException | Error e) {
                p.destroyForcibly();
                throw e;
            } finally {
                if (!p.waitFor(30, TimeUnit.SECONDS)) {
                    p.destroyForcibly();
                }
            }
            return p.waitFor();
        }

        private static String masked(String line) {
            return line.replaceAll("(CAK|SAK) [0-9a-f]+", "$1 <key>");
        }

        /** Applies one printed step to the box; what the operator types back. */
        String apply(String step) throws IOException {
            Matcher m;
            if (step.startsWith("Stop MKA on the port facing the tester if it runs, then start MKA")) {
                starts++;
                MkaDaemon.Config c = config(step);
                CipherSuite suite = c.cipherSuite();
                if (!wpa.mkaCipherSuites().contains(suite)) {
                    // wpa_supplicant 2.10 has no cipher suite setting: it only ever does GCM-AES-128
                    return "fail";
                }
                wpa.start(c);
                return "";
            } else if (step.equals("Stop MKA on the port facing the tester and remove the SecY it created")) {
                wpa.stop();
                return "";
            } else if ((m = Pattern.compile("Give MKA's controlled port \\(the port itself where MKA created no SecY\\) "
                    + "the address (\\S+) and a static ARP entry (\\S+) -> (\\S+)").matcher(step)).matches()) {
                linux.addressControlledPort(m.group(1), m.group(2), m.group(3));
                return "";
            } else if ((m = Pattern.compile("From MKA's controlled port, ping (\\S+) (\\d+) times, one a second.*")
                    .matcher(step)).matches()) {
                pings++;
                int count = Integer.parseInt(m.group(2));
                String out = shell.run("ping -c " + count + " -W 1 " + m.group(1) + " 2>&1; true",
                        Duration.ofSeconds(count + 30)).output();
                Matcher r = PACKETS_RECEIVED.matcher(out);
                return r.find() ? r.group(1) : "0";
            }
            fail("a step the operator cannot follow: " + masked(step));
            return null;
        }

        /** The KaY configuration a start step describes: every value wpa_supplicant needs must be written out. */
        private static MkaDaemon.Config config(String step) {
            String ckn = value(step, "CKN ([0-9a-f]+)");
            String cak = value(step, "CAK ([0-9a-f]+)");
            int bits = Integer.parseInt(value(step, "(\\d+)-bit\\)"));
            assertEquals(cak.length() * 4, bits, "the CAK's length: " + masked(step));
            int priority = Integer.parseInt(value(step, "key server priority (\\d+)"));
            int policy = Integer.parseInt(value(step, "macsec_policy ([01])"));
            CipherSuite suite = CipherSuite.byName(value(step, "cipher suite (\\S+),"));
            assertTrue(suite != null, masked(step));
            String offset = value(step, "confidentiality offset (integrity only|0)");
            boolean replay = value(step, "replayProtect (on|off)").equals("on");
            long window = replay ? Long.parseLong(value(step, "replayWindow (\\d+)")) : 0;
            return new MkaDaemon.Config(cak, ckn, priority, policy, offset.equals("integrity only"), replay, window,
                    suite);
        }

        /** What a person types at the counters prompt: every counter the box shows, under the prompt's names. */
        private String countersTyped(SecYCounters c) {
            StringJoiner typed = new StringJoiner(" ");
            c.secY().values().forEach((k, v) -> typed.add(k.managedObject() + "=" + v));
            ScCounters rx = c.receiveScs().get(counterSci);
            if (rx != null) {
                rx.sc().values().forEach((k, v) -> typed.add(k.managedObject() + "=" + v));
                rx.sas().forEach((an, sa) -> sa.values().forEach((k, v) -> typed.add("rxsa." + an + "." + k + "=" + v)));
            }
            return typed.toString();
        }

        private static String value(String step, String regex) {
            Matcher m = Pattern.compile("\\b" + regex).matcher(step);
            if (!m.find()) {
                fail("the step does not say " + regex.replaceAll(" \\(.*", "") + ": " + masked(step));
            }
            return m.group(1);
        }
    }
}
