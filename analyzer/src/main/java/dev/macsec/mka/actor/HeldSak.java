package dev.macsec.mka.actor;

import dev.macsec.crypto.SaKey;
import dev.macsec.field.Bytes;
import dev.macsec.mka.protocol.KeyIdentifier;
import dev.macsec.suite.CipherSuite;

/** A SAK as an {@link MkaParticipant} holds it: its name, AN, and whether it is in use. Never shows the key. */
public final class HeldSak {
    private final KeyIdentifier ki;
    private final int an;
    private final SaKey saKey;
    final byte[] sak;
    boolean rx;
    boolean tx;

    HeldSak(Bytes keyServerMi, long kn, int an, CipherSuite suite, byte[] sak) {
        this.ki = new KeyIdentifier(keyServerMi, kn);
        this.an = an;
        this.sak = sak.clone();
        // XPN suites need SSCI and salt; 802.1X-2020 derives the salt from the key server's MI, not done here
        this.saKey = SaKey.of(suite, sak, 1, suite.xpn() ? new byte[12] : null);
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

    public SaKey saKey() {
        return saKey;
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
