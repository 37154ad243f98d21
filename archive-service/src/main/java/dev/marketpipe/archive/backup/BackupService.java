package dev.marketpipe.archive.backup;

import dev.marketpipe.archive.store.ArchiveDay;
import dev.marketpipe.archive.store.ArchiveStore;
import dev.marketpipe.archive.store.ConfiguredArchiveStore;
import dev.marketpipe.calendar.MarketCalendar;
import io.quarkus.runtime.Startup;
import io.quarkus.scheduler.Scheduled;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The archive's backup: every night the finished days before today (KST) are
 * copied to the {@link BackupTarget} and verified, and a day can be restored from it. One backup or restore at a
 * time per instance; both are idempotent, so replicas sharing a store may each run them. Started with the service
 * so a target that cannot be used stops it at once.
 */
@Singleton
@Startup
public class BackupService {

    private static final Logger LOG = Logger.getLogger(BackupService.class);

    private final BackupConfig config;
    private final ArchiveStore live;
    private final BackupTarget target;
    private final BackupMetrics metrics;
    private final Clock clock;
    private final ReentrantLock running = new ReentrantLock();
    private volatile BackupReport lastRun;
    private volatile Instant lastCompleteRunAt;

    @Inject
    public BackupService(BackupConfig config, ConfiguredArchiveStore live, BackupTarget target,
                         BackupMetrics metrics) {
        this.config = config;
        this.live = live.get();
        this.target = target;
        this.metrics = metrics;
        this.clock = Clock.system(MarketCalendar.KRX_ZONE);
        LOG.infof("archive backups go to %s", target.description());
    }

    /** Today in the exchange's zone: the first day a backup does not consider finished. */
    public LocalDate today() {
        return LocalDate.now(clock);
    }

    /**
     * Copies {@code date}, or without one the {@code lookback-days} days before today, to the backup target.
     * Empty when a backup or restore is in progress on this instance.
     */
    public Optional<BackupReport> backup(Optional<LocalDate> date, String trigger) throws IOException {
        if (!running.tryLock()) {
            return Optional.empty();
        }
        try {
            Instant started = clock.instant();
            List<DayCopyReport> days = new ArrayList<>();
            DayCopy copy = new DayCopy(live, target.store(), DayCopy.Direction.BACKUP);
            for (LocalDate day : date.map(List::of).orElseGet(this::lookbackDays)) {
                DayCopyReport report = copy.copy(new ArchiveDay(day));
                if (report.objects() > 0 || date.isPresent()) {
                    days.add(report);
                }
            }
            BackupReport report = new BackupReport(trigger, target.description(), started, clock.instant(), days);
            metrics.backupRun(report);
            lastRun = report;
            if (report.complete()) {
                lastCompleteRunAt = report.finishedAt();
            } else {
                LOG.errorf("backup to %s incomplete: %s", target.description(), report);
            }
            return Optional.of(report);
        } catch (IOException | RuntimeException e) {
            metrics.failed("backup");
            throw e;
        } finally {
            running.unlock();
        }
    }

    /**
     * Brings {@code date} back from the backup target into the live archive: missing objects, and live objects
     * that are damaged. Empty when a backup or restore is in progress on this instance.
     */
    public Optional<DayCopyReport> restore(LocalDate date) throws IOException {
        if (!running.tryLock()) {
            return Optional.empty();
        }
        try {
            DayCopyReport report = new DayCopy(target.store(), live, DayCopy.Direction.RESTORE)
                    .copy(new ArchiveDay(date));
            if (report.objects() > 0) { // nothing backed up for that day: not a restore (answered 404)
                metrics.restoreRun(report);
                LOG.infof("restore of %s from %s: %s", date, target.description(), report);
            }
            return Optional.of(report);
        } catch (IOException | RuntimeException e) {
            metrics.failed("restore");
            throw e;
        } finally {
            running.unlock();
        }
    }

    public BackupStatus status() {
        return new BackupStatus(target.description(), config.enabled(), running.isLocked(), lastRun,
                lastCompleteRunAt);
    }

    @Scheduled(identity = "archive-backup", cron = "{marketpipe.archive.backup.cron}", timeZone = "Asia/Seoul",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void onSchedule() {
        if (!config.enabled()) {
            return;
        }
        try {
            if (backup(Optional.empty(), "schedule").isEmpty()) {
                LOG.info("backup: a backup or restore is in progress; this run skipped");
            }
        } catch (IOException | RuntimeException e) {
            LOG.errorf(e, "backup to %s failed; the next run tries again", target.description());
        }
    }

    private List<LocalDate> lookbackDays() {
        LocalDate today = today();
        List<LocalDate> days = new ArrayList<>();
        for (int back = config.lookbackDays(); back >= 1; back--) {
            days.add(today.minusDays(back));
        }
        return days;
    }
}
