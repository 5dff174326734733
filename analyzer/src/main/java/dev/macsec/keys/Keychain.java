package dev.macsec.keys;

import java.util.ArrayList;
import java.util.List;

/**
 * Several CAK/CKN pairs at once, as a port holds them while operators rotate keys. Lookup by CKN returns
 * every pair with that CKN in the order given, because two pairs may share a CKN and a receiver tries
 * them in turn (the newest first if listed first) and falls back to the previous one.
 */
public final class Keychain {
    private final List<CakEntry> entries;

    public Keychain(List<CakEntry> entries) {
        this.entries = List.copyOf(entries);
    }

    public static Keychain of(KeysFile file) {
        return new Keychain(file.caks());
    }

    /** All pairs whose CKN equals {@code ckn}, in order; empty if none. */
    public List<CakEntry> lookup(byte[] ckn) {
        return lookup(ckn, 0, ckn.length);
    }

    /** As {@link #lookup(byte[])} for a CKN inside a frame buffer, without copying it out. */
    public List<CakEntry> lookup(byte[] buf, int offset, int length) {
        List<CakEntry> out = null;
        for (CakEntry e : entries) {
            if (e.cknEquals(buf, offset, length)) {
                if (out == null) {
                    out = new ArrayList<>(2);
                }
                out.add(e);
            }
        }
        return out == null ? List.of() : List.copyOf(out);
    }

    public List<CakEntry> entries() {
        return entries;
    }

    public boolean isEmpty() {
        return entries.isEmpty();
    }

    /** A keychain with {@code extra} after the existing pairs (e.g. a CAK derived from an MSK). */
    public Keychain with(CakEntry extra) {
        List<CakEntry> all = new ArrayList<>(entries);
        all.add(extra);
        return new Keychain(all);
    }

    @Override
    public String toString() {
        return "Keychain" + entries;
    }
}
