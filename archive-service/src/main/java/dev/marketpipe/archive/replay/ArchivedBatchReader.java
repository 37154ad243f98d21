package dev.marketpipe.archive.replay;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.marketpipe.archive.envelope.EnvelopeFormat;
import dev.marketpipe.archive.envelope.Sha256;
import dev.marketpipe.provider.ResponseContext;
import dev.marketpipe.provider.ResponseFormat;
import dev.marketpipe.provider.ResponseFormats;
import dev.marketpipe.wire.Bar;
import dev.marketpipe.wire.BarInterval;
import dev.marketpipe.wire.BatchRecords;
import dev.marketpipe.wire.CollectedBatch;
import dev.marketpipe.wire.DataType;
import dev.marketpipe.wire.SourceRole;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Turns an archived envelope ({@link EnvelopeFormat}) back into the {@link CollectedBatch} the outbox once forwarded:
 * the metadata gives the batch's fields, the raw response its records (read by the provider's
 * {@link ResponseFormat}, the same reader the collector used). The raw response is
 * checked against {@code raw_sha256} first, so a damaged file is never replayed into the database.
 *
 * <p>The batch goes out under a <em>delivery id</em> of the replay, not its original id: the loader's ledger
 * ({@code loaded_batch}) answers an id it has seen with "duplicate, nothing written", which would make a replay into
 * emptied tables a no-op. The delivery id is derived from the replay id and the original id, so a retried delivery
 * within one replay is still absorbed by the ledger, while every new replay loads again (CONTRACTS.md "Replay").
 */
public final class ArchivedBatchReader {

    private final ObjectMapper mapper;

    public ArchivedBatchReader(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    /** The batch of {@code envelope} as replay {@code replayId} sends it; {@link IllegalArgumentException} if unusable. */
    public CollectedBatch read(ArchivedName name, byte[] envelope, UUID replayId) {
        JsonNode root;
        try {
            root = mapper.readTree(envelope);
        } catch (IOException e) {
            throw new IllegalArgumentException(name.ref() + " is not JSON: " + e.getMessage());
        }
        JsonNode metadata = root == null ? null : root.get("metadata");
        JsonNode raw = root == null ? null : root.get("raw_response");
        if (metadata == null || !metadata.isObject() || raw == null || raw.isNull()) {
            throw new IllegalArgumentException(name.ref() + " is not an envelope {metadata, raw_response}");
        }
        String sha = metadata.path("raw_sha256").asText(null);
        if (sha == null || !sha.equals(Sha256.hex(bytes(raw)))) {
            throw new IllegalArgumentException(name.ref() + ": the raw response does not match its raw_sha256 (damaged)");
        }
        UUID originalId = UUID.fromString(required(metadata, "batch_id", name));
        String code = metadata.path("interval").asText(null);
        BarInterval interval = code == null ? null : BarInterval.fromCode(code);
        String source = metadata.path("source").asText(null);
        String symbol = metadata.path("symbol").asText(null);
        Instant windowStart = instant(metadata, "window_start");
        Instant windowEnd = instant(metadata, "window_end");
        Instant fetchedAt = instant(metadata, "collection_timestamp");
        ResponseFormat format = ResponseFormats.of(raw);
        ResponseContext context = ResponseContext.market(symbol, interval, windowStart, windowEnd, fetchedAt);
        List<Bar> bars = name.dataType() == DataType.MARKET_DATA ? format.bars(raw, context) : null;
        BatchRecords records = name.dataType() == DataType.ORDERBOOK || name.dataType() == DataType.TICKS
                ? format.records(name.dataType(), raw, context) : null;
        return new CollectedBatch(deliveryId(replayId, originalId), name.dataType(), symbol, interval,
                source == null ? null : SourceRole.fromCode(source), metadata.path("provider").asText(null),
                windowStart, windowEnd, metadata.path("page").asInt(1), fetchedAt, 0, 0,
                metadata.path("api_version").asText(null), metadata.path("collector_version").asText(null), raw, bars,
                name.ref(), records);
    }

    /** The id replay {@code replayId} sends the batch {@code originalId} under (a name-based UUID, version 3). */
    public static UUID deliveryId(UUID replayId, UUID originalId) {
        return UUID.nameUUIDFromBytes(("marketpipe-replay/" + replayId + "/" + originalId)
                .getBytes(StandardCharsets.UTF_8));
    }

    private byte[] bytes(JsonNode raw) {
        try {
            return mapper.writeValueAsBytes(raw); // the envelope holds the raw response in this canonical form
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
    }

    private static String required(JsonNode metadata, String field, ArchivedName name) {
        String value = metadata.path(field).asText(null);
        if (value == null) {
            throw new IllegalArgumentException(name.ref() + ": metadata." + field + " is missing");
        }
        return value;
    }

    private static Instant instant(JsonNode metadata, String field) {
        String value = metadata.path(field).asText(null);
        return value == null ? null : Instant.parse(value);
    }
}
