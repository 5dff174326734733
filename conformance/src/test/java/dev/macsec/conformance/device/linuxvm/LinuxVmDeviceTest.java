package dev.macsec.conformance.device.linuxvm;

import dev.macsec.counter.Counter;
import dev.macsec.counter.SecYCounters;
import dev.macsec.crypto.SaKey;
import dev.macsec.conformance.device.DeviceException;
import dev.macsec.conformance.device.DeviceIdentity;
import dev.macsec.conformance.device.SaConfig;
import dev.macsec.conformance.device.Sci;
import dev.macsec.conformance.device.SecYConfig;
import dev.macsec.secy.ValidateFrames;
import dev.macsec.conformance.link.Frame;
import dev.macsec.conformance.link.RecordingLink;
import dev.macsec.conformance.link.UdpLink;
import dev.macsec.suite.CipherSuite;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.OptionalLong;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The Linux kernel's MACsec in qemu as the peer: frames built here with the JDK's AES-GCM must be
 * accepted and answered, the answers must open here, and the kernel's counters must move as 802.1AE says.
 * One VM serves the whole class.
 */
@Tag("vm")
class LinuxVmDeviceTest {
    private static final HexFormat HEX = HexFormat.of();
    private static final byte[] TESTER_MAC = HEX.parseHex("525400000001");
    private static final byte[] DUT_MAC = HEX.parseHex("525400000002");
    private static final long TESTER_SCI = Sci.of(TESTER_MAC, 1);
    private static final long DUT_SCI = Sci.of(DUT_MAC, 1);
    private static final byte[] TESTER_IP = {10, 1, 0, 1};
    private static final byte[] DUT_IP = {10, 1, 0, 2};
    private static final byte[] SALT = HEX.parseHex("e630e81a48de86a21c66fa6d");
    private static final int TESTER_SSCI = 2;
    private static final int DUT_SSCI = 1;
    // the device starts its XPN SA above 2^32 so its frames prove the upper PN bits are used
    private static final long DUT_XPN_START = 0x1_0000_0005L;

    private static LinuxVm vm;
    private static LinuxVmDevice dut;
    private static RecordingLink link;
    private static long classStart;

    @BeforeAll
    static void boot() throws IOException {
        classStart = System.nanoTime();
        vm = LinuxVm.boot();
        System.out.printf("VM boot (launch -> READY): %d ms, kernel %s%n", vm.bootTime().toMillis(), vm.kernelRelease());
        dut = new LinuxVmDevice(vm, false);
        Path target = Paths.get("target");
        Files.createDirectories(target);
        link = new RecordingLink(vm.dataLink(), target.resolve("linux-vm-test.pcap"));
    }

    @AfterAll
    static void shutdown() {
        if (dut != null) {
            dut.close();
        }
        if (vm != null) {
            vm.close();
            assertTrue(!vm.isAlive());
        }
        if (link != null) {
            link.close();
        }
        System.out.printf("LinuxVmDeviceTest total: %d ms%n", (System.nanoTime() - classStart) / 1_000_000);
    }

    private static byte[] key(CipherSuite s, int seed) {
        byte[] k = new byte[s.keyLength()];
        for (int i = 0; i < k.length; i++) {
            k[i] = (byte) (seed * 31 + i * 7);
        }
        return k;
    }

    /** Configures the device for {@code suite}; returns [tester SA, device SA] as the test sees them. */
    private static TestFrames.Sa[] configure(SecYConfig cfg) throws IOException {
        CipherSuite s = cfg.cipherSuite();
        byte[] testerSak = key(s, 1);
        byte[] dutSak = key(s, 2);
        dut.createSecY(cfg);
        if (s.xpn()) {
            dut.installTxSa(SaConfig.of(0, DUT_XPN_START, SaKey.of(s, dutSak, DUT_SSCI, SALT)));
            dut.installRxSc(TESTER_SCI);
            dut.installRxSa(TESTER_SCI, SaConfig.of(0, 1, SaKey.of(s, testerSak, TESTER_SSCI, SALT)));
        } else {
            dut.installTxSa(SaConfig.of(0, 1, SaKey.of(s, dutSak)));
            dut.installRxSc(TESTER_SCI);
            dut.installRxSa(TESTER_SCI, SaConfig.of(0, 1, SaKey.of(s, testerSak)));
        }
        dut.configureIp("10.1.0.2/24", "10.1.0.1", "52:54:00:00:00:01");
        return new TestFrames.Sa[] {
                new TestFrames.Sa(testerSak, TESTER_SCI, 0, s.xpn() ? TESTER_SSCI : null, s.xpn() ? SALT : null),
                new TestFrames.Sa(dutSak, DUT_SCI, 0, s.xpn() ? DUT_SSCI : null, s.xpn() ? SALT : null)};
    }

