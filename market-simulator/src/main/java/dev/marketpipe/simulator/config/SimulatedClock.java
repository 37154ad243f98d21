package dev.marketpipe.simulator.config;

import dev.marketpipe.calendar.MarketCalendar;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.inject.Typed;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/**
 * The simulated market's "now": {@code start + (wall time elapsed since the anchor) × speed}. Everything that says
 * what has happened on the market by now reads it (the bars REST serves while {@code serve-future-bars} is off, the
 * orders, the real-time feed), so REST and the feed always agree; with a start in a past session and a speed, a demo
 * at any hour shows a KRX session in real time or faster. Token lifetimes and rate limits stay on the wall clock
 * (the {@link Clock} bean): they are the client's real time, not the market's.
 *
 * <p>{@code PUT /simulator/clock} re-anchors it (a new start and speed from now on); {@code DELETE} returns to the
 * configured clock. Every re-anchoring increments {@link #epoch()}, so a reader that follows the clock step by step
 * (the feed) can tell a jump from time passing.
 */
@Singleton
@Startup
@Typed(SimulatedClock.class)
public class SimulatedClock extends Clock {

    /** Fastest speed accepted: a session (6.5 h) in 39 seconds. */
    public static final double MAX_SPEED = 600;

    private final Clock wall;
    private final Anchor configured;
    private volatile Anchor anchor;

    public SimulatedClock(Clock wall, SimulatorConfig config) {
        this.wall = wall;
        Instant now = wall.instant();
        double speed = config.clock().speed();
        requireSpeed(speed, "marketpipe.simulator.clock.speed");
        Instant start = config.clock().start()
                .map(text -> parse(text).orElseThrow(() -> new IllegalArgumentException(
                        "marketpipe.simulator.clock.start must be an ISO instant (2025-03-05T00:30:00Z) or a KST "
                                + "local date-time (2025-03-05T09:30:00), was '" + text + "'")))
                .orElse(now);
        this.configured = new Anchor(start, now, speed, 0);
        this.anchor = configured;
    }

    /** A simulated instant, its wall-clock instant and the speed from there on. */
    private record Anchor(Instant simulated, Instant wall, double speed, long epoch) {
    }

    @Override
    public Instant instant() {
        Anchor a = anchor;
        Duration elapsed = Duration.between(a.wall(), wall.instant());
        if (a.speed() == 1.0) {
            return a.simulated().plus(elapsed);
        }
        return a.simulated().plusNanos((long) (elapsed.toNanos() * a.speed()));
    }

    /** Simulated seconds per wall-clock second. */
    public double speed() {
        return anchor.speed();
    }

    /** How many times the clock was re-anchored; changes exactly when the simulated time may jump. */
    public long epoch() {
        return anchor.epoch();
    }

    /** From now on the simulated time runs from {@code at} (the current simulated time when empty) at {@code speed}. */
    public synchronized void set(Optional<Instant> at, double speed) {
        requireSpeed(speed, "speed");
        Instant start = at.orElseGet(this::instant);
        anchor = new Anchor(start, wall.instant(), speed, anchor.epoch() + 1);
    }

    /** Back to the configured clock, as if it had never been changed. */
    public synchronized void reset() {
        anchor = new Anchor(configured.simulated(), configured.wall(), configured.speed(), anchor.epoch() + 1);
    }

    /**
     * {@code text} as an instant: ISO with {@code Z} or an offset, or a local date-time taken in KST (the exchange's
     * zone, where demo times are thought of). Empty when it is neither.
     */
    public static Optional<Instant> parse(String text) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        String trimmed = text.trim();
        try {
            return Optional.of(OffsetDateTime.parse(trimmed).toInstant());
        } catch (DateTimeParseException notOffset) {
            try {
                return Optional.of(LocalDateTime.parse(trimmed).atZone(MarketCalendar.KRX_ZONE).toInstant());
            } catch (DateTimeParseException notLocal) {
                return Optional.empty();
            }
        }
    }

    private static void requireSpeed(double speed, String name) {
        if (!(speed >= 0 && speed <= MAX_SPEED)) {
            throw new IllegalArgumentException(name + " must be within [0, " + MAX_SPEED + "], was " + speed);
        }
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    /** The same simulated time, read in {@code zone}. */
    @Override
    public Clock withZone(ZoneId zone) {
        SimulatedClock simulated = this;
        return new Clock() {
            @Override
            public ZoneId getZone() {
                return zone;
            }

            @Override
            public Clock withZone(ZoneId other) {
                return simulated.withZone(other);
            }

            @Override
            public Instant instant() {
                return simulated.instant();
            }
        };
    }
}
