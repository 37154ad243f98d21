package dev.marketpipe.archive.listing;

import dev.marketpipe.archive.ArchiveFixture;
import dev.marketpipe.archive.TestBatches;
import dev.marketpipe.archive.disk.FreeSpacePolicy;
import dev.marketpipe.archive.envelope.Sha256;
import dev.marketpipe.archive.index.BatchDescription;
import dev.marketpipe.archive.index.BatchMarker;
import dev.marketpipe.archive.intake.ArchiveIntake;
import dev.marketpipe.archive.metrics.ArchiveMetrics;
import dev.marketpipe.archive.outbox.ArchiveOutbox;
import dev.marketpipe.archive.outbox.OrphanAdoption;
import dev.marketpipe.archive.outbox.OutboxEntry;
import dev.marketpipe.archive.outbox.ReplicaId;
import dev.marketpipe.archive.store.ArchiveKey;
import dev.marketpipe.testsupport.MovableClock;
import dev.marketpipe.wire.BarInterval;
import dev.marketpipe.wire.CollectedBatch;
import dev.marketpipe.wire.DataType;
import dev.marketpipe.wire.SourceRole;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code GET /v1/batches} below HTTP: filters, paging and the forwarding states, on a real archive folder. */
class BatchListingTest {

    private static final LocalDate MARCH_4 = LocalDate.of(2025, 3, 4);
    private static final LocalDate MARCH_5 = LocalDate.of(2025, 3, 5);
    private static final Instant NOW = Instant.parse("2025-03-05T07:00:00Z");

    @TempDir
    Path tmp;

    private final MovableClock clock = new MovableClock(NOW);
    private ArchiveFixture archive;
    private BatchListing listing;

    @BeforeEach
    void setUp() throws IOException {
        archive = new ArchiveFixture(tmp.resolve("archive"), clock);
        listing = new BatchListing(archive.index, archive.outbox);
    }

    @Test
    void listedBatchCarriesWhatWasArchived() throws IOException {
        UUID id = UUID.randomUUID();
        String ref = archive.archive(TestBatches.batch(id, "005930", "2025-03-04T00:00:00Z"));

        ListedBatch listed = single(query(MARCH_4, MARCH_4, null, null, null, 10));

        assertEquals(id, listed.batchId());
        assertEquals(MARCH_4, listed.date());
        assertEquals(DataType.MARKET_DATA, listed.dataType());
        assertEquals("005930", listed.symbol());
        assertEquals(BarInterval.ONE_MINUTE, listed.interval());
        assertEquals(SourceRole.PRIMARY, listed.source());
        assertEquals(Instant.parse("2025-03-04T00:00:00Z"), listed.windowStart());
        assertEquals(ref, listed.archiveRef());
        byte[] file = Files.readAllBytes(archive.root.path().resolve(ref));
        assertEquals(Sha256.hex(file), listed.sha256());
        assertEquals(file.length, listed.bytes());
        assertEquals(NOW, listed.archivedAt());
        assertEquals(ForwardingState.QUEUED, listed.state());
    }

    @Test
    void everyBatchAppearsExactlyOnceAcrossPages() throws IOException {
        List<UUID> archived = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            archived.add(archiveOne("market_data", "S" + i, "2025-03-04T00:0" + i + ":00Z"));
            archived.add(archiveOne("orderbook", "S" + i, "2025-03-05T00:0" + i + ":10Z"));
        }
        archived.add(archiveOne("account_info", null, "2025-03-04T00:05:00Z"));
        archiveOne("market_data", "S0", "2025-03-06T00:00:00Z"); // outside the range

