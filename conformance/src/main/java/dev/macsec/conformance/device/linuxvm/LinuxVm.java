package dev.macsec.conformance.device.linuxvm;

import dev.macsec.conformance.device.ProcessRunner;

import dev.macsec.conformance.device.CommandRunner;
import dev.macsec.conformance.link.UdpLink;

import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * A Linux kernel with MACsec booted in qemu from the image that {@code conformance/vm/build-initramfs}
 * builds. Its data NIC ({@code data0} in the guest, MAC 52:54:00:00:00:02) is wired to {@link #dataLink()},
 * a UDP socket, or to a host tap interface ({@link Options#tap}); its management NIC serves a shell that {@link #run} uses. Everything the VM holds (the
 * qemu process, temp files, sockets) is released by {@link #close()}, on a failed boot, and by a JVM
 * shutdown hook.
 */
public final class LinuxVm implements CommandRunner {
    public static final String READY_MARKER = "MACSEC-DUT-READY";
    public static final String DATA_MAC = "52:54:00:00:00:02";
    private static final String MGMT_MAC = "52:54:00:00:00:10";
    private static final Pattern RC = Pattern.compile("\n@@RC=(\\d+)@@\n$");

    /** The kernel a device file names ({@code kernel:}) when it names none: Debian 12's cloud kernel, Linux 6.1. */
    public static final String DEFAULT_KERNEL = "debian-12";
    /** The kernels build-initramfs knows, by device-file name: Debian 12's (Linux 6.1) and Debian 13's (Linux 6.12). */
    public static final List<String> KERNELS = List.of(DEFAULT_KERNEL, "debian-13");

    /**
     * How to boot.
     *
     * @param imageDir    directory with vmlinuz and initramfs.cpio.gz; null to run build-initramfs
     * @param bootTimeout how long to wait for the READY marker
     * @param memoryMb    guest memory
     * @param qemu        qemu binary
     * @param tap         an existing, up tap interface for the data NIC (frames then pass through the host's
     *                    network stack, e.g. to a libpcap link); null for the UDP socket {@link #dataLink()}
     * @param kernel      which of {@link #KERNELS} build-initramfs builds the image around (when imageDir is null)
     */
    public record Options(Path imageDir, Duration bootTimeout, int memoryMb, String qemu, String tap, String kernel) {
        public Options(Path imageDir, Duration bootTimeout, int memoryMb, String qemu) {
            this(imageDir, bootTimeout, memoryMb, qemu, null, DEFAULT_KERNEL);
        }

        public static Options defaults() {
            return forKernel(DEFAULT_KERNEL);
        }

        /**
         * The defaults for one of {@link #KERNELS}. $MACSEC_DUT_IMAGE (a prebuilt image) stands for the default kernel
         * only: a device file naming another kernel gets its own image, never that one.
         */
        public static Options forKernel(String kernel) {
            String image = System.getenv("MACSEC_DUT_IMAGE");
            boolean useEnv = DEFAULT_KERNEL.equals(kernel) && image != null && !image.isBlank();
            return new Options(useEnv ? Paths.get(image) : null, Duration.ofSeconds(90), 192, "qemu-system-x86_64", null,
                    kernel);
        }

        public Options withBootTimeout(Duration d) {
            return new Options(imageDir, d, memoryMb, qemu, tap, kernel);
        }

        public Options withTap(String tapInterface) {
            return new Options(imageDir, bootTimeout, memoryMb, qemu, tapInterface, kernel);
        }

        public Options withImage(Path dir) {
            return new Options(dir, bootTimeout, memoryMb, qemu, tap, kernel);
        }
    }

    private final Path tempDir;
    private final Path consoleLog;
    /** Null when the data NIC is on a tap. */
    private final UdpLink dataLink;
    private final String tap;
    private final int managementPort;
    private final Process process;
    private final Thread shutdownHook;
    private final Duration bootTime;
    private final String kernelRelease;
    private volatile boolean closed;

    /** Boots with {@link Options#defaults()}. */
    public static LinuxVm boot() throws IOException {
        return boot(Options.defaults());
    }

    public static LinuxVm boot(Options options) throws IOException {
        Path image = options.imageDir() != null ? options.imageDir() : buildImage(options.kernel());
        try {
            return new LinuxVm(options, image);
        } catch (QemuExitedEarly first) {
            // The loopback ports are chosen free and then handed to qemu, which binds them a moment later: another
            // process can take one in between, and qemu then exits at once. New ports, one more try.
            try {
                return new LinuxVm(options, image);
            } catch (QemuExitedEarly second) {
                second.addSuppressed(first);
                throw second;
            }
        }
    }

    /** qemu ended before the guest was ready, without a timeout: worth one more try with new ports. */
    private static final class QemuExitedEarly extends IOException {
        QemuExitedEarly(String message) {
            super(message);
        }
    }

    /** Runs build-initramfs for the default kernel. */
    public static Path buildImage() throws IOException {
        return buildImage(DEFAULT_KERNEL);
    }

    /** build-initramfs could not download the kernel it was asked for (exit 3): the mirror does not serve it here. */
    public static final class KernelUnobtainableException extends IOException {
        KernelUnobtainableException(String message) {
            super(message);
        }
    }

    /**
     * Runs build-initramfs (cached per kernel; fast when nothing changed) and returns the image directory. Its
     * messages go to stderr as they come; the last of them also go into the exception when it fails, so that a
     * report that keeps only the exception still says why.
     */
    public static Path buildImage(String kernel) throws IOException {
        return buildImage(kernel, Map.of());
    }

    /** As {@link #buildImage(String)}, with variables added to the script's environment (MACSEC_DUT_CACHE, ...). */
    static Path buildImage(String kernel, Map<String, String> environment) throws IOException {
        Path script = findBuildScript();
        ProcessBuilder pb = new ProcessBuilder("bash", script.toString(), "--kernel", kernel);
        pb.environment().putAll(environment);
        Process p = pb.start();
        ArrayDeque<String> lastMessages = new ArrayDeque<>();
        Thread messages = Thread.ofPlatform().daemon().name("build-initramfs-stderr").start(() -> {
            try (BufferedReader err = new BufferedReader(new InputStreamReader(p.getErrorStream(),
                    StandardCharsets.UTF_8))) {
                for (String line; (line = err.readLine()) != null; ) {
                    System.err.println(line);
                    synchronized (lastMessages) {
                        lastMessages.addLast(line);
                        if (lastMessages.size() > 4) {
                            lastMessages.removeFirst();
                        }
                    }
                }
            } catch (IOException ignored) {
                // the process ended: nothing more to relay
            }
        });
        String out;
        try (InputStream in = p.getInputStream()) {
            out = new String(in.readAllBytes(), StandardCharsets.UTF_8).strip();
        }
        try {
            boolean ended = p.waitFor(10, TimeUnit.MINUTES);
            if (ended) {
                messages.join(2000);
            }
            if (!ended || p.exitValue() != 0) {
                p.destroyForcibly();
                String why;
                synchronized (lastMessages) {
                    why = String.join(" | ", lastMessages);
                }
                String message = script + " --kernel " + kernel + (ended ? " failed (exit " + p.exitValue() + ")"
                        : " took more than 10 minutes") + (why.isEmpty() ? "" : ": " + why);
                throw ended && p.exitValue() == 3 ? new KernelUnobtainableException(message) : new IOException(message);
            }
        } catch (InterruptedException e) {
            p.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while building the VM image", e);
        }
        String[] lines = out.split("\n");
        Path dir = Paths.get(lines[lines.length - 1].strip());
        if (!Files.isRegularFile(dir.resolve("vmlinuz")) || !Files.isRegularFile(dir.resolve("initramfs.cpio.gz"))) {
            throw new IOException(script + " did not produce an image (last output line: " + dir + ")");
        }
        return dir;
    }

    private static Path findBuildScript() throws IOException {
        List<Path> candidates = new ArrayList<>();
        String root = System.getProperty("macsec.root");
        if (root != null && !root.isBlank()) {
            candidates.add(Paths.get(root, "conformance", "vm", "build-initramfs"));
        }
        Path here = Paths.get("").toAbsolutePath();
        for (Path d = here; d != null; d = d.getParent()) {
            candidates.add(d.resolve("conformance/vm/build-initramfs"));
            candidates.add(d.resolve("vm/build-initramfs"));
        }
        for (Path c : candidates) {
            if (Files.isRegularFile(c)) {
                return c;
            }
        }
        throw new IOException("cannot find conformance/vm/build-initramfs (set -Dmacsec.root or MACSEC_DUT_IMAGE)");
    }

    private LinuxVm(Options options, Path image) throws IOException {
        tempDir = Files.createTempDirectory("macsec-dut-");
        consoleLog = tempDir.resolve("console.log");
        tap = options.tap();
        dataLink = tap == null ? UdpLink.bindLoopback() : null;
        Process started = null;
        Thread hook = null;
        try {
            int qemuPort = freeUdpPort();
            managementPort = freeTcpPort();
            String dataNetdev;
            if (dataLink != null) {
                dataLink.connectTo(qemuPort);
                dataNetdev = "socket,id=d0,udp=127.0.0.1:" + dataLink.localPort() + ",localaddr=127.0.0.1:" + qemuPort;
            } else {
                dataNetdev = "tap,id=d0,ifname=" + tap + ",script=no,downscript=no";
            }
            List<String> cmd = List.of(options.qemu(),
                    "-accel", "tcg,thread=single,tb-size=64", "-cpu", "max", "-m", Integer.toString(options.memoryMb()),
                    "-nographic", "-no-reboot", "-nodefaults", "-monitor", "none",
                    "-kernel", image.resolve("vmlinuz").toString(),
                    "-initrd", image.resolve("initramfs.cpio.gz").toString(),
                    "-append", "console=ttyS0 quiet panic=-1",
                    "-chardev", "file,id=con,path=" + consoleLog,
                    "-serial", "chardev:con",
                    "-netdev", dataNetdev,
                    // no option ROM: iPXE would only slow the boot down
                    "-device", "virtio-net-pci,netdev=d0,mac=" + DATA_MAC + ",romfile=",
                    "-netdev", "user,id=m0,restrict=on,hostfwd=tcp:127.0.0.1:" + managementPort + "-10.0.2.15:2323",
                    "-device", "virtio-net-pci,netdev=m0,mac=" + MGMT_MAC + ",romfile=");
            long t0 = System.nanoTime();
            started = new ProcessBuilder(cmd)
                    .redirectErrorStream(true)
                    .redirectOutput(tempDir.resolve("qemu.out").toFile())
                    .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
                    .start();
            Process proc = started;
            Path tmp = tempDir;
            // Ctrl-C: qemu and its files go with the JVM (close() is never reached then)
            hook = new Thread(() -> {
                ProcessRunner.stop(proc);
                deleteTree(tmp);
            }, "macsec-dut-shutdown");
            Runtime.getRuntime().addShutdownHook(hook);
            kernelRelease = awaitReady(proc, options.bootTimeout());
            bootTime = Duration.ofNanos(System.nanoTime() - t0);
        } catch (IOException | RuntimeException e) {
            if (started != null) {
                ProcessRunner.stop(started);
            }
            if (hook != null) {
                removeHook(hook);
            }
            if (dataLink != null) {
                dataLink.close();
            }
            deleteTree(tempDir);
            throw e;
        }
        process = started;
        shutdownHook = hook;
    }

    private String awaitReady(Process proc, Duration timeout) throws IOException {
        long deadline = System.nanoTime() + timeout.toNanos();
        Pattern ready = Pattern.compile(READY_MARKER + " (\\S+)");
        while (true) {
            String console = Files.exists(consoleLog) ? Files.readString(consoleLog, StandardCharsets.ISO_8859_1) : "";
            Matcher m = ready.matcher(console);
            if (m.find()) {
                return m.group(1);
            }
            if (!proc.isAlive()) {
                throw new QemuExitedEarly("qemu exited (status " + proc.exitValue() + ") before the guest was ready; "
                        + qemuOutput() + "console tail:\n" + tail(console));
            }
            if (System.nanoTime() > deadline) {
                throw new IOException("the guest printed no " + READY_MARKER + " within " + timeout.toSeconds()
                        + " s; console tail:\n" + tail(console));
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted while booting the VM", e);
            }
        }
    }

    private String qemuOutput() {
        try {
            String s = Files.readString(tempDir.resolve("qemu.out")).strip();
            return s.isEmpty() ? "" : "qemu said: " + s + "\n";
        } catch (IOException e) {
            return "";
        }
    }

    private static String tail(String console) {
        List<String> lines = console.lines().toList();
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 25), lines.size()));
    }

    /** Time from launching qemu to the READY marker. */
    public Duration bootTime() {
        return bootTime;
    }

    public String kernelRelease() {
        return kernelRelease;
    }

    /** The wire to the guest's data NIC (data0); null when that NIC is on a {@link #tap()}. */
    public UdpLink dataLink() {
        return dataLink;
    }

    /** The host tap interface the data NIC is on, or null (then it is on {@link #dataLink()}). */
    public String tap() {
        return tap;
    }

    /** The guest's serial console so far. */
    public String consoleLog() throws IOException {
        return Files.readString(consoleLog, StandardCharsets.ISO_8859_1);
    }

    /** Runs {@code script} in the guest with a 30 s limit. */
    public CommandResult run(String script) throws IOException {
        return run(script, Duration.ofSeconds(30));
    }

    /**
     * Runs {@code script} with the guest's busybox sh over the management channel: one TCP connection
     * per script, the script shipped base64-encoded so no quoting or syntax in it can upset the framing,
     * and the exit status sent back after a marker.
     */
    @Override
    public CommandResult run(String script, Duration timeout) throws IOException {
        // qemu's user network accepts a forwarded connection even when nothing in the guest does;
        // an empty answer, or a reset before any answer, means the listener was not there yet (just after boot, the
        // guest prints its ready line as it starts its listener) or between two connections: the script never ran,
        // so try again shortly
        for (int attempt = 1; ; attempt++) {
            CommandResult r = runOnce(script, timeout);
            if (r != null) {
                return r;
            }
            if (attempt == 8) {
                throw new IOException("guest shell on 127.0.0.1:" + managementPort + " closed without answering");
            }
            try {
                Thread.sleep(200L * attempt);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted", e);
            }
        }
    }

    private CommandResult runOnce(String script, Duration timeout) throws IOException {
        if (closed) {
            throw new IOException("the VM is closed");
        }
        String b64 = Base64.getEncoder().encodeToString(script.getBytes(StandardCharsets.UTF_8));
        String wrapper = "f=/tmp/cmd.$$; echo " + b64 + " | base64 -d > $f; sh $f </dev/null 2>&1; "
                + "printf '\\n@@RC=%s@@\\n' $?; rm -f $f; exit\n";
        return exchange(managementPort, wrapper, timeout);
    }

    /**
     * One connection to the guest's shell listener at {@code port}: sends {@code wrapper}, reads to the end. Null when
     * the guest answered nothing, or reset the connection before answering anything: its listener was not there, and
     * the script did not run.
     */
    static CommandResult exchange(int port, String wrapper, Duration timeout) throws IOException {
        long deadline = System.nanoTime() + timeout.toNanos();
        try (Socket s = new Socket()) {
            try {
                s.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port),
                        (int) Math.max(1, timeout.toMillis()));
            } catch (java.net.ConnectException e) {
                throw e;
            } catch (java.net.SocketException e) {
                // accepted and reset before connect() returned (a timed connect reads the socket's error after
                // the handshake): the same as a reset before any answer
                return null;
            }
            OutputStream out = s.getOutputStream();
            try {
                out.write(wrapper.getBytes(StandardCharsets.US_ASCII));
                out.flush();
            } catch (java.net.SocketException e) {
                return null;
            }
            InputStream in = s.getInputStream();
            ByteArrayOutputStream buf = new ByteArrayOutputStream();
            byte[] chunk = new byte[8192];
            while (true) {
                long left = (deadline - System.nanoTime()) / 1_000_000;
                if (left <= 0) {
                    throw new IOException("guest command did not finish within " + timeout.toSeconds() + " s");
                }
                s.setSoTimeout((int) Math.min(Integer.MAX_VALUE, left));
                int n;
                try {
                    n = in.read(chunk);
                } catch (SocketTimeoutException e) {
                    continue;
                } catch (java.net.SocketException e) {
                    if (buf.size() == 0) {
                        return null;
                    }
                    throw e;
                }
                if (n < 0) {
                    break;
                }
                buf.write(chunk, 0, n);
            }
            String text = buf.toString(StandardCharsets.UTF_8);
            if (text.isEmpty()) {
                return null;
            }
            Matcher m = RC.matcher(text);
            if (!m.find()) {
                throw new IOException("guest shell closed without an exit status (is the VM alive?); got: "
                        + tail(text));
            }
            return new CommandResult(Integer.parseInt(m.group(1)), text.substring(0, m.start()));
        }
    }

    @Override
    public String describe() {
        return "qemu VM (Linux " + kernelRelease + ", shell on 127.0.0.1:" + managementPort + ")";
    }

    public boolean isAlive() {
        return !closed && process.isAlive();
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        ProcessRunner.stop(process);
        removeHook(shutdownHook);
        if (dataLink != null) {
            dataLink.close();
        }
        deleteTree(tempDir);
    }


    private static void removeHook(Thread hook) {
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException ignored) {
            // the JVM is already shutting down and the hook is running
        }
    }

    private static void deleteTree(Path dir) {
        try (Stream<Path> s = Files.walk(dir)) {
            s.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException | UncheckedIOException ignored) {
            // a temp dir left behind is not worth failing for
        }
    }

    private static int freeUdpPort() throws IOException {
        try (DatagramSocket s = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0))) {
            return s.getLocalPort();
        }
    }

    private static int freeTcpPort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }
}
