package dev.marketpipe.collector.schedule;

import dev.marketpipe.collector.budget.Priority;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithParentName;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * The collection schedule, one entry per {@link CollectionJob} under
 * {@code marketpipe.collector.schedule.<job>}; the defaults are in application.properties.
 */
@ConfigMapping(prefix = "marketpipe.collector.schedule")
public interface ScheduleConfig {

    @WithParentName
    Map<String, JobSchedule> jobs();

    interface JobSchedule {
        boolean enabled();

        /** Quartz cron: when the job looks for due work (it asks the market calendar whether there is any). */
        String cron();

        /** Priority of the job's API requests in the shared rate budget. */
        Priority priority();

        /** A job-specific delay, e.g. how long after the close the daily bar is collected. */
        Optional<Duration> delay();
    }
}
