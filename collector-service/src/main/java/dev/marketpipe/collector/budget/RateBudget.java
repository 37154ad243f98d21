package dev.marketpipe.collector.budget;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

import org.jboss.logging.Logger;

import dev.marketpipe.collector.database.Transactions;

import javax.sql.DataSource;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.IntSupplier;

/**
 * One provider's request budget (its rate limit), shared by every job of every collector replica through
 * one row of {@code collector.rate_budget}. Its metrics carry the provider's name ({@code provider} tag).
 *
 * <p>The row keeps the instants (database clock, microseconds) of the grants of the last window (one second plus a
 * small margin for send jitter). A request is granted when fewer than its priority's limit were granted in the
 * window before now, so no one-second window ever holds more than {@code requestsPerSecond} grants, whichever
 * replicas took them. Each decision is one short
 * transaction holding the row lock ({@code SELECT … FOR UPDATE}), and "now" is the database's clock, so replicas
 * with skewed clocks still share one timeline.
 *
 * <p>Priorities: Medium and Low may fill only part of each second (the rest is kept for High); and a refused High
 * (Medium) request marks unmet demand in the row for {@code demandHold}, during which lower priorities are refused
 * outright — so Low is deferred first and High is never starved. A request that waited longer than its priority's
 * {@code maxWait} is shed ({@link BudgetShed}) without being sent.
 *
 * <p>While the row cannot be reached (PostgreSQL down) the replica grants from its fair share of the
 * budget ({@link LocalShare}: each priority's limit divided by the replicas it last saw), so collection goes on and
 * the replicas together stay within the provider's limit; it asks the row again every {@link #UNAVAILABLE_RETRY}.
 * When the row is back, the grants of the last window made locally are written into it, and for one more window plus
 * {@link #UNAVAILABLE_RETRY} the replica keeps to its share as well — the time the other replicas need to find the row
 * back and hand over theirs. (A replica cut off from PostgreSQL while the others still reach it is not covered: they
 * do not see its grants.)
 */
public class RateBudget {

    private static final long MIN_SLEEP_MICROS = 1_000;
    /** How often a request asks again while the budget's row cannot be reached. */
    static final Duration UNAVAILABLE_RETRY = Duration.ofMillis(500);
    private static final Logger LOG = Logger.getLogger(RateBudget.class);

    private final DataSource dataSource;
    private final String provider;
    private final BudgetPolicy policy;
    private final MeterRegistry registry;
    private final Map<Priority, Timer> waits = new EnumMap<>(Priority.class);
    private final LocalShare share;
    private volatile boolean rowReady;
    /** True while grants come from the local share (the row was unreachable at the last attempt). */
    private volatile boolean onLocalShare;
    /** {@link System#nanoTime()} before which the row is not asked again while on the local share. */
    private volatile long nextProbeNanos;
    /** {@link System#nanoTime()} until which the local share still applies after the row came back. */
    private volatile long settleUntilNanos = System.nanoTime();

    public RateBudget(DataSource dataSource, String provider, BudgetPolicy policy, MeterRegistry registry) {
        this(dataSource, provider, policy, registry, () -> 1);
    }

    /** @param replicas the collector replicas this one last saw (its fair share while the row is unreachable) */
    public RateBudget(DataSource dataSource, String provider, BudgetPolicy policy, MeterRegistry registry,
            IntSupplier replicas) {
        this.dataSource = dataSource;
        this.provider = provider;
        this.policy = policy;
        this.registry = registry;
        this.share = policy == null ? null : new LocalShare(policy, replicas);
        for (Priority priority : Priority.values()) {
            waits.put(priority, Timer.builder("marketpipe.collector.budget.wait")
                    .description("Time a securities-API request waited for a rate-budget token")
                    .tag("priority", priority.label())
                    .tag("provider", provider)
                    .serviceLevelObjectives(Duration.ofMillis(10), Duration.ofMillis(100), Duration.ofSeconds(1),
                            Duration.ofSeconds(5))
                    .register(registry));
        }
        if (policy != null) {
            Gauge.builder("marketpipe.collector.budget.limit", policy, BudgetPolicy::requestsPerSecond)
                    .description("Requests per second the shared provider budget allows")
                    .tag("provider", provider)
                    .register(registry);
            Gauge.builder("marketpipe.collector.budget.local", this, b -> b.onLocalShare ? 1 : 0)
                    .description("1 while this replica grants from its fair share (shared budget unreachable)")
                    .tag("provider", provider)
                    .register(registry);
        }
    }

