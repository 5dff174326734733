package dev.macsec.conformance.runner;

import dev.macsec.conformance.plan.Clauses;

import dev.macsec.cli.Main;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The CLI wiring: the plugin is found, bad arguments and unreachable devices are harness errors (2), never failures. */
class ConformanceCommandTest {
    @Test
    void registeredThroughTheServiceLoader() {
        assertTrue(Main.commandLine().getSubcommands().containsKey("conformance"));
    }

    /** The plugin's command too has help with examples and the product's --version, like every built-in one. */
    @Test
    void everyCommandWithThePluginHasHelpWithExamples() {
        java.util.List<String> commands = dev.macsec.cli.CommandHelp.everyCommand();
        assertTrue(commands.contains("conformance"), commands.toString());
        for (String command : commands) {
            dev.macsec.cli.CommandHelp.assertHelpWithExamples(command);
        }
    }

    @Test
    void unknownCipherSuiteIsAUsageError() {
        assertEquals(2, Main.run("conformance", "--cipher-suites", "gcm-aes-512", "--no-html"));
    }

    @Test
    void unreachableDeviceIsAHarnessErrorNotAFailure(@TempDir Path dir) throws IOException {
        // a device file without the tester's side of the wire: every case must end as a harness error
        Path deviceFile = Files.writeString(dir.resolve("d.yaml"), "type: manual\ndescription: nothing\n");
        RunResult r = ConformanceRunner.run(new ConformanceRunner.Options(deviceFile, "802.1ae",
                java.util.List.of(dev.macsec.suite.CipherSuite.GCM_AES_128), dir.resolve("r"), false, null));
        assertEquals(2, r.exitCode());
        assertEquals(0, r.count(CaseResult.Verdict.FAIL) + r.count(CaseResult.Verdict.KNOWN_DEVIATION));
        assertTrue(r.count(CaseResult.Verdict.HARNESS_ERROR) > 0);
        assertTrue(r.cases().stream().filter(c -> c.verdict() == CaseResult.Verdict.HARNESS_ERROR)
                .allMatch(c -> c.message().contains("add the tester's side of the wire to the device file: link: {interface: ")),
                r.cases().get(0).message());
        assertTrue(Files.isRegularFile(dir.resolve("r/summary.json")));
        String md = Files.readString(dir.resolve("r/report.md"));
        assertTrue(md.contains("**harness error** `802.1AE-10.6-valid-accepted`"), md);
        assertTrue(md.contains("Exit code: 2 (harness errors"), md);
        assertTrue(Files.readString(dir.resolve("r/allure-results/categories.json")).contains("Harness errors"));
    }

    /** A run leaves the process's stderr open: what goes wrong after it (writing the reports, say) is still said. */
    @Test
    void aRunLeavesStderrOpen(@TempDir Path dir) throws IOException {
        Path deviceFile = Files.writeString(dir.resolve("d.yaml"), "type: manual\ndescription: nothing\n");
        java.io.PrintStream original = System.err;
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        java.io.PrintStream err = new java.io.PrintStream(bytes, true, java.nio.charset.StandardCharsets.UTF_8);
        System.setErr(err);
        try {
            ConformanceRunner.run(new ConformanceRunner.Options(deviceFile, "802.1ae",
                    java.util.List.of(dev.macsec.suite.CipherSuite.GCM_AES_128), dir.resolve("r"), false, null));
            System.err.print("said after the run");
            System.err.flush();
        } finally {
            System.setErr(original);
        }
        assertTrue(!err.checkError() && bytes.toString(java.nio.charset.StandardCharsets.UTF_8).endsWith("said after the run"),
                "stderr closed by the run");
    }

