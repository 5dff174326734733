package dev.macsec.conformance.generator;

import dev.macsec.crypto.MacsecGcm;
import dev.macsec.crypto.SaKey;
import dev.macsec.decode.SecTag;
import dev.macsec.secy.FrameProtection;
import dev.macsec.secy.TransmitSecY;
import dev.macsec.suite.CipherSuite;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.StringJoiner;

/**
 * Builds the tester's frames towards a device: ICMP echo requests to the device's address (so that a device
 * which accepts a frame answers it), protected by our {@link TransmitSecY} under any cipher suite, and every
 * negative class the 802.1AE receive rules name (see {@link Mutation} and the {@link Spec} options).
 * Everything is deterministic from the seed: the same seed and the same calls give the same octets.
 */
public final class TrafficGenerator {
    private final long sci;
    private final byte[] testerMac;
    private final byte[] testerIp;
    private final byte[] deviceMac;
    private final byte[] deviceIp;
    private final SplittableRandom random;
    private final SaKey[] keys = new SaKey[4];
    private int seq;

    /**
     * @param testerSci the SCI our frames carry
     * @param testerMac our MAC address (6 octets)
     * @param testerIp  our IPv4 address
     * @param deviceMac the device's MAC address
     * @param deviceIp  the device's IPv4 address on its Controlled Port
     * @param seed      payloads are drawn from this seed
     */
    public TrafficGenerator(long testerSci, byte[] testerMac, byte[] testerIp, byte[] deviceMac, byte[] deviceIp,
                            long seed) {
        this.sci = testerSci;
        this.testerMac = testerMac.clone();
        this.testerIp = testerIp.clone();
        this.deviceMac = deviceMac.clone();
        this.deviceIp = deviceIp.clone();
        this.random = new SplittableRandom(seed);
    }

    public long sci() {
        return sci;
    }

    /** The key of our transmit SA for {@code an}. */
    public TrafficGenerator sa(int an, SaKey key) {
        keys[an] = Objects.requireNonNull(key);
        return this;
    }

    public SaKey key(int an) {
        return keys[an];
    }

    /** The echo sequence number the next frame gets. */
    public int nextSeq() {
        return (seq + 1) & 0xFFFF;
    }

    /** A new frame specification: AN 0, PN 1, encrypted, SCI included, echo with 40 data octets. */
    public Spec frame() {
        return new Spec();
    }

    /** The plaintext echo request frame (DA || SA || user data) with the next sequence number. */
    private byte[] plaintext(byte[] src, int dataLength, int s) {
        byte[] data = new byte[dataLength];
        for (int i = 0; i < data.length; i++) {
            data[i] = (byte) random.nextInt(256);
        }
        byte[] user = Packets.echoRequest(testerIp, deviceIp, Packets.ECHO_ID, s, data);
        byte[] f = new byte[12 + user.length];
        System.arraycopy(deviceMac, 0, f, 0, 6);
        System.arraycopy(src, 0, f, 6, 6);
        System.arraycopy(user, 0, f, 12, user.length);
        return f;
    }

    /** How to build one frame. Defaults make a valid frame on AN 0. */
    public final class Spec {
        private int an;
        private long pn = 1;
        private boolean encrypt = true;
        private boolean eWithoutC;
        private int offset;
        private boolean includeSci = true;
        private boolean endStation;
        private Long sciOverride;
        private byte[] srcMac;
        private int dataLength = 40;
        private boolean untagged;
        private final Set<Mutation> mutations = EnumSet.noneOf(Mutation.class);
        private String note;

        private Spec() {
        }

        public Spec an(int v) {
            an = v;
            return this;
        }

        /** The full PN (XPN: 64 bits; the SecTAG carries the low 32). */
        public Spec pn(long v) {
            pn = v;
            return this;
        }

        /** E=1,C=1 when true; integrity only (E=0,C=0) when false. */
        public Spec encrypt(boolean v) {
            encrypt = v;
            return this;
        }

        /** E=1,C=0: the reserved encoding for frames not for the Controlled Port. */
        public Spec eWithoutC() {
            eWithoutC = true;
            return this;
        }

        /** Confidentiality offset 30 or 50 (the first octets of user data stay in clear). */
        public Spec offset(int v) {
            offset = v;
            return this;
        }

