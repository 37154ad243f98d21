package dev.marketpipe.collector.outcome;

import dev.marketpipe.wire.CollectionAttempt;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.core.Response;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** The bounded queue between collection and the loader: never blocks, drops the oldest when full, retries. */
class CollectionLogOutboxTest {

    private static final class FlakyLoader implements CollectionLogApi {
        volatile boolean up;
        final List<String> received = new CopyOnWriteArrayList<>();

        @Override
        public Response record(CollectionAttempt attempt) {
            if (!up) {
                throw new ProcessingException("connection refused");
            }
            received.add(attempt.symbol());
            return Response.status(201).build();
        }
    }

    private static CollectionLogConfig config(int capacity) {
        return new CollectionLogConfig() {
            @Override
            public int queueCapacity() {
                return capacity;
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
                "primary", "simulator", 4);
    }

    @Test
    void whileTheLoaderIsDownReportsWaitAndTheOldestAreDroppedWhenFull() {
        FlakyLoader loader = new FlakyLoader();
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        CollectionLogOutbox outbox = new CollectionLogOutbox(loader, config(3), registry);
        for (String symbol : List.of("A", "B", "C", "D", "E")) {
            outbox.submit(attempt(symbol)); // returns at once although the loader is down
        }
        assertEquals(3, outbox.pending());
        assertEquals(2.0, registry.counter("marketpipe.collector.collection.log.dropped").count());

        loader.up = true;
        await().atMost(Duration.ofSeconds(5)).until(() -> outbox.pending() == 0);
        assertEquals(List.of("C", "D", "E"), loader.received);
        assertEquals(3.0, registry.counter("marketpipe.collector.collection.log.posted").count());
        outbox.stop();
    }
}
