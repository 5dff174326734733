package dev.macsec.mka.actor;

/** Something a participant did or noticed, for logs and test assertions; never carries key material. */
public record MkaEvent(long atMillis, Kind kind, String detail) {
    public enum Kind {
        SENT, IGNORED, ICV_FAILED, UNKNOWN_CKN, REPLAY, PEER_POTENTIAL, PEER_LIVE, PEER_EXPIRED, KEY_SERVER,
        SAK_DISTRIBUTED, SAK_INSTALLED, SAK_UNWRAP_FAILED, TX_ENABLED, SAK_RETIRED, MI_CHANGED, PLAIN_TEXT_ADVISED
    }

    @Override
    public String toString() {
        return atMillis + " ms " + kind + (detail.isEmpty() ? "" : " " + detail);
    }
}
