package dev.macsec.keys;

import java.util.Arrays;
import java.util.Optional;

/**
 * An EAP MSK with its EAP Session-Id. The CAK and CKN also depend on the two MAC addresses of the EAP
 * exchange, which come from the capture, so they are derived on demand by {@link #derive}.
 */
public final class MskEntry {
    private final int number;
    private final byte[] msk;
    private final byte[] sessionId;
    private final String name;

    public MskEntry(int number, byte[] msk, byte[] sessionId, String name) {
        this.number = number;
        this.msk = msk.clone();
        this.sessionId = sessionId.clone();
        this.name = name;
    }

    public int number() {
        return number;
    }

    public byte[] msk() {
        return msk.clone();
    }

    public byte[] sessionId() {
        return sessionId.clone();
    }

    public Optional<String> name() {
        return Optional.ofNullable(name);
    }

    /** The CAK/CKN pair for the EAP exchange between {@code mac1} and {@code mac2} (order does not matter). */
    public CakEntry derive(byte[] mac1, byte[] mac2, int cakBits) {
        byte[] cak = KeyHierarchy.cakFromMsk(msk, mac1, mac2, cakBits);
        byte[] ckn = KeyHierarchy.cknFromMsk(msk, sessionId, mac1, mac2, cakBits);
        CakEntry e = new CakEntry(number, ckn, cak, "from MSK#" + number + (name == null ? "" : " " + name));
        Arrays.fill(cak, (byte) 0);
        return e;
    }

    @Override
    public String toString() {
        return "MSK#" + number + "(" + msk.length + " octets, Session-Id " + sessionId.length + " octets"
                + (name == null ? "" : ", " + name) + ")";
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof MskEntry e && number == e.number && Arrays.equals(msk, e.msk)
                && Arrays.equals(sessionId, e.sessionId) && java.util.Objects.equals(name, e.name);
    }

    @Override
    public int hashCode() {
        return 31 * number + Arrays.hashCode(sessionId);
    }
}
