package dev.macsec.conformance.mka;

import dev.macsec.keys.CakEntry;
import dev.macsec.mka.actor.ActorConfig;
import dev.macsec.mka.actor.MkaEvent;
import dev.macsec.mka.actor.MkaParticipant;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Key rotation as operators run it: a keychain of up to three CAK/CKN pairs, the newest tried first. A pair
 * is given up as soon as the device's MKPDUs show it holds another (their CKN is unknown to us, or their ICV
 * fails under our ICK), or after {@code patience} without a live peer; then the next older pair is tried.
 */
public final class KeychainPeering {
    /** One pair tried: which, for how long, and why it was given up (null for the one that worked). */
    public record Attempt(CakEntry cak, long millis, String givenUp) {
    }

    /** The attempts in order; the last one succeeded when its {@code givenUp} is null. */
    public record Result(List<Attempt> attempts) {
        public CakEntry chosen() {
            Attempt last = attempts.get(attempts.size() - 1);
            return last.givenUp() == null ? last.cak() : null;
        }
    }

    private KeychainPeering() {
    }

    /** Tries {@code chain} (newest first, at most 3) with {@code base} on {@code session}. */
    public static Result run(MkaSession session, ActorConfig base, List<CakEntry> chain, Duration patience)
            throws IOException {
        if (chain.isEmpty() || chain.size() > 3) {
            throw new IllegalArgumentException("a keychain holds 1 to 3 CAKs, got " + chain.size());
        }
        List<Attempt> attempts = new ArrayList<>();
        for (CakEntry cak : chain) {
            MkaParticipant p = new MkaParticipant(base.withCak(cak));
            session.participant(p);
            long t0 = System.nanoTime();
            boolean ok = session.runUntil(() -> !p.livePeers().isEmpty() || rejected(p), patience);
            long ms = (System.nanoTime() - t0) / 1_000_000;
            if (ok && !p.livePeers().isEmpty()) {
                attempts.add(new Attempt(cak, ms, null));
                return new Result(attempts);
            }
            attempts.add(new Attempt(cak, ms, rejected(p) ? "the device holds another CAK ("
                    + p.events().stream().filter(KeychainPeering::rejection).findFirst().map(MkaEvent::kind).orElseThrow()
                    + ")" : "no live peer within " + patience.toMillis() + " ms"));
        }
        return new Result(attempts);
    }

    private static boolean rejected(MkaParticipant p) {
        return p.events().stream().anyMatch(KeychainPeering::rejection);
    }

    private static boolean rejection(MkaEvent e) {
        return e.kind() == MkaEvent.Kind.UNKNOWN_CKN || e.kind() == MkaEvent.Kind.ICV_FAILED;
    }
}
