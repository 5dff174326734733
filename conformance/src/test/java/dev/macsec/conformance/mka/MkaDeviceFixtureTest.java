package dev.macsec.conformance.mka;

import dev.macsec.conformance.device.CommandRunner;
import dev.macsec.conformance.device.KayControl;
import dev.macsec.conformance.device.OwnLink;
import dev.macsec.conformance.device.StubDevice;
import dev.macsec.conformance.device.MkaDaemon;
import dev.macsec.conformance.device.WpaSupplicantMka;
import dev.macsec.conformance.link.FrameLink;
import dev.macsec.conformance.link.SilentLink;
import dev.macsec.conformance.suite.HarnessException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The MKA suite asks a device for a KaY and a wire of its own, whatever adapter it is. */
class MkaDeviceFixtureTest {
    @TempDir
    Path dir;

    private static final CommandRunner NO_SHELL = new CommandRunner() {
        @Override
        public CommandResult run(String script, Duration timeout) throws IOException {
            throw new IOException("no shell in this test");
        }

        @Override
        public String describe() {
            return "none";
        }
    };

    static class WithKay extends StubDevice implements KayControl {
        final WpaSupplicantMka kay = new WpaSupplicantMka(NO_SHELL, "port1");

        WithKay() {
            super("a KaY host");
        }

        @Override
        public MkaDaemon kay() {
            return kay;
        }

        @Override
        public CommandRunner shell() {
            return NO_SHELL;
        }
    }

    static final class WithKayAndWire extends WithKay implements OwnLink {
        @Override
        public FrameLink dataLink() {
            return new SilentLink();
        }

        @Override
        public byte[] dataMac() {
            return new byte[]{0x02, 0x11, 0x22, 0x33, 0x44, 0x55};
        }
    }

    @Test
    void aDeviceWithoutAKayIsNotOneTheSuiteAppliesTo() {
        StubDevice d = new StubDevice("a switch");
        HarnessException e = assertThrows(HarnessException.class, () -> MkaDeviceFixture.on(d, dir));
        assertEquals("the 802.1X (MKA) suite does not apply to a switch: the harness cannot drive a KaY on it",
                e.getMessage());
    }

    @Test
    void aKayWithoutAWireOfItsOwnIsNotEnough() {
        HarnessException e = assertThrows(HarnessException.class, () -> MkaDeviceFixture.on(new WithKay(), dir));
        assertTrue(e.getMessage().startsWith("the 802.1X (MKA) suite does not apply to a KaY host: it needs the "
                + "device's own data link"), e.getMessage());
    }

    @Test
    void anyDeviceWithBothIsDriven() throws IOException {
        WithKayAndWire d = new WithKayAndWire();
        MkaDeviceFixture f = MkaDeviceFixture.on(d, dir);
        assertSame(d.kay, f.kay());
        assertEquals("02:11:22:33:44:55", f.deviceMac());
        f.close();
        assertTrue(d.closed());
    }
}
