package dev.macsec.conformance.interop;

import dev.macsec.conformance.mka.MkaDeviceFixture;
import dev.macsec.conformance.mka.MkaExtension;
import dev.macsec.conformance.mka.MkaHarness;
import dev.macsec.conformance.suite.ConformanceFailure;
import dev.macsec.conformance.suite.InconclusiveFailure;
import dev.macsec.suite.CipherSuite;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * MKA interoperability ({@code macsec conformance --suite interop}): every pair of {our participant, wpa_supplicant,
 * MKAdaemon} on one shared segment in the linux-vm guest ({@link Segment}), in every cipher suite both negotiate,
 * with the Key Server on each side in turn, and one group CA of three. No implementation is the device under test:
 * a cell that does not secure, or an MKA rule the analyzer finds broken, is an interop defect of the pair, reported with
 * the frames. The test plan is {@code plan/802.1X-interop.yaml}; the matrix is in report.md and summary.json.
 */
@DisplayName("802.1X MKA interop")
@ExtendWith(MkaExtension.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
public class InteropSuite {

    /** One cell of the matrix: a pair, the cipher suite, and which of the two is meant to be Key Server. */
    public record Cell(Implementation first, Implementation second, CipherSuite suite, Implementation keyServer) {
        String caseName() {
            return "interop-pair-" + first.id() + "-" + second.id() + "-ks-" + keyServer.id();
        }

        @Override
        public String toString() {
            return first.id() + " + " + second.id() + ", " + suite.standardName() + ", Key Server " + keyServer.id();
        }
    }

    /** Every pair, every cipher suite both negotiate through MKA, the Key Server on each side. */
    static Stream<Cell> cells() {
        Implementation[][] pairs = {
                {Implementation.OURS, Implementation.WPA_SUPPLICANT},
                {Implementation.OURS, Implementation.MKAD},
                {Implementation.WPA_SUPPLICANT, Implementation.MKAD}};
        List<Cell> cells = new ArrayList<>();
        for (Implementation[] p : pairs) {
            for (CipherSuite s : CipherSuite.values()) {
                if (p[0].cipherSuites().contains(s) && p[1].cipherSuites().contains(s)) {
                    cells.add(new Cell(p[0], p[1], s, p[0]));
                    cells.add(new Cell(p[0], p[1], s, p[1]));
                }
            }
        }
        return cells.stream();
    }

    @Order(1)
    @DisplayName("802.1X-9-interop-pair")
    @ParameterizedTest(name = "{0}")
    @MethodSource("cells")
    void pair(Cell cell, MkaHarness h) throws IOException {
        h.label("9", cell.caseName(), cell.suite().standardName());
        MkaDeviceFixture f = h.fixture();
        InteropRun.requireImplementations(f, cell.first(), cell.second());
        List<String> defects;
        List<String> inconclusive;
        try (InteropRun run = InteropRun.open(f, h, cell.caseName() + "_" + cell.suite().standardName())) {
            defects = run.pair(cell);
            inconclusive = run.inconclusive();
        }
        if (!defects.isEmpty()) {
            throw new ConformanceFailure("interop defect, " + cell + ": " + String.join("; ", defects));
        }
        if (!inconclusive.isEmpty()) {
            throw new InconclusiveFailure(cell + ": " + String.join("; ", inconclusive));
        }
    }

    @Order(2)
    @Test
    @DisplayName("802.1X-9-interop-group-ca")
    void groupCa(MkaHarness h) throws IOException {
        h.label("9", "interop-group-ca", CipherSuite.GCM_AES_128.standardName());
        MkaDeviceFixture f = h.fixture();
        List<String> defects;
        try (InteropRun run = InteropRun.open(f, h, "interop-group-ca")) {
            defects = run.groupCa();
        }
        if (!defects.isEmpty()) {
            throw new ConformanceFailure("interop defect, group CA of ours + 2 wpa_supplicant: "
                    + String.join("; ", defects));
        }
    }
}
