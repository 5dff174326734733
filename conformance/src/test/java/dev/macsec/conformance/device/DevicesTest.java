package dev.macsec.conformance.device;

import dev.macsec.conformance.devicefile.Devices;
import dev.macsec.counter.Counter;
import dev.macsec.counter.SecYCounters;
import dev.macsec.crypto.SaKey;
import dev.macsec.error.InputException;
import dev.macsec.suite.CipherSuite;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.OptionalLong;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DevicesTest {
    @TempDir
    Path dir;

    @Test
    void yamlAndJsonDeviceFiles() throws IOException {
        Path yaml = Files.writeString(dir.resolve("d.yaml"),
                "type: linux-ssh\nhost: 192.0.2.7\nuser: root\nkeyFile: /k\ninterface: eth1\nsudo: true\n");
        DeviceSpec s = Devices.read(yaml);
        assertEquals("linux-ssh", s.type());
        assertEquals("eth1", s.iface());
        assertEquals(Boolean.TRUE, s.sudo());
        try (DeviceUnderTest d = Devices.open(yaml)) {
            assertInstanceOf(LinuxSshDevice.class, d);
        }
        Path json = Files.writeString(dir.resolve("d.json"), "{\"type\": \"manual\", \"description\": \"switch X\"}");
        try (DeviceUnderTest d = Devices.open(json)) {
            assertEquals("switch X", d.identity().description());
        }
    }

    @Test
    void badDeviceFilesAreInputErrors() throws IOException {
        Path unknown = Files.writeString(dir.resolve("u.yaml"), "type: toaster\n");
        InputException e = assertThrows(InputException.class, () -> Devices.open(unknown));
        assertTrue(e.getMessage().contains("toaster"), e.getMessage());
        Path typo = Files.writeString(dir.resolve("t.yaml"), "type: linux-ssh\nhots: x\n");
        e = assertThrows(InputException.class, () -> Devices.read(typo));
        assertTrue(e.getMessage().startsWith(typo + ", line ") && e.getMessage().contains("'hots'"), e.getMessage());
        Path noHost = Files.writeString(dir.resolve("n.yaml"), "type: linux-ssh\n");
        assertThrows(InputException.class, () -> Devices.open(noHost));
    }

    @Test
    void linkIsTheTestersSideOfTheWire() throws IOException {
        Path f = Files.writeString(dir.resolve("l.yaml"),
                "type: manual\nlink:\n  interface: eth1\n  deviceMac: \"52:54:00:12:34:56\"\n");
        DeviceSpec s = Devices.read(f);
        assertEquals(new DeviceSpec.Link("eth1", "52:54:00:12:34:56"), s.link());
        Path typo = Files.writeString(dir.resolve("lt.yaml"), "type: manual\nlink:\n  interface: eth1\n  mac: x\n");
        InputException e = assertThrows(InputException.class, () -> Devices.read(typo));
        assertTrue(e.getMessage().startsWith(typo + ", line ") && e.getMessage().contains("'mac'"), e.getMessage());
        assertEquals("mtap3", Devices.read(Files.writeString(dir.resolve("t.yaml"), "type: linux-vm\ntap: mtap3\n")).tap());
    }

    /** A linux-vm names its KaY: wpa_supplicant unless the file says mkad; anything else is one clear line. */
    @Test
    void mkaFieldChoosesTheKay() throws IOException {
        assertEquals("mkad", Devices.read(java.nio.file.Paths.get("devices/linux-vm-mkad.yaml")).mka());
        assertEquals(null, Devices.read(java.nio.file.Paths.get("devices/linux-vm.yaml")).mka());
        assertEquals(dev.macsec.conformance.device.linuxvm.LinuxVmDevice.Mka.WPA_SUPPLICANT,
                dev.macsec.conformance.device.linuxvm.LinuxVmDevice.Mka.byFieldValue(null));
        Path unknown = Files.writeString(dir.resolve("k.yaml"), "type: linux-vm\nmka: openmka\n");
        InputException e = assertThrows(InputException.class, () -> Devices.read(unknown));
        assertEquals(unknown + ": unknown mka 'openmka' (expected wpa_supplicant or mkad)", e.getMessage());
        Path ssh = Files.writeString(dir.resolve("s.yaml"), "type: linux-ssh\nhost: h\ninterface: eth0\nmka: mkad\n");
        e = assertThrows(InputException.class, () -> Devices.read(ssh));
        assertEquals(ssh + ": 'mka' is a field of linux-vm devices only", e.getMessage());
    }

    /** A device declares the receive profile it follows; only then can a departure be a known deviation. */
    @Test
    void receiveProfileIsDeclaredByTheDeviceFile() throws IOException {
        assertEquals(dev.macsec.secy.ReceiveProfile.LINUX, Devices.receiveProfile(Devices.read(
                java.nio.file.Paths.get("devices/linux-vm.yaml"))), "the reference device declares linux");
        assertEquals(null, Devices.receiveProfile(Devices.read(Files.writeString(dir.resolve("n.yaml"), "type: linux-vm\n"))));
        Path unknown = Files.writeString(dir.resolve("u.yaml"), "type: linux-vm\nprofile: bsd\n");
        InputException e = assertThrows(InputException.class, () -> Devices.read(unknown));
        assertEquals(unknown + ": unknown receive profile 'bsd' (known: ieee, linux)", e.getMessage());
    }

    @Test
    void manualDeviceWalksTheOperatorThroughAndReadsCounters() throws IOException {
        ByteArrayOutputStream shown = new ByteArrayOutputStream();
        BufferedReader in = new BufferedReader(new StringReader("\n\n\nInPktsOK=2 rxsa.0.InPktsOK=2 InPktsNoTag=1 txsc.OutPktsProtected=3\nfail\n"));
        ManualDevice d = new ManualDevice("lab switch", in, new PrintStream(shown, true, StandardCharsets.UTF_8));
        d.createSecY(SecYConfig.defaults(CipherSuite.GCM_AES_XPN_128));
        long sci = Sci.of("52:54:00:00:00:01", 1);
        d.installRxSc(sci);
        SaKey sak = SaKey.ofHex(CipherSuite.GCM_AES_XPN_128, "00112233445566778899aabbccddeeff", 2,
                "000000000000000000000000");
        d.installRxSa(sci, SaConfig.of(0, 1, sak));
        SecYCounters c = d.counters();
        assertEquals(OptionalLong.of(2), c.receiveSc(sci, Counter.IN_PKTS_OK));
        assertEquals(OptionalLong.of(2), c.receiveSa(sci, 0, Counter.IN_PKTS_OK));
        assertEquals(OptionalLong.of(1), c.secY(Counter.IN_PKTS_NO_TAG));
        assertEquals(OptionalLong.of(3), c.transmitSc(Counter.OUT_PKTS_PROTECTED));
        DeviceException refused = assertThrows(DeviceException.class, () -> d.installTxSa(SaConfig.of(1, 1, sak)));
        assertTrue(!refused.getMessage().contains("00112233"), refused.getMessage());
        String text = shown.toString(StandardCharsets.UTF_8);
        assertTrue(text.contains("GCM-AES-XPN-128"), text);
        assertTrue(text.contains("SSCI 2"), text);
        assertTrue(!sak.toString().contains("00112233"), sak.toString());
        assertTrue(!SaConfig.of(0, 1, sak).toString().contains("00112233"));
    }
}
