package dev.marketpipe.collector.schedule;

import dev.marketpipe.collector.testing.WireMockResource;
import dev.marketpipe.testsupport.PostgresTestResource;
import io.quarkus.scheduler.Scheduler;
import io.quarkus.scheduler.Trigger;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

/** With the scheduler on, every enabled job of the configuration is scheduled at start-up and disabled ones are not. */
@QuarkusTest
@TestProfile(ScheduledJobsStartTest.SchedulerOn.class)
@QuarkusTestResource(WireMockResource.class)
@QuarkusTestResource(PostgresTestResource.class)
class ScheduledJobsStartTest {

    public static class SchedulerOn implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of(
                    "quarkus.scheduler.enabled", "true",
                    "marketpipe.collector.live.enabled", "true",
                    "marketpipe.collector.schedule.daily.enabled", "false",
                    // far from any session: nothing is due whenever this test runs
                    "marketpipe.collector.schedule.one-minute.cron", "0 0 0 1 1 ? 2099",
                    "marketpipe.collector.schedule.five-minute.cron", "0 0 0 1 1 ? 2099");
        }
    }

    @Inject
    Scheduler scheduler;

    @Test
    void enabledJobsAreScheduledByConfigurationAndDisabledOnesAreNot() {
        Trigger oneMinute = scheduler.getScheduledJob("collect-one-minute");
        assertNotNull(oneMinute, "one-minute job scheduled");
        assertNotNull(scheduler.getScheduledJob("collect-five-minute"), "five-minute job scheduled");
        assertNull(scheduler.getScheduledJob("collect-daily"), "daily job disabled by configuration");
        assertNull(scheduler.getScheduledJob("live-1m"), "the old annotation-driven trigger is gone");
    }
}
