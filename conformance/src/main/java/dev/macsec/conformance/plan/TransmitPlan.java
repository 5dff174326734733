package dev.macsec.conformance.plan;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;

/**
 * The transmit test plan ({@value #TRANSMIT}): per case what the device must put on the wire, written from the
 * standard. Unlike the receive plan its expected results are statements about the device's frames (their SecTAG,
 * PNs, ICV, clear text) and transmit counters, which the transmit suite judges; the plan publishes them.
 */
@JsonIgnoreProperties(ignoreUnknown = false)
public record TransmitPlan(String standard, String title, List<Case> cases) {
    public static final String TRANSMIT = "/plan/802.1AE-transmit.yaml";
    private static volatile TransmitPlan transmit;

    /**
     * @param setup     the device's configuration, in words
     * @param procedure what the tester does, step by step
     * @param expected  the observable results, each naming its clause
     */
    @JsonIgnoreProperties(ignoreUnknown = false)
    public record Case(String id, String clause, String title, String purpose, String applicability,
                       String cipherSuites, String setup, List<String> procedure, List<String> expected) {
    }

    public TransmitPlan {
        cases = List.copyOf(cases);
    }

    public static TransmitPlan transmit() {
        TransmitPlan p = transmit;
        if (p == null) {
            try (InputStream in = TransmitPlan.class.getResourceAsStream(TRANSMIT)) {
                if (in == null) {
                    throw new IllegalStateException(TRANSMIT + " is not on the class path");
                }
                p = new ObjectMapper(new YAMLFactory()).readValue(in, TransmitPlan.class);
            } catch (JacksonException e) {
                String where = e.getLocation() == null ? "" : ", line " + e.getLocation().getLineNr();
                throw new IllegalStateException(TRANSMIT + where + ": " + e.getOriginalMessage(), e);
            } catch (IOException e) {
                throw new IllegalStateException(TRANSMIT + ": " + e.getMessage(), e);
            }
            for (Case c : p.cases()) {
                if (c.id() == null || !c.id().startsWith("802.1AE-" + c.clause() + "-") || c.purpose() == null
                        || c.procedure() == null || c.procedure().isEmpty() || c.expected() == null
                        || c.expected().isEmpty()) {
                    throw new IllegalStateException(TRANSMIT + ": case " + c.id() + ": needs an id 802.1AE-<clause>-..., "
                            + "purpose, procedure and expected results");
                }
            }
            transmit = p;
        }
        return p;
    }

    public Case byId(String id) {
        return cases.stream().filter(c -> c.id().equals(id)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no case " + id + " in the transmit plan"));
    }
}
