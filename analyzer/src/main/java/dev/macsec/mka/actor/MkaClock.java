package dev.macsec.mka.actor;

/**
 * Where a participant's time comes from, in milliseconds on a monotonic scale. A real-time loop uses
 * {@link #system()}; unit tests use a {@link Manual} clock and step it, so timers (hello, MKA_LIFE_TIME,
 * retire) fire exactly when a test says.
 */
public interface MkaClock {
    long millis();

    static MkaClock system() {
        long origin = System.nanoTime();
        return () -> (System.nanoTime() - origin) / 1_000_000L;
    }

    /** A clock that moves only when told to. */
    final class Manual implements MkaClock {
        private long now;

        public Manual(long start) {
            now = start;
        }

        @Override
        public long millis() {
            return now;
        }

        public long advance(long ms) {
            now += ms;
            return now;
        }
    }
}