    /** A budget that grants everything at once (budget switched off); still counts the grants. */
    public static RateBudget unlimited(String provider, MeterRegistry registry) {
        return new RateBudget(null, provider, null, registry);
    }

    /** One granted token: when (database clock) and how long the request waited for it. */
    public record Grant(Priority priority, Instant grantedAt, Duration waited) {
    }

    /**
     * Blocks until a token is granted at {@code priority}; throws {@link BudgetShed} when the priority's maximum
     * wait has passed without one.
     */
    public Grant acquire(Priority priority) {
        long started = System.nanoTime();
        if (policy == null) {
            return granted(priority, Instant.now(), started);
        }
        long maxWaitMicros = policy.maxWait(priority).toNanos() / 1_000;
        boolean deferred = false;
        while (true) {
            Decision decision = decideOrWait(priority);
            if (decision.granted()) {
                return granted(priority, decision.at(), started);
            }
            if (!deferred) {
                deferred = true;
                count(priority, decision.storeUnavailable() ? "store_unavailable" : "deferred");
            }
            long waitedMicros = (System.nanoTime() - started) / 1_000;
            if (waitedMicros >= maxWaitMicros) {
                waits.get(priority).record(System.nanoTime() - started, TimeUnit.NANOSECONDS);
                count(priority, "shed");
                throw new BudgetShed(priority, waitedMicros / 1_000);
            }
            long sleep = Math.min(Math.min(decision.retryInMicros(), policy.maxPoll().toNanos() / 1_000),
                    maxWaitMicros - waitedMicros);
            sleep(Math.max(MIN_SLEEP_MICROS, sleep));
        }
    }

    public BudgetPolicy policy() {
        return policy;
    }

    public String provider() {
        return provider;
    }

    private Grant granted(Priority priority, Instant at, long started) {
        long waited = System.nanoTime() - started;
        waits.get(priority).record(waited, TimeUnit.NANOSECONDS);
        count(priority, "granted");
        return new Grant(priority, at, Duration.ofNanos(waited));
    }

    private record Decision(boolean granted, Instant at, long retryInMicros, boolean storeUnavailable) {

        Decision(boolean granted, Instant at, long retryInMicros) {
            this(granted, at, retryInMicros, false);
        }
    }

    /**
     * The shared row's decision; while the row cannot be reached, the local share's (asking the row again every
     * {@link #UNAVAILABLE_RETRY}); just after it came back, both must agree.
     */
    private Decision decideOrWait(Priority priority) {
        long now = System.nanoTime();
        if (onLocalShare && now - nextProbeNanos < 0) {
            return fromLocalShare(priority, now);
        }
        boolean settling = onLocalShare || now - settleUntilNanos < 0;
        if (settling) {
            long wait = share.waitFor(priority, now);
            if (wait > 0) {
                return new Decision(false, null, wait);
            }
        }
        Decision shared;
        try {
            shared = decide(priority, onLocalShare ? share.recentAges(now) : List.of());
        } catch (BudgetStoreUnavailable e) {
            nextProbeNanos = now + UNAVAILABLE_RETRY.toNanos();
            if (!onLocalShare) {
                onLocalShare = true;
                LOG.warnf("rate budget of %s unreachable (%s): granting from this replica's fair share until it is "
                        + "back", provider, e.getMessage());
            }
            return fromLocalShare(priority, now);
        }
        if (onLocalShare) {
            onLocalShare = false;
            settleUntilNanos = System.nanoTime() + policy.window().plus(UNAVAILABLE_RETRY).toNanos();
            LOG.infof("rate budget of %s reachable again: shared by every replica", provider);
        }
        if (settling && shared.granted()) {
            share.record(now);
        }
        return shared;
    }

    private Decision fromLocalShare(Priority priority, long now) {
        long wait = share.take(priority, now);
        if (wait == 0) {
            registry.counter("marketpipe.collector.budget.local.grants", "priority", priority.label(), "provider",
                    provider).increment();
            return new Decision(true, Instant.now(), 0, true);
        }
        return new Decision(false, null, Math.min(wait, UNAVAILABLE_RETRY.toNanos() / 1_000), true);
    }

    /** The budget's row could not be read or written (database unreachable). */
    static final class BudgetStoreUnavailable extends IllegalStateException {
        BudgetStoreUnavailable(String provider, SQLException cause) {
            super("rate budget of " + provider + " unavailable: " + cause.getMessage(), cause);
        }
    }

