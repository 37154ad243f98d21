package dev.marketpipe.loader.health;

import dev.marketpipe.loader.database.DatabaseFault;
import dev.marketpipe.loader.database.DatabaseFaults;
import dev.marketpipe.loader.database.DatabaseWritability;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * While the database cannot write (disk full), tries one write every
 * {@code marketpipe.loader.database.write-probe-interval}: a {@code data_collection_log} row inserted and rolled
 * back, which needs the same room a load's log row needs. When it succeeds readiness is UP again, without waiting for
 * a load (which a DOWN pod would not get).
 */
@ApplicationScoped
public class WriteProbe {

    private static final Logger LOG = Logger.getLogger(WriteProbe.class);
    private static final String PROBE = "INSERT INTO data_collection_log (status, error_message) "
            + "VALUES ('probe', 'write probe, rolled back')";

    private final DataSource dataSource;
    private final DatabaseWritability writability;

    public WriteProbe(DataSource dataSource, DatabaseWritability writability) {
        this.dataSource = dataSource;
        this.writability = writability;
    }

    @Scheduled(identity = "database-write-probe", every = "{marketpipe.loader.database.write-probe-interval}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void onSchedule() {
        if (writability.unwritable().isPresent()) {
            probe();
        }
    }

    /** Tries one write; answers whether it succeeded (then the database counts as writable again). */
    public boolean probe() {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try (Statement statement = connection.createStatement()) {
                statement.executeUpdate(PROBE);
            } finally {
                connection.rollback();
            }
        } catch (SQLException e) {
            String kind = DatabaseFaults.classify(e).map(DatabaseFault::label).orElse("other");
            LOG.debugf("write probe failed (%s): %s", kind, e.getMessage());
            return false;
        }
        writability.writeSucceeded("write probe");
        return true;
    }
}
