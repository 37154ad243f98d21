package dev.marketpipe.collector.provider;

import com.fasterxml.jackson.databind.JsonNode;
import dev.marketpipe.collector.budget.BudgetShed;
import dev.marketpipe.collector.config.CollectorConfig;
import dev.marketpipe.collector.config.MarketClock;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.smallrye.faulttolerance.api.CustomBackoff;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.ProcessingException;
import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.faulttolerance.Timeout;
import org.eclipse.microprofile.faulttolerance.exceptions.TimeoutException;
import org.eclipse.microprofile.rest.client.inject.RestClient;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * The one door to the securities API. Its fault-tolerance policy is the spec §7.1 table:
 * <table>
 * <tr><th>answer</th><th>what happens</th></tr>
 * <tr><td>429</td><td>wait {@code Retry-After} (else exponential backoff) and retry</td></tr>
 * <tr><td>401</td><td>re-authenticate once and repeat; if it persists, fail without retry (alert)</td></tr>
 * <tr><td>400 / other 4xx</td><td>fail at once, no retry (the caller logs and skips)</td></tr>
 * <tr><td>5xx, malformed body</td><td>retry 3 times with backoff, then fail (alert)</td></tr>
 * <tr><td>timeout, connection refused</td><td>retry 3 times with backoff, then fail (alert)</td></tr>
 * </table>
 * A circuit breaker stops hammering a provider that keeps failing. Every attempt is counted by outcome.
 */
@ApplicationScoped
public class SecuritiesApiClient {

    private final SecuritiesApi api;
    private final AccessTokens tokens;
    private final SpecResponseReader reader;
    private final SnapshotResponseReader snapshotReader;
    private final CollectorConfig config;
    private final MarketClock clock;
    private final MeterRegistry registry;
    private final Timer responseTime;

    SecuritiesApiClient(@RestClient SecuritiesApi api, AccessTokens tokens, SpecResponseReader reader,
            SnapshotResponseReader snapshotReader, CollectorConfig config, MarketClock clock, MeterRegistry registry) {
        this.api = api;
        this.tokens = tokens;
        this.reader = reader;
        this.snapshotReader = snapshotReader;
        this.config = config;
        this.clock = clock;
        this.registry = registry;
        this.responseTime = Timer.builder("marketpipe.collector.api.response")
                .description("Securities API response time per attempt")
                .serviceLevelObjectives(Duration.ofMillis(100), Duration.ofMillis(500), Duration.ofSeconds(1),
                        Duration.ofSeconds(2), Duration.ofSeconds(5))
                .register(registry);
    }

    /**
     * Fetch one page of bars.
     *
     * @param attempts incremented on every attempt, so the caller can record how many calls a page took
     */
    @Timeout(value = 15, unit = ChronoUnit.SECONDS)
    @Retry(maxRetries = 3, delay = 500, maxDuration = 180, durationUnit = ChronoUnit.SECONDS, jitter = 0,
            retryOn = {ProviderException.RateLimited.class, ProviderException.Unavailable.class,
                    TimeoutException.class, ProcessingException.class},
            abortOn = {ProviderException.Rejected.class, ProviderException.AuthenticationFailed.class})
    @CustomBackoff(RetryAfterBackoff.class)
    @CircuitBreaker(requestVolumeThreshold = 20, failureRatio = 0.5, delay = 10, delayUnit = ChronoUnit.SECONDS,
            skipOn = {ProviderException.Rejected.class, ProviderException.RateLimited.class, BudgetShed.class})
    public BarsPage fetchBars(BarsQuery query, AtomicInteger attempts) {
        attempts.incrementAndGet();
        Instant started = clock.now();
        long startNanos = System.nanoTime();
        try {
            String body = callOnceReauthenticating(authorization -> call(authorization, query));
            JsonNode root = reader.parse(body);
            long latencyMs = (System.nanoTime() - startNanos) / 1_000_000;
            count("success");
            return new BarsPage(query, root, reader.bars(root), reader.totalPages(root), started, latencyMs,
                    attempts.get());
        } catch (ProviderException e) {
            count(e.errorType());
            throw e;
        } catch (ProcessingException e) {
            count("connection_error");
            throw e;
        } finally {
            responseTime.record(Duration.ofNanos(System.nanoTime() - startNanos));
        }
    }

    /**
     * Fetch one answer of an account or order-book endpoint (spec §1.2, §1.3), with the same §7.1 policy as
     * {@link #fetchBars}: same annotations, same call path.
     *
     * @param attempts incremented on every attempt
     */
    @Timeout(value = 15, unit = ChronoUnit.SECONDS)
    @Retry(maxRetries = 3, delay = 500, maxDuration = 180, durationUnit = ChronoUnit.SECONDS, jitter = 0,
            retryOn = {ProviderException.RateLimited.class, ProviderException.Unavailable.class,
                    TimeoutException.class, ProcessingException.class},
            abortOn = {ProviderException.Rejected.class, ProviderException.AuthenticationFailed.class})
    @CustomBackoff(RetryAfterBackoff.class)
    @CircuitBreaker(requestVolumeThreshold = 20, failureRatio = 0.5, delay = 10, delayUnit = ChronoUnit.SECONDS,
            skipOn = {ProviderException.Rejected.class, ProviderException.RateLimited.class, BudgetShed.class})
    public SnapshotPage fetchSnapshot(SnapshotQuery query, AtomicInteger attempts) {
        attempts.incrementAndGet();
        Instant started = clock.now();
        long startNanos = System.nanoTime();
        try {
            String body = callOnceReauthenticating(authorization -> call(authorization, query));
            JsonNode root = snapshotReader.parse(query, body);
            long latencyMs = (System.nanoTime() - startNanos) / 1_000_000;
            count("success");
            return new SnapshotPage(query, root, snapshotReader.records(query, root),
                    snapshotReader.totalPages(root), started, latencyMs, attempts.get());
        } catch (ProviderException e) {
            count(e.errorType());
            throw e;
        } catch (ProcessingException e) {
            count("connection_error");
            throw e;
        } finally {
            responseTime.record(Duration.ofNanos(System.nanoTime() - startNanos));
        }
    }

    /** One call with the current token; a refused token is replaced once and the call repeated (§7.1 401). */
    private String callOnceReauthenticating(Function<String, String> call) {
        String authorization = tokens.authorization();
        try {
            return call.apply(authorization);
        } catch (ProviderException.AuthenticationFailed refused) {
            tokens.invalidate(authorization);
            count("auth_renewed");
            return call.apply(tokens.authorization());
        }
    }

    private String call(String authorization, SnapshotQuery query) {
        return switch (query.dataType()) {
            case ORDERBOOK -> api.orderBook(authorization, query.symbol());
            case ACCOUNT_INFO -> api.accountInfo(authorization);
            case POSITIONS -> api.positions(authorization);
            case ORDERS -> api.orderHistory(authorization, query.startDate(), query.endDate(),
                    config.api().pageSize(), query.page());
            case MARKET_DATA -> throw new IllegalArgumentException("bars are fetched with fetchBars");
        };
    }

    private String call(String authorization, BarsQuery query) {
        return api.marketData(authorization, query.symbol(), query.interval().code(), query.startDate(),
                query.endDate(), config.api().pageSize(), query.page());
    }

    private void count(String outcome) {
        registry.counter("marketpipe.collector.api.requests", "outcome", outcome).increment();
    }
}
