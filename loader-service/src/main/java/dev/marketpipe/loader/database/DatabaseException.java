package dev.marketpipe.loader.database;

import java.sql.SQLException;

/**
 * An {@link SQLException} made unchecked, so that {@code @Transactional} rolls back on it and
 * {@link DatabaseFaults} can still tell an unreachable database from a bug by the SQL state of its cause.
 */
public class DatabaseException extends RuntimeException {

    public DatabaseException(String message, SQLException cause) {
        super(message, cause);
    }
}
