package dev.macsec.conformance.eap;

import dev.macsec.conformance.link.Frame;
import dev.macsec.conformance.link.FrameLink;
import dev.macsec.decode.mka.EapolDecoder;
import dev.macsec.mka.actor.MkaClock;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.function.BooleanSupplier;

/**
 * Our side of an EAPOL exchange ({@link Supplicant}, {@link Authenticator}): a state machine stepped by a clock that
 * returns the frames to send, so tests can step it with a manual clock and {@link #runUntil} runs it on a live link.
 */
public interface EapolActor {
    /** Frames due at {@code nowMillis} (retransmissions, timeouts). */
    List<byte[]> tick(long nowMillis) throws IOException;

    /** Takes one received frame; returns the frames to send in answer. */
    List<byte[]> receive(byte[] frame, long nowMillis) throws IOException;

    /** When {@link #tick} next has something to do (clock millis). */
    long nextDeadline();

    /**
     * Drives the actor on {@code link} until {@code done} holds (checked after every event) or {@code timeout} passes;
     * returns whether it held. Single-threaded, like the MKA session loop.
     */
    default boolean runUntil(FrameLink link, MkaClock clock, BooleanSupplier done, Duration timeout) throws IOException {
        long deadline = clock.millis() + timeout.toMillis();
        while (true) {
            sendAll(link, tick(clock.millis()));
            if (done.getAsBoolean()) {
                return true;
            }
            long now = clock.millis();
            if (now >= deadline) {
                return false;
            }
            long wait = Math.max(1, Math.min(Math.min(deadline, nextDeadline()) - now, 50));
            Frame f = link.receive(Duration.ofMillis(wait));
            if (f != null) {
                sendAll(link, receive(f.data(), clock.millis()));
            }
        }
    }

    private static void sendAll(FrameLink link, List<byte[]> frames) throws IOException {
        for (byte[] f : frames) {
            link.send(f);
        }
    }

    /**
     * An EAPOL frame (802.1X-2020 11.3): Ethernet header with the EAPOL EtherType, protocol version, packet type, body
     * length and body; zero-padded to {@code minLength} octets.
     */
    static byte[] frame(byte[] dst, byte[] src, int version, int type, byte[] body, int minLength) {
        byte[] f = new byte[Math.max(minLength, 18 + body.length)];
        System.arraycopy(dst, 0, f, 0, 6);
        System.arraycopy(src, 0, f, 6, 6);
        f[12] = (byte) (EapolDecoder.ETHERTYPE >>> 8);
        f[13] = (byte) EapolDecoder.ETHERTYPE;
        f[14] = (byte) version;
        f[15] = (byte) type;
        f[16] = (byte) (body.length >>> 8);
        f[17] = (byte) body.length;
        System.arraycopy(body, 0, f, 18, body.length);
        return f;
    }
}
