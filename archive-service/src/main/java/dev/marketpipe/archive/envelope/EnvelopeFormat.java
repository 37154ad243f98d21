package dev.marketpipe.archive.envelope;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.marketpipe.wire.CollectedBatch;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * The archive's file format: {@code {"metadata":{…},"raw_response":<the response>}}. Metadata carries
 * the spec's fields plus what a replay needs (batch id, source, provider, window, page) and {@code raw_sha256},
 * the SHA-256 of the raw response's JSON bytes exactly as they stand in the file, so the response can be checked
 * for damage without trusting anything else. Written compact (no indentation): the raw bytes inside the envelope
 * are then the canonical compact serialization of the response.
 */
public final class EnvelopeFormat {

    private static final byte[] OPEN = "{\"metadata\":".getBytes(StandardCharsets.UTF_8);
    private static final byte[] RAW = ",\"raw_response\":".getBytes(StandardCharsets.UTF_8);
    private static final byte[] CLOSE = "}".getBytes(StandardCharsets.UTF_8);

    private final ObjectMapper mapper;

    public EnvelopeFormat(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    /** The bytes of the raw response as the envelope holds them. */
    public byte[] rawBytes(CollectedBatch batch) {
        try {
            return mapper.writeValueAsBytes(batch.rawResponse());
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The complete envelope file of a batch. */
    public byte[] render(CollectedBatch batch) {
        byte[] raw = rawBytes(batch);
        ObjectNode metadata = mapper.createObjectNode();
        metadata.put("collection_timestamp", iso(batch.fetchedAt()));
        metadata.put("api_version", batch.apiVersion());
        metadata.put("collector_version", batch.collectorVersion());
        metadata.put("symbol", batch.symbol());
        metadata.put("interval", batch.interval() == null ? null : batch.interval().code());
        metadata.put("batch_id", batch.batchId().toString());
        metadata.put("source", batch.source() == null ? null : batch.source().code());
        metadata.put("provider", batch.provider());
        metadata.put("window_start", iso(batch.windowStart()));
        metadata.put("window_end", iso(batch.windowEnd()));
        metadata.put("page", batch.page());
        metadata.put("raw_sha256", Sha256.hex(raw));
        try {
            byte[] meta = mapper.writeValueAsBytes(metadata);
            ByteArrayOutputStream out = new ByteArrayOutputStream(OPEN.length + meta.length + RAW.length + raw.length + 1);
            out.write(OPEN);
            out.write(meta);
            out.write(RAW);
            out.write(raw);
            out.write(CLOSE);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Reads {@code metadata.batch_id} of an envelope without reading the (possibly large) raw response: the
     * metadata comes first.
     */
    public Optional<UUID> batchIdOf(InputStream envelope) throws IOException {
        try (JsonParser parser = mapper.getFactory().createParser(envelope)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                return Optional.empty();
            }
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String field = parser.currentName();
                parser.nextToken();
                if (!"metadata".equals(field)) {
                    parser.skipChildren();
                    continue;
                }
                while (parser.nextToken() == JsonToken.FIELD_NAME) {
                    String name = parser.currentName();
                    parser.nextToken();
                    if ("batch_id".equals(name) && parser.currentToken() == JsonToken.VALUE_STRING) {
                        return Optional.of(UUID.fromString(parser.getText()));
                    }
                    parser.skipChildren();
                }
                return Optional.empty();
            }
            return Optional.empty();
        } catch (JsonProcessingException | IllegalArgumentException e) {
            return Optional.empty(); // not an envelope of ours (or damaged): certainly not the batch we look for
        }
    }

    private static String iso(Instant instant) {
        return instant == null ? null : instant.toString();
    }
}
