package dev.marketpipe.loader.partition;

import dev.marketpipe.loader.database.DatabaseException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.jboss.logging.Logger;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Makes sure the partitions a write needs exist (the intraday bars' months, the ticks' days), so a load for a month
 * or day nobody created ahead (an old backfill, a clock far ahead) does not fail for lack of a partition. Known
 * partitions are cached; an unknown one is created with {@code CREATE TABLE IF NOT EXISTS … PARTITION OF} in its own
 * short transaction, outside the batch's, because creating a partition locks the parent table exclusively: held
 * until the batch commits, that lock would stall every other load. Two loader replicas creating the same partition
 * at once is safe: the loser's catalog conflict is recognised and the partition counts as created.
 */
@ApplicationScoped
public class TablePartitions {

    private static final Logger LOG = Logger.getLogger(TablePartitions.class);

    /** duplicate_table, and unique_violation on the catalog when two sessions create the same name at once. */
    private static final Set<String> CREATED_CONCURRENTLY = Set.of("42P07", "23505");

    private final DataSource dataSource;
    private final PartitionConfig config;
    private final Set<TablePartition> known = ConcurrentHashMap.newKeySet();

    public TablePartitions(DataSource dataSource, PartitionConfig config) {
        this.dataSource = dataSource;
        this.config = config;
    }

    /**
     * Creates every partition of {@code partitions} not known yet. Runs outside the caller's transaction
     * (NOT_SUPPORTED); call it before that transaction touches the partitioned table, or the creation would wait
     * for the caller's own lock until {@code lock-timeout}.
     */
    @Transactional(Transactional.TxType.NOT_SUPPORTED)
    public void ensure(Collection<? extends TablePartition> partitions) {
        for (TablePartition partition : partitions) {
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

    /** The names of {@code table}'s partitions. */
    @Transactional(Transactional.TxType.NOT_SUPPORTED)
    public List<String> partitionsOf(String table) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement("SELECT c.relname FROM pg_inherits i "
                        + "JOIN pg_class c ON c.oid = i.inhrelid JOIN pg_class p ON p.oid = i.inhparent "
                        + "WHERE p.relname = ? ORDER BY c.relname")) {
            statement.setString(1, table);
            List<String> names = new ArrayList<>();
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    names.add(rows.getString(1));
                }
            }
            return names;
        } catch (SQLException e) {
            throw new DatabaseException("listing the partitions of " + table + " failed", e);
        }
    }

    /** Drops {@code partition} with its rows (retention), in its own transaction and within the lock timeout. */
    @Transactional(Transactional.TxType.NOT_SUPPORTED)
    public void drop(TablePartition partition) {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            connection.setAutoCommit(false);
            statement.execute("SET LOCAL lock_timeout = " + config.lockTimeout().toMillis());
            statement.execute("DROP TABLE IF EXISTS " + partition.name());
            connection.commit();
            known.remove(partition);
            LOG.infof("dropped partition %s (retention)", partition.name());
        } catch (SQLException e) {
            throw new DatabaseException("dropping partition " + partition.name() + " failed", e);
        }
    }

    private void create(TablePartition partition) {
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
