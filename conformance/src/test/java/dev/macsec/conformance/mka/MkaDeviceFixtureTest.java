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

    /** A wire that carries nothing in and counts what we send. */
    static final class CountingLink implements FrameLink {
        final java.util.concurrent.atomic.AtomicInteger sent = new java.util.concurrent.atomic.AtomicInteger();
        boolean closed;

        @Override
        public void send(byte[] frame, int off, int len) {
            sent.incrementAndGet();
        }

        @Override
        public dev.macsec.conformance.link.Frame receive(Duration timeout) throws IOException {
            try {
                Thread.sleep(timeout);
            } catch (InterruptedException e) {
                throw new java.io.InterruptedIOException();
            }
            return null;
        }

        @Override
        public void close() {
            closed = true;
        }
    }

    /** An operator who types each answer when the test says so. */
    static final class Operator extends java.io.Reader {
        private final java.util.concurrent.BlockingQueue<String> lines = new java.util.concurrent.LinkedBlockingQueue<>();
        private String pending = "";

        void type(String line) {
            lines.add(line + "\n");
        }

        @Override
        public int read(char[] b, int off, int len) throws IOException {
            if (pending.isEmpty()) {
                try {
                    pending = lines.take();
                } catch (InterruptedException e) {
                    throw new java.io.InterruptedIOException();
                }
            }
            int n = Math.min(len, pending.length());
            pending.getChars(0, n, b, off);
            pending = pending.substring(n);
            return n;
        }

        @Override
        public void close() {
        }
    }

    @Test
    void ourParticipantKeepsSayingHelloWhileAnOperatorWorksOnAManualDevice() throws Exception {
        Operator operator = new Operator();
        java.io.ByteArrayOutputStream shown = new java.io.ByteArrayOutputStream();
        dev.macsec.conformance.device.ManualDevice d = new dev.macsec.conformance.device.ManualDevice("a switch",
                "02:11:22:33:44:55", new java.io.BufferedReader(operator), new java.io.PrintStream(shown, true));
        CountingLink link = new CountingLink();
        OwnLink tester = new OwnLink() {
            @Override
            public FrameLink dataLink() {
                return link;
            }

            @Override
            public byte[] dataMac() {
                return new byte[]{0x02, 0x11, 0x22, 0x33, 0x44, 0x55};
            }
        };
        MkaDeviceFixture f = MkaDeviceFixture.on(d, tester, dir);
        assertTrue(f.managedKay() == d, "the manual device is the KaY");
        operator.type("");
        MkaDeviceFixture.Case c = f.open("operator-busy", MkaDaemon.Config.of(MkaSuite.CAK128, MkaSuite.CKN, 32),
                MkaSuite.ours(MkaSuite.CAK128, 1));
        int before = link.sent.get();
        Thread.ofVirtual().start(() -> {
            try {
                Thread.sleep(4500);
            } catch (InterruptedException ignored) {
                // the test ends anyway
            }
            operator.type("");
        });
        long t0 = System.nanoTime();
        c.configureDeviceIp();
        long waited = (System.nanoTime() - t0) / 1_000_000;
        assertTrue(waited >= 4000, "configureDeviceIp waited for the operator: " + waited + " ms");
        // hellos every 2 s went out while the operator was busy with the address step
        assertTrue(link.sent.get() - before >= 2, "MKPDUs sent while the operator worked: " + (link.sent.get() - before));
        assertTrue(shown.toString().contains("the address 10.1.0.2/24 and a static ARP entry 10.1.0.1 -> 52:54:00:00:00:01"),
                shown.toString());
        c.close();
        operator.type("");
        f.close();
        assertTrue(link.closed, "the fixture closes the live link it was given");
        assertTrue(shown.toString().contains(">>> Stop MKA on the port facing the tester and remove the SecY it created"));
    }
}
