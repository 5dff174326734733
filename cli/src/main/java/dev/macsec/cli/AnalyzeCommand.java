package dev.macsec.cli;

import dev.macsec.capture.CaptureReader;
import dev.macsec.error.InputException;
import dev.macsec.keys.SafeText;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.PositionalParamSpec;

/** {@code macsec analyze}: reads captures, verifies and decrypts, emulates the receive SecY, checks MKA. */
public final class AnalyzeCommand implements Callable<Integer> {
    private final CommandSpec spec;
    private final PositionalParamSpec files = PositionalParamSpec.builder().paramLabel("FILE").arity("1..*").required(true)
            .type(List.class).auxiliaryTypes(Path.class)
            .description("capture files (pcap, pcapng, optionally gzip-compressed), read one after the other in the order"
                    + " given, not merged by time: frame numbers continue, and times count from the first frame of the"
                    + " first file (negative for a later file holding earlier frames)").build();
    private final AnalysisArgs args;

    private AnalyzeCommand() {
        spec = Specs.command(this, "analyze",
                new String[] {"Decode, verify and decrypt MACsec and MKA in pcap/pcapng files (gzip too).",
                    "Exit status: 0 all good, 1 verification failures or MKA rule errors, 2 usage or input errors."},
                "", "Examples:",
                "  ./macsec analyze pcaps/linux-dut/mka.pcap --keys pcaps/linux-dut/mka-cak.json",
                "  ./macsec analyze pcaps/linux-dut/mka.pcap --cak \"$CKN:$CAK\" -T summary",
                "  ./macsec analyze pcaps/linux-dut/static-sa.pcap -V \\",
                "      --keys pcaps/linux-dut/keys.json -Y 'macsec.verdict == \"OK\"'",
                "  ./macsec analyze big.pcap.gz --sak 00112233445566778899aabbccddeeff -T json",
                "  ./macsec analyze c.pcapng --keys k.json -w plain.pcap   # for Wireshark");
        spec.addPositional(files);
        args = new AnalysisArgs(spec);
    }

    /** The command's spec, ready for picocli; running it runs the analysis. */
    static CommandSpec spec() {
        return new AnalyzeCommand().spec;
    }

    @Override
    public Integer call() throws IOException {
        List<AnalysisRun.Source> sources = new ArrayList<>();
        long totalBytes = 0;
        List<Path> paths = files.getValue();
        for (Path f : paths) {
            if (!Files.isRegularFile(f)) {
                if (!Files.exists(f) && SafeText.couldBeKey(f.toString())) {
                    // "--cak CKN CAK" (a space for the colon) leaves the CAK where a capture file goes
                    throw new InputException("a capture file argument of " + f.toString().length()
                            + " characters (not shown: it could be a key): no such file");
                }
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
        refuseOverwritingAnInput(paths);
        return AnalysisRun.run(args, sources, totalBytes, spec.commandLine().getOut(), spec.commandLine().getErr());
    }

    /**
     * Opening -w truncates it: when it is one of the inputs (by name, or through a symbolic or hard link, which only the
     * file's identity reveals) the capture would be gone before it is read.
     */
    private void refuseOverwritingAnInput(List<Path> inputs) throws IOException {
        Path out = args.writeFile();
        if (out == null || !Files.exists(out)) {
            return;
        }
        for (Path in : inputs) {
            if (Files.isSameFile(in, out)) {
                throw new InputException("-w " + out + ": that is the input file " + in + ", which it would overwrite");
            }
        }
    }
}
