package dev.macsec.conformance.mka;

import java.io.IOException;
import java.util.List;

/**
 * Another part of the tester on the link beside the MKA participant, run by the same {@link MkaSession} loop: the
 * 802.1X PAE that authenticates before MKA starts (client-oriented MKA, 802.1X-2020 6.2.2), or the tester's RADIUS
 * presence that relays a device authenticator's Access-Requests. Like the participant it does no I/O of the link
 * itself: it is handed frames and the time, and returns what to send.
 */
public interface LinkAgent {
    /**
     * One received frame, offered before the MKA participant and the data plane see it.
     *
     * @return the frames to send in answer, or null when the frame is not this agent's (the others then see it)
     */
    List<byte[]> receive(byte[] frame, long nowMillis) throws IOException;

    /** Frames due at {@code nowMillis}; none for an agent that only answers. */
    default List<byte[]> tick(long nowMillis) throws IOException {
        return List.of();
    }

    /** When {@link #tick} next has something to do (clock millis), or {@code Long.MAX_VALUE}. */
    default long nextDeadline() {
        return Long.MAX_VALUE;
    }
}