    /**
     * One transaction: lock the provider's row, read the database clock, add the grants made locally
     * ({@code handedOver}: their ages in micros), grant or refuse, write the row back.
     */
    private Decision decide(Priority priority, List<Long> handedOver) {
        ensureRow();
        try {
            return Transactions.run(dataSource, connection -> decide(connection, priority, handedOver));
        } catch (SQLException e) {
            throw new BudgetStoreUnavailable(provider, e);
        }
    }

    private Decision decide(Connection connection, Priority priority, List<Long> handedOver) throws SQLException {
        List<Long> grants = new ArrayList<>();
        long highDemandUntil;
        long mediumDemandUntil;
        try (PreparedStatement lock = connection.prepareStatement(
                "SELECT grants, high_demand_until, medium_demand_until FROM rate_budget WHERE provider = ? FOR UPDATE")) {
            lock.setString(1, provider);
            try (ResultSet row = lock.executeQuery()) {
                if (!row.next()) {
                    throw new IllegalStateException("rate budget row of " + provider + " missing");
                }
                for (Long grant : (Long[]) row.getArray(1).getArray()) {
                    grants.add(grant);
                }
                highDemandUntil = row.getLong(2);
                mediumDemandUntil = row.getLong(3);
            }
        }
        // read the clock only once the lock is held, so grants are written in clock order
        long now;
        try (PreparedStatement clock = connection.prepareStatement(
                "SELECT (EXTRACT(EPOCH FROM clock_timestamp()) * 1000000)::BIGINT");
                ResultSet result = clock.executeQuery()) {
            result.next();
            now = result.getLong(1);
        }
        long window = policy.window().toNanos() / 1_000;
        handedOver.forEach(age -> grants.add(now - age));
        List<Long> recent = grants.stream().filter(g -> g > now - window).sorted().toList();
        int limit = policy.limit(priority);
        long blockedUntil = switch (priority) {
            case HIGH -> 0;
            case MEDIUM -> highDemandUntil;
            case LOW -> Math.max(highDemandUntil, mediumDemandUntil);
        };
        boolean granted = recent.size() < limit && blockedUntil <= now;
        List<Long> kept = new ArrayList<>(recent);
        long retryIn = 0;
        if (granted) {
            kept.add(now);
        } else {
            long hold = policy.demandHold().toNanos() / 1_000;
            if (priority == Priority.HIGH) {
                highDemandUntil = Math.max(highDemandUntil, now + hold);
            } else if (priority == Priority.MEDIUM) {
                mediumDemandUntil = Math.max(mediumDemandUntil, now + hold);
            }
            // the earliest moment enough of the window's grants have aged out for this priority's limit
            long slotFree = recent.size() < limit ? now : recent.get(recent.size() - limit) + window;
            retryIn = Math.max(slotFree, blockedUntil) - now;
        }
        try (PreparedStatement update = connection.prepareStatement(
                "UPDATE rate_budget SET grants = ?, high_demand_until = ?, medium_demand_until = ?, updated_at = NOW()"
                        + " WHERE provider = ?")) {
            Array array = connection.createArrayOf("bigint", kept.toArray(new Long[0]));
            update.setArray(1, array);
            update.setLong(2, highDemandUntil);
            update.setLong(3, mediumDemandUntil);
            update.setString(4, provider);
            update.executeUpdate();
        }
        return new Decision(granted, Instant.EPOCH.plusNanos(now * 1_000), retryIn);
    }

    private void ensureRow() {
        if (rowReady) {
            return;
        }
        try (Connection connection = dataSource.getConnection();
                PreparedStatement insert = connection.prepareStatement(
                        "INSERT INTO rate_budget (provider) VALUES (?) ON CONFLICT (provider) DO NOTHING")) {
            insert.setString(1, provider);
            insert.executeUpdate();
            rowReady = true;
        } catch (SQLException e) {
            throw new BudgetStoreUnavailable(provider, e);
        }
    }

    private void count(Priority priority, String outcome) {
        registry.counter("marketpipe.collector.budget.requests", "priority", priority.label(), "outcome", outcome,
                "provider", provider).increment();
    }

    private static void sleep(long micros) {
        try {
            TimeUnit.MICROSECONDS.sleep(micros);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for a rate-budget token", e);
        }
    }
}
