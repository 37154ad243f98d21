package dev.marketpipe.collector.budget;

import io.smallrye.config.ConfigMapping;

import java.time.Duration;
import java.util.Optional;

/**
 * The shared provider rate budget, under {@code marketpipe.collector.budget}; defaults in
 * application.properties.
 */
@ConfigMapping(prefix = "marketpipe.collector.budget")
public interface BudgetConfig {

    /** Off: requests are sent without taking a token (a provider without limits). */
    boolean enabled();

    /** Requests per second for a real account (KIS: 20/s, 19 keeps a margin). */
    int requestsPerSecond();

    /** True for a paper (mock-trading) account, whose limit is {@link #paperRequestsPerSecond()}. */
    boolean paperAccount();

    /** Requests per second for a paper account (KIS: 2/s). */
    int paperRequestsPerSecond();

    /**
     * Added to the one-second window a grant counts in, so that requests granted exactly a second apart but sent
     * with different delays still arrive at the provider at most {@code requestsPerSecond} per second.
     */
    Duration windowMargin();

    /** Share of every second's requests that Medium work may not take (kept for High). */
    double mediumReserve();

    /** Share of every second's requests that Low work may not take (kept for High and Medium). */
    double lowReserve();

    /** How long a request of each priority may wait for a token before it is shed. */
    Duration highMaxWait();

    Duration mediumMaxWait();

    Duration lowMaxWait();

    /** How long a refused High (Medium) request keeps lower priorities away, renewed while it keeps asking. */
    Duration demandHold();

    /** Upper bound of one sleep between two attempts to take a token. */
    Duration maxPoll();

    /**
     * Requests per second of the backup provider, a provider with a limit of its own;
     * unset: the primary's {@link #effectiveRequestsPerSecond()}. Reserves, waits and margins are the primary's.
     */
    Optional<Integer> backupRequestsPerSecond();

    /** The primary provider's limit: the paper account's when {@link #paperAccount()}, else the real account's. */
    default int effectiveRequestsPerSecond() {
        return paperAccount() ? paperRequestsPerSecond() : requestsPerSecond();
    }

    /** The backup provider's limit. */
    default int backupEffectiveRequestsPerSecond() {
        return backupRequestsPerSecond().orElse(effectiveRequestsPerSecond());
    }
}
