package dev.macsec.conformance.mka;

import dev.macsec.conformance.link.Frame;
import dev.macsec.conformance.link.FrameLink;
import dev.macsec.mka.actor.MkaClock;
import dev.macsec.mka.actor.MkaParticipant;
import dev.macsec.secy.Verdict;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;

/**
 * Runs an {@link MkaParticipant} in real time against a device on a {@link FrameLink}: sends what its timers
 * produce, feeds it every received MKPDU, and plays a small IPv4 host on the secured link (answers ARP and ICMP
 * echo requests for its address, through the participant's SecY once a SAK is in use). Single-threaded: the
 * caller's thread runs the loop inside {@link #runUntil}; nothing happens between calls except that frames queue
 * in the link.
 */
public final class MkaSession {
    private final FrameLink link;
    private final MkaClock clock;
    private MkaParticipant participant;
    private final byte[] ip;
    private final byte[] mac;

    private final Map<Verdict, Integer> verdicts = new EnumMap<>(Verdict.class);
    private int mkpdusIn;
    private int mkpdusOut;
    private int echoRequestsIn;
    private int echoRepliesOut;
    private int plainIpv4In;
    private int integrityOnlyIn;
    private final List<byte[]> plaintextsIn = new ArrayList<>();
    private final int[] okByAn = new int[4];
    private byte[] lastProtectedOut;
    private long lastMkpduOutNanos;
    private DeviceOnTheWire deviceWire;
    private final List<LinkAgent> agents = new ArrayList<>();

    /**
     * @param participant our MKA participant, or null while there is none yet (client-oriented MKA: the CAK comes
     *                    from an authentication run by a {@link LinkAgent} first)
     * @param ip          our IPv4 address on the secured link (answered for ARP and ping)
     */
    public MkaSession(FrameLink link, MkaClock clock, MkaParticipant participant, byte[] ip) {
        this(link, clock, participant, participant.config().mac(), ip);
    }

    /** A session whose participant comes later ({@link #participant(MkaParticipant)}), on our port {@code mac}. */
    public MkaSession(FrameLink link, MkaClock clock, byte[] mac, byte[] ip) {
        this(link, clock, null, mac, ip);
    }

    private MkaSession(FrameLink link, MkaClock clock, MkaParticipant participant, byte[] mac, byte[] ip) {
        this.link = link;
        this.clock = clock;
        this.participant = participant;
        this.mac = mac.clone();
        this.ip = ip.clone();
    }

    public MkaParticipant participant() {
        return participant;
    }

    /** Shows every MKPDU received to {@code wire} too, before our participant sees it. */
    public void observe(DeviceOnTheWire wire) {
        deviceWire = wire;
    }

    /** Replaces the participant (a new MI, other keys; null: none), keeping the link and the counters. */
    public void participant(MkaParticipant p) {
        participant = p;
    }

    /** Runs {@code agent} in the same loop; it sees each received frame before the participant does. */
    public void add(LinkAgent agent) {
        agents.add(agent);
    }

    public long now() {
        return clock.millis();
    }

    /** Runs the loop until {@code done} holds (checked after every event) or {@code timeout}; returns whether it held. */
    public boolean runUntil(BooleanSupplier done, Duration timeout) throws IOException {
        long deadline = clock.millis() + timeout.toMillis();
        while (true) {
            long next = deadline;
            for (LinkAgent a : agents) {
                sendOthers(a.tick(clock.millis()));
                next = Math.min(next, a.nextDeadline());
            }
            if (participant != null) {
                send(participant.tick(clock.millis()));
                next = Math.min(next, participant.nextDeadline());
            }
            if (done.getAsBoolean()) {
                return true;
            }
            long now = clock.millis();
            if (now >= deadline) {
                return false;
            }
            long wait = Math.max(1, Math.min(next - now, 50));
            Frame f = link.receive(Duration.ofMillis(wait));
            if (f != null) {
                handle(f.data());
            }
        }
    }

    /** Runs the loop for {@code d}. */
    public void runFor(Duration d) throws IOException {
        runUntil(() -> false, d);
    }

    /** Sends one frame as is (e.g. a crafted MKPDU). */
    public void inject(byte[] frame) throws IOException {
        link.send(frame);
    }

    private void send(List<byte[]> frames) throws IOException {
        for (byte[] f : frames) {
            link.send(f);
            mkpdusOut++;
            lastMkpduOutNanos = System.nanoTime();
        }
    }

    private void sendOthers(List<byte[]> frames) throws IOException {
        for (byte[] f : frames) {
            link.send(f);
        }
    }

