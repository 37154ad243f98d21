package dev.marketpipe.archive.replay;

import dev.marketpipe.archive.config.ArchiveConfig;

import java.time.Duration;

/**
 * A replay's knobs: its own ({@link ReplayConfig}) and the outbox's backoff and group size (batches per request to
 * the validator), which replays share.
 */
record ReplaySettings(int parallelism, Duration initialBackoff, Duration maxBackoff, Duration giveUpAfter,
                      Duration checkpointInterval, int maxRangeDays, int groupSize) {

    ReplaySettings {
        if (parallelism < 1 || maxRangeDays < 1 || groupSize < 1) {
            throw new IllegalArgumentException(
                    "marketpipe.archive.replay.parallelism, max-range-days and outbox.group-size must be >= 1");
        }
    }

    /** Settings that send each batch on its own. */
    ReplaySettings(int parallelism, Duration initialBackoff, Duration maxBackoff, Duration giveUpAfter,
            Duration checkpointInterval, int maxRangeDays) {
        this(parallelism, initialBackoff, maxBackoff, giveUpAfter, checkpointInterval, maxRangeDays, 1);
    }

    static ReplaySettings of(ReplayConfig replay, ArchiveConfig.Outbox outbox) {
        return new ReplaySettings(replay.parallelism(), outbox.initialBackoff(), outbox.maxBackoff(),
                replay.giveUpAfter(), replay.checkpointInterval(), replay.maxRangeDays(), outbox.groupSize());
    }
}
