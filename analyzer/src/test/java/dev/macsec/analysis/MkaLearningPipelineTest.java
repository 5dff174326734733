package dev.macsec.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.macsec.capture.CaptureReader;
import dev.macsec.keys.KeysFile;
import dev.macsec.secy.Verdict;
import dev.macsec.testing.ProjectFiles;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** From a CAK alone, through the whole pipeline: MKPDUs verified, SAKs learned, the data decrypted. */
class MkaLearningPipelineTest {
    record Result(List<Verdict> data, AnalysisSummary summary) {
    }

    static Result analyze(Path capture, KeysFile keys, int threads) throws IOException {
        List<Verdict> data = new ArrayList<>();
        try (Analyzer analyzer = new Analyzer(AnalysisOptions.defaults().withThreads(threads), keys);
             CaptureReader reader = CaptureReader.open(capture)) {
            analyzer.analyze(reader, r -> {
                if (r.isMacsec()) {
                    data.add(r.verdict());
                }
            });
            return new Result(data, analyzer.finish());
        }
    }

    @ParameterizedTest(name = "threads={0}")
    @ValueSource(ints = {1, 2})
    void realWpaSupplicantSessionDecryptsFromTheCakAlone(int threads) throws IOException {
        Result r = analyze(ProjectFiles.pcap("linux-dut/mka.pcap"), KeysFile.load(ProjectFiles.pcap("linux-dut/mka-cak.json")), threads);
        assertEquals(30, r.data().size());
        r.data().forEach(v -> assertEquals(Verdict.OK, v));
        assertEquals(36, r.summary().mka().icvVerified());
        assertEquals(0, r.summary().mka().icvFailed());
        MkaSummary.Ca ca = r.summary().mka().cas().get(0);
        assertEquals(List.of("SAK KN 1 AN 0 GCM-AES-128 for 2 SC(s) (frame 3)"), ca.learnedKeys());
        assertTrue(ca.timeline().stream().anyMatch(e -> e.kind().equals("key_server_elected")), ca.timeline().toString());
        assertEquals(0, r.summary().mka().errors());
        assertTrue(!r.summary().hasFindings());
    }

    @Test
    void wrongCakVerifiesNothingAndIsAFinding() throws IOException {
        KeysFile wrong = KeysFile.fromOptions(List.of(),
                List.of("6162636465666768696a6b6c6d6e6f707172737475767778797a303132333435:00000000000000000000000000000000"));
        Result r = analyze(ProjectFiles.pcap("linux-dut/mka.pcap"), wrong, 1);
        assertEquals(36, r.summary().mka().icvFailed());
        r.data().forEach(v -> assertEquals(Verdict.NO_SCI, v));
        assertTrue(r.summary().hasFindings());
    }

    @ParameterizedTest
    @ValueSource(strings = {"mka-handshake.pcap", "mka-rekey.pcap", "mka-multi-peer.pcap", "mka-after-eap.pcap", "session-full.pcap"})
    void labSessionsDecryptWhatTheirMkpdusDistribute(String name) throws IOException {
        Result r = analyze(ProjectFiles.pcap("macsec_lab/" + name), onlyCaksAndMsks(), 1);
        assertTrue(r.summary().mka().icvVerified() > 0, name);
        assertEquals(0, r.summary().mka().icvFailed(), name);
        long ok = r.data().stream().filter(v -> v == Verdict.OK).count();
        // mka-rekey's first data frame uses a SAK distributed before the capture began
        long expectedUndecryptable = name.equals("mka-rekey.pcap") ? 1 : 0;
        assertEquals(r.data().size() - expectedUndecryptable, ok, name + " " + r.data());
    }

    /** The lab's keys without its SAKs: everything must come from MKA. */
    static KeysFile onlyCaksAndMsks() {
        KeysFile all = KeysFile.load(ProjectFiles.pcap("macsec_lab/keys-macsec.json"));
        return new KeysFile(List.of(), all.caks(), all.msks());
    }
}
