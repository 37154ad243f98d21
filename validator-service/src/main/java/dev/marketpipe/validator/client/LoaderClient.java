package dev.marketpipe.validator.client;

import dev.marketpipe.wire.Bar;
import dev.marketpipe.wire.BarInterval;
import dev.marketpipe.wire.LoadReceipt;
import dev.marketpipe.wire.BarWindow;
import dev.marketpipe.wire.BarWindows;
import dev.marketpipe.wire.GroupResults;
import dev.marketpipe.wire.ValidatedBatch;
import dev.marketpipe.wire.ValidatedBatchGroup;
import io.smallrye.faulttolerance.api.CircuitBreakerName;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;
import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.faulttolerance.Timeout;
import org.eclipse.microprofile.faulttolerance.exceptions.CircuitBreakerOpenException;
import org.eclipse.microprofile.rest.client.inject.RestClient;

import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.function.Supplier;

/**
 * Every call the validator makes to the loader-service, with its fault tolerance. Failures come out as exactly
 * {@link LoaderUnavailableException} (transient: unreachable, read timeout, 5xx) and {@link LoaderRejectedException}
 * (4xx: permanent), plus SmallRye's {@code CircuitBreakerOpenException} / {@code TimeoutException} from the
 * annotations here, which callers treat as "unavailable".
 *
 * <p>Loading retries once only: the archive's outbox owns redelivery with backoff, and the loader is idempotent
 * on the batch id, so a retry after a lost answer changes nothing. Per-method settings can be overridden with
 * {@code quarkus.fault-tolerance."dev.marketpipe.validator.client.LoaderClient/load".retry.max-retries} etc.
 */
@ApplicationScoped
public class LoaderClient {

    private final LoaderRestClient loader;
    private final LoaderHealthRestClient health;

    public LoaderClient(@RestClient LoaderRestClient loader, @RestClient LoaderHealthRestClient health) {
        this.loader = loader;
        this.health = health;
    }

    /** {@code POST /v1/loads}: the loader's receipt once it has stored the verdict. */
    @Retry(maxRetries = 1, delay = 200, retryOn = LoaderUnavailableException.class,
            abortOn = {LoaderRejectedException.class, CircuitBreakerOpenException.class})
    @CircuitBreaker(requestVolumeThreshold = 8, failureRatio = 0.5, delay = 2000,
            failOn = LoaderUnavailableException.class, skipOn = LoaderRejectedException.class)
    @CircuitBreakerName("loader-load")
    public LoadReceipt load(ValidatedBatch batch) {
        return call(() -> loader.load(batch));
    }

    /** {@code POST /v1/loads/groups}: one result per verdict once the loader stored the group in one transaction. */
    @Retry(maxRetries = 1, delay = 200, retryOn = LoaderUnavailableException.class,
            abortOn = {LoaderRejectedException.class, CircuitBreakerOpenException.class})
    @CircuitBreaker(requestVolumeThreshold = 8, failureRatio = 0.5, delay = 2000,
            failOn = LoaderUnavailableException.class, skipOn = LoaderRejectedException.class)
    @CircuitBreakerName("loader-load-group")
    public GroupResults loadGroup(List<ValidatedBatch> verdicts) {
        return call(() -> loader.loadGroup(new ValidatedBatchGroup(verdicts)));
    }

    /**
     * {@code GET /v1/bars?interval=1d}: the daily bars from {@code from} (inclusive) to {@code to} (exclusive).
     * Short timeout: the answer only feeds an optional check.
     */
    @Timeout(value = 2, unit = ChronoUnit.SECONDS)
    public List<Bar> dailyBars(String symbol, LocalDate from, LocalDate to) {
        return call(() -> loader.bars(symbol, "1d", from.toString(), to.toString()));
    }

    /**
     * {@code GET /v1/bars}: the stored bars of {@code interval} in {@code [from, to)}, for the cross-batch checks.
     * Short timeout and its own breaker: the answer only feeds optional checks, and while reads fail every batch
     * should not wait out the timeout first. A 4xx is the request's fault and does not trip the breaker.
     */
    @Timeout(value = 2, unit = ChronoUnit.SECONDS)
    @CircuitBreaker(requestVolumeThreshold = 8, failureRatio = 0.5, delay = 10_000,
            skipOn = LoaderRejectedException.class)
    @CircuitBreakerName("loader-read-bars")
    public List<Bar> bars(String symbol, BarInterval interval, Instant from, Instant to) {
        return call(() -> loader.bars(symbol, interval.code(), from.toString(), to.toString()));
    }

    /**
     * {@code POST /v1/bars/windows}: the stored bars of several windows in one request (a group's stored windows and
     * previous closes). Short timeout and its own breaker, as the single reads.
     */
    @Timeout(value = 2, unit = ChronoUnit.SECONDS)
    @CircuitBreaker(requestVolumeThreshold = 8, failureRatio = 0.5, delay = 10_000,
            skipOn = LoaderRejectedException.class)
    @CircuitBreakerName("loader-read-windows")
    public List<BarWindows.Stored> windows(List<BarWindow> windows) {
        return call(() -> loader.windows(new BarWindows(windows))).windows();
    }

    /** {@code GET /q/health/ready} of the loader (its management port); throws when it is not ready. */
    @Timeout(value = 1, unit = ChronoUnit.SECONDS)
    public void ready() {
        call(health::ready);
    }

    private static <T> T call(Supplier<T> request) {
        try {
            return request.get();
        } catch (LoaderUnavailableException | LoaderRejectedException e) {
            throw e;
        } catch (ProcessingException e) {
            // connection refused, reset, read timeout… or our own mapped exception wrapped by the client
            if (e.getCause() instanceof LoaderUnavailableException unavailable) {
                throw unavailable;
            }
            if (e.getCause() instanceof LoaderRejectedException rejected) {
                throw rejected;
            }
            throw new LoaderUnavailableException("loader unreachable: " + rootMessage(e), e);
        } catch (WebApplicationException e) {
            int status = e.getResponse() == null ? 500 : e.getResponse().getStatus();
            if (status >= 500) {
                throw new LoaderUnavailableException("loader answered " + status, e);
            }
            throw new LoaderRejectedException(status, e.getMessage());
        }
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + (root.getMessage() == null ? "" : ": " + root.getMessage());
    }
}