    @Test
    void brokenDeviceFileIsOneLineBeforeAnyRun(@TempDir Path dir) throws IOException {
        Path deviceFile = Files.writeString(dir.resolve("d.yaml"),
                "type: manual\nlink: {interface: eth9, deviceMac: \"not-a-mac\"}\n");
        picocli.CommandLine cli = Main.commandLine();
        java.io.StringWriter err = new java.io.StringWriter();
        cli.setErr(new java.io.PrintWriter(err, true));
        int exit = cli.execute("conformance", "--device", deviceFile.toString(), "--report", dir.resolve("r").toString(),
                "--no-html");
        assertEquals(2, exit);
        assertEquals("macsec: " + deviceFile + ": link.deviceMac 'not-a-mac' is not a MAC address (six hex octets "
                + "separated by ':', e.g. 00:1b:21:aa:bb:cc)", err.toString().strip());
        assertTrue(!Files.exists(dir.resolve("r")), "no run, no reports");
    }

    @Test
    void suitesByName() {
        assertEquals(java.util.List.of(dev.macsec.conformance.mka.MkaSuite.class, dev.macsec.conformance.eap.EapSuite.class),
                ConformanceRunner.suiteClasses("802.1x"));
        assertEquals(java.util.List.of(dev.macsec.conformance.eap.EapSuite.class), ConformanceRunner.suiteClasses("eap"));
        assertEquals(ConformanceRunner.suiteClasses("802.1X"), ConformanceRunner.suiteClasses("ieee802.1x"));
        assertEquals(java.util.List.of(dev.macsec.conformance.mka.MkaSuite.class), ConformanceRunner.suiteClasses("mka"));
        assertEquals(2, ConformanceRunner.suiteClasses("802.1ae").size());
        assertEquals(4, ConformanceRunner.suiteClasses("all").size());
        dev.macsec.error.InputException e = org.junit.jupiter.api.Assertions.assertThrows(
                dev.macsec.error.InputException.class, () -> ConformanceRunner.suiteClasses("802.3"));
        assertEquals("unknown suite '802.3' (known: 802.1ae, ieee802.1ae, 802.1x, ieee802.1x, mka, eap, all, interop)",
                e.getMessage());
        assertEquals(java.util.List.of(dev.macsec.conformance.interop.InteropSuite.class),
                ConformanceRunner.suiteClasses("interop"));
        assertFalse(ConformanceRunner.suiteClasses("all").contains(dev.macsec.conformance.interop.InteropSuite.class),
                "interop judges implementations against each other, not the device: not part of all");
        assertEquals(2, Main.run("conformance", "--suite", "802.3", "--no-html"));
    }

    @Test
    void mkaSuiteOnAnotherDeviceTypeIsAHarnessErrorWithItsReason(@TempDir Path dir) throws IOException {
        Path deviceFile = Files.writeString(dir.resolve("d.yaml"), "type: linux-ssh\nhost: 192.0.2.7\ninterface: eth1\n");
        RunResult r = ConformanceRunner.run(new ConformanceRunner.Options(deviceFile, "802.1x", java.util.List.of(),
                dir.resolve("r"), false, null));
        assertEquals(2, r.exitCode());
        // the XPN cases too: whether they apply depends on the KaY the device runs (mkad negotiates XPN)
        assertEquals(0, r.count(CaseResult.Verdict.NOT_APPLICABLE));
        assertEquals(r.cases().size(), r.count(CaseResult.Verdict.HARNESS_ERROR));
        for (CaseResult c : r.cases()) {
            assertTrue(!c.clause().equals("?") && c.caseName().startsWith("802.1X-" + c.clause() + "-"), c.toString());
            if (c.verdict() == CaseResult.Verdict.HARNESS_ERROR) {
                assertTrue(c.message().contains("the 802.1X (MKA) suite runs against the linux-vm device's KaY (wpa_supplicant "
                        + "or mkad) or a manual device's; this device file is type 'linux-ssh'"), c.message());
            }
        }
        assertTrue(Files.readString(dir.resolve("r/report.md")).contains("**harness error** `802.1X-9.4-peering"));
    }

