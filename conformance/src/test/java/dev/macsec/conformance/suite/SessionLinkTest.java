package dev.macsec.conformance.suite;

import dev.macsec.conformance.device.DeviceSpec;
import dev.macsec.conformance.devicefile.Devices;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Which wire {@link Session} uses for a device file, and what it says when the file lacks one. */
class SessionLinkTest {
    @TempDir
    Path dir;

    private Session.LiveLinkConfig config(String yaml) throws IOException {
        Path f = Files.writeString(dir.resolve("d.yaml"), yaml);
        DeviceSpec spec = Devices.read(f);
        return Session.liveLinkConfig(spec, f.toString());
    }

    @Test
    void linuxVmUsesItsSocketUnlessOnATap() throws IOException {
        assertNull(config("type: linux-vm\n"));
        Session.LiveLinkConfig tap = config("type: linux-vm\ntap: mtap7\n");
        assertEquals("mtap7", tap.iface());
        assertEquals("ether src 52:54:00:00:00:02", tap.bpfFilter());
        HarnessException e = assertThrows(HarnessException.class,
                () -> config("type: linux-vm\nlink: {interface: eth1, deviceMac: \"00:1b:21:aa:bb:cc\"}\n"));
        assertTrue(e.getMessage().contains("'tap'"), e.getMessage());
    }

    @Test
    void labDevicesNameTheTestersInterfaceAndTheDevicesMac() throws IOException {
        Session.LiveLinkConfig c = config("type: manual\ndescription: switch X\n"
                + "link:\n  interface: enp3s0f1\n  deviceMac: \"00:1B:21:AA:BB:CC\"\n");
        assertEquals("enp3s0f1", c.iface());
        assertEquals("ether src 00:1b:21:aa:bb:cc", c.bpfFilter());
        c = config("type: linux-ssh\nhost: 192.0.2.7\ninterface: eth1\n"
                + "link: {interface: eth2, deviceMac: \"52:54:00:12:34:56\"}\n");
        assertEquals("eth2", c.iface());
    }

    @Test
    void aMissingOrBadLinkNamesWhatToAdd() {
        HarnessException e = assertThrows(HarnessException.class, () -> config("type: manual\n"));
        assertTrue(e.getMessage().contains("d.yaml: a manual device is driven through a live interface")
                && e.getMessage().contains("link: {interface: ") && e.getMessage().contains("deviceMac: "), e.getMessage());
        e = assertThrows(HarnessException.class, () -> config("type: linux-ssh\nhost: h\ninterface: eth1\n"
                + "link: {interface: eth2}\n"));
        assertTrue(e.getMessage().contains("(missing: link.deviceMac)"), e.getMessage());
        e = assertThrows(HarnessException.class, () -> config("type: manual\n"
                + "link: {interface: eth2, deviceMac: \"00:1b:21:aa:bb\"}\n"));
        assertTrue(e.getMessage().contains("link.deviceMac '00:1b:21:aa:bb' is not a MAC address"), e.getMessage());
        e = assertThrows(HarnessException.class, () -> config("type: manual\n"
                + "link: {interface: eth2, deviceMac: \"zz:1b:21:aa:bb:cc\"}\n"));
        assertTrue(e.getMessage().contains("is not a MAC address"), e.getMessage());
    }
}
