package dev.marketpipe.collector.failover;

import dev.marketpipe.calendar.MarketCalendar;
import dev.marketpipe.collector.config.MarketClock;
import dev.marketpipe.collector.outcome.ApiError;
import dev.marketpipe.collector.outcome.CallContext;
import dev.marketpipe.collector.outcome.CollectionOutcomes;
import dev.marketpipe.collector.outcome.FailureReporter;
import dev.marketpipe.collector.provider.Backup;
import dev.marketpipe.collector.provider.BarsPage;
import dev.marketpipe.collector.provider.BarsQuery;
import dev.marketpipe.collector.provider.FailoverConfig;
import dev.marketpipe.collector.provider.SecuritiesApiClient;
import dev.marketpipe.collector.provider.SnapshotPage;
import dev.marketpipe.collector.provider.SnapshotQuery;
import dev.marketpipe.collector.provider.Sourced;
import dev.marketpipe.collector.replica.SymbolOwnership;
import dev.marketpipe.wire.BarInterval;
import dev.marketpipe.wire.SourceRole;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.faulttolerance.api.CircuitBreakerMaintenance;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BiFunction;

/**
 * Which securities API collection talks to (the primary or the backup source), and the one place where a call's final
 * failure is reported ({@link FailureReporter}). Every request kind goes through it: bars, order books,
 * account info, positions and order history.
 * <ul>
 *   <li>On the primary: a call that fails for good (after its retries, or with the breaker open) is asked of the
 *   backup at once, so the request is not lost; after X such failures in a row collection switches to the backup.
 *   A 400 is the request's fault, not the provider's, and a request our own rate budget shed was never sent: both
 *   are skipped and count for nothing.</li>
 *   <li>On the backup: calls go to the backup; every {@code probe-interval} one small request probes the primary, and
 *   the first answer switches collection back.</li>
 * </ul>
 * Every request's end is counted once by {@link CollectionOutcomes}. Every switch logs a WARN line, counts
 * {@code marketpipe.collector.source.switches{to}} and moves the gauge
 * {@code marketpipe.collector.source.active} (0 primary, 1 backup).
 */
@ApplicationScoped
public class ProviderRouter {

    private static final Logger LOG = Logger.getLogger(ProviderRouter.class);
    /** How far back the probe looks for a trading day whose daily bar the primary must serve. */
    private static final int PROBE_LOOKBACK_DAYS = 14;

    private final SecuritiesApiClient primary;
    private final SecuritiesApiClient backup;
    private final FailoverConfig failover;
    private final SymbolOwnership ownership;
    private final FailureReporter reporter;
    private final CollectionOutcomes outcomes;
    private final MarketCalendar calendar;
    private final MarketClock clock;
    private final MeterRegistry registry;
    private final CircuitBreakerMaintenance breakers;
    private final AtomicReference<SourceRole> active = new AtomicReference<>(SourceRole.PRIMARY);
    private final AtomicInteger consecutiveFailures = new AtomicInteger();

    ProviderRouter(SecuritiesApiClient primary, @Backup SecuritiesApiClient backup, FailoverConfig failover,
            SymbolOwnership ownership, FailureReporter reporter,
            CollectionOutcomes outcomes, MarketCalendar calendar, MarketClock clock, MeterRegistry registry,
            CircuitBreakerMaintenance breakers) {
        this.primary = primary;
        this.backup = backup;
        this.failover = failover;
        this.ownership = ownership;
        this.reporter = reporter;
        this.outcomes = outcomes;
        this.calendar = calendar;
        this.clock = clock;
        this.registry = registry;
        this.breakers = breakers;
        Gauge.builder("marketpipe.collector.source.active", active, a -> a.get() == SourceRole.BACKUP ? 1 : 0)
                .description("Source collection uses: 0 primary, 1 backup").register(registry);
    }

    /** One page of bars from the active source. */
    public Sourced<BarsPage> fetchBars(BarsQuery query) {
        return route(CallContext.of(query), (client, attempts) -> client.fetchBars(query, attempts));
    }

    /** One order-book or account answer (one page of order history) from the active source. */
    public Sourced<SnapshotPage> fetchSnapshot(SnapshotQuery query) {
        return route(CallContext.of(query), (client, attempts) -> client.fetchSnapshot(query, attempts));
    }

    /**
     * Runs {@code call} against the active source, failing over as described above; every request kind goes
     * through here. The call gets the client to use and a counter of its attempts.
     */
    private <T> Sourced<T> route(CallContext context, BiFunction<SecuritiesApiClient, AtomicInteger, T> call) {
        long started = System.nanoTime();
        try {
            Sourced<T> answer = routeOnce(context, call);
            outcomes.succeeded(context, Duration.ofNanos(System.nanoTime() - started));
            return answer;
        } catch (RuntimeException failure) {
            outcomes.failed(context, ApiError.of(failure), Duration.ofNanos(System.nanoTime() - started));
            throw failure;
        }
    }

