package dev.macsec.cli;

import dev.macsec.capture.CaptureReader;
import dev.macsec.live.LiveCaptureReader;
import dev.macsec.error.InputException;
import java.io.IOException;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/** {@code macsec capture}: the same analysis, live on an interface. Ctrl-C prints the summary and leaves -w valid. */
public final class CaptureCommand implements Callable<Integer> {
    private final CommandSpec spec;
    private final OptionSpec iface = OptionSpec.builder("-i", "--interface").required(true).paramLabel("IFACE").type(String.class)
            .description("interface to capture on (see 'macsec interfaces')").build();
    private final OptionSpec bpf = OptionSpec.builder("--bpf").paramLabel("FILTER").type(String.class)
            .description("capture filter (BPF syntax), e.g. 'ether proto 0x88e5'").build();
    private final OptionSpec count = OptionSpec.builder("-c").paramLabel("COUNT").type(long.class).defaultValue("0")
            .description("stop after COUNT frames").build();
    private final OptionSpec duration = OptionSpec.builder("--duration").paramLabel("S").type(double.class).defaultValue("0")
            .description("stop after S seconds").build();
    private final AnalysisArgs args;

    private CaptureCommand() {
        spec = Specs.command(this, "capture",
                new String[] {"Analyse MACsec and MKA live on an interface (libpcap; needs root or CAP_NET_RAW).",
                    "Stops at -c frames, after --duration, or on Ctrl-C; then prints the summary."},
                "", "Examples:",
                "  sudo ./macsec capture -i eth1 --cak \"$CKN:$CAK\"",
                "  sudo ./macsec capture -i eth1 --keys k.json -w live.pcap -c 1000 \\",
                "      --bpf 'ether proto 0x88e5 or ether proto 0x888e'");
        for (OptionSpec o : List.of(iface, bpf, count, duration)) {
            spec.addOption(o);
        }
        args = new AnalysisArgs(spec);
    }

    /** The command's spec, ready for picocli; running it runs the live analysis. */
    static CommandSpec spec() {
        return new CaptureCommand().spec;
    }

    @Override
    public Integer call() throws IOException {
        long count = this.count.getValue();
        double duration = this.duration.getValue();
        if (count < 0 || duration < 0) {
            throw new InputException("-c and --duration must not be negative");
        }
        String iface = this.iface.getValue();
        LiveCaptureReader reader = new LiveCaptureReader(iface, bpf.getValue(), count, (long) (duration * 1000));
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
