package dev.macsec.conformance.runner;

import dev.macsec.conformance.plan.PlanText;
import dev.macsec.conformance.plan.TestPlan;
import dev.macsec.conformance.eap.EapSuite;
import dev.macsec.conformance.mka.MkaSuite;
import dev.macsec.conformance.plan.ProsePlan;
import dev.macsec.conformance.devicefile.Devices;
import dev.macsec.conformance.suite.HarnessException;
import dev.macsec.conformance.suite.ReceiveSuite;
import dev.macsec.conformance.suite.Session;
import dev.macsec.error.InputException;

import dev.macsec.conformance.suite.ConformanceParameters;
import dev.macsec.suite.CipherSuite;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code macsec conformance}: runs a conformance suite against a device and writes the reports. */
@Command(name = "conformance", mixinStandardHelpOptions = true,
        description = {"Runs a conformance suite (IEEE 802.1AE MACsec, IEEE 802.1X MKA) against a device.",
                "Exit 0: all cases passed; 1: the device failed cases (known deviations of its declared profile included); "
                        + "2: harness error (device unreachable, bad arguments)."},
        footer = {"", "Examples:",
            "  ./macsec conformance    # the 802.1AE suite on the Linux VM",
            "  ./macsec conformance --suite all --cipher-suites gcm-aes-128,gcm-aes-xpn-256",
            "  ./macsec conformance --device lab.yaml --report reports/lab --no-html",
            "  ./macsec conformance --plan > plan.md      # the test plan, no device needed",
            "  ./macsec conformance --plan --format json"})
public final class ConformanceCommand implements Callable<Integer> {
    @Option(names = "--device", paramLabel = "DEVICE.yaml",
            description = "device file (default: conformance/devices/linux-vm.yaml)")
    Path device;

    @Option(names = "--suite", defaultValue = "802.1ae", description = "802.1ae, 802.1x (MKA against the device's KaY: pre-shared CAK, then the CAK from "
                    + "EAP-TLS with the device as authenticator and as supplicant), mka (the pre-shared CAK cases alone: "
                    + "linux-vm or manual devices), eap (those EAP cases alone), all (802.1x and 802.1ae), or interop "
                    + "(the MKA interop matrix of our participant, wpa_supplicant and mkad in the linux-vm guest; "
                    + "not part of all) (default: ${DEFAULT-VALUE})")
    String suite;

    @Option(names = "--cipher-suites", paramLabel = "LIST",
            description = "comma-separated: gcm-aes-128,gcm-aes-256,gcm-aes-xpn-128,gcm-aes-xpn-256 (default: all)")
    String cipherSuites;

    @Option(names = "--report", paramLabel = "DIR", description = "report directory (default: reports/<timestamp>)")
    Path report;

    @Option(names = "--no-html", description = "skip the Allure HTML report")
    boolean noHtml;

    @Option(names = "--plan", description = "print the suite's test plan (purpose, applicability, setup, procedure and "
            + "expected results of every case, written from the standard) instead of running it; needs no device")
    boolean plan;

    @Option(names = "--format", paramLabel = "md|html|json", defaultValue = "md",
            description = "the plan's format with --plan: md (Markdown), html or json (default: ${DEFAULT-VALUE})")
    String format;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        if (plan) {
            printPlan();
            return 0;
        }
        if (!format.equals("md")) {
            throw new InputException("--format chooses the format of --plan; without --plan the suite runs and writes "
                    + "its reports");
        }
        List<CipherSuite> suites = ConformanceParameters.cipherSuites(cipherSuites);
        Path deviceFile = device != null ? device : ConformanceParameters.defaultDeviceFile();
        if (ConformanceRunner.suiteClasses(suite).contains(ReceiveSuite.class)) {
            try {
                Session.checkDeviceFile(deviceFile);
            } catch (HarnessException e) {
                // a device file the user can fix: one line now, not a harness error per case later
                throw new InputException(e.getMessage());
            }
        }
        // a host tool missing: one line now, not the same harness error in every case
        Devices.preflight(deviceFile);
        if (ConformanceRunner.suiteClasses(suite).contains(EapSuite.class) && !EapSuite.missingHostTools().isEmpty()) {
            throw new InputException("the 802.1X suite's EAP cases need " + String.join(", ", EapSuite.missingHostTools())
                    + " on this machine (their RADIUS server and test PKI): run scripts/install-deps (as root) to install them");
        }
        Path dir = report != null ? report
                : Paths.get("reports", LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")));
        RunResult r = ConformanceRunner.run(new ConformanceRunner.Options(device, suite, suites, dir, !noHtml, System.out));
        System.out.println(r.summaryLine());
        System.out.println("reports: " + r.reportDir() + " (summary.json, junit/, allure-results/, html/, cases/)");
        return r.exitCode();
    }

    private void printPlan() {
        List<Class<?>> classes = ConformanceRunner.suiteClasses(suite);
        boolean macsec = classes.contains(ReceiveSuite.class);
        TestPlan p = macsec ? TestPlan.receive() : null;
        ProsePlan t = macsec ? ProsePlan.transmit() : null;
        ProsePlan mka = classes.contains(MkaSuite.class) || classes.contains(EapSuite.class) ? ProsePlan.mka()
                : classes.contains(dev.macsec.conformance.interop.InteropSuite.class) ? ProsePlan.interop() : null;
        String text = switch (format.toLowerCase(java.util.Locale.ROOT)) {
            case "md", "markdown" -> PlanText.markdown(p, t, mka);
            case "html" -> PlanText.html(p, t, mka);
            case "json" -> PlanText.json(p, t, mka);
            default -> throw new InputException("unknown plan format '" + format + "' (expected md, html or json)");
        };
        PrintWriter out = spec.commandLine().getOut();
        out.print(text);
        out.flush();
    }
}
