package dev.macsec.cli;

import dev.macsec.capture.CaptureReader;
import dev.macsec.capture.LiveCaptureReader;
import dev.macsec.error.InputException;
import java.io.IOException;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code macsec capture}: the same analysis, live on an interface. Ctrl-C prints the summary and leaves -w valid. */
@Command(name = "capture", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Analyse MACsec and MKA live on an interface (libpcap; needs root or CAP_NET_RAW).",
            "Stops at -c frames, after --duration, or on Ctrl-C; then prints the summary."},
        footer = {"", "Examples:",
            "  sudo ./macsec capture -i eth1 --cak <CKN>:<CAK>",
            "  sudo ./macsec capture -i eth1 --bpf 'ether proto 0x88e5 or ether proto 0x888e' --keys k.json -w live.pcap -c 1000"})
public final class CaptureCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = {"-i", "--interface"}, required = true, paramLabel = "IFACE", description = "interface to capture on (see 'macsec interfaces')")
    String iface;

    @Option(names = "--bpf", paramLabel = "FILTER", description = "capture filter (BPF syntax), e.g. 'ether proto 0x88e5'")
    String bpf;

    @Option(names = "-c", paramLabel = "COUNT", defaultValue = "0", description = "stop after COUNT frames")
    long count;

    @Option(names = "--duration", paramLabel = "S", defaultValue = "0", description = "stop after S seconds")
    double duration;

    @Mixin
    AnalysisArgs args;

    @Override
    public Integer call() throws IOException {
        if (count < 0 || duration < 0) {
            throw new InputException("-c and --duration must not be negative");
        }
        LiveCaptureReader reader = new LiveCaptureReader(iface, bpf, count, (long) (duration * 1000));
        CountDownLatch done = new CountDownLatch(1);
        Thread onInterrupt = new Thread(() -> {
            reader.stop();
            try {
                // let the analysis finish: the summary printed and the -w file closed
                done.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "macsec-capture-stop");
        Runtime.getRuntime().addShutdownHook(onInterrupt);
        try {
            AnalysisRun.Source live = new AnalysisRun.Source() {
                public CaptureReader open() {
                    return reader;
                }

                public String name() {
                    return iface;
                }
            };
            int exit = AnalysisRun.run(args, List.of(live), 0, spec.commandLine().getOut(), spec.commandLine().getErr());
            long dropped = reader.dropped();
            if (dropped > 0) {
                spec.commandLine().getErr().println("macsec: " + dropped + " frame(s) dropped by the kernel or libpcap");
            }
            return exit;
        } finally {
            done.countDown();
            try {
                Runtime.getRuntime().removeShutdownHook(onInterrupt);
            } catch (IllegalStateException shuttingDown) {
                // Ctrl-C: the hook is already running and waits for us
            }
        }
    }
}
