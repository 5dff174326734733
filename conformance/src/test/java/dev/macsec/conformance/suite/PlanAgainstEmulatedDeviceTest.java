package dev.macsec.conformance.suite;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.macsec.conformance.plan.PlanText;
import dev.macsec.conformance.plan.ProsePlan;
import dev.macsec.conformance.plan.TestPlan;
import dev.macsec.secy.Deviation;
import io.qameta.allure.Allure;
import io.qameta.allure.AllureLifecycle;
import io.qameta.allure.FileSystemResultsWriter;
import dev.macsec.secy.ReceiveProfile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

/**
 * The receive suite end to end, plan to verdict, against devices made of our own emulation (no VM): a device that
 * receives as the standard says passes every case; a device that departs as Linux 6.1 does gets known deviations only
 * when its device file declares the `linux` profile, and the same departures are failures when it declares none.
 */
class PlanAgainstEmulatedDeviceTest {
    private static final ExtensionContext.Namespace SESSION = ExtensionContext.Namespace.create(Session.class);
    private static ReceiveProfile behaves;
    private static ReceiveProfile declared;
    private static Path out;

    /** The receive suite on the device this test sets up, instead of the one a device file names. */
    static class OnEmulatedDevice extends ReceiveSuite {
        @RegisterExtension
        static final BeforeAllCallback DEVICE = ctx -> ctx.getRoot().getStore(SESSION).put(Session.class,
                Session.start(new EmulatedDevice(behaves), null, null, out, Duration.ofSeconds(2),
                        Session.cipherSuites(ctx), declared));
    }

    private static boolean reportsTransmit = true;

    /** The transmit suite on the same emulated device. */
    static class TransmitOnEmulatedDevice extends TransmitSuite {
        @RegisterExtension
        static final BeforeAllCallback DEVICE = ctx -> ctx.getRoot().getStore(SESSION).put(Session.class,
                Session.start(new EmulatedDevice(behaves, reportsTransmit), null, null, out, Duration.ofSeconds(2),
                        Session.cipherSuites(ctx), declared));
    }

    /** Verdict by kind ("pass", "known deviation: X", "fail", ...) per run (display name). */
    private static Map<String, String> run(ReceiveProfile device, ReceiveProfile profile, Path dir) throws java.io.IOException {
        return run(OnEmulatedDevice.class, device, profile, dir);
    }

    private static Map<String, String> run(Class<?> suite, ReceiveProfile device, ReceiveProfile profile, Path dir)
            throws java.io.IOException {
        java.nio.file.Files.createDirectories(dir);
        behaves = device;
        declared = profile;
        out = dir;
        Map<String, String> verdicts = new TreeMap<>();
        TestExecutionListener l = new TestExecutionListener() {
            @Override
            public void executionFinished(TestIdentifier id, TestExecutionResult r) {
                if (!id.isTest()) {
                    return;
                }
                Throwable t = r.getThrowable().orElse(null);
                verdicts.merge(id.getDisplayName(), r.getStatus() == TestExecutionResult.Status.SUCCESSFUL ? "pass"
                        : r.getStatus() == TestExecutionResult.Status.ABORTED ? "not applicable"
                        : t instanceof KnownDeviationFailure k ? "known deviation: " + KnownDeviationFailure.names(k.deviations())
                        : t instanceof InconclusiveFailure ? "inconclusive"
                        : t instanceof ConformanceFailure ? "fail" : "harness error: " + t, (x, y) -> x + ", " + y);
            }
        };
        LauncherFactory.create().execute(LauncherDiscoveryRequestBuilder.request()
                .selectors(selectClass(suite))
                .configurationParameter(ConformanceParameters.CIPHER_SUITES, "gcm-aes-128,gcm-aes-xpn-256")
                .build(), l);
        return verdicts;
    }

    private static Map<String, Integer> tally(Map<String, String> verdicts) {
        Map<String, Integer> t = new TreeMap<>();
        verdicts.values().forEach(v -> t.merge(v, 1, Integer::sum));
        return t;
    }

    @Test
    void aDeviceThatFollowsTheIeeeEmulationPassesEveryCase(@TempDir Path dir) throws java.io.IOException {
        Map<String, String> v = run(ReceiveProfile.IEEE, null, dir);
        assertEquals(97, v.size(), "runs over GCM-AES-128 and GCM-AES-XPN-256");
        v.forEach((name, verdict) -> assertEquals("pass", verdict, name));
    }

