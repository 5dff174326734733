package dev.macsec.conformance.device;

import java.io.IOException;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What every KaY daemon in a Linux guest shares, whichever implementation it is: its shell, the interface it runs on,
 * its working directory in the guest's RAM disk, the macsec interface it creates, {@code ip -s macsec show}, and its
 * log file.
 */
abstract class GuestMkaDaemon implements MkaDaemon {
    /** Where a device's one KaY keeps its configuration, pid and log files in the guest. */
    static final String DEFAULT_DIR = "/tmp/mka";
    private static final Pattern MACSEC_LINK = Pattern.compile("^\\d+:\\s+([^:@\\s]+)[@:]", Pattern.MULTILINE);

    private final CommandRunner shell;
    private final String ifname;
    private final String dir;

    /** @param dir its own directory in the guest: several daemons run side by side in one guest (interop) */
    GuestMkaDaemon(CommandRunner shell, String ifname, String dir) {
        this.shell = shell;
        this.ifname = ifname;
        this.dir = dir;
    }

    /** The daemon's configuration, pid and log files in the guest. */
    final String dir() {
        return dir;
    }

    /** The daemon's log in the guest. */
    abstract String logFile();

    /** Runs {@code script} in the guest; a failing script is a device error naming the guest. */
    final String run(String script) throws IOException {
        CommandRunner.CommandResult r = shell.run(script, Duration.ofSeconds(30));
        if (!r.ok()) {
            throw new DeviceException("on " + shell.describe() + ": exit " + r.exitStatus() + ": " + r.output().strip());
        }
        return r.output();
    }

    /** The macsec interface the daemon created, or null. */
    @Override
    public String macsecInterface() throws IOException {
        Matcher m = MACSEC_LINK.matcher(run("/sbin/ip -o link show type macsec"));
        return m.find() ? m.group(1) : null;
    }

    /** {@code ip -s macsec show} (all interfaces). */
    @Override
    public String macsecShow() throws IOException {
        return run("/sbin/ip -s macsec show");
    }

    /** The last {@code lines} lines of the daemon's log. */
    @Override
    public String logTail(int lines) throws IOException {
        return run("tail -n " + lines + " " + logFile() + " 2>/dev/null || true");
    }

    /** Counts lines of the daemon's log matching an extended regular expression. */
    @Override
    public int logCount(String regex) throws IOException {
        String out = run("grep -c -E '" + regex.replace("'", "") + "' " + logFile() + " 2>/dev/null || true").strip();
        return out.isEmpty() ? 0 : Integer.parseInt(out.lines().findFirst().orElse("0").strip());
    }

    @Override
    public String ifname() {
        return ifname;
    }
}
