package dev.marketpipe.collector.budget;

import dev.marketpipe.collector.testing.WireMockResource;
import dev.marketpipe.testsupport.PostgresTestResource;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The shared rate budget against a real PostgreSQL: two {@link RateBudget} instances on one database stand for two
 * collector replicas (each its own instance, metrics and threads, only the database in common).
 */
@QuarkusTest
@QuarkusTestResource(WireMockResource.class)
@QuarkusTestResource(PostgresTestResource.class)
class RateBudgetTest {

    @Inject
    DataSource dataSource;

    private final ExecutorService threads = Executors.newCachedThreadPool();

    @AfterEach
    void stopThreads() throws InterruptedException {
        threads.shutdownNow();
        threads.awaitTermination(30, TimeUnit.SECONDS);
    }

    private static BudgetPolicy policy(int perSecond, Duration highWait, Duration lowWait, Duration demandHold) {
        Map<Priority, Duration> waits = new EnumMap<>(Priority.class);
        waits.put(Priority.HIGH, highWait);
        waits.put(Priority.MEDIUM, lowWait);
        waits.put(Priority.LOW, lowWait);
        return BudgetPolicy.of(perSecond, Duration.ofMillis(50), 0.1, 0.2, waits, demandHold, Duration.ofMillis(50));
    }

    private RateBudget replica(String provider, BudgetPolicy policy, SimpleMeterRegistry registry) {
        return new RateBudget(dataSource, provider, policy, registry);
    }

    /** The most grants that fall into any half-open one-second window [t, t + 1 s). */
    private static int busiestSecond(List<Instant> grants) {
        List<Instant> sorted = new ArrayList<>(grants);
        Collections.sort(sorted);
        int most = 0;
        for (int i = 0, j = 0; i < sorted.size(); i++) {
            while (j < sorted.size() && sorted.get(j).isBefore(sorted.get(i).plusSeconds(1))) {
                j++;
            }
            most = Math.max(most, j - i);
        }
        return most;
    }

