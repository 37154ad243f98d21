package dev.marketpipe.simulator.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.marketpipe.testsupport.MovableClock;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** The simulated clock runs from its start at its speed while the wall clock moves. */
class SimulatedClockTest {

    private static final Instant WALL_START = Instant.parse("2026-01-10T20:00:00Z");

    private final MovableClock wall = new MovableClock(WALL_START);

    @Test
    void unsetItIsTheWallClock() {
        SimulatedClock clock = new SimulatedClock(wall, config(Optional.empty(), 1.0));
        wall.advance(Duration.ofSeconds(42));
        assertEquals(wall.instant(), clock.instant());
    }

    @Test
    void aKstStartRunsAtItsSpeed() {
        SimulatedClock clock = new SimulatedClock(wall, config(Optional.of("2025-03-05T09:00:00"), 60));
        assertEquals(Instant.parse("2025-03-05T00:00:00Z"), clock.instant());
        wall.advance(Duration.ofSeconds(90));
        assertEquals(Instant.parse("2025-03-05T01:30:00Z"), clock.instant());
    }

    @Test
    void settingReanchorsAndResettingReturnsToTheConfiguredClock() {
        SimulatedClock clock = new SimulatedClock(wall, config(Optional.of("2025-03-05T00:00:00Z"), 1));
        long epoch = clock.epoch();
        wall.advance(Duration.ofSeconds(10));
        clock.set(Optional.of(Instant.parse("2025-03-06T01:00:00Z")), 2);
        wall.advance(Duration.ofSeconds(10));
        assertEquals(Instant.parse("2025-03-06T01:00:20Z"), clock.instant());
        clock.set(Optional.empty(), 0);
        wall.advance(Duration.ofSeconds(10));
        assertEquals(Instant.parse("2025-03-06T01:00:20Z"), clock.instant(), "speed 0 freezes the clock");
        clock.reset();
        assertEquals(Instant.parse("2025-03-05T00:00:30Z"), clock.instant());
        assertEquals(1.0, clock.speed());
        assertEquals(epoch + 3, clock.epoch());
    }

    @Test
    void startsAreIsoInstantsOrKstLocalTimes() {
        assertEquals(Optional.of(Instant.parse("2025-03-05T00:30:00Z")), SimulatedClock.parse("2025-03-05T09:30:00"));
        assertEquals(Optional.of(Instant.parse("2025-03-05T00:30:00Z")), SimulatedClock.parse("2025-03-05T09:30+09:00"));
        assertEquals(Optional.of(Instant.parse("2025-03-05T00:30:00Z")), SimulatedClock.parse("2025-03-05T00:30:00Z"));
        assertTrue(SimulatedClock.parse("tomorrow").isEmpty());
        assertThrows(IllegalArgumentException.class,
                () -> new SimulatedClock(wall, config(Optional.of("tomorrow"), 1)));
        assertThrows(IllegalArgumentException.class, () -> new SimulatedClock(wall, config(Optional.empty(), -1)));
    }

    private static SimulatorConfig config(Optional<String> start, double speed) {
        return new SimulatorConfig() {
            @Override public String appKey() { return "k"; }
            @Override public String appSecret() { return "s"; }
            @Override public Duration tokenTtl() { return Duration.ofHours(1); }
            @Override public long seed() { return 42; }
            @Override public double invalidFraction() { return 0; }
            @Override public String accountNumber() { return "12345678-01"; }
            @Override public List<String> symbols() { return List.of("005930"); }
            @Override public int maxWindowDays() { return 370; }
            @Override public boolean serveFutureBars() { return false; }
            @Override public FeedSettings feed() { return null; }
            @Override public TapeSettings tape() { return null; }

            @Override
            public ClockSettings clock() {
                return new ClockSettings() {
                    @Override public Optional<String> start() { return start; }
                    @Override public double speed() { return speed; }
                };
            }
        };
    }

}
