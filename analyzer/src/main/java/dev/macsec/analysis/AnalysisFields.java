package dev.macsec.analysis;

import dev.macsec.field.Field;
import dev.macsec.field.FieldType;

/** Fields the analysis adds to a frame (Wireshark's "generated" fields): verdicts, keys used, MKA checks. */
public final class AnalysisFields {
    private AnalysisFields() {
    }

    public static final Field ANALYSIS = Field.declare("analysis", "[MACsec analysis]", FieldType.PROTOCOL, 0,
            "What the emulated receive SecY and the MKA checker made of the frame");
    public static final Field VERDICT = Field.declare("macsec.verdict", "Verdict", FieldType.STRING, 0,
            "Receive verdict, named after the 802.1AE counter it increments (OK, LATE, NOT_VALID, ...)");
    public static final Field COUNTER = Field.declare("macsec.counter", "Counter incremented", FieldType.STRING, 0,
            "The 802.1AE counter the verdict increments");
    public static final Field DECRYPTED = Field.declare("macsec.decrypted", "Decrypted", FieldType.BOOLEAN, 0,
            "The frame was verified (and decrypted when E=1)");
    public static final Field KEY = Field.declare("macsec.key", "Key", FieldType.STRING, 0,
            "Which SAK verified the frame (keys-file entry or learned KN), never its value");
    public static final Field FULL_PN = Field.declare("macsec.xpn", "Extended packet number", FieldType.UINT_HEX, 8,
            "The 64-bit PN recovered for the XPN cipher suites");
    public static final Field MKA_ICV = Field.declare("mka.icv_status", "ICV check", FieldType.STRING, 0,
            "VERIFIED, FAILED, NO_KEY or NO_ICV_INPUT");
    public static final Field MKA_KEY = Field.declare("mka.cak_used", "CAK used", FieldType.STRING, 0,
            "The keys-file CAK whose ICK verified the MKPDU");
    public static final Field MKA_LEARNED = Field.declare("mka.learned_sak", "SAK learned", FieldType.STRING, 0,
            "A SAK unwrapped from this MKPDU (KN, AN, cipher suite), never its value");
    public static final Field FINDING = Field.declare("mka.finding", "Finding", FieldType.STRING, 0,
            "An MKA rule this frame broke");
}
