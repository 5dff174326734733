package dev.macsec.secy;

import dev.macsec.counter.Counter;
import dev.macsec.counter.CounterValues;
import dev.macsec.counter.LiveCounters;
import dev.macsec.counter.ScCounters;
import dev.macsec.counter.SecYCounters;
import dev.macsec.crypto.MacsecGcm;
import dev.macsec.crypto.SaKey;
import dev.macsec.decode.SecTag;
import dev.macsec.suite.CipherSuite;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * A transmitting SecY (IEEE 802.1AE-2018 10.5, 10.7.21-10.7.23) for the traffic generator: one transmit
 * SC, an SA per AN, the encoding SA, and the SecTAG options. Single-threaded.
 */
public final class TransmitSecY {
    private final long sci;
    private final MacsecGcm[] sas = new MacsecGcm[4];
    private final long[] nextPn = new long[4];
    private final boolean[] exhausted = new boolean[4];
    private int encodingAn;
    private boolean protectFrames = true;
    private boolean confidentiality = true;
    private int confidentialityOffset;
    private boolean includeSci = true;
    private boolean endStation;
    private boolean scb;

    /** The SecY's transmit counters this SecY keeps: it never sees a frame too long for its MAC. */
    private final LiveCounters secY = new LiveCounters(List.of(Counter.OUT_PKTS_UNTAGGED));
    private final LiveCounters sc = new LiveCounters(Counter.Scope.TRANSMIT_SC);
    private final LiveCounters[] saCounters = new LiveCounters[4];

    public TransmitSecY(long sci) {
        this.sci = sci;
    }

    public long sci() {
        return sci;
    }

    /** Installs the SA for an AN with the first PN to send (at least 1 for non-XPN). */
    public TransmitSecY installSa(int an, SaKey key, long firstPn) {
        if (an < 0 || an > 3) {
            throw new IllegalArgumentException("AN must be 0..3: " + an);
        }
        if (!key.suite().xpn() && (firstPn < 1 || firstPn > 0xFFFFFFFFL)) {
            throw new IllegalArgumentException(key.suite() + " PN must be 1..0xFFFFFFFF: " + Long.toHexString(firstPn));
        }
        sas[an] = new MacsecGcm(key);
        saCounters[an] = new LiveCounters(Counter.Scope.TRANSMIT_SA);
        nextPn[an] = firstPn;
        exhausted[an] = false;
        return this;
    }

    /** Selects the SA that protects from now on. */
    public TransmitSecY encodingSa(int an) {
        if (an < 0 || an > 3 || sas[an] == null) {
            throw new IllegalArgumentException("no transmit SA for AN " + an);
        }
        encodingAn = an;
        return this;
    }

    public TransmitSecY protectFrames(boolean on) {
        protectFrames = on;
        return this;
    }

    /** E=1,C=1 when on; integrity only (E=0,C=0) when off. */
    public TransmitSecY confidentiality(boolean on) {
        confidentiality = on;
        return this;
    }

    public TransmitSecY confidentialityOffset(int offset) {
        if (offset != 0 && offset != 30 && offset != 50) {
            throw new IllegalArgumentException("confidentiality offset must be 0, 30 or 50: " + offset);
        }
        confidentialityOffset = offset;
        return this;
    }

    /** SC bit: SCI explicit in the SecTAG. */
    public TransmitSecY includeSci(boolean on) {
        includeSci = on;
        return this;
    }

    public TransmitSecY endStation(boolean on) {
        endStation = on;
        return this;
    }

    public TransmitSecY singleCopyBroadcast(boolean on) {
        scb = on;
        return this;
    }

    /** The PN the given SA will use next. */
    public long nextPn(int an) {
        return nextPn[an];
    }

    /** The TCI bits (without AN) this SecY currently sends. */
    public int tci() {
        int tci = 0;
        if (includeSci) {
            tci |= SecTag.TCI_SC;
        }
        if (endStation) {
            tci |= SecTag.TCI_ES;
        }
        if (scb) {
            tci |= SecTag.TCI_SCB;
        }
        if (confidentiality) {
            tci |= SecTag.TCI_E | SecTag.TCI_C;
        }
        return tci;
    }

    /** Bytes {@link #protect} may write for a plaintext frame of this length. */
    public int maxOutputLength(int plainLength) {
        return FrameProtection.protectedLength(plainLength, true);
    }

    /**
     * Protects one plaintext frame (DA || SA || user data) with the encoding SA and its next PN.
     *
     * @return the protected frame's length in {@code out}
     * @throws PnExhaustedException when the SA has no PN left
     */
    public int protect(byte[] in, int inOff, int inLen, byte[] out, int outOff) {
        if (!protectFrames) {
            System.arraycopy(in, inOff, out, outOff, inLen);
            secY.increment(Counter.OUT_PKTS_UNTAGGED);
            return inLen;
        }
        int an = encodingAn;
        MacsecGcm gcm = sas[an];
        if (gcm == null) {
            throw new IllegalStateException("no transmit SA installed");
        }
        CipherSuite suite = gcm.key().suite();
        if (exhausted[an]) {
            throw new PnExhaustedException(String.format("transmit SA AN %d (%s) exhausted its PNs (last 0x%x): install a new SA",
                    an, suite, suite.maxPn()));
        }
        long pn = nextPn[an];
        int n = FrameProtection.protect(gcm, in, inOff, inLen, sci, tci(), an, pn, confidentialityOffset, out,
                outOff);
        if (pn == suite.maxPn()) {
            exhausted[an] = true;
        } else {
            nextPn[an] = pn + 1;
        }
        int userLen = inLen - 12;
        Counter packets = confidentiality ? Counter.OUT_PKTS_ENCRYPTED : Counter.OUT_PKTS_PROTECTED;
        sc.increment(packets);
        saCounters[an].increment(packets);
        sc.add(confidentiality ? Counter.OUT_OCTETS_ENCRYPTED : Counter.OUT_OCTETS_PROTECTED, userLen);
        return n;
    }

    /** Every counter now: the SecY's untagged frames, the transmit SC's, and each installed SA's (a new SA starts at 0). */
    public SecYCounters counters() {
        Map<Integer, CounterValues> perSa = new TreeMap<>();
        for (int an = 0; an < 4; an++) {
            if (saCounters[an] != null) {
                perSa.put(an, saCounters[an].snapshot());
            }
        }
        return new SecYCounters(secY.snapshot(), Map.of(), Optional.of(new ScCounters(sc.snapshot(), perSa)));
    }
}
