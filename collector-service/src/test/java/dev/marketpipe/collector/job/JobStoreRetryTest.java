package dev.marketpipe.collector.job;

import dev.marketpipe.collector.collection.FetchWindow;
import dev.marketpipe.collector.testing.WireMockResource;
import dev.marketpipe.testsupport.PostgresTestResource;
import dev.marketpipe.wire.BarInterval;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A window whose request failed after its retries is tried again later, with a growing wait, until its attempts are
 * used up; only then does its job fail. Jobs are stored under a kind no runner takes, so the test claims by hand.
 */
@QuarkusTest
@QuarkusTestResource(WireMockResource.class)
@QuarkusTestResource(PostgresTestResource.class)
class JobStoreRetryTest {

    private static final String KIND = "retry-test";
    private static final WindowRetry THREE_ATTEMPTS = new WindowRetry(3, Duration.ofSeconds(10), Duration.ofMinutes(1));

    @Inject
    JobStore store;

    @Test
    void aFailedWindowIsHeldBackThenTriedAgainUntilItsAttemptsAreUsedUp() {
        Instant now = Instant.parse("2025-03-10T00:00:00Z");
        UUID id = job(now);

        JobStore.Claimed first = claimOne(now);
        assertFalse(store.failed(first, "HTTP 503", THREE_ATTEMPTS, now), "tried again, the job goes on");
        assertTrue(claim(now.plusSeconds(9)).isEmpty(), "held back for the first delay");
        JobStore.Claimed second = claimOne(now.plusSeconds(11));

        assertFalse(store.failed(second, "timeout", THREE_ATTEMPTS, now.plusSeconds(11)));
        assertTrue(claim(now.plusSeconds(30)).isEmpty(), "the second wait is twice the first");
        JobStore.Claimed third = claimOne(now.plusSeconds(32));

        assertTrue(store.failed(third, "HTTP 503 again", THREE_ATTEMPTS, now.plusSeconds(32)), "attempts used up");
        JobStore.Job job = store.find(id).orElseThrow();
        assertEquals(JobState.FAILED, job.state());
        assertEquals(1, job.failed());
        assertEquals("HTTP 503 again", job.lastError());
    }

    @Test
    void aWindowThatSucceedsOnItsSecondAttemptLeavesTheJobSucceeded() {
        Instant now = Instant.parse("2025-03-11T00:00:00Z");
        UUID id = job(now);
        store.failed(claimOne(now), "HTTP 502", THREE_ATTEMPTS, now);

        assertTrue(store.succeeded(claimOne(now.plusSeconds(11)), 1, 390, now.plusSeconds(12)));
        JobStore.Job job = store.find(id).orElseThrow();
        assertEquals(JobState.SUCCEEDED, job.state());
        assertEquals(0, job.failed());
        assertEquals(1, job.done());
    }

    @Test
    void aWindowWithoutRetriesFailsAtOnce() {
        Instant now = Instant.parse("2025-03-12T00:00:00Z");
        UUID id = job(now);
        assertTrue(store.failed(claimOne(now), "HTTP 400", WindowRetry.ONCE, now));
        assertEquals(JobState.FAILED, store.find(id).orElseThrow().state());
    }

    private UUID job(Instant now) {
        UUID id = UUID.randomUUID();
        Instant open = now.plus(Duration.ofHours(1));
        store.create(id, KIND, "{}", JobStore.FETCH, List.of(new FetchWindow("RETRY1", BarInterval.ONE_MINUTE,
                "2025-03-10", "2025-03-10", open, open.plus(Duration.ofMinutes(390)))), now);
        return id;
    }

    private List<JobStore.Claimed> claim(Instant at) {
        return store.claim("test-replica", List.of(KIND), List.of("RETRY1"), List.of("RETRY1"), 10,
                Duration.ofMinutes(2), at);
    }

    private JobStore.Claimed claimOne(Instant at) {
        List<JobStore.Claimed> claimed = claim(at);
        assertEquals(1, claimed.size(), "one window to claim at " + at);
        return claimed.get(0);
    }
}
