package dev.marketpipe.archive.index;

import dev.marketpipe.archive.ArchiveFixture;
import dev.marketpipe.archive.TestBatches;
import dev.marketpipe.wire.DataType;
import dev.marketpipe.wire.SourceRole;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The index's two kinds of markers and the day listing. */
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

    private UUID archiveOne(String dataType, String symbol, String windowStart) throws IOException {
        UUID id = UUID.randomUUID();
        archive.archive(TestBatches.batch(id, dataType, symbol, windowStart));
        return id;
    }

    private static List<UUID> ids(List<DayKey> keys) {
        return keys.stream().map(DayKey::batchId).toList();
    }
}