    /** A manual device's MKA cases run on the tester's interface its file names: without one, none can start. */
    @Test
    void mkaSuiteOnAManualDeviceNeedsItsLink(@TempDir Path dir) throws IOException {
        Path deviceFile = Files.writeString(dir.resolve("d.yaml"), "type: manual\ndescription: nothing\n");
        RunResult r = ConformanceRunner.run(new ConformanceRunner.Options(deviceFile, "mka", java.util.List.of(),
                dir.resolve("r"), false, null));
        assertEquals(2, r.exitCode());
        assertEquals(r.cases().size(), r.count(CaseResult.Verdict.HARNESS_ERROR));
        for (CaseResult c : r.cases()) {
            assertTrue(c.message().contains("a manual device is driven through a live interface of the tester; add the "
                    + "tester's side of the wire to the device file: link: {interface:"), c.message());
        }
    }

    /** The plan a lab publishes, without a device: every case spelt out, ids naming the standard. */
    @Test
    void planAsJsonListsEveryCaseWithPurposeProcedureAndExpectedResults() throws IOException {
        java.io.StringWriter out = new java.io.StringWriter();
        picocli.CommandLine cli = Main.commandLine();
        cli.setOut(new java.io.PrintWriter(out, true));
        assertEquals(0, cli.execute("conformance", "--plan", "--format", "json"));
        com.fasterxml.jackson.databind.JsonNode plan = new com.fasterxml.jackson.databind.ObjectMapper().readTree(out.toString());
        com.fasterxml.jackson.databind.JsonNode cases = plan.path("cases");
        int receive = dev.macsec.conformance.plan.TestPlan.receive().cases().size();
        assertEquals(receive + dev.macsec.conformance.plan.ProsePlan.transmit().cases().size(), cases.size());
        assertTrue(receive >= 33, "every receive case: " + receive);
        java.util.Set<String> ids = new java.util.HashSet<>();
        for (com.fasterxml.jackson.databind.JsonNode c : cases) {
            String id = c.path("id").asText();
            assertTrue(id.startsWith("802.1AE-" + c.path("clause").asText() + "-"), id);
            assertTrue(ids.add(id), "one case per id: " + id);
            assertTrue(!c.path("purpose").asText().isBlank(), id);
            assertTrue(c.path("procedure").size() > 1 && !c.path("procedure").get(0).asText().isBlank(), id);
            assertTrue(c.path("expected").size() > 0, id);
            for (com.fasterxml.jackson.databind.JsonNode e : c.path("expected")) {
                assertTrue(!e.path("text").asText().isBlank(), id);
                assertTrue(c.path("suite").asText().equals("transmit") || !e.path("because").asText().isBlank(), id);
            }
        }
        // the run names cases by the same ids: the plan's ids are the ones reports use
        assertTrue(ids.contains("802.1AE-10.6.2-replay-window-0") && ids.contains("802.1AE-10.5-transmit-integrity-only"),
                ids.toString());
    }

