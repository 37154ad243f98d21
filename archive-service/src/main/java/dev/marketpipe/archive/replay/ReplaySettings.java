package dev.marketpipe.archive.replay;

import dev.marketpipe.archive.config.ArchiveConfig;

import java.time.Duration;

/** A replay's knobs: its own ({@link ReplayConfig}) and the outbox's backoff, which replays share. */
record ReplaySettings(int parallelism, Duration initialBackoff, Duration maxBackoff, Duration giveUpAfter,
                      Duration checkpointInterval, int maxRangeDays) {

    ReplaySettings {
        if (parallelism < 1 || maxRangeDays < 1) {
            throw new IllegalArgumentException("marketpipe.archive.replay.parallelism and max-range-days must be >= 1");
        }
    }

    static ReplaySettings of(ReplayConfig replay, ArchiveConfig.Outbox outbox) {
        return new ReplaySettings(replay.parallelism(), outbox.initialBackoff(), outbox.maxBackoff(),
                replay.giveUpAfter(), replay.checkpointInterval(), replay.maxRangeDays());
    }
}
