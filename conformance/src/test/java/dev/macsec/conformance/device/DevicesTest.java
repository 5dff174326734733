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
        assertEquals(unknown + ": unknown receive profile 'bsd' (known: ieee, linux-6.1, linux-6.12, linux)", e.getMessage());
    }

    /** One device file per kernel, each declaring the profile measured on that kernel. */
    @Test
    void kernelIsChosenByTheDeviceFile() throws IOException {
        DeviceSpec v61 = Devices.read(java.nio.file.Paths.get("devices/linux-vm.yaml"));
        DeviceSpec v612 = Devices.read(java.nio.file.Paths.get("devices/linux-vm-6.12.yaml"));
        assertEquals("debian-12", v61.kernel());
        assertEquals(dev.macsec.secy.ReceiveProfile.LINUX_6_1, Devices.receiveProfile(v61));
        assertEquals("debian-13", v612.kernel());
        assertEquals(dev.macsec.secy.ReceiveProfile.LINUX_6_12, Devices.receiveProfile(v612));
        Path unknown = Files.writeString(dir.resolve("k.yaml"), "type: linux-vm\nkernel: debian-99\n");
        InputException e = assertThrows(InputException.class, () -> Devices.read(unknown));
        assertEquals(unknown + ": unknown kernel 'debian-99' (known: debian-12, debian-13)", e.getMessage());
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
    /**
     * Everything a person needs to configure a vendor box is in the printed steps, under 802.1AE's names: the values
     * below are the setup's own (SCI = MAC and port, 802.1AE 8.2.1), not read back from a run.
     */
    @Test
    void manualStepsCarryTheWholeConfiguration() throws IOException {
        ByteArrayOutputStream shown = new ByteArrayOutputStream();
        BufferedReader in = new BufferedReader(new StringReader("\n".repeat(6)));
        ManualDevice d = new ManualDevice("lab switch", "52:54:00:00:00:02", in,
                new PrintStream(shown, true, StandardCharsets.UTF_8));
        CipherSuite s = CipherSuite.GCM_AES_XPN_128;
        long tester = Sci.of("52:54:00:00:00:01", 1);
        SaKey rxKey = SaKey.ofHex(s, "00112233445566778899aabbccddeeff", 2, "e630e81a48de86a21c66fa6d");
        SaKey txKey = SaKey.ofHex(s, "ffeeddccbbaa99887766554433221100", 1, "e630e81a48de86a21c66fa6d");
        d.setUp(new DeviceSetup(new SecYConfig(7, s, dev.macsec.secy.ValidateFrames.CHECK, true, 32, false, 0, true),
                java.util.List.of(SaConfig.of(2, 1000, txKey)),
                java.util.Map.of(tester, java.util.List.of(new SaConfig(1, 0xFFFF_FFF0L, rxKey, false))),
                "10.1.0.2/24", "10.1.0.1", "52:54:00:00:00:01"));
        String[] steps = shown.toString(StandardCharsets.UTF_8).lines().filter(l -> l.startsWith(">>> "))
                .toArray(String[]::new);
        assertEquals(5, steps.length, String.join("\n", steps));
        assertEquals(">>> Create the SecY on the port facing the tester: SCI 5254000000020007 (MAC 52:54:00:00:00:02, "
                + "port identifier 7), cipher suite GCM-AES-XPN-128, protectFrames on, confidentiality off (integrity "
                + "only), confidentialityOffset 0, alwaysIncludeSCI on, useES off, useSCB off, validateFrames check, "
                + "replayProtect on, replayWindow 32", steps[0]);
        // the only transmit SA is installed once, as the encoding SA
        assertEquals(">>> Install the transmit SA AN 2, nextPN 1000 (64-bit XPN), SAK ffeeddccbbaa99887766554433221100, "
                + "KI 525400000002000702, SSCI 1, salt e630e81a48de86a21c66fa6d, enableTransmit on; make AN 2 the "
                + "encoding SA (encodingSA 2)", steps[1]);
        assertEquals(">>> Create the receive SC for SCI 5254000000010001 (MAC 52:54:00:00:00:01, port identifier 1), "
                + "receiving on", steps[2]);
        assertEquals(">>> Install on the receive SC 5254000000010001 the receive SA AN 1, nextPN 4294967280 (64-bit XPN), "
                + "SAK 00112233445566778899aabbccddeeff, KI 525400000001000101, SSCI 2, salt e630e81a48de86a21c66fa6d, "
                + "enableReceive off", steps[3]);
        assertEquals(">>> Give the SecY's controlled port the address 10.1.0.2/24 and a static ARP entry 10.1.0.1 -> "
                + "52:54:00:00:00:01", steps[4]);
    }
}
