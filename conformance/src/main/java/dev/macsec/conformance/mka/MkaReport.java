package dev.macsec.conformance.mka;

import dev.macsec.mka.actor.MkaEvent;
import io.qameta.allure.Allure;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.Map;
import java.util.stream.Collectors;

/** Attaches what an MKA case saw to its Allure report: the pcap of the exchange, our events, the device's view. */
public final class MkaReport {
    private MkaReport() {
    }

    /** Labels the running test: epic IEEE 802.1X-2020, the clause as feature, the case as story. */
    public static void label(String feature, String story) {
        Allure.epic("IEEE 802.1X-2020");
        Allure.feature(feature);
        Allure.story(story);
    }

    public static void attach(MkaDeviceFixture.Case c) {
        try (InputStream in = Files.newInputStream(c.pcap())) {
            Allure.addAttachment("MKPDU exchange (" + c.pcap().getFileName() + ")", "application/vnd.tcpdump.pcap", in,
                    "pcap");
        } catch (IOException e) {
            Allure.addAttachment("pcap missing", e.toString());
        }
        Allure.addAttachment("our participant: events", "text/plain",
                c.participant() + "\n" + c.participant().events().stream().map(MkaEvent::toString)
                        .collect(Collectors.joining("\n")) + "\n" + c.session(), "txt");
        try {
            Map<String, String> s = c.device().status();
            Allure.addAttachment("device: wpa_cli status", "text/plain", s.entrySet().stream()
                    .map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining("\n")), "txt");
            Allure.addAttachment("device: ip -s macsec show", "text/plain", c.device().macsecShow(), "txt");
        } catch (IOException e) {
            Allure.addAttachment("device status unavailable", e.toString());
        }
        // the capture tracker (dev.macsec.mka.MkaTracker) is not on this branch yet: say so in the report
        Allure.addAttachment("rule-checker findings", "text/plain",
                "not attached: dev.macsec.mka.MkaTracker was not available when this suite was built", "txt");
    }

    static String text(byte[] b) {
        return new String(b, StandardCharsets.UTF_8);
    }
}
