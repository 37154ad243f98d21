package dev.marketpipe.loader.load;

import dev.marketpipe.loader.LoaderApi;
import dev.marketpipe.loader.TestBatches;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.marketpipe.testsupport.LogCapture;
import dev.marketpipe.testsupport.PostgresTestResource;
import dev.marketpipe.wire.BarInterval;
import dev.marketpipe.wire.ValidatedBatch;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The lines the loader writes while it loads a batch carry that batch's id (MDC batchId). */
@QuarkusTest
@QuarkusTestResource(PostgresTestResource.class)
@TestSecurity(user = "tester", roles = {"reader", "operator", "reviewer", "pipeline"})
class BatchIdLoggingTest {

    private static final Instant OPEN_2025_03_05 = Instant.parse("2025-03-05T00:00:00Z");

    @Inject
    ObjectMapper objectMapper;

    @Test
    void linesOfALoadCarryItsBatchIdAndOnlyThatOne() {
        LoaderApi api = new LoaderApi(objectMapper);
        String symbol = TestBatches.uniqueSymbol();
        ValidatedBatch first = TestBatches.accepted(symbol, BarInterval.ONE_MINUTE,
                TestBatches.bars(symbol, OPEN_2025_03_05, BarInterval.ONE_MINUTE, 3));
        ValidatedBatch second = TestBatches.accepted(symbol, BarInterval.ONE_MINUTE,
                TestBatches.bars(symbol, OPEN_2025_03_05.plusSeconds(600), BarInterval.ONE_MINUTE, 3));
        try (LogCapture logs = LogCapture.start()) {
            api.load(first);
            api.load(second);
            api.load(first); // a redelivery: "already loaded", still its own id

            assertHandledUnderItsId(logs, first, 2); // loaded, then "already loaded"
            assertHandledUnderItsId(logs, second, 1);
            assertTrue(logs.lines().stream().filter(l -> l.batchId() != null)
                            .allMatch(l -> l.batchId().equals(first.batchId().toString())
                                    || l.batchId().equals(second.batchId().toString())),
                    "no other id on any line: " + logs.lines());
            assertFalse(logs.taggedWith(first.batchId().toString()).stream()
                            .anyMatch(l -> l.message().contains(second.batchId().toString())),
                    "the first batch's id did not stay on the thread for the second");
        }
    }

    private static void assertHandledUnderItsId(LogCapture logs, ValidatedBatch batch, int expectedLines) {
        String id = batch.batchId().toString();
        List<LogCapture.Line> handling = logs.mentioning(id);
        assertEquals(expectedLines, handling.size(), "lines naming " + id + ": " + logs.lines());
        handling.forEach(line -> assertEquals(id, line.batchId(), "MDC batchId on " + line));
    }
}
