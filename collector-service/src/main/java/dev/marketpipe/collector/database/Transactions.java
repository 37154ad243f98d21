package dev.marketpipe.collector.database;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;

/**
 * One JDBC transaction on the collector's database: committed when the work returns, rolled back when it throws.
 * The stores that keep shared state this way (rate budget, provider token, durable jobs) turn the
 * {@link SQLException} of an unreachable database into their own "unavailable" error.
 */
public final class Transactions {

    private Transactions() {
    }

    /** Work within the transaction. */
    @FunctionalInterface
    public interface Work<T> {
        T run(Connection connection) throws SQLException;
    }

    public static <T> T run(DataSource dataSource, Work<T> work) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            boolean autoCommit = connection.getAutoCommit();
            connection.setAutoCommit(false);
            try {
                T result = work.run(connection);
                connection.commit();
                return result;
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            } finally {
                connection.setAutoCommit(autoCommit);
            }
        }
    }
}
