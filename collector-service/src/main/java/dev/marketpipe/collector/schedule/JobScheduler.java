package dev.marketpipe.collector.schedule;

import dev.marketpipe.collector.budget.WorkPriority;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import io.quarkus.scheduler.Scheduler;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Schedules every {@link CollectionJob} bean by its configuration: at its cron, one run at a time, with
 * the job's priority set for the rate budget. A job without configuration stops the start-up, so a new job cannot
 * silently run unscheduled.
 */
@ApplicationScoped
public class JobScheduler {

    private static final Logger LOG = Logger.getLogger(JobScheduler.class);

    private final Instance<CollectionJob> jobs;
    private final ScheduleConfig config;
    private final Scheduler scheduler;
    private final MeterRegistry registry;
    private final boolean schedulerEnabled;

    JobScheduler(Instance<CollectionJob> jobs, ScheduleConfig config, Scheduler scheduler, MeterRegistry registry,
            @ConfigProperty(name = "quarkus.scheduler.enabled", defaultValue = "true") boolean schedulerEnabled) {
        this.jobs = jobs;
        this.config = config;
        this.scheduler = scheduler;
        this.registry = registry;
        this.schedulerEnabled = schedulerEnabled;
    }

    void onStart(@Observes StartupEvent start) {
        List<String> scheduled = new ArrayList<>();
        for (CollectionJob job : jobs) {
            ScheduleConfig.JobSchedule schedule = schedule(job.name());
            if (!schedule.enabled() || !schedulerEnabled) {
                continue;
            }
            scheduler.newJob("collect-" + job.name())
                    .setCron(schedule.cron())
                    .setConcurrentExecution(Scheduled.ConcurrentExecution.SKIP)
                    .setTask(execution -> runNow(job))
                    .schedule();
            scheduled.add(job.name() + " (" + schedule.cron() + ", " + schedule.priority().label() + ")");
        }
        LOG.infof("collection schedule: %s", scheduled.isEmpty() ? "no job enabled" : String.join(", ", scheduled));
    }

    /** Runs one job now, as its schedule would: with its priority, failures logged and counted, never thrown. */
    public void runNow(CollectionJob job) {
        ScheduleConfig.JobSchedule schedule = schedule(job.name());
        try {
            WorkPriority.run(schedule.priority(), job::run);
            count(job, "success");
        } catch (RuntimeException e) {
            count(job, "failure");
            LOG.errorf("collection job %s failed: %s: %s", job.name(), e.getClass().getSimpleName(), e.getMessage());
        }
    }

    /**
     * Runs {@code work} on behalf of the job named {@code name} at that job's configured priority — how a manual
     * trigger of a job takes its rate-budget tokens exactly as the scheduled run would.
     */
    public <T> T callAs(String name, Supplier<T> work) {
        return WorkPriority.call(schedule(name).priority(), work);
    }

    /** The configuration of the job named {@code name}. */
    public ScheduleConfig.JobSchedule schedule(String name) {
        return Optional.ofNullable(config.jobs().get(name)).orElseThrow(() -> new IllegalStateException(
                "collection job '" + name + "' has no schedule: set marketpipe.collector.schedule." + name
                        + ".enabled, .cron and .priority"));
    }

    private void count(CollectionJob job, String outcome) {
        registry.counter("marketpipe.collector.schedule.runs", "job", job.name(), "outcome", outcome).increment();
    }
}