    /** The 802.1X plan: every MKA case of the suite has its entry, stated on the wire, and nothing else is in it. */
    @Test
    void mkaPlanCoversEveryCaseOfTheMkaSuite() throws IOException {
        java.io.StringWriter out = new java.io.StringWriter();
        picocli.CommandLine cli = Main.commandLine();
        cli.setOut(new java.io.PrintWriter(out, true));
        assertEquals(0, cli.execute("conformance", "--suite", "802.1x", "--plan", "--format", "json"));
        com.fasterxml.jackson.databind.JsonNode plan = new com.fasterxml.jackson.databind.ObjectMapper().readTree(out.toString());
        assertEquals("IEEE 802.1X-2020 (MKA)", plan.path("standard").asText());
        java.util.Set<String> ids = new java.util.TreeSet<>();
        for (com.fasterxml.jackson.databind.JsonNode c : plan.path("cases")) {
            String id = c.path("id").asText();
            assertTrue(id.startsWith("802.1X-" + c.path("clause").asText() + "-"), id);
            assertTrue(!c.path("purpose").asText().isBlank() && !c.path("setup").asText().isBlank(), id);
            assertTrue(c.path("procedure").size() > 0 && c.path("expected").size() > 0, id);
            ids.add(id);
        }
        java.util.Set<String> suiteCases = new java.util.TreeSet<>();
        for (Class<?> suite : ConformanceRunner.suiteClasses("802.1x")) {
            for (java.lang.reflect.Method m : suite.getDeclaredMethods()) {
                org.junit.jupiter.api.DisplayName d = m.getAnnotation(org.junit.jupiter.api.DisplayName.class);
                if (d != null) {
                    suiteCases.add(d.value());
                }
            }
        }
        // 12-macsec-policy runs two plan cases (must-secure and should-secure) under one method
        suiteCases.remove("802.1X-12-macsec-policy");
        suiteCases.addAll(java.util.List.of("802.1X-12-must-secure-no-plaintext", "802.1X-12-should-secure-plaintext"));
        assertEquals(suiteCases, ids, "the 802.1X suite's cases (pre-shared and EAP-derived CAK) are the plan's");
        java.io.StringWriter all = new java.io.StringWriter();
        cli.setOut(new java.io.PrintWriter(all, true));
        assertEquals(0, cli.execute("conformance", "--suite", "all", "--plan"));
        assertTrue(all.toString().startsWith("# Test plan: IEEE 802.1AE-2018 (MACsec) and IEEE 802.1X-2020 (MKA)"),
                all.toString().substring(0, 100));
        assertTrue(all.toString().contains("\n### 802.1X-9.5-key-server-election\n"));
        assertTrue(all.toString().contains("- **Expected results** (on the wire, in the device's verified MKPDUs"));
    }

    @Test
    void planAsMarkdownReadsLikeALabTestPlan() {
        java.io.StringWriter out = new java.io.StringWriter();
        picocli.CommandLine cli = Main.commandLine();
        cli.setOut(new java.io.PrintWriter(out, true));
        assertEquals(0, cli.execute("conformance", "--plan"));
        String md = out.toString();
        assertTrue(md.startsWith("# Test plan: IEEE 802.1AE-2018"), md.substring(0, 80));
        int cases = dev.macsec.conformance.plan.TestPlan.receive().cases().size()
                + dev.macsec.conformance.plan.ProsePlan.transmit().cases().size();
        assertTrue(md.contains("\n### 802.1AE-10.6.5-pn-32-bit-wrap\n"), md);
        for (String field : new String[] {"**Clause:**", "**Purpose:**", "**Applicability:**", "**Setup:**",
                "**Procedure:**", "**Expected results**"}) {
            assertEquals(cases, md.split(java.util.regex.Pattern.quote(field), -1).length - 1, field);
        }
        assertTrue(md.contains("optional: needs replayProtect off"), "applicability of the optional cases");
        assertTrue(md.contains("receive SC InPktsLate +1, InPktsOK +2"), "the counters of 10.6.5-pn-32-bit-wrap");
    }

    @Test
    void planInHtmlAndUnknownFormat() {
        java.io.StringWriter out = new java.io.StringWriter();
        picocli.CommandLine cli = Main.commandLine();
        cli.setOut(new java.io.PrintWriter(out, true));
        assertEquals(0, cli.execute("conformance", "--plan", "--format", "html"));
        assertTrue(out.toString().startsWith("<!DOCTYPE html>") && out.toString().contains("<h3>802.1AE-9.9-implicit-sci</h3>"),
                out.toString().substring(0, 200));
        assertEquals(2, Main.run("conformance", "--plan", "--format", "pdf"));
        assertEquals(0, Main.run("conformance", "--plan", "--suite", "802.1x"), "the MKA plan");
        assertEquals(2, Main.run("conformance", "--format", "json"), "--format without --plan");
    }

