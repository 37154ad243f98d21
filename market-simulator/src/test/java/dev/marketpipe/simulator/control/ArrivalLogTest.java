package dev.marketpipe.simulator.control;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class ArrivalLogTest {

    private static final long MS = 1_000_000L;

    @Test
    void busiestSecondCountsArrivalsInAnyHalfOpenOneSecondWindow() {
        ArrivalLog log = new ArrivalLog();
        for (long t : new long[] {0, 100, 900, 999, 1000, 1500, 1999}) {
            log.arrived(t * MS);
        }
        // [0, 1000) holds 4; [100, 1100) holds 4 (100, 900, 999, 1000); [900, 1900) holds 4; [999, 1999) holds 3
        assertEquals(4, log.busiestSecond());
        assertEquals(7, log.total());
        log.reset();
        assertEquals(0, log.busiestSecond());
        assertEquals(0, log.total());
    }

    @Test
    void arrivalsExactlyOneSecondApartFallIntoDifferentWindows() {
        ArrivalLog log = new ArrivalLog();
        log.arrived(0);
        log.arrived(1000 * MS);
        log.arrived(2000 * MS);
        assertEquals(1, log.busiestSecond());
    }
}
