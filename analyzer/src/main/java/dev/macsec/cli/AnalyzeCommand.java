package dev.macsec.cli;

import dev.macsec.capture.CaptureReader;
import dev.macsec.error.InputException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code macsec analyze}: reads captures, verifies and decrypts, emulates the receive SecY, checks MKA. */
@Command(name = "analyze", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Decode, verify and decrypt MACsec and MKA in pcap/pcapng files (gzip too).",
            "Exit status: 0 all good, 1 verification failures or MKA rule errors, 2 usage or input errors."},
        footer = {"", "Examples:",
            "  ./macsec analyze pcaps/linux-dut/mka.pcap --keys pcaps/linux-dut/keys.json",
            "  ./macsec analyze pcaps/linux-dut/mka.pcap --cak 6162636465666768696a6b6c6d6e6f707172737475767778797a303132333435:0123456789abcdef0123456789abcdef -T summary",
            "  ./macsec analyze pcaps/linux-dut/static-sa.pcap --keys pcaps/linux-dut/keys.json -Y 'macsec.verdict == \"OK\"' -V",
            "  ./macsec analyze big.pcap.gz --sak 00112233445566778899aabbccddeeff -T json > frames.ndjson",
            "  ./macsec analyze capture.pcapng --keys k.json -w decrypted.pcap   # opens in Wireshark"})
public final class AnalyzeCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "FILE", arity = "1..*", description = "capture files (pcap, pcapng, optionally gzip-compressed)")
    List<Path> files;

    @Mixin
    AnalysisArgs args;

    @Override
    public Integer call() throws IOException {
        List<AnalysisRun.Source> sources = new ArrayList<>();
        long totalBytes = 0;
        for (Path f : files) {
            if (!Files.isRegularFile(f)) {
                throw new InputException(f + ": " + (Files.exists(f) ? "not a regular file" : "no such file"));
            }
            totalBytes += Files.size(f);
            sources.add(new AnalysisRun.Source() {
                public CaptureReader open() throws IOException {
                    return CaptureReader.open(f);
                }

                public String name() {
                    return f.toString();
                }
            });
        }
        return AnalysisRun.run(args, sources, totalBytes, spec.commandLine().getOut(), spec.commandLine().getErr());
    }
}
