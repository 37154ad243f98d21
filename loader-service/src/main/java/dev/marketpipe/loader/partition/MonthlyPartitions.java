package dev.marketpipe.loader.partition;

import dev.marketpipe.loader.database.DatabaseException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.jboss.logging.Logger;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Collection;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Makes sure the monthly partitions a write needs exist, so a load for a month nobody created ahead (an old
 * backfill, a clock far ahead) does not fail for lack of a partition. Known partitions are cached; an unknown one
 * is created with {@code CREATE TABLE IF NOT EXISTS … PARTITION OF} in its own short transaction, outside the
 * batch's, because creating a partition locks the parent table exclusively: held until the batch commits, that
 * lock would stall every other load. Two loader replicas creating the same month at once is safe: the loser's
 * catalog conflict is recognised and the partition counts as created.
 */
@ApplicationScoped
public class MonthlyPartitions {

    private static final Logger LOG = Logger.getLogger(MonthlyPartitions.class);

    /** duplicate_table, and unique_violation on the catalog when two sessions create the same name at once. */
    private static final Set<String> CREATED_CONCURRENTLY = Set.of("42P07", "23505");

    private final DataSource dataSource;
    private final PartitionConfig config;
    private final Set<MonthPartition> known = ConcurrentHashMap.newKeySet();

    public MonthlyPartitions(DataSource dataSource, PartitionConfig config) {
        this.dataSource = dataSource;
        this.config = config;
    }

    /**
     * Creates every partition of {@code partitions} not known yet. Runs outside the caller's transaction
     * (NOT_SUPPORTED); call it before that transaction touches the partitioned table, or the creation would wait
     * for the caller's own lock until {@code lock-timeout}.
     */
    @Transactional(Transactional.TxType.NOT_SUPPORTED)
    public void ensure(Collection<MonthPartition> partitions) {
        for (MonthPartition partition : partitions) {
            if (!known.contains(partition)) {
                create(partition);
                known.add(partition);
            }
        }
    }

    /** Forgets what is cached, so the next {@link #ensure} asks the database again (a partition was dropped). */
    public void forget() {
        known.clear();
    }

    private void create(MonthPartition partition) {
        try (Connection connection = dataSource.getConnection()) {
            boolean autoCommit = connection.getAutoCommit();
            connection.setAutoCommit(false);
            try (Statement statement = connection.createStatement()) {
                statement.execute("SET LOCAL lock_timeout = " + config.lockTimeout().toMillis());
                statement.execute(partition.createSql());
                connection.commit();
                if (statement.getWarnings() == null) {
                    LOG.infof("created partition %s", partition.name());
                }
            } catch (SQLException e) {
                connection.rollback();
                if (!CREATED_CONCURRENTLY.contains(e.getSQLState())) {
                    throw e;
                }
                LOG.debugf("partition %s was created concurrently: %s", partition.name(), e.getMessage());
            } finally {
                connection.setAutoCommit(autoCommit);
            }
        } catch (SQLException e) {
            throw new DatabaseException("creating partition " + partition.name() + " failed", e);
        }
    }
}
