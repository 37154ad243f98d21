package dev.marketpipe.archive.envelope;

import com.fasterxml.jackson.databind.JsonNode;
import dev.marketpipe.archive.TestBatches;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class EnvelopeFormatTest {

    private final EnvelopeFormat format = new EnvelopeFormat(TestBatches.mapper());

    @Test
    void envelopeHoldsTheRawResponseByteForByteWithItsChecksum() {
        UUID id = UUID.randomUUID();
        String envelope = new String(format.render(TestBatches.batch(id, "005930", "2025-03-04T00:00:00Z")),
                StandardCharsets.UTF_8);

        String rawPart = ",\"raw_response\":" + TestBatches.RAW + "}";
        assertTrue(envelope.endsWith(rawPart), envelope);
        assertTrue(envelope.contains("\"raw_sha256\":\""
                + Sha256.hex(TestBatches.RAW.getBytes(StandardCharsets.UTF_8)) + "\""), envelope);
    }

    @Test
    void metadataCarriesTheSpecFieldsInOrder() throws IOException {
        UUID id = UUID.randomUUID();
        JsonNode envelope = TestBatches.mapper().readTree(
                format.render(TestBatches.batch(id, "005930", "2025-03-04T00:00:00Z")));

        JsonNode metadata = envelope.get("metadata");
        List<String> fields = new ArrayList<>();
        metadata.fieldNames().forEachRemaining(fields::add);
        assertEquals(List.of("collection_timestamp", "api_version", "collector_version", "symbol", "interval",
                "batch_id", "source", "provider", "window_start", "window_end", "page", "raw_sha256"), fields);
        assertEquals("2025-03-04T06:31:02Z", metadata.get("collection_timestamp").asText());
        assertEquals("v1", metadata.get("api_version").asText());
        assertEquals("0.1.0", metadata.get("collector_version").asText());
        assertEquals("005930", metadata.get("symbol").asText());
        assertEquals("1m", metadata.get("interval").asText());
        assertEquals(id.toString(), metadata.get("batch_id").asText());
        assertEquals("primary", metadata.get("source").asText());
        assertEquals("2025-03-04T00:00:00Z", metadata.get("window_start").asText());
        assertTrue(metadata.get("window_end").isNull());
        assertEquals(1, metadata.get("page").asInt());
        assertEquals(List.of("metadata", "raw_response"), fieldNames(envelope));
    }

    @Test
    void batchIdIsReadBackFromTheMetadata() throws IOException {
        UUID id = UUID.randomUUID();
        byte[] envelope = format.render(TestBatches.batch(id, "005930", "2025-03-04T00:00:00Z"));

        assertEquals(Optional.of(id), format.batchIdOf(new ByteArrayInputStream(envelope)));
        assertEquals(Optional.empty(), format.batchIdOf(new ByteArrayInputStream("not json".getBytes())));
        assertEquals(Optional.empty(), format.batchIdOf(new ByteArrayInputStream("{\"a\":[1]}".getBytes())));
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
