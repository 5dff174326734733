package dev.macsec.conformance.device;

import java.util.Map;

/**
 * What a device is, for reports.
 *
 * @param kind        adapter kind: linux-vm, linux-ssh, manual
 * @param description one line, e.g. the kernel release
 * @param details     further facts (uname, iproute2 version, ...)
 */
public record DeviceIdentity(String kind, String description, Map<String, String> details) {
    public DeviceIdentity {
        details = Map.copyOf(details);
    }
}