    private <T> Sourced<T> routeOnce(CallContext context, BiFunction<SecuritiesApiClient, AtomicInteger, T> call) {
        if (failover.enabled() && active.get() == SourceRole.BACKUP) {
            return attempt(SourceRole.BACKUP, context, call, false);
        }
        long started = System.nanoTime();
        AtomicInteger attempts = new AtomicInteger();
        try {
            T value = call.apply(primary, attempts);
            consecutiveFailures.set(0);
            return new Sourced<>(value, SourceRole.PRIMARY, primary.providerName());
        } catch (RuntimeException failure) {
            ApiError error = ApiError.of(failure);
            if (!failover.enabled() || !error.providerFault()) {
                reporter.failed(context, SourceRole.PRIMARY, primary.providerName(), error, attempts.get(),
                        elapsedMs(started), false);
                throw failure;
            }
            int failures = consecutiveFailures.incrementAndGet();
            if (failures >= failover.afterConsecutiveFailures()) {
                switchTo(SourceRole.BACKUP, failures + " consecutive failed calls on the primary, the last "
                        + error.type());
            }
            try {
                Sourced<T> answer = attempt(SourceRole.BACKUP, context, call, true);
                reporter.failed(context, SourceRole.PRIMARY, primary.providerName(), error, attempts.get(),
                        elapsedMs(started), true);
                return answer;
            } catch (RuntimeException backupFailure) {
                reporter.failed(context, SourceRole.PRIMARY, primary.providerName(), error, attempts.get(),
                        elapsedMs(started), false);
                throw failure;
            }
        }
    }

    private <T> Sourced<T> attempt(SourceRole role, CallContext context,
            BiFunction<SecuritiesApiClient, AtomicInteger, T> call, boolean fallback) {
        SecuritiesApiClient client = role == SourceRole.BACKUP ? backup : primary;
        String provider = client.providerName();
        long started = System.nanoTime();
        AtomicInteger attempts = new AtomicInteger();
        try {
            T value = call.apply(client, attempts);
            if (fallback) {
                registry.counter("marketpipe.collector.source.fallbacks").increment();
            }
            return new Sourced<>(value, role, provider);
        } catch (RuntimeException failure) {
            reporter.failed(context, role, provider, ApiError.of(failure), attempts.get(), elapsedMs(started), false);
            throw failure;
        }
    }

    /** The source collection uses now. */
    public SourceRole active() {
        return active.get();
    }

    @Scheduled(identity = "failover-probe", every = "{marketpipe.collector.failover.probe-interval}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void onSchedule() {
        if (failover.enabled() && active.get() == SourceRole.BACKUP) {
            probePrimary();
        }
    }

    /**
     * Asks the primary for one daily bar (the first configured symbol, the latest past trading day); an answer
     * switches collection back to the primary. Returns whether the primary answered.
     */
    public boolean probePrimary() {
        LocalDate today = LocalDate.ofInstant(clock.now(), calendar.zone());
        List<LocalDate> days = calendar.tradingDays(today.minusDays(PROBE_LOOKBACK_DAYS), today.minusDays(1));
        String day = (days.isEmpty() ? today.minusDays(1) : days.get(days.size() - 1)).toString();
        BarsQuery probe = new BarsQuery(ownership.universe().get(0), BarInterval.ONE_DAY, day, day, 1);
        try {
            primary.fetchBars(probe, new AtomicInteger());
            registry.counter("marketpipe.collector.source.probes", "outcome", "answered").increment();
        } catch (RuntimeException e) {
            registry.counter("marketpipe.collector.source.probes", "outcome", "failed").increment();
            LOG.debugf("primary still failing (%s); staying on the backup", ApiError.of(e).type());
            return false;
        }
        consecutiveFailures.set(0);
        // The primary answered: its breaker's rolling window still holds the outage, and SmallRye would reopen the
        // breaker on the next result. The breakers are unnamed (one per client bean), so they are reset together;
        // the backup's history is of no use once collection leaves it.
        breakers.resetAll();
        switchTo(SourceRole.PRIMARY, "the primary answered the probe");
        return true;
    }

    private void switchTo(SourceRole target, String reason) {
        SourceRole previous = active.getAndSet(target);
        if (previous != target) {
            registry.counter("marketpipe.collector.source.switches", "to", target.code()).increment();
            String provider = (target == SourceRole.BACKUP ? backup : primary).providerName();
            LOG.warnf("collection switched from the %s to the %s source (%s): %s", previous.code(), target.code(),
                    provider, reason);
        }
    }

    private static long elapsedMs(long startedNanos) {
        return (System.nanoTime() - startedNanos) / 1_000_000;
    }
}
