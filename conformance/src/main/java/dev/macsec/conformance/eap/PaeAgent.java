package dev.macsec.conformance.eap;

import dev.macsec.conformance.mka.LinkAgent;
import dev.macsec.decode.mka.EapolDecoder;

import java.io.IOException;
import java.util.List;

/**
 * Our supplicant or authenticator ({@link EapolActor}) as an agent of the MKA session's loop: it takes the EAPOL
 * packets that are not MKPDUs (EAP, Start, Logoff) and leaves everything else to the participant and the data
 * plane. The actor can be replaced (a new EAP-TLS peer for a re-authentication).
 */
final class PaeAgent implements LinkAgent {
    private EapolActor actor;

    PaeAgent(EapolActor actor) {
        this.actor = actor;
    }

    EapolActor actor() {
        return actor;
    }

    void actor(EapolActor a) {
        actor = a;
    }

    @Override
    public List<byte[]> receive(byte[] f, long nowMillis) throws IOException {
        if (f.length < 18 || ((f[12] & 0xFF) << 8 | (f[13] & 0xFF)) != EapolDecoder.ETHERTYPE
                || f[15] == EapolDecoder.TYPE_MKA) {
            return null;
        }
        return actor.receive(f, nowMillis);
    }

    @Override
    public List<byte[]> tick(long nowMillis) throws IOException {
        return actor.tick(nowMillis);
    }

    @Override
    public long nextDeadline() {
        return actor.nextDeadline();
    }
}