    private static byte[] echo(int seq) {
        byte[] data = ("macsec-conformance echo " + seq + " ").repeat(2).getBytes();
        return TestFrames.icmpEcho(TESTER_IP, DUT_IP, 0x4d53, seq, data);
    }

    /** The next MACsec frame from the device, ignoring anything else; null after {@code wait}. */
    private static Frame nextMacsec(Duration wait) throws IOException {
        long deadline = System.nanoTime() + wait.toNanos();
        while (true) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return null;
            }
            Frame f = link.receive(Duration.ofNanos(left));
            if (f != null && TestFrames.isMacsec(f.data())) {
                return f;
            }
        }
    }

    @Test
    void identityNamesTheKernel() throws IOException {
        DeviceIdentity id = dut.identity();
        assertEquals("linux-vm", id.kind());
        assertEquals(vm.kernelRelease(), id.details().get("kernel"));
        assertTrue(id.details().get("iproute2").contains("iproute2"), id.details().toString());
        dev.macsec.conformance.device.CommandRunner.CommandResult r = vm.run("/sbin/ip macsec show; echo out; exit 3");
        assertEquals(3, r.exitStatus());
        assertTrue(r.output().endsWith("out\n"), r.output());
    }

    @ParameterizedTest
    @EnumSource(CipherSuite.class)
    void echoRequestIsAcceptedAndAnsweredUnderEverySuite(CipherSuite suite) throws Exception {
        TestFrames.Sa[] sa = configure(SecYConfig.defaults(suite).withValidateFrames(ValidateFrames.STRICT));
        vm.dataLink().drain();
        byte[] request = echo(1);
        link.send(TestFrames.protect(DUT_MAC, TESTER_MAC, sa[0], 1, true, request));

        Frame reply = nextMacsec(Duration.ofSeconds(5));
        assertNotNull(reply, "no MACsec frame from the device");
        byte[] f = reply.data();
        assertEquals(DUT_SCI, TestFrames.sci(f));
        assertEquals(0x0C, f[14] & 0x0C, "the reply is encrypted");
        long pnHigh = suite.xpn() ? DUT_XPN_START >>> 32 : 0;
        assertEquals(suite.xpn() ? DUT_XPN_START & 0xFFFFFFFFL : 1, TestFrames.shortPn(f));
        byte[] user = TestFrames.open(f, sa[1], pnHigh);
        assertEquals(0x0800, ByteBuffer.wrap(user).getShort() & 0xFFFF);
        assertEquals(0, user[2 + 20], "ICMP echo reply");
        assertArrayEquals(Arrays.copyOfRange(request, 2 + 20 + 4, request.length),
                Arrays.copyOfRange(user, 2 + 20 + 4, user.length), "same id, sequence and data");

        SecYCounters c = dut.counters();
        assertEquals(OptionalLong.of(1), c.receiveSa(TESTER_SCI, 0, Counter.IN_PKTS_OK));
        assertEquals(OptionalLong.of(1), c.receiveSc(TESTER_SCI, Counter.IN_PKTS_OK));
        assertEquals(OptionalLong.of(request.length), c.receiveSc(TESTER_SCI, Counter.IN_OCTETS_DECRYPTED));
        assertEquals(OptionalLong.of(0), c.receiveSc(TESTER_SCI, Counter.IN_PKTS_NOT_VALID));
        assertEquals(OptionalLong.of(1), c.transmitSc(Counter.OUT_PKTS_ENCRYPTED));
        assertEquals(OptionalLong.of(1), c.transmitSa(0, Counter.OUT_PKTS_ENCRYPTED));
        assertEquals(OptionalLong.of(0), c.secY(Counter.IN_PKTS_NO_TAG));
        if (suite == CipherSuite.GCM_AES_128) {
            Files.writeString(Paths.get("target", "ip-macsec-after-echo.txt"), dut.showRaw());
        }
    }

    @Test
    void wrongKeyIsNotValidUnderStrictValidation() throws Exception {
        TestFrames.Sa[] sa = configure(SecYConfig.defaults(CipherSuite.GCM_AES_128));
        TestFrames.Sa wrong = new TestFrames.Sa(key(CipherSuite.GCM_AES_128, 9), TESTER_SCI, 0, null, null);
        vm.dataLink().drain();
        link.send(TestFrames.protect(DUT_MAC, TESTER_MAC, wrong, 1, true, echo(2)));
        assertNull(nextMacsec(Duration.ofMillis(1500)), "a frame that fails the ICV must not be answered");
        SecYCounters c = dut.counters();
        assertEquals(OptionalLong.of(1), c.receiveSa(TESTER_SCI, 0, Counter.IN_PKTS_NOT_VALID));
        assertEquals(OptionalLong.of(1), c.receiveSc(TESTER_SCI, Counter.IN_PKTS_NOT_VALID));
        assertEquals(OptionalLong.of(0), c.receiveSc(TESTER_SCI, Counter.IN_PKTS_OK));

        // the right key still works after the failure
        link.send(TestFrames.protect(DUT_MAC, TESTER_MAC, sa[0], 2, true, echo(3)));
        assertNotNull(nextMacsec(Duration.ofSeconds(5)));
        assertEquals(OptionalLong.of(1), dut.counters().receiveSc(TESTER_SCI, Counter.IN_PKTS_OK));
    }

    @Test
    void replayedPnIsLateAndResetZeroesCounters() throws Exception {
        TestFrames.Sa[] sa = configure(SecYConfig.defaults(CipherSuite.GCM_AES_128).withReplay(true, 0));
        vm.dataLink().drain();
        link.send(TestFrames.protect(DUT_MAC, TESTER_MAC, sa[0], 10, true, echo(4)));
        assertNotNull(nextMacsec(Duration.ofSeconds(5)));
        link.send(TestFrames.protect(DUT_MAC, TESTER_MAC, sa[0], 9, true, echo(5)));
        assertNull(nextMacsec(Duration.ofMillis(1500)), "a late frame must be discarded");
        SecYCounters c = dut.counters();
        assertEquals(OptionalLong.of(1), c.receiveSc(TESTER_SCI, Counter.IN_PKTS_OK));
        assertEquals(OptionalLong.of(1), c.receiveSc(TESTER_SCI, Counter.IN_PKTS_LATE));

        dut.reset();
        SecYCounters z = dut.counters();
        assertEquals(OptionalLong.of(0), z.receiveSc(TESTER_SCI, Counter.IN_PKTS_OK));
        assertEquals(OptionalLong.of(0), z.receiveSc(TESTER_SCI, Counter.IN_PKTS_LATE));
        assertEquals(OptionalLong.of(0), z.transmitSc(Counter.OUT_PKTS_ENCRYPTED));
        // the SAs came back with their initial PNs: PN 1 is acceptable again
        vm.dataLink().drain();
        link.send(TestFrames.protect(DUT_MAC, TESTER_MAC, sa[0], 1, true, echo(6)));
        assertNotNull(nextMacsec(Duration.ofSeconds(5)));
        assertEquals(OptionalLong.of(1), dut.counters().receiveSa(TESTER_SCI, 0, Counter.IN_PKTS_OK));
    }

    @Test
    void integrityOnlyFramesAreValidatedNotDecrypted() throws Exception {
        TestFrames.Sa[] sa = configure(SecYConfig.defaults(CipherSuite.GCM_AES_256).withEncrypt(false));
        vm.dataLink().drain();
        byte[] req = echo(7);
        link.send(TestFrames.protect(DUT_MAC, TESTER_MAC, sa[0], 1, false, req));
        Frame reply = nextMacsec(Duration.ofSeconds(5));
        assertNotNull(reply);
        assertEquals(0, reply.data()[14] & 0x0C, "encrypt off: E=0, C=0");
        TestFrames.open(reply.data(), sa[1], 0);
        SecYCounters c = dut.counters();
        assertEquals(OptionalLong.of(1), c.receiveSc(TESTER_SCI, Counter.IN_PKTS_OK));
        assertEquals(OptionalLong.of(req.length), c.receiveSc(TESTER_SCI, Counter.IN_OCTETS_VALIDATED));
        assertEquals(OptionalLong.of(1), c.transmitSc(Counter.OUT_PKTS_PROTECTED));
        assertEquals(OptionalLong.of(0), c.transmitSc(Counter.OUT_PKTS_ENCRYPTED));
    }

    @Test
    void refusedConfigurationIsReportedWithoutTheKey() throws Exception {
        dut.createSecY(SecYConfig.defaults(CipherSuite.GCM_AES_128));
        byte[] k = key(CipherSuite.GCM_AES_128, 5);
        dut.installRxSc(TESTER_SCI);
        dut.installRxSa(TESTER_SCI, SaConfig.of(1, 1, SaKey.of(CipherSuite.GCM_AES_128, k)));
        // the same AN twice: the kernel refuses
        DeviceException e = assertThrows(DeviceException.class,
                () -> dut.installRxSa(TESTER_SCI, SaConfig.of(1, 1, SaKey.of(CipherSuite.GCM_AES_128, k))));
        assertTrue(e.getMessage().contains("<key>"), e.getMessage());
        assertTrue(!e.getMessage().contains(HEX.formatHex(k)), "key material must not leak into errors");
        assertThrows(DeviceException.class, () -> dut.createSecY(
                new SecYConfig(1, CipherSuite.GCM_AES_128, ValidateFrames.STRICT, true, 0, true, 30, true)));
    }
}
