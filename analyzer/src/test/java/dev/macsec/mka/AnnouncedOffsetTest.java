package dev.macsec.mka;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.macsec.analysis.AnalysisOptions;
import dev.macsec.analysis.Analyzer;
import dev.macsec.capture.CaptureReader;
import dev.macsec.keys.KeysFile;
import dev.macsec.secy.ReceiveProfile;
import dev.macsec.secy.ValidateFrames;
import dev.macsec.secy.Verdict;
import dev.macsec.testing.ProjectFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A SAK learned from MKA is used at the confidentiality offset its Distributed SAK announces (802.1X-2020 11.11.3:
 * code 1 offset 0, 2 offset 30, 3 offset 50), not at the analyzer's default of 0. The data frames are MACsec_Lab's
 * mka-co30.pcap, protected with offset 30 by the lab's generator (frame-index.json) while its MKPDU announces code 1;
 * here frame 1's Distributed SAK is edited to code 2 and signed again with the lab's ICK, so the capture is what a
 * consistent Key Server would have sent.
 */
class AnnouncedOffsetTest {
    private static final int DISTRIBUTED_SAK = 4;
    /** Classic pcap: 24-octet file header, 16-octet record header before frame 1. */
    private static final int FRAME_1 = 24 + 16;

    @Test
    void learnedSakDecryptsAtTheAnnouncedOffset(@TempDir Path dir) throws IOException {
        Path consistent = withOffsetCode(dir, 2);
        // nothing given: the announcement decides (both data frames verify)
        assertEquals(Map.of(2L, Verdict.OK, 3L, Verdict.OK), data(consistent, options(0, false)));
        // as captured, code 1 announces offset 0, which the lab's frames do not use; node-b's SC is not known before
        // its MKPDU in frame 4, so its frame only had the key on trial (README: Keys)
        assertEquals(Map.of(2L, Verdict.NOT_VALID, 3L, Verdict.NO_SCI),
                data(ProjectFiles.pcap("macsec_lab/mka-co30.pcap"), options(0, false)));
    }

    @Test
    void anOffsetTheUserGivesOverridesTheAnnouncement(@TempDir Path dir) throws IOException {
        assertEquals(Map.of(2L, Verdict.OK, 3L, Verdict.OK),
                data(ProjectFiles.pcap("macsec_lab/mka-co30.pcap"), options(30, true)));
        assertEquals(Map.of(2L, Verdict.NOT_VALID, 3L, Verdict.NO_SCI), data(withOffsetCode(dir, 2), options(0, true)));
    }

    private static AnalysisOptions options(int offset, boolean given) {
        return new AnalysisOptions(ValidateFrames.STRICT, true, 0, ReceiveProfile.IEEE, offset, given, true, 1, false);
    }

    private static Path withOffsetCode(Path dir, int code) throws IOException {
        byte[] file = Files.readAllBytes(ProjectFiles.pcap("macsec_lab/mka-co30.pcap"));
        byte[] frame = Frames.read(ProjectFiles.pcap("macsec_lab/mka-co30.pcap")).get(0);
        int ds = Resign.param(frame, DISTRIBUTED_SAK);
        frame[ds + 1] = (byte) (frame[ds + 1] & ~0x30 | code << 4);
        Resign.sign(frame, MkaRulesTest.ICK);
        System.arraycopy(frame, 0, file, FRAME_1, frame.length);
        Path out = dir.resolve("mka-co30-code" + code + ".pcap");
        Files.write(out, file);
        return out;
    }

    private static Map<Long, Verdict> data(Path capture, AnalysisOptions options) throws IOException {
        Map<Long, Verdict> verdicts = new LinkedHashMap<>();
        KeysFile cak = new KeysFile(List.of(), MkaCaptureTest.LAB.caks(), List.of());
        try (Analyzer analyzer = new Analyzer(options, cak); CaptureReader reader = CaptureReader.open(capture)) {
            analyzer.analyze(reader, r -> {
                if (r.isMacsec()) {
                    verdicts.put(r.number(), r.verdict());
                }
            });
            analyzer.finish();
        }
        return verdicts;
    }
}
