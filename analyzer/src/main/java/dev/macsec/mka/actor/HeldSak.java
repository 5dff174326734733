package dev.macsec.mka.actor;

import dev.macsec.crypto.SaKey;
import dev.macsec.field.Bytes;
import dev.macsec.keys.Xpn;
import dev.macsec.mka.protocol.KeyIdentifier;
import dev.macsec.suite.CipherSuite;

/** A SAK as an {@link MkaParticipant} holds it: its name, AN, and whether it is in use. Never shows the key. */
public final class HeldSak {
    private final KeyIdentifier ki;
    private final int an;
    private final SaKey saKey;
    /** XPN suites: the Salt, from the Key Server's MI and the KN (802.1X-2020 9.8.1, 802.1AE-2018 10.7.8); else null. */
    private final byte[] salt;
    final byte[] sak;
    boolean rx;
    boolean tx;

    HeldSak(Bytes keyServerMi, long kn, int an, CipherSuite suite, byte[] sak) {
        this.ki = new KeyIdentifier(keyServerMi, kn);
        this.an = an;
        this.sak = sak.clone();
        this.salt = suite.xpn() ? Xpn.salt(keyServerMi.octets(), kn) : null;
        this.saKey = SaKey.of(suite, sak, 1, salt);
    }

    public Bytes keyServerMi() {
        return ki.keyServerMi();
    }

    public long kn() {
        return ki.keyNumber();
    }

    public int an() {
        return an;
    }

    /** The key material; for an XPN suite with SSCI 1 (see {@link #saKey(int)} for an SC's own SSCI). */
    public SaKey saKey() {
        return saKey;
    }

    /** The key material of the SA of an SC whose SSCI is {@code ssci} (the SSCI matters to XPN suites only). */
    SaKey saKey(int ssci) {
        return salt == null || ssci == 1 ? saKey : SaKey.of(saKey.suite(), sak, ssci, salt);
    }

    public boolean rx() {
        return rx;
    }

    public boolean tx() {
        return tx;
    }

    /** Whether a peer naming a key by {@code mi} and {@code number} names this one. */
    boolean is(Bytes mi, long number) {
        return ki.is(mi, number);
    }

    @Override
    public String toString() {
        return "Key[KS MI " + keyServerMi().hex() + ", KN " + kn() + ", AN " + an + ", " + saKey.suite()
                + (rx ? ", rx" : "") + (tx ? ", tx" : "") + "]";
    }
}
