package dev.marketpipe.archive;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.marketpipe.archive.config.RawJsonFidelity;
import dev.marketpipe.wire.CollectedBatch;

import java.io.UncheckedIOException;
import java.util.UUID;

/** Request bodies and batches for tests, written as JSON text so the raw response's exact bytes are known. */
public final class TestBatches {

    /** A {@code GET /market/data} response, compact, with a decimal whose trailing zero must survive archiving. */
    public static final String RAW = "{\"status\":\"success\",\"data\":[{\"timestamp\":\"2025-03-04T00:00:00Z\","
            + "\"symbol\":\"005930\",\"open\":75000,\"high\":75500,\"low\":74800,\"close\":75200.50,"
            + "\"volume\":1500000,\"value\":112800000000}],"
            + "\"meta\":{\"total_records\":1,\"page\":1,\"total_pages\":1,\"limit\":1000}}";

    private static final ObjectMapper MAPPER = RawJsonFidelity.newMapper();

    private TestBatches() {
    }

    public static String body(UUID id, String symbol, String windowStart) {
        return body(id, "market_data", symbol, windowStart, RAW);
    }

    public static String body(UUID id, String dataType, String symbol, String windowStart, String raw) {
        return "{\"batchId\":\"" + id + "\",\"dataType\":\"" + dataType + "\","
                + (symbol == null ? "" : "\"symbol\":\"" + symbol + "\",")
                + "\"interval\":\"1m\",\"source\":\"primary\",\"provider\":\"simulator\","
                + "\"windowStart\":\"" + windowStart + "\",\"windowEnd\":null,\"page\":1,"
                + "\"fetchedAt\":\"2025-03-04T06:31:02Z\",\"apiLatencyMs\":12,\"attempts\":1,"
                + "\"apiVersion\":\"v1\",\"collectorVersion\":\"0.1.0\",\"rawResponse\":" + raw + ","
                + "\"bars\":[{\"timestamp\":\"2025-03-04T00:00:00Z\",\"symbol\":\"005930\",\"open\":75000,"
                + "\"high\":75500,\"low\":74800,\"close\":75200.50,\"volume\":1500000,\"value\":112800000000}]}";
    }

    public static CollectedBatch batch(UUID id, String symbol, String windowStart) {
        return batch(id, "market_data", symbol, windowStart);
    }

    /** A batch of any data type ({@code symbol} may be null), with the market-data raw response. */
    public static CollectedBatch batch(UUID id, String dataType, String symbol, String windowStart) {
        try {
            return MAPPER.readValue(body(id, dataType, symbol, windowStart, RAW), CollectedBatch.class);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static ObjectMapper mapper() {
        return MAPPER;
    }
}
