package dev.marketpipe.archive.retention;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;

/**
 * Metrics of the archive's retention (Prometheus: {@code marketpipe_archive_retention_compressed_bytes_total},
 * {@code …_deleted_bytes_total{kind="archive|log"}}, {@code …_runs_total{outcome}}). Dry runs count nothing;
 * tags take only the fixed values named here.
 */
@Singleton
public class RetentionMetrics {

    private final Counter compressedBytes;
    private final Counter deletedArchiveBytes;
    private final Counter deletedLogBytes;
    private final Counter succeeded;
    private final Counter partial;
    private final Counter failed;

    @Inject
    public RetentionMetrics(MeterRegistry registry) {
        compressedBytes = Counter.builder("marketpipe.archive.retention.compressed").baseUnit("bytes")
                .description("Bytes of archive files gzipped (size before compression)").register(registry);
        deletedArchiveBytes = deleted(registry, "archive");
        deletedLogBytes = deleted(registry, "log");
        succeeded = runs(registry, "success");
        partial = runs(registry, "partial");
        failed = runs(registry, "failed");
    }

    /** Counts a finished, real (not dry) run. */
    void recorded(RetentionReport report) {
        compressedBytes.increment(report.compressed().bytes());
        deletedArchiveBytes.increment(report.deleted().bytes());
        deletedLogBytes.increment(report.logsDeleted().bytes());
        (report.errors().isEmpty() && report.conflicts().isEmpty() ? succeeded : partial).increment();
    }

    /** Counts a run that stopped (the archive could not be listed). */
    void failed() {
        failed.increment();
    }

    private static Counter deleted(MeterRegistry registry, String kind) {
        return Counter.builder("marketpipe.archive.retention.deleted").baseUnit("bytes").tag("kind", kind)
                .description("Bytes deleted by retention (archive files past their age, old log files)")
                .register(registry);
    }

    private static Counter runs(MeterRegistry registry, String outcome) {
        return Counter.builder("marketpipe.archive.retention.runs").tag("outcome", outcome)
                .description("Retention runs (dry runs not counted): success, partial (some files failed or"
                        + " conflicted) or failed (stopped)").register(registry);
    }
}
