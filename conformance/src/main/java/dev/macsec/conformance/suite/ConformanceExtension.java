package dev.macsec.conformance.suite;

import dev.macsec.conformance.link.RecordingLink;
import io.qameta.allure.Allure;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Gives each suite test a {@link Harness}: the shared {@link Session}, a recording of the case's frames
 * (pcap), and afterwards attaches that pcap and the counters to the Allure result.
 */
public final class ConformanceExtension implements ParameterResolver, BeforeEachCallback, AfterEachCallback {
    private static final ExtensionContext.Namespace NS = ExtensionContext.Namespace.create(ConformanceExtension.class);

    @Override
    public boolean supportsParameter(ParameterContext p, ExtensionContext ctx) {
        return p.getParameter().getType() == Harness.class;
    }

    @Override
    public Object resolveParameter(ParameterContext p, ExtensionContext ctx) {
        return ctx.getStore(NS).getOrComputeIfAbsent(Harness.class, k -> newHarness(ctx), Harness.class);
    }

    private static Harness newHarness(ExtensionContext ctx) {
        Session s = Session.get(ctx);
        String id = ctx.getUniqueId().replaceAll("[^A-Za-z0-9_.-]+", "_");
        if (id.length() > 150) {
            id = id.substring(id.length() - 150);
        }
        Path pcap = s.outputDir().resolve("pcap").resolve(id + ".pcap");
        try {
            Files.createDirectories(pcap.getParent());
        } catch (IOException e) {
            throw new HarnessException("cannot create " + pcap.getParent() + ": " + e.getMessage(), e);
        }
        return new Harness(s, new RecordingLink(s.link(), pcap, false), pcap, ctx);
    }

    @Override
    public void beforeEach(ExtensionContext ctx) {
        // the harness is created lazily with the parameter
    }

    @Override
    public void afterEach(ExtensionContext ctx) {
        Harness h = ctx.getStore(NS).remove(Harness.class, Harness.class);
        if (h == null) {
            return;
        }
        h.recording().close();
        try {
            if (Files.size(h.pcap()) > 24) {
                Allure.addAttachment("frames.pcap", "application/vnd.tcpdump.pcap", Files.newInputStream(h.pcap()), "pcap");
            }
        } catch (IOException ignored) {
            // nothing recorded
        }
        if (h.countersText() != null) {
            Allure.addAttachment("counters (device vs 802.1AE vs Linux profile)", "text/plain", h.countersText(), "txt");
        }
        if (h.framesText() != null) {
            Allure.addAttachment("frames sent and received", "text/plain", h.framesText(), "txt");
        }
    }
}
