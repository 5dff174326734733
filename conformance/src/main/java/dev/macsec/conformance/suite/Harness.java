package dev.macsec.conformance.suite;

import dev.macsec.conformance.device.DeviceException;
import dev.macsec.conformance.device.DeviceSetup;
import dev.macsec.conformance.device.SaConfig;
import dev.macsec.conformance.device.Sci;
import dev.macsec.conformance.device.SecYConfig;
import dev.macsec.conformance.generator.GeneratedFrame;
import dev.macsec.conformance.generator.TrafficGenerator;
import dev.macsec.conformance.link.Frame;
import dev.macsec.conformance.link.RecordingLink;
import dev.macsec.counter.SecYCounters;
import dev.macsec.crypto.SaKey;
import dev.macsec.secy.ValidateFrames;
import dev.macsec.suite.CipherSuite;
import io.qameta.allure.Allure;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.opentest4j.TestAbortedException;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What a suite test works with: the device, the recorded link, key material, and the exchange of a case's
 * frames with the device. Addresses: the tester is 52:54:00:00:00:01 / 10.1.0.1 (SCI port 1), the device
 * 10.1.0.2 on its Controlled Port, port 1.
 */
public final class Harness {
    public static final byte[] TESTER_MAC = HexFormat.of().parseHex("525400000001");
    public static final byte[] TESTER_IP = {10, 1, 0, 1};
    public static final byte[] DEVICE_IP = {10, 1, 0, 2};
    public static final long TESTER_SCI = Sci.of(TESTER_MAC, 1);
    /** Dotted forms, for commands run on the device. */
    public static final String TESTER_IP_TEXT = dotted(TESTER_IP);
    public static final String DEVICE_IP_TEXT = dotted(DEVICE_IP);
    public static final int TESTER_SSCI = 2;
    public static final int DEVICE_SSCI = 1;
    public static final byte[] SALT = HexFormat.of().parseHex("e630e81a48de86a21c66fa6d");
    /** The AN of the closing echo of every receive case (so AN 0..2 are the case's). */
    public static final int SENTINEL_AN = 3;

    private final Session session;
    private final RecordingLink recording;
    private final Path pcap;
    private final ExtensionContext ctx;
    private String countersText;
    private String framesText;
    private String labelled;

    Harness(Session session, RecordingLink recording, Path pcap, ExtensionContext ctx) {
        this.session = session;
        this.recording = recording;
        this.pcap = pcap;
        this.ctx = ctx;
    }

    public Session session() {
        return session;
    }

    public long deviceSci(int port) {
        return Sci.of(session.deviceMac(), port);
    }

    /** Key material for SA number {@code id}: deterministic, different per id and suite. */
    public static SaKey key(CipherSuite s, int id, int ssci) {
        byte[] k = new byte[s.keyLength()];
        for (int i = 0; i < k.length; i++) {
            k[i] = (byte) (id * 37 + i * 11 + s.ordinal());
        }
        return SaKey.of(s, k, ssci, SALT);
    }

    /** The tester's SA key for an AN. */
    public static SaKey testerKey(CipherSuite s, int an) {
        return key(s, 10 + an, TESTER_SSCI);
    }

    public static SaKey deviceKey(CipherSuite s) {
        return key(s, 20, DEVICE_SSCI);
    }

    /** A generator seeded from the case name, with the tester's keys for all four ANs. */
    public TrafficGenerator generator(CipherSuite s, String caseName) {
        return generator(s, caseName, session.deviceMac());
    }

    /** The same without a session: the frames a case sends to a device with MAC address {@code deviceMac}. */
    public static TrafficGenerator generator(CipherSuite s, String caseName, byte[] deviceMac) {
        TrafficGenerator g = new TrafficGenerator(TESTER_SCI, TESTER_MAC, TESTER_IP, deviceMac, DEVICE_IP,
                caseName.hashCode() * 31L + s.ordinal());
        for (int an = 0; an < 4; an++) {
            g.sa(an, testerKey(s, an));
        }
        return g;
    }

    /**
     * Labels a case of a test plan for reports: Allure epic (the standard) / feature (the clause) / story (its id),
     * its plan entry (Markdown: purpose, applicability, setup, procedure, expected results) the Allure description, so
     * a reader sees it beside what was seen, parameters, and report entries for the runner's summary.
     */
    public void labelPlanCase(String clause, String id, CipherSuite suite, ValidateFrames vf, String planEntry) {
        label(clause, id, suite, vf, (Runnable) () -> Allure.description(planEntry));
    }

