package dev.macsec.mka;

/** The stable codes of the MKA findings. */
public final class Rules {
    private Rules() {
    }

    public static final String ICV_FAILED = "mka.icv_failed";
    public static final String ICV_MISSING = "mka.icv_missing";
    public static final String UNKNOWN_CKN = "mka.unknown_ckn";
    public static final String CAK_FALLBACK = "mka.cak_fallback";
    public static final String CKN_MISMATCH = "mka.ckn_mismatch";
    public static final String WRONG_CAK = "mka.wrong_cak";
    public static final String MN_NOT_INCREASING = "mka.mn_not_increasing";
    public static final String MN_REPEATED = "mka.mn_repeated";
    public static final String MI_CHANGED = "mka.mi_changed";
    public static final String HELLO_INTERVAL = "mka.hello_interval";
    public static final String PEER_LOST = "mka.peer_lost";
    public static final String KEY_SERVER_NOT_ELECTED = "mka.key_server_not_elected";
    public static final String SECOND_KEY_SERVER = "mka.second_key_server";
    public static final String SAK_FROM_NON_KEY_SERVER = "mka.sak_from_non_key_server";
    public static final String SAK_UNWRAP_FAILED = "mka.sak_unwrap_failed";
    public static final String CAK_FROM_NON_KEY_SERVER = "mka.cak_from_non_key_server";
    public static final String CAK_UNWRAP_FAILED = "mka.cak_unwrap_failed";
    public static final String UNKNOWN_CIPHER_SUITE = "mka.unknown_cipher_suite";
    public static final String AN_SEQUENCE = "mka.an_sequence";
    public static final String KN_NOT_INCREASING = "mka.kn_not_increasing";
    public static final String SAK_NOT_ACKNOWLEDGED = "mka.sak_not_acknowledged";
    public static final String SAK_USE_AN_MISMATCH = "mka.sak_use_an_mismatch";
    public static final String SSCI_MISMATCH = "mka.ssci_mismatch";
    public static final String DATA_AN_NOT_DISTRIBUTED = "mka.data_an_not_distributed";
    public static final String PN_BELOW_LOWEST_ACCEPTABLE = "mka.pn_below_lowest_acceptable";
    public static final String CAPABILITY_MISMATCH = "mka.capability_mismatch";
    public static final String TOO_MANY_PARTICIPANTS = "mka.too_many_participants";
    public static final String FINDINGS_SUPPRESSED = "mka.findings_suppressed";
}