    @Test
    void twoReplicasTogetherNeverExceedTheBudgetInAnyOneSecondWindow() throws Exception {
        int perSecond = 5;
        BudgetPolicy policy = policy(perSecond, Duration.ofSeconds(30), Duration.ofSeconds(30), Duration.ofSeconds(1));
        SimpleMeterRegistry metricsA = new SimpleMeterRegistry();
        SimpleMeterRegistry metricsB = new SimpleMeterRegistry();
        RateBudget a = replica("window-test", policy, metricsA);
        RateBudget b = replica("window-test", policy, metricsB);
        List<Instant> grants = Collections.synchronizedList(new ArrayList<>());
        AtomicInteger remaining = new AtomicInteger(30);
        List<Future<?>> workers = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            RateBudget replica = i % 2 == 0 ? a : b;
            Priority priority = Priority.values()[i % 3];
            workers.add(threads.submit(() -> {
                while (remaining.getAndDecrement() > 0) {
                    grants.add(replica.acquire(priority).grantedAt());
                }
            }));
        }
        for (Future<?> worker : workers) {
            worker.get(60, TimeUnit.SECONDS);
        }
        assertEquals(30, grants.size());
        assertTrue(busiestSecond(grants) <= perSecond, "busiest second held " + busiestSecond(grants) + " grants");
        assertEquals(perSecond, busiestSecond(grants), "the budget is used up to its limit, not below");
        assertTrue(granted(metricsA) > 0 && granted(metricsB) > 0, "both replicas were served");
        assertEquals(30, granted(metricsA) + granted(metricsB));
    }

    @Test
    void highRequestsAreGrantedWhileLowOnesWait() throws Exception {
        int perSecond = 4;
        // a long demand hold, so that a stalled High thread on a busy machine does not let Low in by accident
        BudgetPolicy policy = policy(perSecond, Duration.ofSeconds(30), Duration.ofSeconds(30), Duration.ofSeconds(3));
        SimpleMeterRegistry lowMetrics = new SimpleMeterRegistry();
        SimpleMeterRegistry highMetrics = new SimpleMeterRegistry();
        RateBudget lowReplica = replica("priority-test", policy, lowMetrics);
        RateBudget highReplica = replica("priority-test", policy, highMetrics);
        List<Instant> lowGrants = Collections.synchronizedList(new ArrayList<>());
        List<Instant> highGrants = Collections.synchronizedList(new ArrayList<>());
        AtomicBoolean stop = new AtomicBoolean();
        for (int i = 0; i < 4; i++) {
            threads.submit(() -> {
                while (!stop.get()) {
                    lowGrants.add(lowReplica.acquire(Priority.LOW).grantedAt());
                }
            });
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> lowGrants.size() >= 6);

        List<Future<?>> high = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            high.add(threads.submit(() -> {
                for (int n = 0; n < 6; n++) {
                    highGrants.add(highReplica.acquire(Priority.HIGH).grantedAt());
                }
            }));
        }
        for (Future<?> worker : high) {
            worker.get(60, TimeUnit.SECONDS); // a shed High request would fail here
        }
        int lowBefore = lowGrants.size();
        await().atMost(Duration.ofSeconds(30)).until(() -> lowGrants.size() > lowBefore); // Low resumes afterwards
        stop.set(true);

        assertEquals(12, highGrants.size());
        Instant firstHigh = Collections.min(highGrants);
        Instant lastHigh = Collections.max(highGrants);
        long lowDuringHigh = new ArrayList<>(lowGrants).stream()
                .filter(t -> !t.isBefore(firstHigh) && !t.isAfter(lastHigh)).count();
        // 12 High grants at 4/s span about 3 s; Low gets at most what it took before High's demand was first seen
        assertTrue(lowDuringHigh <= perSecond - 1, lowDuringHigh + " Low grants while High was waiting");
        assertTrue(counter(lowMetrics, "low", "deferred") > 0, "Low work was deferred");
        assertEquals(0, counter(highMetrics, "high", "shed"));
        List<Instant> all = new ArrayList<>(lowGrants);
        all.addAll(highGrants);
        assertTrue(busiestSecond(all) <= perSecond);
    }

    @Test
    void lowWorkIsShedAfterItsMaximumWaitWhileHighDemandIsPending() {
        BudgetPolicy policy = policy(1, Duration.ofMillis(50), Duration.ofMillis(100), Duration.ofSeconds(60));
        SimpleMeterRegistry metrics = new SimpleMeterRegistry();
        RateBudget budget = replica("shed-test", policy, metrics);
        budget.acquire(Priority.HIGH);
        // a second High request finds the second used up: it marks High demand (held 60 s here) and gives up
        assertThrows(BudgetShed.class, () -> budget.acquire(Priority.HIGH));
        BudgetShed shed = assertThrows(BudgetShed.class, () -> budget.acquire(Priority.LOW));
        assertTrue(shed.getMessage().contains("low-priority"));
        assertEquals(1, counter(metrics, "low", "deferred"));
        assertEquals(1, counter(metrics, "low", "shed"));
        assertEquals(0, counter(metrics, "low", "granted"));
        assertEquals(1, counter(metrics, "high", "granted"));
    }

    @Test
    void throughAnOutageOfTheBudgetStoreEachReplicaGrantsItsFairShareAndTogetherTheyStayWithinTheLimit()
            throws Exception {
        int perSecond = 4;
        BudgetPolicy policy = policy(perSecond, Duration.ofSeconds(30), Duration.ofSeconds(30), Duration.ofSeconds(1));
        AtomicBoolean down = new AtomicBoolean(true);
        SimpleMeterRegistry metricsA = new SimpleMeterRegistry();
        SimpleMeterRegistry metricsB = new SimpleMeterRegistry();
        RateBudget a = new RateBudget(switchable(down), "outage-share", policy, metricsA, () -> 2);
        RateBudget b = new RateBudget(switchable(down), "outage-share", policy, metricsB, () -> 2);
        List<Instant> grants = Collections.synchronizedList(new ArrayList<>());
        AtomicBoolean running = new AtomicBoolean(true);
        List<Future<?>> workers = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            RateBudget replica = i % 2 == 0 ? a : b;
            workers.add(threads.submit(() -> {
                while (running.get()) {
                    grants.add(replica.acquire(Priority.HIGH).grantedAt());
                }
            }));
        }
        await("both replicas grant from their share").atMost(Duration.ofSeconds(10))
                .until(() -> localGrants(metricsA) >= 3 && localGrants(metricsB) >= 3);
        down.set(false); // PostgreSQL is back: both find the row again and hand over their grants
        int before = grants.size();
        await("grants go on from the shared row").atMost(Duration.ofSeconds(10))
                .until(() -> grants.size() >= before + 3 * perSecond);
        running.set(false);
        for (Future<?> worker : workers) {
            worker.get(30, TimeUnit.SECONDS);
        }
        assertTrue(busiestSecond(grants) <= perSecond, "busiest second held " + busiestSecond(grants) + " grants");
        assertEquals(0, counter(metricsA, "high", "shed") + counter(metricsB, "high", "shed"));
    }

    @Test
    void aShareBelowOneRequestPerSecondStretchesTheWindow() {
        // a paper account's 2 requests/s shared by 3 replicas: one request every two windows (2.1 s) each
        SimpleMeterRegistry metrics = new SimpleMeterRegistry();
        RateBudget budget = new RateBudget(switchable(new AtomicBoolean(true)), "paper-share",
                policy(2, Duration.ofSeconds(10), Duration.ofSeconds(10), Duration.ofSeconds(1)), metrics, () -> 3);
        Instant first = budget.acquire(Priority.HIGH).grantedAt();
        Instant second = budget.acquire(Priority.HIGH).grantedAt();
        // 2.1 s apart on the budget's monotonic clock; the wall-clock stamps may read a millisecond less, and an
        // unstretched window would have allowed it after 1.05 s
        assertTrue(Duration.between(first, second).compareTo(Duration.ofMillis(2_000)) >= 0,
                "second grant " + Duration.between(first, second).toMillis() + " ms after the first");
        assertEquals(2, localGrants(metrics));
    }

    private static double localGrants(SimpleMeterRegistry registry) {
        var counter = registry.find("marketpipe.collector.budget.local.grants").counter();
        return counter == null ? 0 : counter.count();
    }

    /** The test's database, or a refused connection while {@code down} is set: PostgreSQL stopped, as seen by a pool. */
    private DataSource switchable(AtomicBoolean down) {
        return (DataSource) Proxy.newProxyInstance(DataSource.class.getClassLoader(), new Class<?>[] {DataSource.class},
                (proxy, method, args) -> {
                    if (method.getName().equals("getConnection") && down.get()) {
                        throw new SQLException("Connection to 127.0.0.1 refused", "08001");
                    }
                    try {
                        return method.invoke(dataSource, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }

    @Test
    void lowerPrioritiesKeepAShareOfEverySecondFree() {
        BudgetPolicy real = policy(19, Duration.ofSeconds(1), Duration.ofSeconds(1), Duration.ofSeconds(1));
        assertEquals(19, real.limit(Priority.HIGH));
        assertEquals(17, real.limit(Priority.MEDIUM));
        assertEquals(15, real.limit(Priority.LOW));
        BudgetPolicy paper = policy(2, Duration.ofSeconds(1), Duration.ofSeconds(1), Duration.ofSeconds(1));
        assertEquals(2, paper.limit(Priority.HIGH));
        assertEquals(1, paper.limit(Priority.LOW));
    }

    private static double granted(SimpleMeterRegistry registry) {
        return registry.find("marketpipe.collector.budget.requests").tag("outcome", "granted").counters().stream()
                .mapToDouble(c -> c.count()).sum();
    }

    private static double counter(SimpleMeterRegistry registry, String priority, String outcome) {
        var counter = registry.find("marketpipe.collector.budget.requests").tag("priority", priority)
                .tag("outcome", outcome).counter();
        return counter == null ? 0 : counter.count();
    }
}
