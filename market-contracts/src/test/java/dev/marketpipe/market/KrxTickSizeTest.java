package dev.marketpipe.market;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class KrxTickSizeTest {

    @Test
    void tickSizeFollowsTheKrxPriceBands() {
        assertEquals(1, KrxTickSize.tick(1_999));
        assertEquals(5, KrxTickSize.tick(2_000));
        assertEquals(10, KrxTickSize.tick(5_000));
        assertEquals(50, KrxTickSize.tick(20_000));
        assertEquals(100, KrxTickSize.tick(50_000));
        assertEquals(500, KrxTickSize.tick(200_000));
        assertEquals(1_000, KrxTickSize.tick(500_000));
    }

    @Test
    void steppingAcrossABandBoundaryStaysOnTheGrid() {
        assertEquals(50_000, KrxTickSize.up(49_950));
        assertEquals(50_100, KrxTickSize.up(50_000));
        assertEquals(49_950, KrxTickSize.down(50_000));
        assertEquals(1_999, KrxTickSize.down(2_000));
        for (long price = 1_000; price < 700_000; price = KrxTickSize.up(price)) {
            assertTrue(KrxTickSize.isOnGrid(price), "up " + price);
            assertEquals(price, KrxTickSize.down(KrxTickSize.up(price)));
        }
    }

    @Test
    void roundingLandsOnTheGrid() {
        assertEquals(75_000, KrxTickSize.round(75_049.9));
        assertEquals(75_100, KrxTickSize.round(75_050.1));
        assertEquals(50_000, KrxTickSize.round(49_990));
        assertEquals(49_950, KrxTickSize.floor(49_999));
        assertEquals(50_000, KrxTickSize.ceil(49_951));
        assertFalse(KrxTickSize.isOnGrid(75_050));
        for (double price = 1_500; price < 600_000; price *= 1.0137) {
            assertTrue(KrxTickSize.isOnGrid(KrxTickSize.round(price)), "round " + price);
            assertTrue(KrxTickSize.isOnGrid(KrxTickSize.floor(price)), "floor " + price);
            assertTrue(KrxTickSize.isOnGrid(KrxTickSize.ceil(price)), "ceil " + price);
        }
    }
}
