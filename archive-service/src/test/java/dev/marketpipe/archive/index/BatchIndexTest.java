package dev.marketpipe.archive.index;

import dev.marketpipe.archive.ArchiveFixture;
import dev.marketpipe.archive.TestBatches;
import dev.marketpipe.archive.store.ArchiveKey;
import dev.marketpipe.archive.store.StoredEnvelope;
import dev.marketpipe.wire.BarInterval;
import dev.marketpipe.wire.CollectedBatch;
import dev.marketpipe.wire.DataType;
import dev.marketpipe.wire.SourceRole;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The index's two kinds of markers, the day listing, and the migration of an index written before it. */
class BatchIndexTest {

    private static final LocalDate MARCH_4 = LocalDate.of(2025, 3, 4);

    @TempDir
    Path tmp;

    private ArchiveFixture archive;
    private BatchIndex index;

    @BeforeEach
    void setUp() throws IOException {
        archive = new ArchiveFixture(tmp.resolve("archive"), Clock.systemUTC());
        index = archive.index;
    }

    @Test
    void reservationIsTheDayEntryAndTheCompletionIsFoundById() throws IOException {
        UUID id = UUID.randomUUID();
        archive.archive(TestBatches.batch(id, "005930", "2025-03-04T00:00:00Z"));

        assertTrue(Files.isRegularFile(archive.root.index()
                .resolve("days/2025/03/04/market_data@005930@" + id + ".json")));
        BatchMarker completion = index.find(id).orElseThrow();
        assertTrue(completion.isComplete());
        assertEquals(SourceRole.PRIMARY, completion.description().source());
        DayKey key = index.day(MARCH_4, null, null).get(0);
        assertEquals(id, key.batchId());
        assertFalse(index.reservation(key).orElseThrow().isComplete(), "the day entry stays the reservation");
    }

    @Test
    void aDayIsListedByItsOwnFolderAndFilteredByName() throws IOException {
        UUID a = archiveOne("market_data", "005930", "2025-03-04T00:00:00Z");
        UUID b = archiveOne("orderbook", "005930", "2025-03-04T00:00:10Z");
        UUID c = archiveOne("market_data", "000660", "2025-03-04T00:01:00Z");
        UUID d = archiveOne("account_info", null, "2025-03-04T00:05:00Z");
        archiveOne("market_data", "005930", "2025-03-05T00:00:00Z"); // another day

        assertEquals(4, index.day(MARCH_4, null, null).size());
        assertEquals(List.of(c, a), ids(index.day(MARCH_4, DataType.MARKET_DATA, null)), "000660 sorts first");
        assertEquals(List.of(b), ids(index.day(MARCH_4, DataType.ORDERBOOK, "005930")));
        assertEquals(2, index.day(MARCH_4, null, "005930").size());
        assertEquals(List.of(d), ids(index.day(MARCH_4, DataType.ACCOUNT_INFO, null)));
        assertNull(index.day(MARCH_4, DataType.ACCOUNT_INFO, null).get(0).symbol());
        assertTrue(index.day(LocalDate.of(2025, 3, 6), null, null).isEmpty());
    }

    @Test
    void legacyMarkersGetTheirDayEntryOnceAndKeepWorking() throws IOException {
        // an index as the previous version left it: every marker under its id, without a description
        UUID archived = UUID.randomUUID();
        CollectedBatch batch = TestBatches.batch(archived, "005930", "2025-03-04T00:00:00Z");
        ArchiveKey key = ArchiveKey.of(batch);
        StoredEnvelope envelope = archive.store.put(key, archive.format.render(batch));
        writeLegacy(archived, "{\"batchId\":\"" + archived + "\",\"state\":\"COMPLETE\",\"directory\":\"raw/2025/03/04\","
                + "\"baseName\":\"" + key.baseName() + "\",\"archiveRef\":\"" + envelope.archiveRef() + "\","
                + "\"sha256\":\"" + envelope.sha256() + "\",\"bytes\":" + envelope.bytes()
                + ",\"updatedAt\":\"2025-03-04T00:00:05Z\"}");
        UUID crashed = UUID.randomUUID();
        writeLegacy(crashed, "{\"batchId\":\"" + crashed + "\",\"state\":\"PENDING\",\"directory\":\"raw/2025/03/04\","
                + "\"baseName\":\"account_info_20250304_090500\",\"archiveRef\":null,\"sha256\":null,\"bytes\":0,"
                + "\"updatedAt\":\"2025-03-04T00:05:01Z\"}");

        LegacyMarkerMigration migration = new LegacyMarkerMigration(index, archive.store, TestBatches.mapper(),
                Clock.systemUTC());
        assertEquals(2, migration.run());

        List<DayKey> day = index.day(MARCH_4, null, null);
        assertEquals(2, day.size());
        DayKey archivedKey = index.day(MARCH_4, DataType.MARKET_DATA, "005930").get(0);
        BatchDescription described = index.reservation(archivedKey).orElseThrow().description();
        assertEquals(BarInterval.ONE_MINUTE, described.interval(), "read from the envelope's metadata");
        assertEquals(SourceRole.PRIMARY, described.source());
        assertEquals(Instant.parse("2025-03-04T00:00:00Z"), described.windowStart());
        assertTrue(index.find(archived).orElseThrow().isComplete(), "the completion stays under the id");
        assertTrue(index.find(crashed).isEmpty(), "the legacy reservation moved into its day");
        DayKey crashedKey = index.day(MARCH_4, DataType.ACCOUNT_INFO, null).get(0);
        assertEquals(crashed, crashedKey.batchId());
        assertEquals("account_info_20250304_090500", index.reservation(crashedKey).orElseThrow().baseName());

        assertEquals(0, migration.run(), "done once");

        // the collector retries the crashed batch: the intake finds the moved reservation and completes it
        CollectedBatch retried = TestBatches.batch(crashed, "account_info", null, "2025-03-04T00:05:00Z");
        assertTrue(archive.intake.accept(retried).created());
        assertEquals("raw/2025/03/04/account_info_20250304_090500.json", index.find(crashed).orElseThrow().archiveRef());
        assertEquals(2, index.day(MARCH_4, null, null).size(), "no second entry for the retried batch");
        // and the archived one is a duplicate, as before the migration
        assertFalse(archive.intake.accept(batch).created());
    }

    private UUID archiveOne(String dataType, String symbol, String windowStart) throws IOException {
        UUID id = UUID.randomUUID();
        archive.archive(TestBatches.batch(id, dataType, symbol, windowStart));
        return id;
    }

    private void writeLegacy(UUID id, String json) throws IOException {
        Path file = archive.root.index().resolve(id.toString().substring(0, 2)).resolve(id + ".json");
        Files.createDirectories(file.getParent());
        Files.writeString(file, json, StandardCharsets.UTF_8);
    }

    private static List<UUID> ids(List<DayKey> keys) {
        return keys.stream().map(DayKey::batchId).toList();
    }
}