        /** SC=0: no SCI in the SecTAG. */
        public Spec implicitSci() {
            includeSci = false;
            return this;
        }

        /** ES=1 (with SC=0: the SCI is the source MAC with port 1). */
        public Spec endStation() {
            endStation = true;
            includeSci = false;
            return this;
        }

        /** Another SCI, in the SecTAG and in the IV. */
        public Spec sci(long v) {
            sciOverride = v;
            return this;
        }

        /** Another source MAC address. */
        public Spec source(byte[] mac) {
            srcMac = mac.clone();
            return this;
        }

        /** ICMP data octets; 10 makes a short frame (40 octets of user data, SL nonzero). */
        public Spec data(int octets) {
            dataLength = octets;
            return this;
        }

        /** No SecTAG at all. */
        public Spec untagged() {
            untagged = true;
            return this;
        }

        public Spec mutate(Mutation m) {
            mutations.add(m);
            return this;
        }

        public Spec note(String text) {
            note = text;
            return this;
        }

        public GeneratedFrame build() {
            seq = (seq + 1) & 0xFFFF;
            byte[] src = srcMac != null ? srcMac : testerMac;
            int data = mutations.contains(Mutation.SHORT_WITHOUT_SL) || mutations.contains(Mutation.SL_MISMATCH)
                    ? Math.min(dataLength, 10) : dataLength;
            if (mutations.contains(Mutation.SL_48_OR_MORE)) {
                data = 48 + 2 - Packets.ECHO_OVERHEAD; // 50 octets of secure data
            }
            byte[] plain = plaintext(src, data, seq);
            if (untagged) {
                return new GeneratedFrame(label(), plain, plain, seq);
            }
            SaKey key = keys[an];
            if (key == null) {
                throw new IllegalStateException("no key for AN " + an + " (call sa(an, key) first)");
            }
            long frameSci = sciOverride != null ? sciOverride : sci;
            byte[] out = new byte[FrameProtection.protectedLength(plain.length, true)];
            boolean pnZero = mutations.contains(Mutation.PN_ZERO);
            long usePn = pnZero && !key.suite().xpn() ? 1 : pnZero ? pn & ~0xFFFFFFFFL : pn;
            int n;
            if (eWithoutC) {
                int tci = (includeSci ? SecTag.TCI_SC : 0) | SecTag.TCI_E;
                n = FrameProtection.protect(new MacsecGcm(key), plain, 0, plain.length, frameSci, tci, an, usePn, offset,
                        out, 0);
            } else {
                TransmitSecY tx = new TransmitSecY(frameSci)
                        .installSa(an, key, usePn)
                        .encodingSa(an)
                        .confidentiality(encrypt)
                        .confidentialityOffset(encrypt ? offset : 0)
                        .includeSci(includeSci)
                        .endStation(endStation);
                n = tx.protect(plain, 0, plain.length, out, 0);
            }
            byte[] f = java.util.Arrays.copyOf(out, n);
            boolean reseal = false;
            for (Mutation m : mutations) {
                f = apply(m, f);
                reseal |= m.rule() != null && m != Mutation.TOO_SHORT_FOR_ICV && m != Mutation.TRUNCATED;
            }
            if (reseal && !mutations.contains(Mutation.BAD_ICV) && !mutations.contains(Mutation.CORRUPT_SECURE_DATA)) {
                // a SecTAG defect alone: the ICV covers the damaged SecTAG, so only the 9.12 check can refuse it
                reseal(f, plain, key, frameSci, pnZero ? pn & ~0xFFFFFFFFL : pn, eWithoutC || encrypt, offset);
            }
            return new GeneratedFrame(label(), f, plain, seq);
        }

        private String label() {
            StringJoiner j = new StringJoiner(" ");
            if (untagged) {
                j.add("untagged");
            } else {
                CipherSuite s = keys[an] == null ? null : keys[an].suite();
                j.add("AN " + an).add("PN " + (s != null && s.xpn() ? "0x" + Long.toHexString(pn) : Long.toUnsignedString(pn)));
                j.add(eWithoutC ? "E=1 C=0" : encrypt ? "E=1 C=1" : "E=0 C=0");
                if (offset != 0) {
                    j.add("offset " + offset);
                }
                if (!includeSci) {
                    j.add(endStation ? "ES=1 SC=0" : "SC=0");
                }
                if (sciOverride != null) {
                    j.add(String.format("SCI %016x", sciOverride));
                }
            }
            if (srcMac != null) {
                j.add("from " + java.util.HexFormat.ofDelimiter(":").formatHex(srcMac));
            }
            for (Mutation m : mutations) {
                j.add(m.name());
            }
            if (note != null) {
                j.add("(" + note + ")");
            }
            return j.toString();
        }
    }

