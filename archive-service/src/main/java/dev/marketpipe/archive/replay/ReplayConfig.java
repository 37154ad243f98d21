package dev.marketpipe.archive.replay;

import io.smallrye.config.ConfigMapping;

import java.time.Duration;

/**
 * Settings of {@code POST /v1/replays}. Deliveries use the outbox's backoff
 * ({@code marketpipe.archive.outbox.initial-backoff}/{@code max-backoff}); these are the replay's own limits.
 */
@ConfigMapping(prefix = "marketpipe.archive.replay")
public interface ReplayConfig {

    /** Longest {@code from..to} range (both inclusive) one replay may cover, in days. */
    int maxRangeDays();

    /** Lanes sending in parallel; one symbol always uses the same lane, so its batches stay in order. */
    int parallelism();

    /** A batch the validator keeps refusing transiently for this long stops the replay ({@code FAILED}). */
    Duration giveUpAfter();

    /** How often a running replay's progress is written to {@code <root>/replays/}. */
    Duration checkpointInterval();

    /** How often a replica that runs no replay looks for one whose process elsewhere stopped checkpointing. */
    Duration takeoverCheckInterval();
}
