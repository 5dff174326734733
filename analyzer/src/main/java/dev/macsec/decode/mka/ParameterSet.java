package dev.macsec.decode.mka;

import dev.macsec.field.Bytes;

import java.util.List;

/**
 * One MKPDU parameter set after the Basic set (IEEE 802.1X-2020 11.11.1), in the order it was received.
 * Numbers are unsigned values held in wider Java types (MN, KN, PN halves in {@code long}).
 */
public sealed interface ParameterSet {
    int LIVE_PEER_LIST = 1;
    int POTENTIAL_PEER_LIST = 2;
    int SAK_USE = 3;
    int DISTRIBUTED_SAK = 4;
    int DISTRIBUTED_CAK = 5;
    int KMD = 6;
    int ANNOUNCEMENT = 7;
    int XPN = 8;
    int ICV_INDICATOR = 255;

    /** The default cipher suite, implied by a 28-octet Distributed SAK body. */
    long GCM_AES_128 = 0x0080C20001000001L;

    /** The parameter set type octet. */
    int type();

    /** A member identifier and the latest message number heard from it. */
    record PeerEntry(Bytes mi, long mn) {
    }

    /** Type 1. {@code keyServerSsci} is the header's type-specific octet, meaningful for MKA v3 (else reserved, 0). */
    record LivePeerList(int keyServerSsci, List<PeerEntry> peers) implements ParameterSet {
        public LivePeerList {
            peers = List.copyOf(peers);
        }

        public int type() {
            return LIVE_PEER_LIST;
        }
    }

    /** Type 2. */
    record PotentialPeerList(List<PeerEntry> peers) implements ParameterSet {
        public PotentialPeerList {
            peers = List.copyOf(peers);
        }

        public int type() {
            return POTENTIAL_PEER_LIST;
        }
    }

    /**
     * Type 3. With a 0-octet body ({@code hasKeys} false) only the header flags are meaningful. The lowest
     * acceptable PNs are the low 32 bits; with XPN cipher suites the high halves are in {@link Xpn}.
     */
    record SakUse(int latestAn, boolean latestTx, boolean latestRx, int oldAn, boolean oldTx, boolean oldRx,
                  boolean plainTx, boolean plainRx, boolean delayProtect, boolean hasKeys,
                  Bytes latestKeyServerMi, long latestKeyNumber, long latestLowestPn,
                  Bytes oldKeyServerMi, long oldKeyNumber, long oldLowestPn) implements ParameterSet {
        public int type() {
            return SAK_USE;
        }
    }

    /**
     * Type 4. A 0-octet body ({@code keyNumber} -1, empty key) means "MACsec not used"; a 28-octet body implies
     * GCM-AES-128; 36 and 52 carry the cipher suite.
     *
     * @param cipherSuiteExplicit whether the body carried the cipher suite (else it is the default)
     */
    record DistributedSak(int an, int confidentialityOffset, long keyNumber, long cipherSuite, boolean cipherSuiteExplicit,
                          Bytes wrappedSak) implements ParameterSet {
        public int type() {
            return DISTRIBUTED_SAK;
        }

        /** True when the body is empty: the key server asks for no MACsec protection. */
        public boolean plainText() {
            return keyNumber < 0;
        }

        @Override
        public String toString() {
            // the wrapped key is not secret, but keep logs short and uniform with key holders
            return "DistributedSak[an=" + an + ", co=" + confidentialityOffset + ", kn=" + keyNumber
                    + ", cs=0x" + Long.toHexString(cipherSuite) + ", wrapped=" + wrappedSak.length() + " octets]";
        }
    }

    /** Type 5. */
    record DistributedCak(Bytes wrappedCak, Bytes ckn) implements ParameterSet {
        public int type() {
            return DISTRIBUTED_CAK;
        }
    }

    /** Type 6. */
    record Kmd(Bytes kmd) implements ParameterSet {
        public int type() {
            return KMD;
        }
    }

    /** One announcement TLV (7-bit type, 9-bit length). */
    record AnnouncementTlv(int tlvType, Bytes info, List<CipherSuiteEntry> cipherSuites) {
        public AnnouncementTlv {
            cipherSuites = List.copyOf(cipherSuites);
        }
    }

    /** An entry of the MACsec Cipher Suites TLV (112): implementation capability and suite identifier. */
    record CipherSuiteEntry(int capability, long cipherSuite) {
    }

    /** Type 7. */
    record Announcement(List<AnnouncementTlv> tlvs) implements ParameterSet {
        public Announcement {
            tlvs = List.copyOf(tlvs);
        }

        public int type() {
            return ANNOUNCEMENT;
        }
    }

    /** Type 8 (MKA v3): suspension time and the upper 32 bits of the SAK Use lowest acceptable PNs. */
    record Xpn(int suspensionTime, long latestLowestPnMsb, long oldLowestPnMsb) implements ParameterSet {
        public int type() {
            return XPN;
        }
    }

    /** Type 255: announces the ICV length (its body length field); the ICV follows it. */
    record IcvIndicator(int icvLength) implements ParameterSet {
        public int type() {
            return ICV_INDICATOR;
        }
    }

    /** Any other type, kept as raw octets. */
    record Unknown(int type, int typeSpecific, Bytes body) implements ParameterSet {
    }
}
