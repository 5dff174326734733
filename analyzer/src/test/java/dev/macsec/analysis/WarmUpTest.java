package dev.macsec.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class WarmUpTest {
    @Test
    void everySyntheticFrameVerifiesAndPassesTheReplayCheckAcrossPasses() {
        // 1,300 frames = two fresh SecYs over the 512-frame sample and part of a third
        assertEquals(1_300, WarmUp.run(1_300));
    }

    @Test
    void itRunsOnADaemonThreadThatEnds() throws InterruptedException {
        Thread t = WarmUp.start(100);
        assertTrue(t.isDaemon());
        t.join(60_000);
        assertFalse(t.isAlive());
    }
}
