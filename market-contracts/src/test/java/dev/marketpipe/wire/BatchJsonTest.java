package dev.marketpipe.wire;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

/** The batch JSON: bar batches read as before, non-bar records travel in {@code records}. */
class BatchJsonTest {

    private final ObjectMapper json = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    @Test
    void aBarBatchWrittenBeforeRecordsExistedStillReads() throws Exception {
        String old = """
                {"batchId":"00000000-0000-0000-0000-000000000001","dataType":"market_data","symbol":"005930",
                 "interval":"1m","source":"primary","provider":"simulator","windowStart":"2025-03-04T00:00:00Z",
                 "windowEnd":"2025-03-04T00:01:00Z","page":1,"fetchedAt":"2025-03-04T00:01:05Z","apiLatencyMs":3,
                 "attempts":1,"apiVersion":"v1.0","collectorVersion":"x","rawResponse":{"status":"success"},
                 "bars":[{"timestamp":"2025-03-04T00:00:00Z","symbol":"005930","open":1,"high":2,"low":1,
                 "close":2,"volume":5,"value":10}],"archiveRef":null}""";
        CollectedBatch batch = json.readValue(old, CollectedBatch.class);
        assertEquals(1, batch.bars().size());
        assertNull(batch.records());
        assertEquals(1, batch.recordCount());
    }

    @Test
    void aPositionsBatchCarriesOnlyItsOwnList() throws Exception {
        Position position = new Position(Instant.parse("2025-03-04T01:00:00Z"), "005930", 10L,
                BigDecimal.valueOf(70_000), BigDecimal.valueOf(75_000), BigDecimal.valueOf(750_000),
                BigDecimal.valueOf(50_000));
        CollectedBatch batch = new CollectedBatch(UUID.randomUUID(), DataType.POSITIONS, null, null,
                SourceRole.PRIMARY, "simulator", position.timestamp(), position.timestamp(), 1, position.timestamp(),
                2, 1, "v1.0", "x", json.readTree("{}"), List.of(), null, BatchRecords.ofPositions(List.of(position)));
        String text = json.writeValueAsString(batch);
        assertFalse(text.contains("orderBooks"), text);
        CollectedBatch read = json.readValue(text, CollectedBatch.class);
        assertEquals(List.of(position), read.records().positions());
        assertEquals(1, read.recordCount());
        assertEquals(batch.records(), read.withArchiveRef("raw/a.json").records());
    }

    @Test
    void theArchiveForwardsOnlyTheRawResponsesMeta() throws Exception {
        CollectedBatch archived = json.readValue("""
                {"batchId":"00000000-0000-0000-0000-000000000002","dataType":"market_data","symbol":"005930",
                 "interval":"1m","rawResponse":{"status":"success","data":[{"open":1}],
                 "meta":{"page":2,"total_pages":3}},"bars":[{"timestamp":"2025-03-04T00:00:00Z","open":1}],
                 "archiveRef":"raw/2025/03/04/a.json"}""", CollectedBatch.class);
        CollectedBatch forwarded = archived.forwarded();
        assertEquals(json.readTree("{\"meta\":{\"page\":2,\"total_pages\":3}}"), forwarded.rawResponse());
        assertEquals(archived.bars(), forwarded.bars());
        assertEquals(archived.archiveRef(), forwarded.archiveRef());
        assertEquals(archived.withArchiveRef(null).batchId(), forwarded.batchId());
        assertEquals(forwarded, forwarded.forwarded());
        CollectedBatch withoutMeta = json.readValue("""
                {"batchId":"00000000-0000-0000-0000-000000000003","dataType":"positions",
                 "rawResponse":{"positions":[]}}""", CollectedBatch.class);
        assertNull(withoutMeta.forwarded().rawResponse());
    }

    @Test
    void aForwardedBatchCarriesTheAccountNumberMaskedOnly() throws Exception {
        CollectedBatch positions = json.readValue("""
                {"batchId":"00000000-0000-0000-0000-000000000004","dataType":"positions",
                 "rawResponse":{"status":"success","data":[],
                 "meta":{"account_number":"12345678-01","total_records":0}}}""", CollectedBatch.class);
        CollectedBatch forwarded = positions.forwarded();
        assertEquals(json.readTree("{\"meta\":{\"account_number\":\"1234****-01\",\"total_records\":0}}"),
                forwarded.rawResponse());
        assertEquals("12345678-01", positions.rawResponse().path("meta").path("account_number").asText(),
                "the archived raw response is left as received");
        assertEquals(forwarded, forwarded.forwarded());
    }

    @Test
    void aVerdictCountsQuarantinedBarsAndRecordsTogether() throws Exception {
        QuarantinedRecord held = new QuarantinedRecord(json.readTree("{\"orderId\":\"o\"}"), null,
                QuarantineStatus.QUARANTINED, List.of(new QualityIssue("missing_field", Severity.CRITICAL, null, "x")));
        ValidatedBatch verdict = new ValidatedBatch(UUID.randomUUID(), DataType.ORDERS, null, null,
                SourceRole.PRIMARY, null, null, 0, 1, List.of(), List.of(), List.of(), 0.0,
                BatchRecords.ofOrders(List.of()), List.of(held));
        ValidatedBatch read = json.readValue(json.writeValueAsString(verdict), ValidatedBatch.class);
        assertEquals(1, read.quarantinedCount());
        assertEquals("o", read.quarantinedRecords().get(0).record().path("orderId").asText());
    }
}
