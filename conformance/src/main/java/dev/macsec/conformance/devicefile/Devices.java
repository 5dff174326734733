package dev.macsec.conformance.devicefile;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.macsec.conformance.device.DeviceSpec;
import dev.macsec.conformance.device.DeviceUnderTest;
import dev.macsec.conformance.device.LinuxSshDevice;
import dev.macsec.conformance.device.ManualDevice;
import dev.macsec.conformance.device.linuxvm.LinuxVm;
import dev.macsec.conformance.device.linuxvm.LinuxVmDevice;
import dev.macsec.error.InputException;
import dev.macsec.secy.ReceiveProfile;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Opens the device a device file describes. It chooses among every kind of device, the qemu one included, so it sits
 * above {@code device} and {@code device.linuxvm}, which then need not know each other both ways.
 */
public final class Devices {
    private Devices() {
    }

    /** Reads a device file (YAML, which includes JSON). */
    public static DeviceSpec read(Path file) {
        try {
            DeviceSpec spec = new ObjectMapper(new YAMLFactory()).readValue(file.toFile(), DeviceSpec.class);
            if (spec == null || spec.type() == null) {
                throw new InputException(file + ": device file has no 'type' (linux-vm, linux-ssh or manual)");
            }
            if (spec.profile() != null && ReceiveProfile.byName(spec.profile()) == null) {
                throw new InputException(file + ": unknown receive profile '" + spec.profile() + "' (known: "
                        + String.join(", ", ReceiveProfile.names()) + ")");
            }
            if (spec.kernel() != null && !LinuxVm.KERNELS.contains(spec.kernel())) {
                throw new InputException(file + ": unknown kernel '" + spec.kernel() + "' (known: "
                        + String.join(", ", LinuxVm.KERNELS) + ")");
            }
            if (spec.mka() != null && !spec.type().equals("linux-vm")) {
                throw new InputException(file + ": 'mka' is a field of linux-vm devices only");
            }
            try {
                LinuxVmDevice.Mka.byFieldValue(spec.mka());
            } catch (IllegalArgumentException e) {
                throw new InputException(file + ": " + e.getMessage());
            }
            return spec;
        } catch (com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException e) {
            String where = e.getLocation() == null ? "" : ", line " + e.getLocation().getLineNr();
            throw new InputException(file + where + ": unknown field '" + e.getPropertyName() + "' (known: "
                    + e.getKnownPropertyIds() + ")", e);
        } catch (JacksonException e) {
            String where = e.getLocation() == null ? "" : ", line " + e.getLocation().getLineNr();
            throw new InputException(file + where + ": bad device file: " + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new InputException(file + ": cannot read device file: " + e.getMessage(), e);
        }
    }

    public static DeviceUnderTest open(Path file) throws IOException {
        return open(read(file), file.toString());
    }

    /** @param origin where the spec came from, for error messages */
    public static DeviceUnderTest open(DeviceSpec spec, String origin) throws IOException {
        return switch (spec.type()) {
            case "linux-vm" -> {
                LinuxVm.Options o = vmOptions(spec);
                if (spec.bootTimeoutSeconds() != null) {
                    o = o.withBootTimeout(Duration.ofSeconds(spec.bootTimeoutSeconds()));
                }
                if (spec.tap() != null) {
                    o = o.withTap(spec.tap());
                }
                LinuxVmDevice.Mka mka;
                try {
                    mka = LinuxVmDevice.Mka.byFieldValue(spec.mka());
                } catch (IllegalArgumentException e) {
                    throw new InputException(origin + ": " + e.getMessage());
                }
                yield LinuxVmDevice.boot(o, mka);
            }
            case "linux-ssh" -> {
                if (spec.host() == null || spec.iface() == null) {
                    throw new InputException(origin + ": linux-ssh needs 'host' and 'interface'");
                }
                yield new LinuxSshDevice(spec.host(), spec.port() == null ? 22 : spec.port(), spec.user(),
                        spec.keyFile() == null ? null : expand(spec.keyFile()).toString(),
                        Boolean.TRUE.equals(spec.sudo()), spec.iface(),
                        spec.macsecInterface() == null ? "macsec0" : spec.macsecInterface(),
                        spec.ipCommand() == null ? "/sbin/ip" : spec.ipCommand());
            }
            case "manual" -> new ManualDevice(spec.description(), spec.link() == null ? null : spec.link().deviceMac());
            default -> throw new InputException(origin + ": unknown device type '" + spec.type()
                    + "' (expected linux-vm, linux-ssh or manual)");
        };
    }

    /** The receive profile a device file declares, or null: a device without one never gets a known deviation. */
    public static ReceiveProfile receiveProfile(DeviceSpec spec) {
        return spec.profile() == null ? null : ReceiveProfile.byName(spec.profile());
    }

    /** How a linux-vm device file boots: its kernel, and its prebuilt image when it names one. */
    private static LinuxVm.Options vmOptions(DeviceSpec spec) {
        LinuxVm.Options o = LinuxVm.Options.forKernel(spec.kernel() == null ? LinuxVm.DEFAULT_KERNEL : spec.kernel());
        return spec.image() == null ? o : o.withImage(expand(spec.image()));
    }

    private static Path expand(String p) {
        return p.startsWith("~/") ? Paths.get(System.getProperty("user.home"), p.substring(2)) : Paths.get(p);
    }


    /**
     * The host programs a device of this file needs and this machine lacks, found before any case runs: on a fresh
     * machine each case would otherwise end in the same harness error. linux-vm needs qemu and, unless it is given a
     * prebuilt image, what {@code conformance/vm/build-initramfs} builds the image from; linux-ssh needs ssh.
     *
     * @param searchPath directories to look in, as $PATH lists them
     */
    public static List<String> missingHostTools(DeviceSpec spec, String searchPath) {
        List<String> needed = new ArrayList<>();
        switch (spec.type()) {
            case "linux-vm" -> {
                LinuxVm.Options o = vmOptions(spec);
                needed.add(o.qemu());
                if (o.imageDir() == null) {
                    // what build-initramfs checks before it starts (a test keeps the two lists together)
                    needed.addAll(List.of("busybox", "apt-get", "apt-cache", "dpkg", "dpkg-query", "ldd", "gzip",
                            "sha256sum", "/usr/sbin/ip", "/usr/sbin/wpa_supplicant", "/usr/sbin/wpa_cli"));
                    if ("mkad".equals(spec.mka())) {
                        // conformance/vm/build-mkad builds MKAdaemon from source into the image
                        needed.addAll(List.of("gcc", "pkg-config", "python3"));
                    }
                }
            }
            case "linux-ssh" -> needed.add("ssh");
            default -> {
            }
        }
        List<String> missing = new ArrayList<>();
        for (String tool : needed) {
            if (!onPath(tool, searchPath)) {
                missing.add(tool);
            }
        }
        return missing;
    }

    /** Fails in one line, naming the missing programs and what installs them, when {@link #missingHostTools} finds any. */
    public static void preflight(Path deviceFile) {
        DeviceSpec spec = read(deviceFile);
        List<String> missing = missingHostTools(spec, System.getenv().getOrDefault("PATH", ""));
        if (!missing.isEmpty()) {
            throw new InputException(deviceFile + ": the " + spec.type() + " device needs " + String.join(", ", missing)
                    + ", missing on this machine: run scripts/install-deps (as root) to install them");
        }
    }

    private static boolean onPath(String tool, String searchPath) {
        if (tool.contains("/")) {
            return Files.isExecutable(Paths.get(tool));
        }
        for (String dir : searchPath.split(File.pathSeparator)) {
            if (!dir.isEmpty() && Files.isExecutable(Paths.get(dir, tool))) {
                return true;
            }
        }
        return false;
    }
}
