package dev.macsec.conformance.suite;

import dev.macsec.conformance.device.Liveness;
import dev.macsec.conformance.device.OwnLink;
import dev.macsec.conformance.device.StubDevice;
import dev.macsec.conformance.link.FrameLink;
import dev.macsec.conformance.link.SilentLink;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@link Session} drives any device through its capabilities, not only the VM adapter. */
class SessionCapabilitiesTest {
    private static final byte[] MAC = {0x02, 0, 0, 0, 0, 0x42};

    @TempDir
    Path dir;

    /** An emulated device with its own wire, which can also die. */
    static final class Emulated extends StubDevice implements OwnLink, Liveness {
        final FrameLink wire = new SilentLink();
        String gone;

        Emulated() {
            super("an emulator");
        }

        @Override
        public FrameLink dataLink() {
            return wire;
        }

        @Override
        public byte[] dataMac() {
            return MAC.clone();
        }

        @Override
        public Optional<String> gone() {
            return Optional.ofNullable(gone);
        }
    }

    @Test
    void aDeviceWithItsOwnWireIsDrivenOverIt() throws IOException {
        Emulated d = new Emulated();
        Session s = Session.start(d, null, null, dir, Duration.ofSeconds(1), List.of());
        assertSame(d.wire, s.link());
        assertArrayEquals(MAC, s.deviceMac());
        assertTrue(Files.readString(dir.resolve("device.txt")).startsWith("an emulator\n"));
        s.close();
        assertFalse(((SilentLink) d.wire).closed(), "the device's own wire is the device's to close");
        assertTrue(d.closed());
    }

    @Test
    void aDeviceWithoutAWireOfItsOwnNeedsTheLinkInTheDeviceFile() {
        HarnessException e = assertThrows(HarnessException.class,
                () -> Session.start(new StubDevice("a switch"), null, null, dir, Duration.ofSeconds(1), List.of()));
        assertTrue(e.getMessage().contains("brings no wire of its own") && e.getMessage().contains("link: {interface:"),
                e.getMessage());
    }

    @Test
    void aDeviceThatTellsItHasGoneIsLost() throws IOException {
        Emulated d = new Emulated();
        Session s = Session.start(d, null, null, dir, Duration.ofSeconds(1), List.of());
        assertEquals(Optional.empty(), s.deviceGone());
        d.gone = "its emulator exited";
        assertEquals(Optional.of("its emulator exited"), s.deviceGone());
        Session noLiveness = Session.start(new StubDevice("x") {
            @Override
            public <T> Optional<T> capability(Class<T> type) {
                return type == OwnLink.class ? Optional.of(type.cast(d)) : super.capability(type);
            }
        }, null, null, dir, Duration.ofSeconds(1), List.of());
        assertEquals(Optional.empty(), noLiveness.deviceGone(), "a device that cannot tell is taken as running");
    }
}
