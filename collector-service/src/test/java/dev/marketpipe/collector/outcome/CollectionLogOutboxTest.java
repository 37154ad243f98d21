package dev.marketpipe.collector.outcome;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.marketpipe.collector.client.LoaderClients;
import dev.marketpipe.collector.testing.WireMockResource;
import dev.marketpipe.testsupport.PostgresTestResource;
import dev.marketpipe.wire.CollectionAttempt;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.sql.DataSource;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Failed-attempt reports are kept in the collector's database until the loader acknowledged them: they survive a
 * restart and an outage of the loader, wait in memory while the database is down, and the oldest are dropped when
 * the outbox is full. Runs against a table of its own schema, so the application's own outbox does not take part.
 */
@QuarkusTest
@QuarkusTestResource(WireMockResource.class)
@QuarkusTestResource(PostgresTestResource.class)
class CollectionLogOutboxTest {

    private static final String SCHEMA = "outbox_test";

    @Inject
    DataSource dataSource;

    @Inject
    ObjectMapper mapper;

    @ConfigProperty(name = "quarkus.datasource.jdbc.url")
    String url;

    @ConfigProperty(name = "quarkus.datasource.username")
    String user;

    private final FlakyLoader loader = new FlakyLoader();
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final List<CollectionLogOutbox> outboxes = new ArrayList<>();
    private volatile boolean databaseDown;

    @BeforeEach
    void table() throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            connection.createStatement().execute("DROP SCHEMA IF EXISTS " + SCHEMA + " CASCADE");
            connection.createStatement().execute("CREATE SCHEMA " + SCHEMA);
            connection.createStatement().execute("CREATE TABLE " + SCHEMA + ".collection_log_outbox"
                    + " (LIKE collector.collection_log_outbox INCLUDING ALL)");
        }
    }

    @AfterEach
    void stop() {
        outboxes.forEach(CollectionLogOutbox::stop);
    }

    @Test
    void reportsKeptWhileTheLoaderIsDownReachItAfterARestartInOrderAndOnce() {
        CollectionLogOutbox before = outbox(100);
        for (String symbol : List.of("A", "B", "C")) {
            before.submit(attempt(symbol)); // returns at once although the loader is down
        }
        await().atMost(Duration.ofSeconds(5)).until(() -> registry.counter(
                "marketpipe.collector.collection.log.post.failures").count() > 0);
        before.stop(); // the collector stops before the loader came back

        loader.up = true;
        CollectionLogOutbox after = outbox(100);
        assertEquals(3, after.pending());
        await().atMost(Duration.ofSeconds(10)).until(() -> after.pending() == 0);
        assertEquals(List.of("A", "B", "C"), loader.received);
        assertEquals(3, loader.ids.stream().distinct().count());
        assertTrue(loader.occurred.stream().allMatch(at -> at != null), "every report says when it failed");
    }

    @Test
    void whenTheOutboxIsFullTheOldestReportsAreDroppedAndCounted() {
        CollectionLogOutbox outbox = outbox(3);
        for (String symbol : List.of("A", "B", "C", "D", "E")) {
            outbox.submit(attempt(symbol));
        }
        await().atMost(Duration.ofSeconds(5)).until(() -> outbox.pending() == 3);
        assertEquals(2.0, registry.counter("marketpipe.collector.collection.log.dropped").count());

        loader.up = true;
        await().atMost(Duration.ofSeconds(10)).until(() -> outbox.pending() == 0);
        assertEquals(List.of("C", "D", "E"), loader.received);
        assertEquals(3.0, registry.counter("marketpipe.collector.collection.log.posted").count());
    }

    @Test
    void whileTheDatabaseIsDownReportsWaitInMemoryAndAreKeptOnceItIsBack() throws SQLException {
        databaseDown = true;
        CollectionLogOutbox outbox = outbox(100);
        outbox.submit(attempt("A"));
        outbox.submit(attempt("B"));
        assertEquals(2, outbox.pending());

        databaseDown = false;
        await().atMost(Duration.ofSeconds(10)).until(() -> count() == 2);
        loader.up = true;
        await().atMost(Duration.ofSeconds(10)).until(() -> outbox.pending() == 0);
        assertEquals(List.of("A", "B"), loader.received);
    }

    @Test
    void aReportTheLoaderRefusesAsInvalidIsDroppedNotRetried() {
        loader.up = true;
        loader.refuse = true;
        CollectionLogOutbox outbox = outbox(100);
        outbox.submit(attempt("A"));
        await().atMost(Duration.ofSeconds(10)).until(() -> outbox.pending() == 0);
        assertEquals(1.0, registry.counter("marketpipe.collector.collection.log.refused").count());
        assertEquals(List.of(), loader.received);
    }

    private CollectionLogOutbox outbox(int capacity) {
        CollectionLogStore store = new CollectionLogStore(testSchema(), mapper);
        CollectionLogOutbox outbox = new CollectionLogOutbox(LoaderClients.posting(loader::record), store,
                config(capacity), registry, java.time.Clock.systemUTC());
        outbox.start();
        outboxes.add(outbox);
        return outbox;
    }

    private int count() throws SQLException {
        try (Connection connection = dataSource.getConnection();
                var rows = connection.createStatement().executeQuery(
                        "SELECT COUNT(*) FROM " + SCHEMA + ".collection_log_outbox")) {
            rows.next();
            return rows.getInt(1);
        }
    }

    /**
     * The application's database in the test's schema (connections of their own, not the application's pool), refusing
     * connections while {@code databaseDown}.
     */
    private DataSource testSchema() {
        PGSimpleDataSource database = new PGSimpleDataSource();
        database.setUrl(url);
        database.setUser(user);
        database.setCurrentSchema(SCHEMA);
        return (DataSource) Proxy.newProxyInstance(DataSource.class.getClassLoader(), new Class<?>[] {DataSource.class},
                (proxy, method, args) -> {
                    if (databaseDown && method.getName().equals("getConnection")) {
                        throw new SQLException("Connection refused (test)");
                    }
                    try {
                        return method.invoke(database, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }

    private static CollectionLogConfig config(int capacity) {
        return new CollectionLogConfig() {
            @Override
            public int queueCapacity() {
                return capacity;
            }

            @Override
            public Duration pollInterval() {
                return Duration.ofMillis(50);
            }

            @Override
            public Duration retryInitialDelay() {
                return Duration.ofMillis(10);
            }

            @Override
            public Duration retryMaxDelay() {
                return Duration.ofMillis(40);
            }
        };
    }

    private static CollectionAttempt attempt(String symbol) {
        return new CollectionAttempt(symbol, "1m", "market_data", "error", 0, "HTTP 503", 10L, "server_error",
                "primary", "simulator", 4, null, null);
    }

    private static final class FlakyLoader {
        volatile boolean up;
        volatile boolean refuse;
        final List<String> received = new CopyOnWriteArrayList<>();
        final List<UUID> ids = new CopyOnWriteArrayList<>();
        final List<java.time.Instant> occurred = new CopyOnWriteArrayList<>();

        Response record(CollectionAttempt attempt) {
            if (!up) {
                throw new ProcessingException("connection refused");
            }
            if (refuse) {
                throw new jakarta.ws.rs.WebApplicationException(Response.status(400).build());
            }
            received.add(attempt.symbol());
            ids.add(attempt.attemptId());
            occurred.add(attempt.occurredAt());
            return Response.status(201).build();
        }
    }
}
