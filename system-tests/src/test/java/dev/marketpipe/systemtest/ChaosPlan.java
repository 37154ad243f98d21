package dev.marketpipe.systemtest;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/**
 * The size and the faults of one chaos run, from system properties {@code marketpipe.chaos.*} (the defaults are the
 * small run that CI makes; {@code bench/chaos.sh} passes the large one).
 *
 * @param symbols         how many symbols of the simulator's universe are backfilled
 * @param from            first trading date of the backfill
 * @param to              last trading date
 * @param kills           {@code kill -9} events in all, spread over the four stages
 * @param requestsPerSecond the collector's rate budget (slow enough that the backfill outlasts the chaos)
 * @param pause           the longest pause between two events (each pause is drawn from 0..pause)
 * @param diskHeadroomMb  free space kept above the archive's low-disk limit; the filler file takes it all and more
 * @param tokenExpiry     how often the simulator expires every access token (more than the minute a provider
 *                        wants between two token requests)
 * @param converge        how long the job and the database may take to reach the truth after the last event
 * @param seed            the random order and timing of the events
 */
record ChaosPlan(int symbols, LocalDate from, LocalDate to, int kills, int requestsPerSecond, Duration pause,
        long diskHeadroomMb, Duration tokenExpiry, Duration converge, long seed) {

    /** The stages that are killed (the simulator stands for the provider and stays up). */
    static final List<String> STAGES = List.of("collector", "archive", "validator", "loader");

    static ChaosPlan fromSystemProperties() {
        return new ChaosPlan(
                Integer.getInteger("marketpipe.chaos.symbols", 6),
                LocalDate.parse(System.getProperty("marketpipe.chaos.from", "2025-03-04")),
                LocalDate.parse(System.getProperty("marketpipe.chaos.to", "2025-03-21")),
                Integer.getInteger("marketpipe.chaos.kills", 8),
                Integer.getInteger("marketpipe.chaos.requests-per-second", 1),
                Duration.parse(System.getProperty("marketpipe.chaos.pause", "PT4S")),
                Long.getLong("marketpipe.chaos.disk-headroom-mb", 1024),
                Duration.parse(System.getProperty("marketpipe.chaos.token-expiry", "PT90S")),
                Duration.parse(System.getProperty("marketpipe.chaos.converge", "PT10M")),
                Long.getLong("marketpipe.chaos.seed", 14));
    }

    /** One fault to inject. */
    sealed interface Event permits Kill, DatabaseCrash, LowDisk {
    }

    /** {@code kill -9} of one stage, then its restart. */
    record Kill(String stage) implements Event {
    }

    /** PostgreSQL stopped without a checkpoint ({@code pg_ctl -m immediate}), then started again. */
    record DatabaseCrash() implements Event {
    }

    /** The archive's disk filled past its low-disk limit for a while. */
    record LowDisk() implements Event {
    }

    /**
     * The events in a random order (seeded): the kills spread evenly over the stages, the database crash after about
     * a third of them, the low disk after about two thirds.
     */
    List<Event> events() {
        Random random = new Random(seed);
        List<Event> kills = new ArrayList<>();
        for (int i = 0; i < this.kills; i++) {
            kills.add(new Kill(STAGES.get(i % STAGES.size())));
        }
        Collections.shuffle(kills, random);
        List<Event> events = new ArrayList<>(kills);
        events.add(Math.min(events.size(), this.kills / 3), new DatabaseCrash());
        events.add(Math.min(events.size(), 2 * (this.kills + 1) / 3 + 1), new LowDisk());
        return events;
    }

    /** A pause before the next event, drawn from 0..{@link #pause()}. */
    Duration nextPause(Random random) {
        return Duration.ofMillis((long) (random.nextDouble() * pause.toMillis()));
    }
}
