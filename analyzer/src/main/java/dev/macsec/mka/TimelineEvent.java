package dev.macsec.mka;

/**
 * A step in the life of a connectivity association, for the analyzer's output.
 *
 * @param kind one of the {@code TimelineEvent.*} constants
 */
public record TimelineEvent(long frameNumber, long timestampNanos, String kind, String text) {
    public static final String PEER_JOINED = "peer_joined";
    public static final String PEER_LIVE = "peer_live";
    public static final String PEER_LOST = "peer_lost";
    public static final String MI_CHANGED = "mi_changed";
    public static final String CAK_SELECTED = "cak_selected";
    public static final String CAK_DISTRIBUTED = "cak_distributed";
    public static final String KEY_SERVER_ELECTED = "key_server_elected";
    public static final String SAK_DISTRIBUTED = "sak_distributed";
    public static final String REKEY = "rekey";
    public static final String SAK_INSTALLED = "sak_installed";
    public static final String SAK_IN_USE = "sak_in_use";
    public static final String PLAIN_TEXT = "macsec_not_used";

    @Override
    public String toString() {
        return "#" + frameNumber + " " + kind + ": " + text;
    }
}