    /** A fresh machine: the device's host programs missing are one line before any case runs, exit 2, no report. */
    @Test
    void missingHostToolIsOneLineBeforeAnyCase(@TempDir Path dir) throws IOException, InterruptedException {
        Path emptyPath = Files.createDirectories(dir.resolve("bin"));
        Path deviceFile = Files.writeString(dir.resolve("vm.yaml"), "type: linux-vm\nimage: " + dir + "\n");
        String javaBin = ProcessHandle.current().info().command().orElseThrow();
        ProcessBuilder pb = new ProcessBuilder(javaBin, "-cp", System.getProperty("java.class.path"), Main.class.getName(),
                "conformance", "--device", deviceFile.toString(), "--report", dir.resolve("r").toString(), "--no-html")
                .redirectOutput(dir.resolve("out").toFile()).redirectError(dir.resolve("err").toFile());
        pb.environment().put("PATH", emptyPath.toString());
        pb.environment().remove("MACSEC_DUT_IMAGE");
        Process p = pb.start();
        assertTrue(p.waitFor(60, java.util.concurrent.TimeUnit.SECONDS));
        assertEquals(2, p.exitValue());
        assertEquals("macsec: " + deviceFile + ": the linux-vm device needs qemu-system-x86_64, missing on this machine: "
                + "run scripts/install-deps (as root) to install them", Files.readString(dir.resolve("err")).strip());
        assertEquals("", Files.readString(dir.resolve("out")));
        assertTrue(!Files.exists(dir.resolve("r")), "no case ran, no reports");
    }

    /**
     * $MACSEC_DUT_IMAGE is a prebuilt image of the default kernel: a device file naming another kernel builds its own,
     * so the preflight still asks for what build-initramfs needs.
     */
    @Test
    void prebuiltImageStandsForTheDefaultKernelOnly(@TempDir Path dir) throws IOException, InterruptedException {
        Path bin = Files.createDirectories(dir.resolve("bin"));
        Files.writeString(bin.resolve("qemu-system-x86_64"), "#!/bin/sh\n").toFile().setExecutable(true);
        Path deviceFile = Files.writeString(dir.resolve("vm.yaml"), "type: linux-vm\nkernel: debian-13\n");
        String javaBin = ProcessHandle.current().info().command().orElseThrow();
        ProcessBuilder pb = new ProcessBuilder(javaBin, "-cp", System.getProperty("java.class.path"), Main.class.getName(),
                "conformance", "--device", deviceFile.toString(), "--report", dir.resolve("r").toString(), "--no-html")
                .redirectOutput(dir.resolve("out").toFile()).redirectError(dir.resolve("err").toFile());
        pb.environment().put("PATH", bin.toString());
        pb.environment().put("MACSEC_DUT_IMAGE", dir.toString());
        Process p = pb.start();
        assertTrue(p.waitFor(60, java.util.concurrent.TimeUnit.SECONDS));
        assertEquals(2, p.exitValue());
        assertEquals("macsec: " + deviceFile + ": the linux-vm device needs busybox, apt-get, apt-cache, dpkg, "
                + "dpkg-query, ldd, gzip, sha256sum"
                + (Files.isExecutable(Path.of("/usr/sbin/ip")) ? "" : ", /usr/sbin/ip")
                + (Files.isExecutable(Path.of("/usr/sbin/wpa_supplicant")) ? "" : ", /usr/sbin/wpa_supplicant")
                + (Files.isExecutable(Path.of("/usr/sbin/wpa_cli")) ? "" : ", /usr/sbin/wpa_cli")
                + ", missing on this machine: run scripts/install-deps (as root) to install them",
                Files.readString(dir.resolve("err")).strip());
    }

