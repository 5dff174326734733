package dev.macsec.conformance.device;

import java.util.ArrayList;
import java.util.List;

/**
 * A Linux host reached with the system's {@code ssh} client (key authentication, no prompts) as a
 * device under test. Uses the same iproute2 commands as the VM adapter.
 */
public final class LinuxSshDevice extends LinuxDevice {

    /**
     * @param host        host name or address
     * @param port        ssh port (22)
     * @param user        remote user (null: ssh's default)
     * @param keyFile     private key file (null: ssh's default)
     * @param sudo        run commands with {@code sudo -n}
     * @param lower       interface facing the tester
     * @param macsecName  SecY interface to create
     * @param ipCommand   iproute2's ip on that host
     */
    public LinuxSshDevice(String host, int port, String user, String keyFile, boolean sudo, String lower,
                          String macsecName, String ipCommand) {
        super(runner(host, port, user, keyFile, sudo), "linux-ssh", lower, macsecName, ipCommand);
    }

    static ProcessRunner runner(String host, int port, String user, String keyFile, boolean sudo) {
        if (host == null || host.isBlank() || host.startsWith("-")) {
            throw new IllegalArgumentException("linux-ssh needs a host");
        }
        List<String> argv = new ArrayList<>(List.of("ssh", "-o", "BatchMode=yes", "-o", "ConnectTimeout=10",
                "-p", Integer.toString(port)));
        if (keyFile != null && !keyFile.isBlank()) {
            argv.addAll(List.of("-i", keyFile));
        }
        argv.add(user == null || user.isBlank() ? host : user + "@" + host);
        argv.add(sudo ? "sudo -n sh -s" : "sh -s");
        return new ProcessRunner(argv, "ssh " + (user == null ? "" : user + "@") + host + ":" + port);
    }
}
