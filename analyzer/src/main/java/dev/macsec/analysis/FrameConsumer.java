package dev.macsec.analysis;

import java.io.IOException;

/** Receives every analysed frame in capture order, on one thread. */
@FunctionalInterface
public interface FrameConsumer {
    void accept(FrameRecord frame) throws IOException;
}