    private void label(String clause, String story, CipherSuite suite, ValidateFrames vf, Runnable describe) {
        String mode = vf == null ? "-" : SecYConfig.name(vf);
        ConformanceExtension.labelCase(clause, story, suite.standardName(), vf == null ? null : mode);
        describe.run();
        Allure.label("device", session.identity().description());
        ctx.publishReportEntry(Map.of("macsec.clause", clause, "macsec.case", story,
                "macsec.cipherSuite", suite.standardName(), "macsec.validateFrames", mode,
                "macsec.device", session.identity().description()));
        labelled = story + "_" + suite.standardName() + (vf == null ? "" : "_" + mode);
    }

    public void publish(String key, String value) {
        ctx.publishReportEntry(key, value);
    }

    /**
     * Configures the device. A refusal aborts the case as unsupported when {@code optionalFeature} names what
     * was optional, else is a harness error.
     */
    public void setUp(DeviceSetup setup, String optionalFeature) {
        try {
            session.device().setUp(setup);
        } catch (DeviceException e) {
            if (optionalFeature != null) {
                throw new TestAbortedException("the device does not support " + optionalFeature + ": " + e.getMessage());
            }
            throw new HarnessException("the device refused the case's configuration: " + e.getMessage(), e);
        } catch (IOException e) {
            session.lost("unreachable while configuring: " + e.getMessage());
            throw new HarnessException("device unreachable while configuring: " + e.getMessage(), e);
        }
    }

    /** The standard setup: device TX SA {@code tx}, one RX SC (the tester's) with {@code rxSas}. */
    public DeviceSetup setup(SecYConfig cfg, SaConfig tx, List<SaConfig> rxSas) {
        return new DeviceSetup(cfg, List.of(tx), Map.of(TESTER_SCI, rxSas), DEVICE_IP_TEXT + "/24", TESTER_IP_TEXT,
                HexFormat.ofDelimiter(":").formatHex(TESTER_MAC));
    }

    public SecYCounters counters() {
        try {
            return session.device().counters();
        } catch (IOException e) {
            session.lost("unreachable while reading counters: " + e.getMessage());
            throw new HarnessException("device unreachable while reading counters: " + e.getMessage(), e);
        }
    }

    /**
     * Sends {@code frames} and then {@code closing}, and collects what the device sends until {@code isClosingAnswer}
     * accepts a frame (the device handles frames in order, so everything before is in) or the answer timeout.
     *
     * @return every frame received, in order
     */
    public List<Frame> exchange(List<GeneratedFrame> frames, GeneratedFrame closing,
                                java.util.function.Predicate<byte[]> isClosingAnswer) {
        List<Frame> got = new ArrayList<>();
        try {
            session.link().drain();
            for (GeneratedFrame f : frames) {
                recording.send(f.data());
            }
            recording.send(closing.data());
            long deadline = System.nanoTime() + session.answerTimeout().toNanos();
            while (true) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    Optional<String> gone = session.deviceGone();
                    if (gone.isPresent()) {
                        throw new HarnessException("the device stopped during the case (" + gone.get() + "); "
                                + got.size() + " frame(s) received before");
                    }
                    throw new HarnessException("the device did not answer the case's closing echo (" + closing.label()
                            + ") within " + session.answerTimeout().toSeconds() + " s: it stopped answering, or "
                            + "refuses valid frames; " + got.size() + " frame(s) received before");
                }
                Frame f = recording.receive(Duration.ofNanos(left));
                if (f == null) {
                    continue;
                }
                got.add(f);
                if (isClosingAnswer.test(f.data())) {
                    return got;
                }
            }
        } catch (IOException e) {
            throw new HarnessException("link to the device failed: " + e.getMessage(), e);
        }
    }

    RecordingLink recording() {
        return recording;
    }

    Path pcap() {
        return pcap;
    }

    /** A file name for the case's recording once {@link #label} ran (null before). */
    String labelledName() {
        return labelled;
    }

    String countersText() {
        return countersText;
    }

    String framesText() {
        return framesText;
    }

    void attach(String counters, String frames) {
        this.countersText = counters;
        this.framesText = frames;
    }

    private static String dotted(byte[] ip) {
        return (ip[0] & 0xff) + "." + (ip[1] & 0xff) + "." + (ip[2] & 0xff) + "." + (ip[3] & 0xff);
    }
}
