package dev.macsec.conformance.mka;

import dev.macsec.mka.actor.MkaEvent;
import dev.macsec.analysis.AnalysisOptions;
import dev.macsec.analysis.AnalysisSummary;
import dev.macsec.analysis.Analyzer;
import dev.macsec.analysis.MkaSummary;
import dev.macsec.capture.CaptureReader;
import dev.macsec.conformance.device.MkaDaemon;
import dev.macsec.keys.CakEntry;
import dev.macsec.keys.KeysFile;
import io.qameta.allure.Allure;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Attaches what an MKA case saw to its Allure report: the pcap of the exchange, the device's MKPDUs as the verdict read
 * them, our events, and the device's own view (wpa_cli, ip macsec: supporting evidence, never a verdict's input).
 */
public final class MkaReport {
    private MkaReport() {
    }

    public static void attach(MkaDeviceFixture.Case c) {
        try (InputStream in = Files.newInputStream(c.pcap())) {
            Allure.addAttachment("MKPDU exchange (" + c.pcap().getFileName() + ")", "application/vnd.tcpdump.pcap", in,
                    "pcap");
        } catch (IOException e) {
            Allure.addAttachment("pcap missing", e.toString());
        }
        Allure.addAttachment("device on the wire: its verified MKPDUs (what the verdict is judged on)", "text/plain",
                c.wire().transcript(c.startNanos()), "txt");
        Allure.addAttachment("our participant: events", "text/plain",
                c.participant() + "\n" + c.participant().events().stream().map(MkaEvent::toString)
                        .collect(Collectors.joining("\n")) + "\n" + c.session(), "txt");
        c.evidence().ifPresent(kay -> {
            try {
                Map<String, String> s = kay.status();
                Allure.addAttachment("device's own view, supporting evidence only: " + kay.name() + " status", "text/plain", s.entrySet().stream()
                        .map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining("\n")), "txt");
                Allure.addAttachment("device's own view, supporting evidence only: ip -s macsec show", "text/plain", kay.macsecShow(), "txt");
            } catch (IOException e) {
                Allure.addAttachment("device status unavailable", e.toString());
            }
        });
        try {
            Allure.addAttachment("analyzer: MKA tracker findings", "text/plain", describe(analyze(c)), "txt");
        } catch (IOException | RuntimeException e) {
            Allure.addAttachment("analyzer failed on the exchange", e.toString());
        }
    }

    /**
     * Runs the analyzer (with its MKA tracker) over the case's pcap, given the CAKs both sides were configured
     * with: every MKPDU's ICV is checked independently of the participant, the SAKs are learned from the
     * Distributed SAK parameter sets and decrypt the data frames, and the MKA rules are checked.
     */
    public static AnalysisSummary analyze(MkaDeviceFixture.Case c) throws IOException {
        HexFormat hex = HexFormat.of();
        List<CakEntry> caks = new ArrayList<>();
        caks.add(c.participant().config().cak());
        MkaDaemon.Config d = c.deviceConfig();
        CakEntry device = new CakEntry(2, hex.parseHex(d.cknHex()), hex.parseHex(d.cakHex()), "device");
        if (!caks.get(0).equals(device)) {
            caks.add(device);
        }
        try (Analyzer analyzer = new Analyzer(AnalysisOptions.defaults().withThreads(1),
                new KeysFile(List.of(), caks, List.of()));
             CaptureReader reader = CaptureReader.open(c.pcap())) {
            analyzer.analyze(reader, r -> {
            });
            return analyzer.finish();
        }
    }

    public static String describe(AnalysisSummary s) {
        StringBuilder b = new StringBuilder();
        MkaSummary m = s.mka();
        b.append("MKPDUs ").append(m.mkpdus()).append(", ICV verified ").append(m.icvVerified()).append(", ICV failed ")
                .append(m.icvFailed()).append(", no key ").append(m.icvNoKey()).append('\n');
        b.append("data frame verdicts ").append(s.verdicts()).append('\n');
        for (MkaSummary.Ca ca : m.cas()) {
            b.append("\nCA ").append(ca.ckn()).append(ca.keyName() == null ? "" : " (" + ca.keyName() + ")").append('\n');
            ca.participants().forEach(p -> b.append("  participant ").append(p.text()).append('\n'));
            ca.learnedKeys().forEach(k -> b.append("  learned ").append(k).append('\n'));
            if (ca.findings().isEmpty()) {
                b.append("  no findings\n");
            }
            ca.findings().forEach(f -> b.append("  ").append(f.severity()).append(' ').append(f.code()).append(" (frame ")
                    .append(f.frame()).append("): ").append(f.message()).append('\n'));
        }
        return b.toString();
    }
}
