package dev.macsec.conformance.link;

import java.time.Duration;

/** A link that carries nothing: for tests of who opens and closes a device's link, not of what crosses it. */
public final class SilentLink implements FrameLink {
    private boolean closed;

    @Override
    public void send(byte[] frame, int off, int len) {
    }

    @Override
    public Frame receive(Duration timeout) {
        return null;
    }

    @Override
    public void close() {
        closed = true;
    }

    public boolean closed() {
        return closed;
    }
}
