package dev.marketpipe.archive.backup;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Metrics of the archive's backup and restore, registered at start so alerts see them before the first run:
 * {@code marketpipe_archive_{backup,restore}_copied_bytes_total}, {@code …_objects_total{outcome}} (copied,
 * present, repaired, failed — failed means the copy did not verify after its retry or could not be written; a
 * restore adds corrupt_source and conflict), {@code …_runs_total{outcome}} (complete, incomplete, failed) and
 * {@code marketpipe_archive_backup_last_complete_timestamp_seconds}, so an alert can fire when no backup has
 * completed for too long. Tags take only these fixed values, never a date or a ref.
 */
@Singleton
public class BackupMetrics {

    private static final List<String> OBJECT_OUTCOMES =
            List.of("copied", "present", "repaired", "failed", "corrupt_source", "conflict");
    private static final List<String> RUN_OUTCOMES = List.of("complete", "incomplete", "failed");

    private final Map<String, Counter> counters = new HashMap<>();
    private final AtomicLong lastComplete = new AtomicLong();

    @Inject
    public BackupMetrics(MeterRegistry registry) {
        for (String operation : List.of("backup", "restore")) {
            counters.put(operation + ".bytes", Counter.builder("marketpipe.archive." + operation + ".copied")
                    .baseUnit("bytes").description("Bytes written by " + operation + " runs and verified")
                    .register(registry));
            for (String outcome : OBJECT_OUTCOMES) {
                if (operation.equals("backup") && (outcome.equals("corrupt_source") || outcome.equals("conflict"))) {
                    continue; // only a restore refuses objects
                }
                counters.put(operation + ".objects." + outcome, Counter.builder("marketpipe.archive." + operation
                        + ".objects").tag("outcome", outcome)
                        .description("Objects handled by " + operation + " runs, by outcome").register(registry));
            }
            for (String outcome : RUN_OUTCOMES) {
                counters.put(operation + ".runs." + outcome, Counter.builder("marketpipe.archive." + operation
                        + ".runs").tag("outcome", outcome)
                        .description(operation + " runs: complete, incomplete (some objects not copied) or failed")
                        .register(registry));
            }
        }
        Gauge.builder("marketpipe.archive.backup.last.complete.timestamp", lastComplete, AtomicLong::get)
                .baseUnit("seconds")
                .description("When a backup run last completed with every object verified (0: not since start)")
                .register(registry);
    }

    void backupRun(BackupReport report) {
        report.days().forEach(day -> day("backup", day));
        counters.get("backup.runs." + (report.complete() ? "complete" : "incomplete")).increment();
        if (report.complete()) {
            lastComplete.set(report.finishedAt().getEpochSecond());
        }
    }

    void restoreRun(DayCopyReport day) {
        day("restore", day);
        counters.get("restore.runs." + (day.complete() ? "complete" : "incomplete")).increment();
    }

    /** A run that stopped before finishing (a store could not be listed). */
    void failed(String operation) {
        counters.get(operation + ".runs.failed").increment();
    }

    private void day(String operation, DayCopyReport day) {
        counters.get(operation + ".bytes").increment(day.bytesCopied());
        counters.get(operation + ".objects.copied").increment(day.copied() - day.repaired());
        counters.get(operation + ".objects.repaired").increment(day.repaired());
        counters.get(operation + ".objects.present").increment(day.present());
        counters.get(operation + ".objects.failed").increment(day.failed().size());
        if (operation.equals("restore")) {
            counters.get("restore.objects.corrupt_source").increment(day.corruptSource().size());
            counters.get("restore.objects.conflict").increment(day.conflicts().size());
        }
    }
}
