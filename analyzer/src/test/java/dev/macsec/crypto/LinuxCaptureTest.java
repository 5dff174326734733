package dev.macsec.crypto;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.macsec.counter.Counter;
import dev.macsec.decode.SecTag;
import dev.macsec.secy.ReceiveProfile;
import dev.macsec.secy.ReceiveSecY;
import dev.macsec.secy.RxFrame;
import dev.macsec.secy.ValidateFrames;
import dev.macsec.secy.Verdict;
import dev.macsec.suite.CipherSuite;
import dev.macsec.testing.ProjectFiles;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Every MACsec frame captured from a Linux 6.1 device verifies with the SAKs of pcaps/linux-dut/KEYS.md. */
class LinuxCaptureTest {
    private static final long DEVICE_SCI = 0x5254000000020001L;
    private static final long HOST_SCI = 0x0200000000010001L;

    private static List<byte[]> frames(String name) throws IOException {
        return dev.macsec.decode.CapturedFrames.read(ProjectFiles.pcap(name)).frames().stream()
                .map(dev.macsec.decode.CapturedFrames.Frame::data).toList();
    }

    @ParameterizedTest
    @ValueSource(strings = {"linux-dut/static-sa.pcap", "linux-dut/static-sa-gcm-aes-128.pcap"})
    void everyMacsecFrameVerifies(String pcap) throws IOException {
        ReceiveSecY secy = new ReceiveSecY(new ReceiveSecY.Config(CipherSuite.GCM_AES_128, ValidateFrames.STRICT, true, 0, 0),
                ReceiveProfile.LINUX);
        secy.addSc(DEVICE_SCI).installSa(0, SaKey.ofHex(CipherSuite.GCM_AES_128, "00112233445566778899aabbccddeeff", 0, null), 1);
        secy.addSc(HOST_SCI).installSa(0, SaKey.ofHex(CipherSuite.GCM_AES_128, "ffeeddccbbaa99887766554433221100", 0, null), 1);
        int macsec = 0;
        for (byte[] f : frames(pcap)) {
            RxFrame rx = RxFrame.of(f);
            if (!rx.tagged()) {
                continue;
            }
            macsec++;
            assertEquals(0, rx.secTag().violations());
            assertEquals(Verdict.OK, secy.receive(rx), "frame " + macsec + " of " + pcap);
            int etherType = ((rx.out()[12] & 0xFF) << 8) | (rx.out()[13] & 0xFF);
            assertTrue(etherType == 0x0800 || etherType == 0x86DD || etherType == 0x0806, Integer.toHexString(etherType));
        }
        assertTrue(macsec > 0);
        long ok = secy.sc(DEVICE_SCI).counters().get(Counter.IN_PKTS_OK).getAsLong()
                + secy.sc(HOST_SCI).counters().get(Counter.IN_PKTS_OK).getAsLong();
        assertEquals(macsec, ok);
        if (pcap.endsWith("static-sa.pcap")) {
            assertEquals(OptionalLong.of(3), secy.sc(HOST_SCI).counters().get(Counter.IN_PKTS_OK),
                    "KEYS.md: the device counted InPktsOK=3");
        }
    }
}
