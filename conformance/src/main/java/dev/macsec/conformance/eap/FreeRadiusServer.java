package dev.macsec.conformance.eap;

import dev.macsec.conformance.device.ProcessRunner;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * FreeRADIUS (the Debian package, 3.x) as the AAA server of an EAP test: a copy of {@code /etc/freeradius/3.0} in a
 * work directory with EAP-TLS as the default EAP type and the certificates of a {@link TestPki}, one client entry
 * for all of 127.0.0.0/8 with the given secret and {@code require_message_authenticator = yes}, running in the
 * foreground ({@code -X}) with its debug output in {@code freeradius.log} of the work directory.
 * <p>
 * It listens on ports 1812/1813 (where the analyzer and tshark look for RADIUS) of a loopback address of its own,
 * 127.x.y.z, so that runs beside other FreeRADIUS instances on the host do not collide; a start that fails (the
 * address and port taken) is retried on another address. The IPv6 and inner-tunnel listeners, unused here, go to
 * random free ports.
 */
public final class FreeRadiusServer implements AutoCloseable {
    private static final String READY = "Ready to process requests";
    private static final int ATTEMPTS = 5;
    private static final long START_TIMEOUT_MS = 15_000;

    private final Process process;
    private final InetSocketAddress auth;
    private final Path log;
    private final Path tlsKeyLog;

    private FreeRadiusServer(Process process, InetSocketAddress auth, Path log, Path tlsKeyLog) {
        this.process = process;
        this.auth = auth;
        this.log = log;
        this.tlsKeyLog = tlsKeyLog;
    }

    /**
     * How to start it.
     *
     * @param launcher    put before FreeRADIUS's command line, e.g. {@code ip netns exec NS} to run it in a network
     *                    namespace (whose loopback must be up); empty for none
     * @param keyLogShim  null, or the source of the project's OpenSSL key-log shim ({@code scripts/keylog-shim.c}):
     *                    compiled with gcc and preloaded, it makes FreeRADIUS's OpenSSL 3 write the TLS secrets of
     *                    each EAP-TLS session ({@code SSLKEYLOGFILE} format) to {@link #tlsKeyLog()}, with which the
     *                    analyzer derives the MSK from the EAPOL side alone
     */
    public record Options(List<String> launcher, Path keyLogShim) {
        public static final Options DEFAULT = new Options(List.of(), null);

        public Options {
            launcher = List.copyOf(launcher);
        }

        public Options withLauncher(List<String> launcher) {
            return new Options(launcher, keyLogShim);
        }

        public Options withKeyLog(Path keyLogShim) {
            return new Options(launcher, keyLogShim);
        }
    }

    /** Starts FreeRADIUS on the host. */
    public static FreeRadiusServer start(Path workDir, TestPki pki, byte[] secret) throws IOException {
        return start(workDir, pki, secret, Options.DEFAULT);
    }

