package dev.marketpipe.loader.collectionlog;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;

/**
 * Deletes {@code data_collection_log} rows older than {@code marketpipe.loader.collection-log.retention} (90 days),
 * daily at 03:00 KST by default, in chunks of {@code purge-chunk-size} rows, each chunk committed on its own: a purge
 * of millions of rows never holds one long transaction or lock, and one stopped halfway keeps what it did. Logs how
 * many rows went and counts them in {@code marketpipe_loader_collection_log_rows_purged_total}.
 */
@ApplicationScoped
public class CollectionLogPurge {

    private static final Logger LOG = Logger.getLogger(CollectionLogPurge.class);
    private static final String DELETE_CHUNK = "DELETE FROM data_collection_log WHERE id IN (SELECT id FROM "
            + "data_collection_log WHERE \"timestamp\" < ? ORDER BY \"timestamp\" LIMIT ?)";

    private final DataSource dataSource;
    private final CollectionLogRetention config;
    private final Counter purged;

    public CollectionLogPurge(DataSource dataSource, CollectionLogRetention config, MeterRegistry registry) {
        this.dataSource = dataSource;
        this.config = config;
        this.purged = Counter.builder("marketpipe.loader.collection.log.rows.purged")
                .description("data_collection_log rows deleted for being older than the retention").register(registry);
    }

    @Scheduled(identity = "collection-log-purge", cron = "{marketpipe.loader.collection-log.purge-cron}",
            timeZone = "Asia/Seoul", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void onSchedule() {
        if (!config.purgeEnabled()) {
            return;
        }
        try {
            purge(Instant.now());
        } catch (SQLException e) {
            LOG.warnf("collection-log purge stopped (the next run goes on): %s", e.getMessage());
        }
    }

    /** Deletes every row older than the retention as seen at {@code now}; answers how many went. */
    public long purge(Instant now) throws SQLException {
        Instant cutoff = now.minus(config.retention());
        long total = 0;
        int chunks = 0;
        try (Connection connection = dataSource.getConnection();
                PreparedStatement delete = connection.prepareStatement(DELETE_CHUNK)) {
            connection.setAutoCommit(true); // every chunk its own transaction
            delete.setTimestamp(1, Timestamp.from(cutoff));
            delete.setInt(2, config.purgeChunkSize());
            int deleted;
            do {
                deleted = delete.executeUpdate();
                total += deleted;
                purged.increment(deleted);
                chunks++;
            } while (deleted == config.purgeChunkSize());
        }
        LOG.infof("collection-log purge: deleted %d rows older than %s (retention %d days) in %d chunk(s)", total,
                cutoff, config.retention().toDays(), chunks);
        return total;
    }
}
