package dev.macsec.conformance.suite;

import dev.macsec.error.InputException;
import dev.macsec.suite.CipherSuite;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;

/** JUnit configuration parameters the suite reads (set by the runner, or by -D for a plain Maven run). */
public final class ConformanceParameters {
    /** Device file (YAML). Default: conformance/devices/linux-vm.yaml under the project root. */
    public static final String DEVICE = "macsec.conformance.device";
    /** Comma-separated cipher suites (gcm-aes-128,...); default all four. */
    public static final String CIPHER_SUITES = "macsec.conformance.cipherSuites";
    /** Where per-case pcaps and counters go. Default target/conformance. */
    public static final String OUTPUT_DIR = "macsec.conformance.outputDir";
    /** Comma-separated plan case ids to run (e.g. 802.1AE-10.6.4-bad-icv); default every case of the plan. */
    public static final String CASES = "macsec.conformance.cases";
    /** Seconds to wait for the device's answer to a case's closing echo. Default 5. */
    public static final String ANSWER_TIMEOUT = "macsec.conformance.answerTimeoutSeconds";

    private ConformanceParameters() {
    }

    public static List<CipherSuite> cipherSuites(String value) {
        if (value == null || value.isBlank() || value.equalsIgnoreCase("all")) {
            return List.of(CipherSuite.values());
        }
        List<CipherSuite> l = new ArrayList<>();
        for (String n : value.split(",")) {
            CipherSuite s = CipherSuite.byName(n.trim());
            if (s == null) {
                throw new InputException("unknown cipher suite '" + n.trim()
                        + "' (expected gcm-aes-128, gcm-aes-256, gcm-aes-xpn-128 or gcm-aes-xpn-256)");
            }
            if (!l.contains(s)) {
                l.add(s);
            }
        }
        return l;
    }

    /** conformance/devices/linux-vm.yaml, looked up from -Dmacsec.root and the working directory upwards. */
    public static Path defaultDeviceFile() {
        List<Path> c = new ArrayList<>();
        String root = System.getProperty("macsec.root");
        if (root != null && !root.isBlank()) {
            c.add(Paths.get(root, "conformance/devices/linux-vm.yaml"));
        }
        for (Path d = Paths.get("").toAbsolutePath(); d != null; d = d.getParent()) {
            c.add(d.resolve("conformance/devices/linux-vm.yaml"));
            c.add(d.resolve("devices/linux-vm.yaml"));
        }
        for (Path p : c) {
            if (Files.isRegularFile(p)) {
                return p;
            }
        }
        throw new InputException("no device file given and conformance/devices/linux-vm.yaml not found "
                + "(pass --device FILE or -D" + DEVICE + "=FILE)");
    }
}