    /**
     * Starts FreeRADIUS in {@code workDir} (its configuration, logs and run directory go there).
     *
     * @param secret the RADIUS shared secret: printable ASCII without quotes, backslashes or spaces
     * @throws ToolMissingException when freeradius is not installed (or gcc, for a key log)
     */
    public static FreeRadiusServer start(Path workDir, TestPki pki, byte[] secret, Options options)
            throws IOException {
        Path freeradius = ToolMissingException.find("freeradius");
        Path installed = Path.of("/etc/freeradius/3.0");
        if (!Files.isDirectory(installed)) {
            throw new ToolMissingException("freeradius's configuration " + installed);
        }
        String secretText = secretText(secret);
        Files.createDirectories(workDir);
        Path rad = workDir.resolve("raddb");
        copy(installed, rad);
        Path conf = rad.resolve("radiusd.conf");
        Files.writeString(conf, Files.readString(conf)
                .replaceAll("(?m)^(\\s*)(user|group) = freerad", "$1#$2 = freerad")
                .replaceAll("(?m)^(\\s*)logdir = .*", "$1logdir = " + workDir.resolve("log"))
                .replaceAll("(?m)^(\\s*)run_dir = .*", "$1run_dir = " + workDir.resolve("run")));
        Files.createDirectories(workDir.resolve("log/radacct"));
        Files.createDirectories(workDir.resolve("run"));
        Files.writeString(rad.resolve("clients.conf"), """
                client loopback {
                	ipaddr = 127.0.0.0/8
                	secret = "%s"
                	require_message_authenticator = yes
                	shortname = macsec-test
                }
                """.formatted(secretText));
        Path eap = rad.resolve("mods-available/eap");
        Files.writeString(eap, Files.readString(eap)
                .replace("default_eap_type = md5", "default_eap_type = tls")
                .replace("private_key_password = whatever", "#private_key_password = none")
                .replace("private_key_file = /etc/ssl/private/ssl-cert-snakeoil.key", "private_key_file = " + pki.serverKey())
                .replace("certificate_file = /etc/ssl/certs/ssl-cert-snakeoil.pem", "certificate_file = " + pki.serverCert())
                .replace("ca_file = /etc/ssl/certs/ca-certificates.crt", "ca_file = " + pki.caCert())
                .replace("ca_path = ${cadir}", "#ca_path = none"));
        Path log = workDir.resolve("freeradius.log");
        Path site = rad.resolve("sites-available/default");
        Path inner = rad.resolve("sites-available/inner-tunnel");
        String siteText = Files.readString(site);
        String innerText = Files.readString(inner);
        Path keyLog = null;
        Path shim = null;
        if (options.keyLogShim() != null) {
            shim = compileShim(options.keyLogShim(), workDir);
            keyLog = workDir.resolve("tls.keylog");
            Files.deleteIfExists(keyLog);
        }
        SecureRandom random = new SecureRandom();
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            byte[] ip = {127, (byte) (1 + random.nextInt(250)), (byte) (1 + random.nextInt(250)),
                (byte) (2 + random.nextInt(250))};
            String ipText = InetAddress.getByAddress(ip).getHostAddress();
            int spare = 20000 + random.nextInt(8000) * 5;
            int[] ports = {1812, 1813, spare, spare + 1};
            Matcher m = Pattern.compile("(?m)^(\\s*)port = 0\\b").matcher(siteText);
            StringBuilder b = new StringBuilder();
            int next = 0;
            while (m.find()) {
                m.appendReplacement(b, "$1port = " + ports[Math.min(next++, ports.length - 1)]);
            }
            m.appendTail(b);
            Files.writeString(site, b.toString()
                    .replaceAll("(?m)^(\\s*)ipaddr = \\*", "$1ipaddr = " + ipText)
                    .replaceAll("(?m)^(\\s*)ipv6addr = ::(\\s)", "$1ipv6addr = ::1$2"));
            Files.writeString(inner, innerText.replace("port = 18120", "port = " + (spare + 4)));
            List<String> command = new ArrayList<>(options.launcher());
            command.addAll(List.of(freeradius.toString(), "-X", "-d", rad.toString()));
            ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
            if (shim != null) {
                pb.environment().put("LD_PRELOAD", shim.toString());
                pb.environment().put("SSLKEYLOGFILE", keyLog.toString());
            }
            Process p = pb.start();
            if (awaitReady(p, log)) {
                return new FreeRadiusServer(p, new InetSocketAddress(InetAddress.getByAddress(ip), 1812), log, keyLog);
            }
            ProcessRunner.stop(p);
        }
        throw new IOException("FreeRADIUS did not start in " + ATTEMPTS + " attempts; the last said:\n" + tail(log, 20));
    }

    /** RADIUS authentication: the server's address, port 1812. */
    public InetSocketAddress authAddress() {
        return auth;
    }

    /** FreeRADIUS's debug output ({@code -X}). */
    public Path logFile() {
        return log;
    }

    /** The TLS key log FreeRADIUS appends to (the file appears with the first handshake), if one was asked for. */
    public Optional<Path> tlsKeyLog() {
        return Optional.ofNullable(tlsKeyLog);
    }

    /** The last {@code lines} lines of FreeRADIUS's debug output, for a failure message. */
    public String logTail(int lines) {
        return tail(log, lines);
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    /** Stops FreeRADIUS and waits for it to end. */
    @Override
    public void close() {
        ProcessRunner.stop(process);
    }

    @Override
    public String toString() {
        return "FreeRADIUS at " + auth.getAddress().getHostAddress() + ":" + auth.getPort();
    }

    private static boolean awaitReady(Process p, Path log) throws IOException {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(START_TIMEOUT_MS);
        try {
            while (System.nanoTime() < deadline) {
                if (Files.readString(log, StandardCharsets.ISO_8859_1).contains(READY)) {
                    return true;
                }
                if (!p.isAlive()) {
                    return false;
                }
                Thread.sleep(50);
            }
            return false;
        } catch (InterruptedException e) {
            ProcessRunner.stop(p);
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while FreeRADIUS was starting", e);
        }
    }

    /** FreeRADIUS reads the secret as a quoted string: only what needs no escaping there is accepted. */
    private static String secretText(byte[] secret) {
        if (secret.length == 0) {
            throw new IllegalArgumentException("the RADIUS secret is empty");
        }
        for (byte c : secret) {
            if (c <= 0x20 || c >= 0x7f || c == '"' || c == '\\' || c == '\'') {
                throw new IllegalArgumentException(
                        "the RADIUS secret must be printable ASCII without spaces, quotes or backslashes");
            }
        }
        return new String(secret, StandardCharsets.US_ASCII);
    }

    private static Path compileShim(Path source, Path workDir) throws IOException {
        if (!Files.isRegularFile(source)) {
            throw new IOException("no key-log shim source at " + source);
        }
        Path gcc = ToolMissingException.find("gcc");
        Path shim = workDir.resolve("keylog-shim.so");
        run("compile the key-log shim", gcc.toString(), "-shared", "-fPIC", "-O2", "-o", shim.toString(),
                source.toString(), "-ldl");
        return shim;
    }

    private static void copy(Path from, Path to) throws IOException {
        run("copy " + from + " to " + to, "cp", "-a", from.toString(), to.toString());
    }

    private static void run(String what, String... command) throws IOException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        try {
            if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
                p.destroyForcibly();
                throw new IOException("could not " + what + ": " + out.strip());
            }
        } catch (InterruptedException e) {
            p.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new IOException("interrupted: " + what, e);
        }
    }

    private static String tail(Path log, int lines) {
        try {
            if (!Files.exists(log)) {
                return "(no log)";
            }
            List<String> all = Files.readAllLines(log, StandardCharsets.ISO_8859_1);
            return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
        } catch (IOException e) {
            return "(log unreadable: " + e.getMessage() + ")";
        }
    }

}
