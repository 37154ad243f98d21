package dev.marketpipe.archive.outbox;

import dev.marketpipe.archive.config.ArchiveConfig;

import java.time.Duration;

/** The forwarder's knobs, from {@code marketpipe.archive.outbox.*}. */
public record ForwarderSettings(int parallelism, Duration initialBackoff, Duration maxBackoff, Duration pollInterval) {

    public ForwarderSettings {
        if (parallelism < 1) {
            throw new IllegalArgumentException("marketpipe.archive.outbox.parallelism must be >= 1");
        }
        if (initialBackoff.isNegative() || initialBackoff.isZero() || pollInterval.isNegative()
                || pollInterval.isZero()) {
            throw new IllegalArgumentException("outbox backoff and poll interval must be positive");
        }
    }

    public static ForwarderSettings of(ArchiveConfig.Outbox config) {
        return new ForwarderSettings(config.parallelism(), config.initialBackoff(), config.maxBackoff(),
                config.pollInterval());
    }
}