    private static final int TCI = 14;
    private static final int SL = 15;

    private static byte[] apply(Mutation m, byte[] f) {
        switch (m) {
            case BAD_ICV -> f[f.length - 1] ^= 0x01;
            case CORRUPT_SECURE_DATA -> {
                int secure = secureDataOffset(f);
                int at = secure + Math.max(0, (f.length - 16 - secure) / 2);
                f[at] ^= (byte) 0x80;
            }
            case VERSION -> f[TCI] |= (byte) SecTag.TCI_V;
            case ES_WITH_SC -> f[TCI] |= (byte) (SecTag.TCI_ES | SecTag.TCI_SC);
            case SCB_WITH_SC -> f[TCI] |= (byte) (SecTag.TCI_SCB | SecTag.TCI_SC);
            case SL_RESERVED -> f[SL] |= 0x40;
            case SL_MISMATCH -> {
                int actual = f.length - secureDataOffset(f) - 16;
                f[SL] = (byte) ((f[SL] & 0xC0) | (actual < 47 ? actual + 1 : 10));
            }
            case SHORT_WITHOUT_SL -> f[SL] &= (byte) 0xC0;
            case SL_48_OR_MORE -> {
                int actual = f.length - secureDataOffset(f) - 16;
                f[SL] = (byte) ((f[SL] & 0xC0) | (actual & 0x3F));
            }
            case PN_ZERO -> {
                for (int i = 16; i < 20; i++) {
                    f[i] = 0;
                }
            }
            case TOO_SHORT_FOR_ICV -> f = java.util.Arrays.copyOf(f, secureDataOffset(f) + 10);
            case TRUNCATED -> f = java.util.Arrays.copyOf(f, 12 + 6);
            default -> throw new IllegalArgumentException(m.name());
        }
        return f;
    }

    /** Recomputes secure data and ICV of {@code f} in place with its (possibly damaged) SecTAG as AAD. */
    private static void reseal(byte[] f, byte[] plain, SaKey key, long frameSci, long pn, boolean encrypted, int offset) {
        int secure = secureDataOffset(f);
        int secureLen = f.length - secure - 16;
        byte[] iv = new byte[12];
        MacsecGcm.fillIv(key, frameSci, pn, iv);
        try {
            javax.crypto.spec.SecretKeySpec k = new javax.crypto.spec.SecretKeySpec(key.keyBytes(), "AES");
            javax.crypto.Cipher c = MacsecGcm.newJdkGcm();
            int clear = encrypted ? Math.min(offset, secureLen) : secureLen;
            // the clear part (offset octets, or all with E=0) is already in the frame; the rest comes from plain
            byte[] user = java.util.Arrays.copyOfRange(plain, 12 + clear, plain.length);
            c.init(javax.crypto.Cipher.ENCRYPT_MODE, k, new javax.crypto.spec.GCMParameterSpec(128, iv));
            c.updateAAD(f, 0, secure + clear);
            if (encrypted) {
                c.doFinal(user, 0, user.length, f, secure + clear);
            } else {
                c.doFinal(new byte[0], 0, 0, f, secure + secureLen);
            }
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException("GCM reseal failed", e);
        }
    }

    private static int secureDataOffset(byte[] f) {
        return 12 + ((f[TCI] & SecTag.TCI_SC) != 0 ? 16 : 8);
    }

    /** Several copies of a spec'd frame with PNs {@code pns}, in that order (replay and reordering). */
    public List<GeneratedFrame> sequence(int an, boolean encrypt, long... pns) {
        List<GeneratedFrame> l = new ArrayList<>();
        for (long p : pns) {
            l.add(frame().an(an).pn(p).encrypt(encrypt).build());
        }
        return l;
    }
}
