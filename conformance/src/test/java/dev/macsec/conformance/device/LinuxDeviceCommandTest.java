package dev.macsec.conformance.device;

import dev.macsec.suite.CipherSuite;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertTrue;

class LinuxDeviceCommandTest {
    private static String create(SecYConfig c) {
        return new LinuxDevice(null, "test", "data0", "macsec0", "/sbin/ip").createCommand(c);
    }

    /**
     * With replay off the window still decides InPktsDelayed, so the device must get the case's window: left out,
     * iproute2 6.1 sends 2^32-1 (IFLA_MACSEC_WINDOW = 0xffffffff, seen with strace), the kernel then never counts
     * Delayed, and refuses the SecY in the XPN suites.
     */
    @Test
    void replayOffStillSetsTheWindow() {
        String off = create(SecYConfig.defaults(CipherSuite.GCM_AES_XPN_128).withReplay(false, 0));
        assertTrue(off.contains(" replay off window 0\n"), off);
        String off2 = create(SecYConfig.defaults(CipherSuite.GCM_AES_128).withReplay(false, 2));
        assertTrue(off2.contains(" replay off window 2\n"), off2);
        String on = create(SecYConfig.defaults(CipherSuite.GCM_AES_128).withReplay(true, 4));
        assertTrue(on.contains(" replay on window 4\n"), on);
    }
}
