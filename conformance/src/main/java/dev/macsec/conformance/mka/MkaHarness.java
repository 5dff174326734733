package dev.macsec.conformance.mka;

import dev.macsec.conformance.device.ManagedKay;
import dev.macsec.conformance.device.MkaDaemon;
import dev.macsec.conformance.plan.PlanText;
import dev.macsec.conformance.plan.ProsePlan;
import dev.macsec.conformance.suite.ConformanceExtension;
import dev.macsec.mka.actor.ActorConfig;
import io.qameta.allure.Allure;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.opentest4j.TestAbortedException;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * One MKA case's view of the suite: labels it for the reports (Allure epic IEEE 802.1X-2020, feature = clause,
 * story = case; the runner's macsec.* report entries), opens it on the suite's VM, and afterwards attaches and
 * publishes its pcap.
 */
public final class MkaHarness {
    public static final String EPIC = "IEEE 802.1X-2020";

    /** The suite's VM, booted on first use. */
    @FunctionalInterface
    interface Lazy {
        MkaExtension.Fixture get();
    }

    private final ExtensionContext ctx;
    private final Lazy fixture;
    private String labelled;
    private MkaDeviceFixture.Case current;
    private Path otherPcap;
    private Runnable otherAttachments;

    MkaHarness(ExtensionContext ctx, Lazy fixture) {
        this.ctx = ctx;
        this.fixture = fixture;
    }

    /** The VM and its wpa_supplicant; a harness error when the device is not available. */
    public MkaDeviceFixture fixture() {
        return fixture.get().fixture();
    }

    /**
     * Labels the case {@code 802.1X-<clause>-<caseName>} ({@code clause} of IEEE 802.1X-2020, e.g. "9.5"), whose test
     * plan entry is the case of the MKA plan its name starts with; {@code cipherSuite} the SAK's suite ("GCM-AES-128"),
     * or "-" when no SAK is agreed. The plan entry is the Allure description.
     */
    public void label(String clause, String caseName, String cipherSuite) {
        String story = "802.1X-" + clause + "-" + caseName;
        String name = story + ("-".equals(cipherSuite) ? "" : "_" + cipherSuite);
        if (name.equals(labelled)) {
            // a case that labels itself before its set-up, then opens: Allure would list the labels twice
            return;
        }
        if (labelled != null) {
            throw new IllegalStateException("case " + labelled + " labelled again as " + name);
        }
        ProsePlan.Case planned = planCase(story);
        labelCase(ctx, clause, story, cipherSuite);
        Allure.description(PlanText.caseMarkdown(planOf(planned), planned));
        labelled = name;
    }

    /** The plan (MKA or interop) holding {@code c}. */
    private static ProsePlan planOf(ProsePlan.Case c) {
        return ProsePlan.mka().cases().contains(c) ? ProsePlan.mka() : ProsePlan.interop();
    }

    /** The suite's VM as the reports name it (kernel, KaY), booting it on first use. */
    public String deviceDescription() {
        return fixture.get().device();
    }

    /** Publishes a report entry of the case (the runner keeps {@code macsec.*} entries). */
    public void publish(String key, String value) {
        ctx.publishReportEntry(key, value);
    }

    /** The MKA or interop plan's case a case name belongs to: the longest plan id it starts with. */
    static ProsePlan.Case planCase(String story) {
        ProsePlan.Case best = null;
        for (ProsePlan.Case c : java.util.stream.Stream.concat(ProsePlan.mka().cases().stream(),
                ProsePlan.interop().cases().stream()).toList()) {
            if ((story.equals(c.id()) || story.startsWith(c.id() + "-"))
                    && (best == null || c.id().length() > best.id().length())) {
                best = c;
            }
        }
        if (best == null) {
            throw new IllegalStateException("case " + story + " has no entry in the MKA test plan " + ProsePlan.MKA);
        }
        return best;
    }

    /** Labels the case (see {@link #label}), restarts wpa_supplicant with {@code device} and opens our side. */
    public MkaDeviceFixture.Case open(String clause, String caseName, String cipherSuite,
                                      MkaDaemon.Config device, ActorConfig us) throws IOException {
        label(clause, caseName, cipherSuite);
        MkaExtension.Fixture f = fixture.get();
        Allure.label("device", f.device());
        ctx.publishReportEntry("macsec.device", f.device());
        try {
            current = f.fixture().open(labelled, device, us);
        } catch (ManagedKay.Refused e) {
            throw new TestAbortedException("not applicable: the device refuses " + device + ": " + e.getMessage());
        }
        return current;
    }

    private static void labelCase(ExtensionContext ctx, String clause, String story, String cipherSuite) {
        Allure.epic(EPIC);
        Allure.feature("Clause " + clause);
        Allure.story(story);
        Allure.parameter("cipher suite", cipherSuite);
        ctx.publishReportEntry(Map.of("macsec.clause", clause, "macsec.case", story, "macsec.cipherSuite", cipherSuite,
                "macsec.validateFrames", "-"));
    }

    /**
     * A case that records its own wire rather than through {@link #open} (client-oriented MKA): after the case,
     * {@code attachments} run and {@code pcap} is published like an opened case's.
     */
    public void recordedElsewhere(Path pcap, Runnable attachments) {
        otherPcap = pcap;
        otherAttachments = attachments;
    }

    /** After the case: attaches what it saw and publishes its pcap; labels a case that ended before it labelled itself. */
    void finish() {
        if (labelled == null) {
            labelFromDisplayName(ctx);
        }
        if (otherPcap != null) {
            otherAttachments.run();
            try {
                if (Files.size(otherPcap) > 24) {
                    ctx.publishReportEntry(ConformanceExtension.ENTRY_PCAP, otherPcap.toString());
                }
            } catch (IOException e) {
                throw new UncheckedIOException(otherPcap + ": " + e.getMessage(), e);
            }
        }
        if (current == null) {
            return;
        }
        MkaReport.attach(current);
        current.close();
        try {
            if (Files.size(current.pcap()) > 24) {
                ctx.publishReportEntry(ConformanceExtension.ENTRY_PCAP, current.pcap().toString());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(current.pcap() + ": " + e.getMessage(), e);
        }
    }

    /** Cases are named by their MKA plan id in their {@code @DisplayName}. */
    static void labelFromDisplayName(ExtensionContext ctx) {
        String story = ctx.getTestMethod().map(m -> m.getAnnotation(DisplayName.class)).map(DisplayName::value)
                .orElse(ctx.getDisplayName());
        String clause;
        try {
            ProsePlan.Case planned = planCase(story);
            clause = planned.clause();
            Allure.description(PlanText.caseMarkdown(planOf(planned), planned));
        } catch (IllegalStateException e) {
            clause = "?";
        }
        labelCase(ctx, clause, story, "-");
    }
}
