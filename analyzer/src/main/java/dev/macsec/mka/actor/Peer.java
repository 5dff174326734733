package dev.macsec.mka.actor;

import dev.macsec.decode.mka.ParameterSet;
import dev.macsec.field.Bytes;

/** What an {@link MkaParticipant} knows about another participant of its CA. */
public final class Peer {
    final Bytes mi;
    long mn;
    long sci;
    int priority;
    boolean keyServer;
    boolean live;
    long expiresAt;
    ParameterSet.SakUse sakUse;
    boolean receivingLatest;

    Peer(Bytes mi, long mn) {
        this.mi = mi;
        this.mn = mn;
    }

    public Bytes mi() {
        return mi;
    }

    public long mn() {
        return mn;
    }

    public long sci() {
        return sci;
    }

    public int priority() {
        return priority;
    }

    public boolean keyServerFlag() {
        return keyServer;
    }

    public boolean live() {
        return live;
    }

    /** The peer's last SAK Use parameter set, or null. */
    public ParameterSet.SakUse sakUse() {
        return sakUse;
    }

    @Override
    public String toString() {
        return String.format("Peer[MI %s, MN %d, SCI %016x, %s]", mi.hex(), mn, sci, live ? "live" : "potential");
    }
}
