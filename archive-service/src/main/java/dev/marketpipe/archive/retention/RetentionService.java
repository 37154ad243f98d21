package dev.marketpipe.archive.retention;

import dev.marketpipe.archive.store.ConfiguredArchiveStore;
import dev.marketpipe.calendar.MarketCalendar;
import io.quarkus.runtime.Startup;
import io.quarkus.scheduler.Scheduled;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Runs the archive's retention daily ({@code marketpipe.archive.retention.cron}) and on demand, one run at a time per
 * instance. Built at start-up so a wrong critical rule stops the service rather than the first night's run.
 * Replicas sharing a store may each run it: every step is idempotent and tolerates the others.
 */
@Singleton
@Startup
public class RetentionService {

    private static final Logger LOG = Logger.getLogger(RetentionService.class);

    private final RetentionConfig config;
    private final RetentionJob job;
    private final RetentionMetrics metrics;
    private final ReentrantLock running = new ReentrantLock();

    @Inject
    public RetentionService(RetentionConfig config, ConfiguredArchiveStore store, RetentionMetrics metrics) {
        this.config = config;
        this.metrics = metrics;
        this.job = new RetentionJob(store.get(),
                new RetentionPolicy(config.compressAfterDays(), config.deleteAfterDays()),
                CriticalData.of(config.critical()),
                config.logDir().map(dir -> new LogFolder(Path.of(dir), config.logMaxAgeDays())),
                Clock.system(MarketCalendar.KRX_ZONE));
    }

    /** Runs now; empty when a run is already in progress on this instance. */
    public Optional<RetentionReport> run(boolean dryRun) throws IOException {
        if (!running.tryLock()) {
            return Optional.empty();
        }
        try {
            RetentionReport report = job.run(dryRun);
            if (!dryRun) {
                metrics.recorded(report);
            }
            LOG.infof("retention%s: compressed %d files (%d bytes), deleted %d files (%d bytes) and %d log files,"
                            + " kept %d critical; %d conflicts, %d errors", dryRun ? " (dry run)" : "",
                    report.compressed().files(), report.compressed().bytes(), report.deleted().files(),
                    report.deleted().bytes(), report.logsDeleted().files(), report.keptCritical().files(),
                    report.conflicts().size(), report.errors().size());
            return Optional.of(report);
        } catch (IOException | RuntimeException e) {
            if (!dryRun) {
                metrics.failed();
            }
            throw e;
        } finally {
            running.unlock();
        }
    }

    @Scheduled(identity = "archive-retention", cron = "{marketpipe.archive.retention.cron}", timeZone = "Asia/Seoul",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void onSchedule() {
        if (!config.enabled()) {
            return;
        }
        try {
            if (run(false).isEmpty()) {
                LOG.info("retention: a run is still in progress; this one skipped");
            }
        } catch (IOException | RuntimeException e) {
            LOG.errorf(e, "retention run failed; the next run tries again");
        }
    }
}
