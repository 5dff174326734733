package dev.macsec.conformance.suite;

import dev.macsec.conformance.device.linuxvm.LinuxVm;
import dev.macsec.conformance.link.HostTap;
import io.qameta.allure.Allure;
import io.qameta.allure.AllureLifecycle;
import io.qameta.allure.FileSystemResultsWriter;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.reporting.ReportEntry;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

/**
 * The suite's live-interface path against a real MACsec device: the Linux kernel in qemu with its data NIC
 * on a host tap, driven through a device file ({@code type: linux-vm}, {@code tap:}) so that
 * {@link Session#open} opens a {@link dev.macsec.conformance.link.PcapLiveLink} exactly as it does for lab
 * hardware. Receive cases of {@link ReceiveSuite} then run unchanged over libpcap.
 */
@Tag("vm")
class LiveLinkLinuxVmTest {
    @TempDir
    Path dir;

    @Test
    void receiveCasesRunOverPcapOnATap() throws Exception {
        try (HostTap tap = HostTap.create("mtap")) {
            run(tap.name());
        }
    }

    private void run(String tap) throws IOException {
        Path deviceFile = Files.writeString(dir.resolve("device.yaml"), "type: linux-vm\ntap: " + tap + "\nprofile: linux\n");
        Path out = dir.resolve("cases");
        LauncherDiscoveryRequest request = LauncherDiscoveryRequestBuilder.request()
                .selectors(selectClass(ReceiveSuite.class))
                .configurationParameters(Map.of(
                        ConformanceParameters.CASES, "802.1AE-10.6-valid-accepted, 802.1AE-10.6.4-bad-icv",
                        ConformanceParameters.DEVICE, deviceFile.toString(),
                        ConformanceParameters.CIPHER_SUITES, "GCM-AES-128",
                        ConformanceParameters.OUTPUT_DIR, out.toString()))
                .build();
        Cases cases = new Cases();
        Path allure = Files.createDirectories(dir.resolve("allure-results"));
        AllureLifecycle previous = Allure.getLifecycle();
        Allure.setLifecycle(new AllureLifecycle(new FileSystemResultsWriter(allure)));
        long t0 = System.nanoTime();
        try {
            LauncherFactory.create().execute(request, cases);
        } finally {
            Allure.setLifecycle(previous);
        }
        System.out.printf("live link: %d cases in %d ms%n", cases.results.size(), (System.nanoTime() - t0) / 1_000_000);

        String device = Files.readString(out.resolve("device.txt"));
        assertTrue(device.contains("PcapLiveLink[" + tap + ", ether src " + LinuxVm.DATA_MAC + "]"), device);
        // 2 cases x 3 validateFrames modes, none a harness error (an unanswered closing echo would be one)
        assertEquals(6, cases.results.size(), cases.results.keySet().toString());
        cases.results.forEach((name, r) -> assertTrue(r.getStatus() == TestExecutionResult.Status.SUCCESSFUL
                || r.getThrowable().orElseThrow() instanceof KnownDeviationFailure, name + ": " + r));
        // the device's counters are what the emulated Linux SecY predicts, case by case
        for (String name : cases.results.keySet()) {
            assertEquals("agrees", cases.entries.get(name).get("macsec.linuxProfile"), name);
        }

        // the answers came over the tap: each case's recording holds frames from the device's MAC
        byte[] mac = HexFormat.ofDelimiter(":").parseHex(LinuxVm.DATA_MAC);
        for (String name : cases.results.keySet()) {
            Path pcap = Path.of(cases.entries.get(name).get(ConformanceExtension.ENTRY_PCAP));
            assertTrue(framesFrom(pcap, mac) >= 1, name + ": no frame from the device in " + pcap);
        }

        // and its counters moved: the counters table of each case as attached for the report
        List<String> tables = new ArrayList<>();
        try (Stream<Path> files = Files.list(allure)) {
            for (Path p : files.filter(p -> p.toString().endsWith("-attachment.txt")).toList()) {
                String t = Files.readString(p, StandardCharsets.UTF_8);
                if (t.contains("InPktsOK")) {
                    tables.add(t);
                }
            }
        }
        assertEquals(6, tables.size(), "one counters table per case");
        assertTrue(tables.stream().allMatch(t -> deviceCounter(t, "rxsc.InPktsOK") >= 3), "valid frames counted OK");
        // the bad-icv cases: at least under strict and check
        List<Long> notValid = tables.stream().map(t -> deviceCounter(t, "rxsc.InPktsNotValid")).sorted().toList();
        System.out.println("InPktsNotValid per case: " + notValid);
        assertTrue(notValid.stream().filter(n -> n > 0).count() >= 2, "bad ICVs counted NotValid: " + notValid);
    }

    /** The device's column of a counters table (0 when the table omits the counter as zero). */
    private static long deviceCounter(String table, String counter) {
        return table.lines().map(String::trim).filter(l -> l.startsWith(counter + " "))
                .mapToLong(l -> Long.parseLong(l.split("\\s+")[2])).findFirst().orElse(0);
    }

    /** Frames in a classic pcap whose Ethernet source is {@code mac}. */
    private static int framesFrom(Path pcap, byte[] mac) throws IOException {
        byte[] b = Files.readAllBytes(pcap);
        int n = 0;
        for (int off = 24; off + 16 <= b.length; ) {
            int caplen = (b[off + 8] & 0xff) | (b[off + 9] & 0xff) << 8 | (b[off + 10] & 0xff) << 16 | (b[off + 11] & 0xff) << 24;
            int data = off + 16;
            if (caplen < 12 || data + caplen > b.length) {
                break;
            }
            if (java.util.Arrays.equals(b, data + 6, data + 12, mac, 0, 6)) {
                n++;
            }
            off = data + caplen;
        }
        return n;
    }

    /** Results and report entries of the parameterized invocations, by display name. */
    private static final class Cases implements TestExecutionListener {
        final Map<String, TestExecutionResult> results = new ConcurrentHashMap<>();
        final Map<String, Map<String, String>> entries = new ConcurrentHashMap<>();

        private static String name(TestIdentifier t) {
            return t.getLegacyReportingName() + " " + t.getUniqueId().replaceAll(".*#", "#");
        }

        @Override
        public void executionFinished(TestIdentifier t, TestExecutionResult r) {
            if (t.isTest()) {
                results.put(name(t), r);
            }
        }

        @Override
        public void reportingEntryPublished(TestIdentifier t, ReportEntry e) {
            if (t.isTest()) {
                entries.computeIfAbsent(name(t), k -> new ConcurrentHashMap<>()).putAll(e.getKeyValuePairs());
            }
        }
    }
}
