package dev.marketpipe.wire;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.quarkus.runtime.annotations.RegisterForReflection;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * One securities-API response, as the collector hands it to the archive ({@code POST /v1/batches}) and as the
 * archive forwards it to the validator (then with {@link #archiveRef()} set and the raw response reduced to its
 * {@code meta}, see {@link #forwarded()}).
 *
 * @param batchId       stable id of this response; every stage is idempotent on it
 * @param windowStart   first instant the request asked for (inclusive)
 * @param windowEnd     last instant the request asked for (exclusive)
 * @param page          page number of the response (1-based) when the provider paged the window
 * @param rawResponse   the response body exactly as received (after the archive: its {@code meta} only)
 * @param bars          the records the provider adapter read from {@code rawResponse}, in response order
 * @param archiveRef    path of the archived envelope, relative to the archive root; {@code null} until archived
 * @param records       the non-bar records (order books, account, positions, orders); null for market data
 */
@RegisterForReflection
public record CollectedBatch(
        UUID batchId,
        DataType dataType,
        String symbol,
        BarInterval interval,
        SourceRole source,
        String provider,
        Instant windowStart,
        Instant windowEnd,
        int page,
        Instant fetchedAt,
        long apiLatencyMs,
        int attempts,
        String apiVersion,
        String collectorVersion,
        JsonNode rawResponse,
        List<Bar> bars,
        String archiveRef,
        BatchRecords records) {

    private static final String ACCOUNT_NUMBER = "account_number";

    /** The canonical constructor is the JSON creator (the shorter one is for Java call sites). */
    @JsonCreator
    public CollectedBatch {
    }

    /** A market-data batch: bars only (the shape every bar call site builds). */
    public CollectedBatch(UUID batchId, DataType dataType, String symbol, BarInterval interval, SourceRole source,
            String provider, Instant windowStart, Instant windowEnd, int page, Instant fetchedAt, long apiLatencyMs,
            int attempts, String apiVersion, String collectorVersion, JsonNode rawResponse, List<Bar> bars,
            String archiveRef) {
        this(batchId, dataType, symbol, interval, source, provider, windowStart, windowEnd, page, fetchedAt,
                apiLatencyMs, attempts, apiVersion, collectorVersion, rawResponse, bars, archiveRef, null);
    }

    public CollectedBatch withArchiveRef(String ref) {
        return new CollectedBatch(batchId, dataType, symbol, interval, source, provider, windowStart, windowEnd,
                page, fetchedAt, apiLatencyMs, attempts, apiVersion, collectorVersion, rawResponse, bars, ref, records);
    }

    /**
     * The batch as the archive forwards it once archived: the raw response stays in the archive (under
     * {@link #archiveRef()}) and only its {@code meta} object travels on (paging: {@code page}, {@code total_pages},
     * which the validator's gap scan reads), with an account number masked; no stage after the archive reads the raw
     * body. It was half the bytes of every later hop and of every outbox entry (as a profile of a backfill showed).
     */
    public CollectedBatch forwarded() {
        if (rawResponse == null) {
            return this;
        }
        JsonNode meta = rawResponse.get("meta");
        if (meta instanceof ObjectNode object && object.hasNonNull(ACCOUNT_NUMBER)) {
            // the account number travels masked only (docs/SECURITY.md); the clear one stays in the archived file
            meta = object.deepCopy().put(ACCOUNT_NUMBER, AccountNumberMask.mask(object.get(ACCOUNT_NUMBER).asText()));
        }
        JsonNode kept = meta == null ? null : JsonNodeFactory.instance.objectNode().set("meta", meta);
        return new CollectedBatch(batchId, dataType, symbol, interval, source, provider, windowStart, windowEnd,
                page, fetchedAt, apiLatencyMs, attempts, apiVersion, collectorVersion, kept, bars, archiveRef, records);
    }

    /** Bars plus non-bar records. */
    public int recordCount() {
        return (bars == null ? 0 : bars.size()) + (records == null ? 0 : records.size());
    }
}
