package dev.macsec.analysis;

import dev.macsec.decode.mka.Mkpdu;
import dev.macsec.field.Dissection;
import dev.macsec.secy.Verdict;
import java.nio.file.Path;

/**
 * What the analyzer made of one frame, handed to a {@link FrameConsumer}. A flyweight: valid only during the
 * callback (its arrays are the pipeline's buffers); copy what must outlive it.
 */
public final class FrameRecord {
    Path file;
    long number;
    long fileFrameNumber;
    long timestampNanos;
    int linkType;
    byte[] data;
    int offset;
    int capturedLength;
    int originalLength;

    boolean macsec;
    int tciAn;
    long pn;
    long sci;
    boolean sciExplicit;
    /** Octets of the SecTAG the capture holds (it may end inside it: snapshot length, or a frame cut short). */
    int secTagOctets;
    boolean sciKnown;
    Verdict verdict;
    String keyLabel;
    byte[] plain;
    int plainOffset;
    int plainLength = -1;

    Mkpdu mkpdu;
    MkaView mka;
    Dissection dissection;

    void clear() {
        macsec = false;
        verdict = null;
        keyLabel = null;
        plainLength = -1;
        mkpdu = null;
        mka = null;
        dissection = null;
        pn = 0;
        sci = 0;
        tciAn = 0;
        sciExplicit = false;
        secTagOctets = 0;
        sciKnown = false;
    }

    public Path file() {
        return file;
    }

    /** Frame number across all files of the run, 1-based. */
    public long number() {
        return number;
    }

    /** Frame number within its own file, 1-based (what error messages name). */
    public long fileFrameNumber() {
        return fileFrameNumber;
    }

    public long timestampNanos() {
        return timestampNanos;
    }

    public int linkType() {
        return linkType;
    }

    public byte[] data() {
        return data;
    }

    public int offset() {
        return offset;
    }

    public int capturedLength() {
        return capturedLength;
    }

    public int originalLength() {
        return originalLength;
    }

    /** Whether the frame carries a SecTAG right after the source address (where 802.1AE puts it). */
    public boolean isMacsec() {
        return macsec;
    }

    public int an() {
        return tciAn & 0x03;
    }

    public int tciAn() {
        return tciAn;
    }

    /** The PN (the full 64-bit one after XPN recovery, when the frame was verified). */
    public long pn() {
        return pn;
    }

    public long sci() {
        return sci;
    }

    public boolean sciExplicit() {
        return sciExplicit;
    }

    /** Whether the capture holds the TCI/AN octet of the SecTAG ({@link #tciAn()} is 0 otherwise). */
    public boolean tciKnown() {
        return secTagOctets >= 1;
    }

    /** Whether the capture holds the SecTAG's PN ({@link #pn()} is 0 otherwise). */
    public boolean pnKnown() {
        return secTagOctets >= 6;
    }

    /** Whether the SCI is known: carried in full in the captured SecTAG, or implicit from a source MAC. */
    public boolean sciKnown() {
        return sciKnown;
    }

    /** Whether the capture holds the frame only in part (snapshot length): it cannot be verified. */
    public boolean snapped() {
        return originalLength > capturedLength;
    }

    /** The emulated receive SecY's verdict, or null when no SecY runs (no keys) or the frame bypassed it. */
    public Verdict verdict() {
        return verdict;
    }

    /** Label of the key that verified the frame, never its value. */
    public String keyLabel() {
        return keyLabel;
    }

    /** Whether {@link #plain()} holds the verified (and decrypted) frame: DA, SA, user data. */
    public boolean hasPlaintext() {
        return plainLength >= 0;
    }

    public byte[] plain() {
        return plain;
    }

    public int plainOffset() {
        return plainOffset;
    }

    public int plainLength() {
        return plainLength;
    }

    /** The decoded MKPDU, or null. */
    public Mkpdu mkpdu() {
        return mkpdu;
    }

    /** What the MKA checker made of this MKPDU, or null. */
    public MkaView mka() {
        return mka;
    }

    /** The full field tree (only when the analysis was asked to dissect). */
    public Dissection dissection() {
        return dissection;
    }
}
