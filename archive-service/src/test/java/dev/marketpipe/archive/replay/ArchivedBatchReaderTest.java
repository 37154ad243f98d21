package dev.marketpipe.archive.replay;

import com.fasterxml.jackson.databind.JsonNode;
import dev.marketpipe.provider.ResponseContext;
import dev.marketpipe.provider.ResponseFormats;
import dev.marketpipe.provider.kis.realtime.KisRealtimeBatch;
import dev.marketpipe.wire.CollectedBatch;
import dev.marketpipe.wire.DataType;
import dev.marketpipe.wire.SourceRole;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ArchivedBatchReaderTest {

    private static final ArchivedBatchReader READER = new ArchivedBatchReader(ReplayFixtures.MAPPER);
    private static final String REF = "raw/2025/03/04/market_data_005930_20250304_090000.json";

    @Test
    void envelopeGivesBackTheBatchTheOutboxForwardedUnderADeliveryIdOfTheReplay() {
        CollectedBatch original = ReplayFixtures.bars("005930", "2025-03-04T00:00:00Z", 3, "2025-03-04T00:03:05Z");
        UUID replay = UUID.randomUUID();

        CollectedBatch replayed = READER.read(name(REF), ReplayFixtures.FORMAT.render(original), replay);

        assertEquals(original.bars(), replayed.bars(), "the same bars, decimals with their scale");
        assertEquals(original.rawResponse().toString(), replayed.rawResponse().toString());
        assertEquals(ArchivedBatchReader.deliveryId(replay, original.batchId()), replayed.batchId());
        assertEquals(REF, replayed.archiveRef());
        assertEquals(original.dataType(), replayed.dataType());
        assertEquals(original.symbol(), replayed.symbol());
        assertEquals(original.interval(), replayed.interval());
        assertEquals(original.source(), replayed.source());
        assertEquals(original.provider(), replayed.provider());
        assertEquals(original.windowStart(), replayed.windowStart());
        assertEquals(original.windowEnd(), replayed.windowEnd());
        assertEquals(original.page(), replayed.page());
        assertEquals(original.fetchedAt(), replayed.fetchedAt());
        assertEquals(original.apiVersion(), replayed.apiVersion());
        assertEquals(original.collectorVersion(), replayed.collectorVersion());
        assertNull(replayed.records());
    }

    @Test
    void deliveryIdIsStableWithinAReplayAndNewForTheNext() {
        UUID original = UUID.randomUUID();
        UUID replay = UUID.randomUUID();
        assertEquals(ArchivedBatchReader.deliveryId(replay, original), ArchivedBatchReader.deliveryId(replay, original));
        assertNotEquals(ArchivedBatchReader.deliveryId(replay, original),
                ArchivedBatchReader.deliveryId(UUID.randomUUID(), original));
        assertNotEquals(original, ArchivedBatchReader.deliveryId(replay, original));
    }

    @Test
    void orderBookEnvelopeGivesBackItsSnapshot() throws IOException {
        CollectedBatch original = ReplayFixtures.orderBook("005930", "2025-03-04T01:00:10Z");
        String ref = "raw/2025/03/04/orderbook_005930_20250304_100010.json";

        CollectedBatch replayed = READER.read(name(ref), ReplayFixtures.FORMAT.render(original), UUID.randomUUID());

        assertEquals(original.records(), replayed.records());
        assertNull(replayed.bars());
        assertNull(replayed.interval());
    }

    @Test
    void tickEnvelopeGivesBackTheTradesOfItsFramesAsTheCollectorReadThem() {
        // two H0STCNT0 records of 46 fields each in one frame, and a frame that was unreadable when it arrived
        String record = "005930^093354^71900^5^-100^-0.14^72023.83^72100^72400^71700^71900^71800^%d^%d^219853241700"
                + "^0".repeat(18) + "^20250305" + "^0".repeat(12);
        String frame = "0|H0STCNT0|002|" + record.formatted(1, 3_052_507) + "^" + record.formatted(120, 3_052_627);
        Instant at = Instant.parse("2025-03-05T00:33:55Z");
        JsonNode raw = KisRealtimeBatch.raw(List.of(frame, "0|H0STCNT0|001|005930^garbled"), Map.of());
        CollectedBatch original = new CollectedBatch(UUID.randomUUID(), DataType.TICKS, "005930", null,
                SourceRole.PRIMARY, "kis", at, at.plusSeconds(1), 1, at, 0, 1, "kis-websocket", "0.1.0", raw, null,
                null, ResponseFormats.KIS.records(DataType.TICKS, raw, ResponseContext.market("005930", null, at,
                        at.plusSeconds(1), at)));
        String ref = "raw/2025/03/05/ticks_005930_20250305_093355.json";

        CollectedBatch replayed = READER.read(name(ref), ReplayFixtures.FORMAT.render(original), UUID.randomUUID());

        assertEquals(2, replayed.records().ticks().size());
        assertEquals(original.records(), replayed.records());
        assertEquals(3_052_627L, replayed.records().ticks().get(1).cumulativeVolume());
        assertNull(replayed.bars());
    }

    @Test
    void missingOrUnreadableFieldsStayNullForTheValidatorToJudge() throws IOException {
        CollectedBatch original = ReplayFixtures.bars("005930", "2025-03-04T00:00:00Z", 1, "2025-03-04T00:01:05Z");
        CollectedBatch odd = new CollectedBatch(original.batchId(), original.dataType(), original.symbol(),
                original.interval(), original.source(), original.provider(), original.windowStart(),
                original.windowEnd(), 1, original.fetchedAt(), 0, 1, "v1.0", "0.1.0", ReplayFixtures.MAPPER.readTree(
                "{\"status\":\"success\",\"data\":[{\"timestamp\":\"yesterday\",\"symbol\":\"005930\","
                        + "\"open\":\"75000\",\"high\":\"n/a\",\"close\":75000,\"volume\":1.5}]}"), null, null);

        CollectedBatch replayed = READER.read(name(REF), ReplayFixtures.FORMAT.render(odd), UUID.randomUUID());

        var bar = replayed.bars().get(0);
        assertNull(bar.timestamp(), "unparseable timestamp");
        assertEquals(0, bar.open().compareTo(new java.math.BigDecimal(75000)), "a number as text is read");
        assertNull(bar.high(), "not a number");
        assertNull(bar.low(), "missing");
        assertNull(bar.volume(), "fractional volume");
    }

    @Test
    void damagedRawResponseIsNotReplayed() {
        CollectedBatch original = ReplayFixtures.bars("005930", "2025-03-04T00:00:00Z", 2, "2025-03-04T00:02:05Z");
        String envelope = new String(ReplayFixtures.FORMAT.render(original), StandardCharsets.UTF_8);
        byte[] damaged = envelope.replace("\"volume\":1001", "\"volume\":9001").getBytes(StandardCharsets.UTF_8);

        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> READER.read(name(REF), damaged, UUID.randomUUID()));

        assertTrue(e.getMessage().contains("raw_sha256"), e.getMessage());
    }

    @Test
    void somethingElseThanAnEnvelopeIsRefusedWithItsRef() {
        IllegalArgumentException notJson = assertThrows(IllegalArgumentException.class,
                () -> READER.read(name(REF), "{\"metadata\":".getBytes(StandardCharsets.UTF_8), UUID.randomUUID()));
        assertTrue(notJson.getMessage().startsWith(REF), notJson.getMessage());
        assertThrows(IllegalArgumentException.class,
                () -> READER.read(name(REF), "{\"raw_response\":{}}".getBytes(StandardCharsets.UTF_8), UUID.randomUUID()));
    }

    private static ArchivedName name(String ref) {
        return ArchivedName.parse(ref).orElseThrow();
    }
}
