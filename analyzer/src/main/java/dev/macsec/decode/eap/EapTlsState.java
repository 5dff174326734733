package dev.macsec.decode.eap;

/**
 * What a frame decoder remembers of the TLS handshake carried by EAP-TLS (or PEAP, TTLS, FAST) from one frame to the
 * next: the version the ServerHello chose, which names the TLS messages completed in later fragments, as tshark's
 * Protocol column does. One per {@code FrameDecoder}, like it not thread-safe.
 */
public final class EapTlsState {
    int version;

    /** The version the latest ServerHello chose (0x0303 for TLS 1.2), or 0 before one or after a new ClientHello. */
    public int version() {
        return version;
    }
}