        for (int limit : new int[] {1, 2, 3, 9, 10}) {
            List<BatchPage> pages = allPages(request(MARCH_4, MARCH_5, null, null, null, limit));
            List<UUID> seen = pages.stream().flatMap(p -> p.items().stream()).map(ListedBatch::batchId).toList();
            assertEquals(archived.size(), seen.size(), "limit " + limit + ": no batch twice");
            assertEquals(new HashSet<>(archived), new HashSet<>(seen), "limit " + limit + ": every batch");
            assertEquals((archived.size() + limit - 1) / limit, pages.size(), "limit " + limit + ": no empty page");
            assertTrue(pages.stream().allMatch(p -> p.items().size() <= limit));
            assertNull(pages.get(pages.size() - 1).nextCursor());
            List<LocalDate> dates = pages.stream().flatMap(p -> p.items().stream()).map(ListedBatch::date).toList();
            assertEquals(dates.stream().sorted().toList(), dates, "day by day");
        }
    }

    @Test
    void pagingWithAStateFilterStillListsEachMatchOnce() throws IOException {
        List<UUID> forwarded = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            UUID id = archiveOne("market_data", "P" + i, "2025-03-04T00:00:00Z");
            if (i % 2 == 0) {
                acknowledge(id);
                forwarded.add(id);
            }
        }

        List<UUID> seen = allPages(request(MARCH_4, MARCH_4, null, null, ForwardingState.FORWARDED, 2)).stream()
                .flatMap(p -> p.items().stream()).map(ListedBatch::batchId).toList();

        assertEquals(new HashSet<>(forwarded), new HashSet<>(seen));
        assertEquals(forwarded.size(), seen.size());
    }

    @Test
    void eachFilterNarrowsTheListing() throws IOException {
        UUID samsung1m = archiveOne("market_data", "005930", "2025-03-04T00:00:00Z");
        UUID samsungBook = archiveOne("orderbook", "005930", "2025-03-04T00:00:10Z");
        UUID hynix1m = archiveOne("market_data", "000660", "2025-03-04T00:00:00Z");
        UUID account = archiveOne("account_info", null, "2025-03-04T00:05:00Z");
        UUID nextDay = archiveOne("market_data", "005930", "2025-03-05T00:00:00Z");
        acknowledge(hynix1m);

        assertEquals(List.of(hynix1m, samsung1m), ids(query(MARCH_4, MARCH_4, DataType.MARKET_DATA, null, null, 10)));
        assertEquals(List.of(samsungBook), ids(query(MARCH_4, MARCH_4, DataType.ORDERBOOK, null, null, 10)));
        assertEquals(List.of(account), ids(query(MARCH_4, MARCH_4, DataType.ACCOUNT_INFO, null, null, 10)));
        assertEquals(List.of(samsung1m, samsungBook), ids(query(MARCH_4, MARCH_4, null, "005930", null, 10)));
        assertEquals(List.of(samsung1m, nextDay),
                ids(query(MARCH_4, MARCH_5, DataType.MARKET_DATA, "005930", null, 10)));
        assertEquals(List.of(hynix1m), ids(query(MARCH_4, MARCH_5, null, null, ForwardingState.FORWARDED, 10)));
        assertEquals(List.of(nextDay), ids(query(MARCH_5, MARCH_5, null, null, null, 10)));
        assertTrue(ids(query(MARCH_4, MARCH_5, null, "035720", null, 10)).isEmpty());
    }

    @Test
    void stateFollowsTheBatchFromIntakeToAcknowledgementOrDeadLetter() throws IOException {
        // an intake that reserved its key and then crashed: never acknowledged to the collector
        CollectedBatch crashed = TestBatches.batch(UUID.randomUUID(), "CRASH", "2025-03-04T00:00:00Z");
        archive.index.reserve(BatchMarker.pending(crashed.batchId(), ArchiveKey.of(crashed),
                BatchDescription.of(crashed), NOW));
        UUID delivered = archiveOne("market_data", "ACK", "2025-03-04T00:00:00Z");
        UUID refused = archiveOne("market_data", "DEAD", "2025-03-04T00:00:00Z");
        UUID waiting = archiveOne("market_data", "WAIT", "2025-03-04T00:00:00Z");
        assertEquals(ForwardingState.QUEUED, states().get(delivered), "archived, not yet acknowledged");

        acknowledge(delivered);
        archive.outbox.bury(entryOf(refused));

        Map<UUID, ForwardingState> states = states();
        assertEquals(ForwardingState.PENDING_INTAKE, states.get(crashed.batchId()));
        assertEquals(ForwardingState.FORWARDED, states.get(delivered));
        assertEquals(ForwardingState.DEAD_LETTERED, states.get(refused));
        assertEquals(ForwardingState.QUEUED, states.get(waiting));
        ListedBatch pending = query(MARCH_4, MARCH_4, null, null, ForwardingState.PENDING_INTAKE, 10).items().get(0);
        assertNull(pending.archiveRef(), "nothing archived yet");
        assertNotNull(pending.windowStart());

        // the collector retries the crashed batch: archived now, and still listed once
        archive.archive(crashed);
        assertEquals(ForwardingState.QUEUED, states().get(crashed.batchId()));
        assertEquals(4, states().size());
    }

    @Test
    void batchesOfAnotherReplicaOnTheSameRootKeepTheirStatesAlsoOnceAdopted() throws IOException {
        ArchiveOutbox other = new ArchiveOutbox(archive.root.outbox(), ReplicaId.of("other"), TestBatches.mapper(),
                clock);
        other.open(Duration.ZERO);
        ArchiveIntake intakeOfOther = new ArchiveIntake(archive.store, archive.index, other, archive.format,
                new FreeSpacePolicy(archive.root, 0), new ArchiveMetrics(new SimpleMeterRegistry()), clock);
        UUID waiting = UUID.randomUUID();
        UUID refused = UUID.randomUUID();
        intakeOfOther.accept(TestBatches.batch(waiting, "005930", "2025-03-04T00:00:00Z"));
        intakeOfOther.accept(TestBatches.batch(refused, "000660", "2025-03-04T00:00:00Z"));
        other.bury(other.pending().stream().filter(e -> e.batchId().equals(refused)).findFirst().orElseThrow());

        assertEquals(ForwardingState.QUEUED, states().get(waiting));
        assertEquals(ForwardingState.DEAD_LETTERED, states().get(refused));

        other.close(); // the other replica is gone; this one adopts its entries
        assertEquals(2, new OrphanAdoption(archive.outbox).run());
        assertEquals(ForwardingState.QUEUED, states().get(waiting));
        assertEquals(ForwardingState.DEAD_LETTERED, states().get(refused));
    }

    private UUID archiveOne(String dataType, String symbol, String windowStart) throws IOException {
        UUID id = UUID.randomUUID();
        clock.advance(Duration.ofSeconds(1));
        archive.archive(TestBatches.batch(id, dataType, symbol, windowStart));
        return id;
    }

    private void acknowledge(UUID id) throws IOException {
        archive.outbox.acknowledge(entryOf(id));
    }

    private OutboxEntry entryOf(UUID id) throws IOException {
        return archive.outbox.pending().stream().filter(e -> e.batchId().equals(id)).findFirst().orElseThrow();
    }

    private Map<UUID, ForwardingState> states() throws IOException {
        return query(MARCH_4, MARCH_4, null, null, null, 100).items().stream()
                .collect(Collectors.toMap(ListedBatch::batchId, ListedBatch::state));
    }

    private BatchPage query(LocalDate from, LocalDate to, DataType type, String symbol, ForwardingState state,
                            int limit) throws IOException {
        return listing.list(request(from, to, type, symbol, state, limit));
    }

    private static BatchQuery request(LocalDate from, LocalDate to, DataType type, String symbol,
                                      ForwardingState state, int limit) {
        return new BatchQuery(from, to, type, symbol, state, limit, null);
    }

    private List<BatchPage> allPages(BatchQuery query) throws IOException {
        List<BatchPage> pages = new ArrayList<>();
        String cursor = null;
        do {
            BatchPage page = listing.list(new BatchQuery(query.from(), query.to(), query.dataType(), query.symbol(),
                    query.state(), query.limit(), cursor == null ? null : PageCursor.decode(cursor)));
            pages.add(page);
            cursor = page.nextCursor();
            assertTrue(pages.size() < 100, "paging ends");
        } while (cursor != null);
        return pages;
    }

    private static List<UUID> ids(BatchPage page) {
        return page.items().stream().map(ListedBatch::batchId).toList();
    }

    private static ListedBatch single(BatchPage page) {
        assertEquals(1, page.items().size());
        return page.items().get(0);
    }
}
