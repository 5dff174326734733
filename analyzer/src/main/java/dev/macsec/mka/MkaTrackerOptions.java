package dev.macsec.mka;

import dev.macsec.mka.protocol.MkaTimers;

/**
 * MKA timers (IEEE 802.1X-2020 Table 9-3) and the tracker's memory bounds.
 *
 * @param helloNanos         MKA Hello Time (2 s)
 * @param boundedHelloNanos  MKA Bounded Hello Time (0.5 s), expected while a participant uses delay protection
 * @param lifeNanos          MKA Life Time (6 s)
 * @param helloTolerance     a gap longer than hello time times this factor is reported (jitter and scheduling make
 *                           real gaps slightly longer than nominal: wpa_supplicant's are ~2.004 s)
 * @param maxFindingsPerRule findings kept per rule and CA; further ones are only counted
 * @param maxParticipants    participants (MIs) tracked per CA
 * @param maxTimeline        timeline events kept per CA
 * @param maxCas             CAs (distinct CKNs) tracked; MKPDUs with further CKNs are verified but not tracked
 */
public record MkaTrackerOptions(long helloNanos, long boundedHelloNanos, long lifeNanos, double helloTolerance,
                                int maxFindingsPerRule, int maxParticipants, int maxTimeline, int maxCas) {
    public static final MkaTrackerOptions DEFAULT = new MkaTrackerOptions(MkaTimers.nanos(MkaTimers.HELLO_TIME),
            MkaTimers.nanos(MkaTimers.BOUNDED_HELLO_TIME), MkaTimers.nanos(MkaTimers.LIFE_TIME), 1.5, 1000, 1024,
            10_000, 256);

    public MkaTrackerOptions {
        if (helloNanos <= 0 || boundedHelloNanos <= 0 || lifeNanos <= 0 || helloTolerance < 1
                || maxFindingsPerRule < 1 || maxParticipants < 2 || maxTimeline < 1 || maxCas < 1) {
            throw new IllegalArgumentException("MKA timers must be positive, tolerance >= 1, limits >= 1");
        }
    }
}
