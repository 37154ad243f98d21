package dev.marketpipe.collector.provider;

import com.fasterxml.jackson.databind.JsonNode;
import dev.marketpipe.collector.budget.BudgetShed;
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

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The one door to the securities API. Its fault-tolerance policy is the API error table:
 * <table>
 * <tr><th>answer</th><th>what happens</th></tr>
 * <tr><td>429</td><td>wait {@code Retry-After} (else exponential backoff) and retry</td></tr>
 * <tr><td>401</td><td>re-authenticate once and repeat; if it persists, fail without retry (alert)</td></tr>
 * <tr><td>400 / other 4xx</td><td>fail at once, no retry (the caller logs and skips)</td></tr>
 * <tr><td>5xx, malformed body</td><td>retry 3 times with backoff, then fail (alert)</td></tr>
 * <tr><td>timeout, connection refused</td><td>retry 3 times with backoff, then fail (alert)</td></tr>
 * </table>
 * A circuit breaker stops hammering a provider that keeps failing. Every attempt is counted by outcome. The same
 * policy for every provider: the {@link SecuritiesProvider} makes one request per attempt and says which row its
 * failure belongs to.
 */
@ApplicationScoped
public class SecuritiesApiClient {

    private final SecuritiesProvider provider;
    private final MarketClock clock;
    private final MeterRegistry registry;
    private final Timer responseTime;

    SecuritiesApiClient(SecuritiesProvider provider, MarketClock clock, MeterRegistry registry) {
        this.provider = provider;
        this.clock = clock;
        this.registry = registry;
        this.responseTime = Timer.builder("marketpipe.collector.api.response")
                .description("Securities API response time per attempt")
                .serviceLevelObjectives(Duration.ofMillis(100), Duration.ofMillis(500), Duration.ofSeconds(1),
                        Duration.ofSeconds(2), Duration.ofSeconds(5))
                .register(registry);
    }

    /** The name batches record for the provider behind this client. */
    public String providerName() {
        return provider.name();
    }

    /** The provider's access token (the health check asks whether one can be had). */
    public AccessTokens tokens() {
        return provider.tokens();
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
            skipOn = {ProviderException.Rejected.class, ProviderException.RateLimited.class, BudgetShed.class,
                    ProviderException.TokenThrottled.class})
    public BarsPage fetchBars(BarsQuery query, AtomicInteger attempts) {
        return attempt(query, attempts, provider::fetchBars, BarsPage::new);
    }

    /**
     * Fetch one answer of an account or order-book endpoint, with the same error policy as
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
            skipOn = {ProviderException.Rejected.class, ProviderException.RateLimited.class, BudgetShed.class,
                    ProviderException.TokenThrottled.class})
    public SnapshotPage fetchSnapshot(SnapshotQuery query, AtomicInteger attempts) {
        return attempt(query, attempts, provider::fetchSnapshot, SnapshotPage::new);
    }

    /** One attempt of any request kind: counted by outcome and timed; the answer becomes the kind's page. */
    private <Q, R, P> P attempt(Q query, AtomicInteger attempts, Request<Q, R> request, Page<Q, R, P> page) {
        attempts.incrementAndGet();
        Instant started = clock.now();
        long startNanos = System.nanoTime();
        try {
            ProviderAnswer<R, Q> answer = request.send(query, started);
            count("success");
            return page.of(query, answer.raw(), answer.records(), answer.next(), started, elapsedMs(startNanos),
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

    /** One request of the provider, e.g. {@link SecuritiesProvider#fetchBars}. */
    @FunctionalInterface
    private interface Request<Q, R> {
        ProviderAnswer<R, Q> send(Q query, Instant at);
    }

    /** The page record of a request kind, e.g. {@link BarsPage}'s constructor. */
    @FunctionalInterface
    private interface Page<Q, R, P> {
        P of(Q query, JsonNode raw, R records, Q next, Instant fetchedAt, long latencyMs, int attempts);
    }

    private void count(String outcome) {
        registry.counter("marketpipe.collector.api.requests", "outcome", outcome).increment();
    }

    private static long elapsedMs(long startNanos) {
        return (System.nanoTime() - startNanos) / 1_000_000;
    }
}