    private void handle(byte[] f) throws IOException {
        if (f.length < 14) {
            return;
        }
        for (LinkAgent a : agents) {
            List<byte[]> answer = a.receive(f, clock.millis());
            if (answer != null) {
                sendOthers(answer);
                return;
            }
        }
        int type = (f[12] & 0xFF) << 8 | (f[13] & 0xFF);
        if (participant == null) {
            // no participant of ours (yet, or any more): the device's MKPDUs are still what its verdicts read
            if (type == 0x888E && f.length >= 16 && f[15] == dev.macsec.decode.mka.EapolDecoder.TYPE_MKA) {
                mkpdusIn++;
                if (deviceWire != null) {
                    deviceWire.observe(f, System.nanoTime());
                }
            }
            if (type == 0x0800) {
                plainIpv4In++;
            }
            if (type == 0x0800 || type == 0x0806) {
                answer(f, false);
            }
            return;
        }
        switch (type) {
            case 0x888E -> {
                // EAPOL packet type 5 is EAPOL-MKA (802.1X-2020 11.3.2); the PAE's other packets are an agent's
                if (f.length < 16 || f[15] != dev.macsec.decode.mka.EapolDecoder.TYPE_MKA) {
                    return;
                }
                mkpdusIn++;
                if (deviceWire != null) {
                    deviceWire.observe(f, System.nanoTime());
                }
                send(participant.receive(f, clock.millis()));
            }
            case 0x88E5 -> {
                MkaParticipant.Received r = participant.unprotect(f);
                verdicts.merge(r.verdict(), 1, Integer::sum);
                if (r.verdict() == Verdict.OK && r.an() >= 0) {
                    okByAn[r.an()]++;
                }
                if ((f[14] & 0x0C) == 0) {
                    integrityOnlyIn++;
                }
                if (r.verdict().delivered() && r.plain() != null) {
                    plaintextsIn.add(r.plain());
                    answer(r.plain(), true);
                }
            }
            case 0x0800, 0x0806 -> {
                if (type == 0x0800) {
                    plainIpv4In++;
                }
                answer(f, false);
            }
            default -> {
            }
        }
    }

    /** Answers ARP and echo requests for our address; protected when the request was, plain otherwise. */
    private void answer(byte[] plain, boolean wasProtected) throws IOException {
        byte[] reply = IcmpArp.reply(plain, mac, ip);
        if (reply == null) {
            return;
        }
        if (IcmpArp.isEchoRequest(plain)) {
            echoRequestsIn++;
        }
        byte[] out = !wasProtected ? reply : participant == null ? null : participant.protect(reply);
        if (out != null) {
            link.send(out);
            if (wasProtected) {
                lastProtectedOut = out;
            }
            if (IcmpArp.isEchoRequest(plain)) {
                echoRepliesOut++;
            }
        }
    }

    /** MACsec frames received and verified OK with the SA of {@code an}. */
    public int okWithAn(int an) {
        return okByAn[an];
    }

    /** The last MACsec frame we sent (to replay it), or null. */
    public byte[] lastProtectedOut() {
        return lastProtectedOut == null ? null : lastProtectedOut.clone();
    }

    /** System.nanoTime() of the last MKPDU we sent. */
    public long lastMkpduOutNanos() {
        return lastMkpduOutNanos;
    }

    public Map<Verdict, Integer> verdicts() {
        return Map.copyOf(verdicts);
    }

    public int verdict(Verdict v) {
        return verdicts.getOrDefault(v, 0);
    }

    public int mkpdusIn() {
        return mkpdusIn;
    }

    public int mkpdusOut() {
        return mkpdusOut;
    }

    public int echoRequestsIn() {
        return echoRequestsIn;
    }

    public int echoRepliesOut() {
        return echoRepliesOut;
    }

    /** Untagged IPv4 frames received (plaintext on the wire). */
    public int plainIpv4In() {
        return plainIpv4In;
    }

    /** MACsec frames received with E=0 and C=0 (integrity only). */
    public int integrityOnlyIn() {
        return integrityOnlyIn;
    }

    public List<byte[]> plaintextsIn() {
        return List.copyOf(plaintextsIn);
    }

    /** Clears the data-plane counters (not the participant). */
    public void resetCounters() {
        verdicts.clear();
        mkpdusIn = 0;
        mkpdusOut = 0;
        echoRequestsIn = 0;
        echoRepliesOut = 0;
        plainIpv4In = 0;
        integrityOnlyIn = 0;
        plaintextsIn.clear();
        Arrays.fill(okByAn, 0);
    }

    @Override
    public String toString() {
        return "MkaSession[MKPDUs in " + mkpdusIn + " out " + mkpdusOut + ", verdicts " + verdicts + ", echo "
                + echoRequestsIn + "/" + echoRepliesOut + ", plain IPv4 " + plainIpv4In + "]";
    }
}
