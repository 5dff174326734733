package dev.macsec.conformance.suite;

import dev.macsec.conformance.device.DeviceIdentity;
import dev.macsec.conformance.device.DeviceSetup;
import dev.macsec.conformance.device.DeviceUnderTest;
import dev.macsec.conformance.device.OwnLink;
import dev.macsec.conformance.device.SaConfig;
import dev.macsec.conformance.device.SecYConfig;
import dev.macsec.conformance.device.Sci;
import dev.macsec.conformance.generator.Packets;
import dev.macsec.conformance.link.Frame;
import dev.macsec.conformance.link.FrameLink;
import dev.macsec.counter.SecYCounters;
import dev.macsec.secy.ReceiveProfile;
import dev.macsec.secy.ReceiveSa;
import dev.macsec.secy.ReceiveSecY;
import dev.macsec.secy.RxFrame;
import dev.macsec.secy.TransmitSecY;

import java.time.Duration;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A device under test made of our own SecY emulation, in process: it receives under a {@link ReceiveProfile}, answers
 * the echo requests its Controlled Port delivers through its transmit SecY, and reports the emulation's counters.
 * Lets the suite run end to end (plan, exchange, counters, verdict) without a VM.
 */
final class EmulatedDevice implements DeviceUnderTest, OwnLink, FrameLink {
    static final byte[] MAC = HexFormat.of().parseHex("525400000002");
    private final ReceiveProfile behaves;
    private final boolean reportsTransmit;
    private final LinkedBlockingQueue<byte[]> toTester = new LinkedBlockingQueue<>();
    private ReceiveSecY rx;
    private TransmitSecY tx;

    /** @param behaves how it receives: IEEE, or LINUX for a device that departs as Linux 6.1 does */
    EmulatedDevice(ReceiveProfile behaves) {
        this(behaves, true);
    }

    /** @param reportsTransmit whether its counters include the transmit SC's (a device may not report them) */
    EmulatedDevice(ReceiveProfile behaves, boolean reportsTransmit) {
        this.behaves = behaves;
        this.reportsTransmit = reportsTransmit;
    }

    @Override
    public DeviceIdentity identity() {
        return new DeviceIdentity("emulated", "receive emulation, profile " + behaves.name(), Map.of());
    }

    @Override
    public synchronized void setUp(DeviceSetup s) {
        SecYConfig c = s.secY();
        rx = new ReceiveSecY(new ReceiveSecY.Config(c.cipherSuite(), c.validateFrames(), c.replayProtect(), c.replayWindow(),
                c.confidentialityOffset()), behaves);
        s.rxSas().forEach((sci, sas) -> {
            var sc = rx.addSc(sci);
            for (SaConfig sa : sas) {
                ReceiveSa r = sc.installSa(sa.an(), sa.key(), sa.nextPn());
                r.inUse(sa.active());
            }
        });
        SaConfig t = s.txSas().get(0);
        tx = new TransmitSecY(Sci.of(MAC, c.port())).installSa(t.an(), t.key(), t.nextPn()).encodingSa(t.an())
                .confidentiality(c.encrypt()).includeSci(c.includeSci());
        toTester.clear();
    }

    @Override
    public synchronized void send(byte[] frame, int off, int len) {
        RxFrame f = RxFrame.of(Arrays.copyOfRange(frame, off, off + len));
        if (!rx.receive(f).delivered() || f.outLength() <= 0) {
            return;
        }
        byte[] reply = echoReply(Arrays.copyOfRange(f.out(), f.outOffset(), f.outOffset() + f.outLength()));
        if (reply != null && f.tagged()) {
            byte[] out = new byte[tx.maxOutputLength(reply.length)];
            int n = tx.protect(reply, 0, reply.length, out, 0);
            toTester.add(Arrays.copyOf(out, n));
        }
    }

    /** The answer of an IPv4 host to an echo request: addresses swapped, type 0, checksums again. */
    private static byte[] echoReply(byte[] f) {
        if (Packets.echoReplySeq(f, 0, f.length) >= 0 || f.length < 14 + Packets.ECHO_OVERHEAD - 2
                || f[12] != 0x08 || f[13] != 0x00 || f[14 + 20] != 8
            || Packets.checksum(f, 14, 20) != 0 || Packets.checksum(f, 34, f.length - 34) != 0) {
            // as a host drops a datagram whose checksum fails
            return null;
        }
        byte[] r = f.clone();
        System.arraycopy(f, 6, r, 0, 6);
        System.arraycopy(MAC, 0, r, 6, 6);
        System.arraycopy(f, 30, r, 26, 4);
        System.arraycopy(f, 26, r, 30, 4);
        r[24] = 0;
        r[25] = 0;
        int ip = Packets.checksum(r, 14, 20);
        r[24] = (byte) (ip >> 8);
        r[25] = (byte) ip;
        r[34] = 0;
        r[36] = 0;
        r[37] = 0;
        int icmp = Packets.checksum(r, 34, r.length - 34);
        r[36] = (byte) (icmp >> 8);
        r[37] = (byte) icmp;
        return r;
    }

    @Override
    public Frame receive(Duration timeout) throws java.io.IOException {
        try {
            byte[] f = toTester.poll(timeout.toNanos(), TimeUnit.NANOSECONDS);
            return f == null ? null : new Frame(f, 0);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new java.io.InterruptedIOException("interrupted");
        }
    }

    @Override
    public synchronized SecYCounters counters() {
        SecYCounters r = rx.counters();
        return reportsTransmit ? new SecYCounters(r.secY(), r.receiveScs(), tx.counters().transmitSc()) : r;
    }

    @Override
    public FrameLink dataLink() {
        return this;
    }

    @Override
    public byte[] dataMac() {
        return MAC.clone();
    }

    @Override
    public void createSecY(SecYConfig config) {
        throw new UnsupportedOperationException("set up whole, through setUp");
    }

    @Override
    public void deleteSecY() {
    }

    @Override
    public void installTxSa(SaConfig sa) {
        throw new UnsupportedOperationException("set up whole, through setUp");
    }

    @Override
    public void installRxSc(long sci) {
        throw new UnsupportedOperationException("set up whole, through setUp");
    }

    @Override
    public void installRxSa(long sci, SaConfig sa) {
        throw new UnsupportedOperationException("set up whole, through setUp");
    }

    @Override
    public void configureIp(String cidr, String peerIp, String peerMac) {
    }

    @Override
    public void reset() {
    }

    @Override
    public void close() {
    }

}
