import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;

/**
 * Runs one SQL statement over JDBC and prints its rows like {@code psql -A -t} (columns joined by '|'), so that
 * ./marketpipe needs no psql client: {@code java -cp <PostgreSQL JDBC driver> scripts/Sql.java JDBC_URL SQL}.
 * The user and password come from MARKETPIPE_DB_USER (default postgres) and MARKETPIPE_DB_PASSWORD, never from the
 * command line. Exit status 1 with the database's message on an error.
 */
public final class Sql {

    private Sql() {
    }

    public static void main(String[] args) {
        if (args.length != 2) {
            System.err.println("usage: java -cp <jdbc driver> Sql.java JDBC_URL SQL");
            System.exit(2);
        }
        Properties login = new Properties();
        login.setProperty("user", System.getenv().getOrDefault("MARKETPIPE_DB_USER", "postgres"));
        String password = System.getenv("MARKETPIPE_DB_PASSWORD");
        if (password != null && !password.isEmpty()) {
            login.setProperty("password", password);
        }
        try (Connection db = DriverManager.getConnection(args[0], login);
                Statement statement = db.createStatement()) {
            if (statement.execute(args[1])) {
                print(statement.getResultSet());
            }
        } catch (SQLException e) {
            System.err.println("sql: " + e.getMessage());
            System.exit(1);
        }
    }

    private static void print(ResultSet rows) throws SQLException {
        int columns = rows.getMetaData().getColumnCount();
        StringBuilder out = new StringBuilder();
        while (rows.next()) {
            for (int i = 1; i <= columns; i++) {
                if (i > 1) {
                    out.append('|');
                }
                String value = rows.getString(i);
                out.append(value == null ? "" : value);
            }
            out.append('\n');
        }
        System.out.print(out);
    }
}