    @Test
    void departuresAreKnownDeviationsOnlyUnderTheDeclaredProfile(@TempDir Path dir) throws java.io.IOException {
        Map<String, String> declared = run(ReceiveProfile.LINUX, ReceiveProfile.LINUX, dir.resolve("a"));
        Map<String, String> undeclared = run(ReceiveProfile.LINUX, null, dir.resolve("b"));
        assertEquals(declared.keySet(), undeclared.keySet());
        declared.forEach((name, verdict) -> {
            String without = undeclared.get(name);
            if (verdict.startsWith("known deviation")) {
                assertEquals("fail", without, name + ": the same departure with no profile declared");
            } else {
                assertEquals("pass", verdict, name);
                assertEquals("pass", without, name);
            }
        });
        for (Deviation d : Deviation.values()) {
            boolean shown = declared.entrySet().stream().anyMatch(e -> e.getKey().startsWith(d.conformanceCase() + ",")
                    && e.getValue().startsWith("known deviation") && e.getValue().contains(d.name()));
            assertEquals(true, shown, d + " in " + d.conformanceCase() + ": " + tally(declared));
        }
    }

    /**
     * Issue #17: a counter the plan names and the device does not report is never a silent pass. The transmit plan
     * states the transmit SC's OutPktsEncrypted/OutPktsProtected; a device reporting its receive counters only gets
     * INCONCLUSIVE naming them, the same device reporting them too passes.
     */
    @Test
    void anUnreportedTransmitCounterIsInconclusiveNeverAPass(@TempDir Path dir) throws java.io.IOException {
        try {
            reportsTransmit = false;
            Map<String, String> without = run(TransmitOnEmulatedDevice.class, ReceiveProfile.IEEE, null, dir.resolve("a"));
            // both transmit cases per cipher suite share a display name: their verdicts are joined by ", "
            List<String> verdicts = without.values().stream().flatMap(v -> java.util.Arrays.stream(v.split(", "))).toList();
            assertEquals(List.of("inconclusive", "inconclusive", "inconclusive", "inconclusive"), verdicts,
                    without.toString());
        } finally {
            reportsTransmit = true;
        }
        Map<String, String> with = run(TransmitOnEmulatedDevice.class, ReceiveProfile.IEEE, null, dir.resolve("b"));
        with.forEach((name, verdict) -> assertEquals("pass, pass", verdict, name));
    }

    /**
     * Issue #17 item 3: each result's Allure description is its case's plan entry as {@code --plan} prints it
     * (purpose, applicability, setup, procedure, expected results), receive and transmit, so a reader of the report
     * sees the expectation beside what was seen.
     */
    @Test
    void eachResultsAllureDescriptionIsItsPlanEntry(@TempDir Path dir) throws java.io.IOException {
        Path allure = Files.createDirectories(dir.resolve("allure-results"));
        AllureLifecycle previous = Allure.getLifecycle();
        Allure.setLifecycle(new AllureLifecycle(new FileSystemResultsWriter(allure)));
        try {
            run(ReceiveProfile.IEEE, null, dir.resolve("rx"));
            run(TransmitOnEmulatedDevice.class, ReceiveProfile.IEEE, null, dir.resolve("tx"));
        } finally {
            Allure.setLifecycle(previous);
        }
        TestPlan receive = TestPlan.receive();
        ProsePlan transmit = ProsePlan.transmit();
        List<String> wrong = new ArrayList<>();
        int results = 0;
        try (Stream<Path> files = Files.list(allure)) {
            for (Path f : files.filter(f -> f.toString().endsWith("-result.json")).toList()) {
                JsonNode t = new ObjectMapper().readTree(f.toFile());
                String id = null;
                for (JsonNode l : t.path("labels")) {
                    if (l.path("name").asText().equals("story")) {
                        id = l.path("value").asText();
                    }
                }
                String entry = id == null ? null : id.startsWith("802.1AE-10.5-transmit-")
                        ? PlanText.caseMarkdown(transmit, transmit.byId(id)) : PlanText.caseMarkdown(receive, receive.byId(id));
                results++;
                if (entry == null || !entry.equals(t.path("description").asText())) {
                    wrong.add(t.path("name").asText() + " (story " + id + ")");
                }
            }
        }
        assertEquals(97 + 4, results, "receive and transmit runs over GCM-AES-128 and GCM-AES-XPN-256");
        assertEquals(List.of(), wrong, "results whose Allure description is not their plan entry");
    }
}