    /**
     * What conformance/vm/build-initramfs refuses to start without (its own checks, read from the script) is what the
     * preflight asks for, so that a machine lacking one gets the one line, not a harness error in every case.
     */
    @Test
    void preflightAsksForEveryToolTheImageBuildChecks(@TempDir Path dir) throws IOException {
        String script = Files.readString(dev.macsec.testing.ProjectFiles.root().resolve("conformance/vm/build-initramfs"));
        java.util.List<String> checked = new java.util.ArrayList<>();
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("(?m)^for (?:tool|bin) in ([^;]+); do").matcher(script);
        while (m.find()) {
            checked.addAll(java.util.List.of(m.group(1).trim().split("\\s+")));
        }
        assertTrue(checked.containsAll(java.util.List.of("busybox", "gzip", "/usr/sbin/wpa_supplicant")), checked.toString());
        dev.macsec.conformance.device.DeviceSpec vm = dev.macsec.conformance.devicefile.Devices.read(
                Files.writeString(dir.resolve("vm.yaml"), "type: linux-vm\nkernel: debian-13\n"));
        // (another kernel than the default: $MACSEC_DUT_IMAGE, where set, stands for the default kernel's image)
        java.util.List<String> missing = dev.macsec.conformance.devicefile.Devices.missingHostTools(vm,
                Files.createDirectories(dir.resolve("bin")).toString());
        java.util.List<String> unasked = checked.stream()
                .filter(t -> !missing.contains(t) && !(t.startsWith("/") && Files.isExecutable(Path.of(t)))).toList();
        assertEquals(java.util.List.of(), unasked, "build-initramfs checks these, the preflight does not");
    }

    @Test
    void hostToolsOfEachDeviceType(@TempDir Path dir) throws IOException {
        Path bin = Files.createDirectories(dir.resolve("bin"));
        dev.macsec.conformance.device.DeviceSpec vm = dev.macsec.conformance.devicefile.Devices.read(
                Files.writeString(dir.resolve("vm.yaml"), "type: linux-vm\nimage: /prebuilt\n"));
        dev.macsec.conformance.device.DeviceSpec ssh = dev.macsec.conformance.devicefile.Devices.read(
                Files.writeString(dir.resolve("ssh.yaml"), "type: linux-ssh\nhost: h\ninterface: eth1\n"));
        assertEquals(java.util.List.of("qemu-system-x86_64"),
                dev.macsec.conformance.devicefile.Devices.missingHostTools(vm, bin.toString()));
        assertEquals(java.util.List.of("ssh"), dev.macsec.conformance.devicefile.Devices.missingHostTools(ssh, bin.toString()));
        for (String tool : java.util.List.of("qemu-system-x86_64", "ssh")) {
            Path t = Files.writeString(bin.resolve(tool), "#!/bin/sh\n");
            t.toFile().setExecutable(true);
        }
        assertEquals(java.util.List.of(), dev.macsec.conformance.devicefile.Devices.missingHostTools(vm, "/nonexistent:" + bin));
        assertEquals(java.util.List.of(), dev.macsec.conformance.devicefile.Devices.missingHostTools(ssh, bin.toString()));
        // a linux-vm with mka: mkad and no prebuilt image builds MKAdaemon: its compiler and build tools too
        dev.macsec.conformance.device.DeviceSpec mkad = dev.macsec.conformance.devicefile.Devices.read(
                Files.writeString(dir.resolve("mkad.yaml"), "type: linux-vm\nmka: mkad\n"));
        assertTrue(dev.macsec.conformance.devicefile.Devices.missingHostTools(mkad, bin.toString())
                .containsAll(java.util.List.of("gcc", "pkg-config", "python3")));
    }

    @Test
    void clausesInTheStandardsOrder() {
        java.util.List<String> l = new java.util.ArrayList<>(java.util.List.of("10.7.9", "?", "9.12", "10.6", "10.6.1",
                "9.9", "10.5"));
        l.sort(Clauses.ORDER);
        assertEquals(java.util.List.of("9.9", "9.12", "10.5", "10.6", "10.6.1", "10.7.9", "?"), l);
    }
}
