package dev.marketpipe.archive.outbox;

import dev.marketpipe.archive.config.ArchiveConfig;

import java.time.Duration;

/** The forwarder's knobs, from {@code marketpipe.archive.outbox.*}. */
public record ForwarderSettings(int parallelism, Duration initialBackoff, Duration maxBackoff, Duration pollInterval,
        int groupSize) {

    public ForwarderSettings {
        if (parallelism < 1) {
            throw new IllegalArgumentException("marketpipe.archive.outbox.parallelism must be >= 1");
        }
        if (groupSize < 1) {
            throw new IllegalArgumentException("marketpipe.archive.outbox.group-size must be >= 1");
        }
        if (initialBackoff.isNegative() || initialBackoff.isZero() || pollInterval.isNegative()
                || pollInterval.isZero()) {
            throw new IllegalArgumentException("outbox backoff and poll interval must be positive");
        }
    }

    /** Settings that send each batch on its own. */
    public ForwarderSettings(int parallelism, Duration initialBackoff, Duration maxBackoff, Duration pollInterval) {
        this(parallelism, initialBackoff, maxBackoff, pollInterval, 1);
    }

    public static ForwarderSettings of(ArchiveConfig.Outbox config) {
        return new ForwarderSettings(config.parallelism(), config.initialBackoff(), config.maxBackoff(),
                config.pollInterval(), config.groupSize());
    }
}
