package dev.macsec.crypto;

import java.util.IdentityHashMap;
import java.util.Map;

/**
 * One {@link MacsecGcm} per SA key for the owning thread: a verifier thread keeps one of these so that
 * each SA's Cipher is created once and reused for every frame. Not thread-safe by design.
 */
public final class CipherCache {
    private final Map<SaKey, MacsecGcm> byKey = new IdentityHashMap<>();
    private SaKey lastKey;
    private MacsecGcm last;

    public MacsecGcm get(SaKey key) {
        if (key == lastKey) {
            return last;
        }
        MacsecGcm g = byKey.computeIfAbsent(key, MacsecGcm::new);
        lastKey = key;
        last = g;
        return g;
    }
}
