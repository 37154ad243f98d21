package dev.marketpipe.archive.replay;

import dev.marketpipe.archive.disk.ArchiveRoot;
import dev.marketpipe.archive.outbox.BatchSink;
import dev.marketpipe.archive.outbox.Delivery;
import dev.marketpipe.archive.metrics.FailureReason;
import dev.marketpipe.archive.store.ArchiveStore;
import dev.marketpipe.archive.store.filesystem.FilesystemArchiveStore;
import dev.marketpipe.wire.CollectedBatch;
import dev.marketpipe.wire.DataType;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.TreeMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.zip.GZIPOutputStream;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Replays over a filesystem store, sending to a scripted sink in place of the validator. */
class ReplayServiceTest {

    private static final ReplaySettings SETTINGS = new ReplaySettings(2, Duration.ofMillis(10), Duration.ofMillis(40),
            Duration.ofSeconds(1), Duration.ofMillis(100), 31);

    @TempDir
    Path tmp;

    private ArchiveStore store;
    private ReplayJournal journal;
    private final RecordingSink sink = new RecordingSink();

    @BeforeEach
    void setUp() throws IOException {
        ArchiveRoot root = new ArchiveRoot(tmp.resolve("archive"));
        root.createLayout();
        store = new FilesystemArchiveStore(root, ReplayFixtures.FORMAT);
        journal = new ReplayJournal(root.path(), ReplayFixtures.MAPPER);
    }

    @Test
    void everyBatchOfTheRangeIsSentOncePerSymbolInTheOrderItWasCollected() throws IOException {
        // 005930 on 03-04: the 09:00 window was collected after the 09:03 one (a gap-fill), so it goes second
        CollectedBatch late = archive(ReplayFixtures.bars("005930", "2025-03-04T00:00:00Z", 3, "2025-03-04T00:20:00Z"));
        CollectedBatch early = archive(ReplayFixtures.bars("005930", "2025-03-04T00:03:00Z", 3, "2025-03-04T00:06:05Z"));
        CollectedBatch nextDay = archive(ReplayFixtures.bars("005930", "2025-03-05T00:00:00Z", 2, "2025-03-05T00:02:05Z"));
        CollectedBatch other = archive(ReplayFixtures.bars("000660", "2025-03-04T00:00:00Z", 5, "2025-03-04T00:05:05Z"));
        archive(ReplayFixtures.bars("005930", "2025-03-06T00:00:00Z", 1, "2025-03-06T00:01:05Z")); // after the range
        archive(ReplayFixtures.bars("005930", "2025-03-03T00:00:00Z", 1, "2025-03-03T00:01:05Z")); // before it

        ReplayStatus done = runToEnd(service(), request("2025-03-04", "2025-03-05", null, null));

        assertEquals(ReplayStatus.State.SUCCEEDED, done.state(), done.toString());
        assertEquals(4, done.batchesTotal());
        assertEquals(4, done.batchesSent());
        assertEquals(0, done.batchesFailed());
        assertEquals(13, done.bars());
        assertEquals(List.of(early.archiveRef(), late.archiveRef(), nextDay.archiveRef()), sink.refsOf("005930"));
        assertEquals(List.of(other.archiveRef()), sink.refsOf("000660"));
        for (CollectedBatch sent : sink.sent) {
            assertTrue(sink.sent.stream().filter(b -> b.batchId().equals(sent.batchId())).count() == 1, "sent once");
        }
        assertEquals(ArchivedBatchReader.deliveryId(done.id(), early.batchId()), sink.first("005930").batchId());
        assertEquals(early.bars(), sink.first("005930").bars());
        assertEquals(done, journal.read(done.id()).orElseThrow(), "the final status is in the journal");
    }

    @Test
    void withGroupsALaneSendsSeveralSymbolsPerRequestAndEachSymbolStaysInOrder() throws IOException {
        Map<String, List<String>> archived = new TreeMap<>();
        for (String day : List.of("2025-03-04", "2025-03-05")) {
            for (int s = 0; s < 6; s++) {
                String symbol = "00000" + s;
                CollectedBatch batch = archive(ReplayFixtures.bars(symbol, day + "T00:00:00Z", 2, day + "T00:02:05Z"));
                archived.computeIfAbsent(symbol, k -> new ArrayList<>()).add(batch.archiveRef());
            }
        }
        sink.holdFirst = true;

        ReplayStatus done = runToEnd(service(new ReplaySettings(1, Duration.ofMillis(10), Duration.ofMillis(40),
                Duration.ofSeconds(1), Duration.ofMillis(100), 31, 4)),
                request("2025-03-04", "2025-03-05", null, null));

        assertEquals(ReplayStatus.State.SUCCEEDED, done.state(), done.toString());
        assertEquals(12, done.batchesSent());
        archived.forEach((symbol, refs) -> assertEquals(refs, sink.refsOf(symbol), symbol + " in order"));
        assertTrue(sink.groups.stream().anyMatch(group -> group.size() > 1), "batches queued behind the first "
                + "went in groups: " + sink.groups.size());
        for (List<CollectedBatch> group : sink.groups) {
            assertTrue(group.size() <= 4, "at most the group size");
            assertEquals(group.size(), group.stream().map(CollectedBatch::symbol).distinct().count(),
                    "one batch per symbol in a group");
        }
    }

    @Test
    void onlyTheAskedDataTypesAndSymbolsAreSent() throws IOException {
        archive(ReplayFixtures.bars("005930", "2025-03-04T00:00:00Z", 2, "2025-03-04T00:02:05Z"));
        archive(ReplayFixtures.bars("000660", "2025-03-04T00:00:00Z", 2, "2025-03-04T00:02:05Z"));
        CollectedBatch book = archive(ReplayFixtures.orderBook("005930", "2025-03-04T01:00:10Z"));
        archive(ReplayFixtures.orderBook("000660", "2025-03-04T01:00:10Z"));

        ReplayStatus done = runToEnd(service(), request("2025-03-04", "2025-03-04", List.of(DataType.ORDERBOOK),
                List.of("005930")));

        assertEquals(1, done.batchesTotal());
        assertEquals(0, done.bars());
        assertEquals(1, done.records());
        assertEquals(List.of(book.archiveRef()), sink.refsOf("005930"));
        assertEquals(book.records(), sink.first("005930").records());
    }

    @Test
    void envelopeRetentionGzippedIsReplayedUnderItsOriginalRef() throws IOException {
        CollectedBatch batch = archive(ReplayFixtures.bars("005930", "2025-03-04T00:00:00Z", 2, "2025-03-04T00:02:05Z"));
        byte[] plain = store.read(batch.archiveRef());
        ByteArrayOutputStream gz = new ByteArrayOutputStream();
        try (GZIPOutputStream out = new GZIPOutputStream(gz)) {
            out.write(plain);
        }
        store.replace(batch.archiveRef() + ".gz", gz.toByteArray());
        store.delete(batch.archiveRef());

        ReplayStatus done = runToEnd(service(), request("2025-03-04", "2025-03-04", null, null));

        assertEquals(1, done.batchesSent());
        assertEquals(List.of(batch.archiveRef()), sink.refsOf("005930"));
    }

    @Test
    void transientFailuresAreRetriedWithBackoffAndTheSymbolWaitsForTheBatch() throws IOException {
        CollectedBatch first = archive(ReplayFixtures.bars("005930", "2025-03-04T00:00:00Z", 2, "2025-03-04T00:02:05Z"));
        CollectedBatch second = archive(ReplayFixtures.bars("005930", "2025-03-04T00:02:00Z", 2, "2025-03-04T00:04:05Z"));
        AtomicInteger attempts = new AtomicInteger();
        sink.answer = b -> b.archiveRef().equals(first.archiveRef()) && attempts.incrementAndGet() <= 3
                ? Delivery.retry(FailureReason.SERVER_ERROR, 503, null, "loader down")
                : Delivery.acknowledged(200);

        ReplayStatus done = runToEnd(service(), request("2025-03-04", "2025-03-04", null, null));

        assertEquals(ReplayStatus.State.SUCCEEDED, done.state());
        assertEquals(2, done.batchesSent());
        assertEquals(List.of(first.archiveRef(), first.archiveRef(), first.archiveRef(), first.archiveRef(),
                second.archiveRef()), sink.attemptedRefs(), "three failures, then the batch, then the next");
        assertTrue(done.lastError().contains("HTTP 503"), "the last failure is shown: " + done.lastError());
    }

    @Test
    void refusedOrDamagedBatchesCountAsFailedAndTheRestIsSent() throws IOException {
        CollectedBatch refused = archive(ReplayFixtures.bars("005930", "2025-03-04T00:00:00Z", 2, "2025-03-04T00:02:05Z"));
        CollectedBatch fine = archive(ReplayFixtures.bars("005930", "2025-03-04T00:02:00Z", 2, "2025-03-04T00:04:05Z"));
        CollectedBatch damaged = archive(ReplayFixtures.bars("000660", "2025-03-04T00:00:00Z", 2, "2025-03-04T00:02:05Z"));
        store.replace(damaged.archiveRef(), new String(store.read(damaged.archiveRef()))
                .replace("\"volume\":1000", "\"volume\":7").getBytes());
        sink.answer = b -> b.archiveRef().equals(refused.archiveRef())
                ? Delivery.rejected(422, "no rules for this") : Delivery.acknowledged(200);

        ReplayStatus done = runToEnd(service(), request("2025-03-04", "2025-03-04", null, null));

        assertEquals(ReplayStatus.State.FAILED, done.state());
        assertEquals(3, done.batchesTotal());
        assertEquals(2, done.batchesFailed());
        assertEquals(1, done.batchesSent());
        assertEquals(List.of(refused.archiveRef(), fine.archiveRef()), sink.attemptedRefs());
    }

    @Test
    void aBatchFailingLongerThanGiveUpAfterStopsTheReplayFailedWithoutSendingLaterOnes() throws IOException {
        archive(ReplayFixtures.bars("005930", "2025-03-04T00:00:00Z", 2, "2025-03-04T00:02:05Z"));
        archive(ReplayFixtures.bars("005930", "2025-03-04T00:02:00Z", 2, "2025-03-04T00:04:05Z"));
        sink.answer = b -> Delivery.retry(FailureReason.UNREACHABLE, 0, null, "connection refused");

        ReplayStatus done = runToEnd(service(), request("2025-03-04", "2025-03-04", null, null));

        assertEquals(ReplayStatus.State.FAILED, done.state());
        assertEquals(0, done.batchesSent());
        assertTrue(done.lastError().startsWith("gave up after 1 s"), done.lastError());
        assertEquals(1, sink.attemptedRefs().stream().distinct().count(), "the second batch never overtook the first");
    }

    @Test
    void aReplayStoppedWithTheServiceIsResumedByTheNextStartWithoutSendingItsDoneDaysAgain() throws IOException {
        CollectedBatch first = archive(ReplayFixtures.bars("005930", "2025-03-04T00:00:00Z", 2, "2025-03-04T00:02:05Z"));
        archive(ReplayFixtures.bars("005930", "2025-03-05T00:00:00Z", 3, "2025-03-05T00:03:05Z"));
        archive(ReplayFixtures.bars("005930", "2025-03-06T00:00:00Z", 4, "2025-03-06T00:04:05Z"));
        // the validator takes the first day, then stops answering
        sink.answer = b -> b.windowStart().toString().startsWith("2025-03-04") ? Delivery.acknowledged(200)
                : Delivery.retry(FailureReason.UNREACHABLE, 0, null, "connection refused");
        ReplayService before = service(SETTINGS, Clock.systemUTC(), "host-a");
        UUID id = before.start(request("2025-03-04", "2025-03-06", null, null)).id();
        await().atMost(Duration.ofSeconds(5)).until(() -> before.find(id).orElseThrow().checkpoint().doneThrough(),
                LocalDate.parse("2025-03-04")::equals);

        before.stop(Duration.ofSeconds(5));
        assertEquals(ReplayStatus.State.RUNNING, journal.read(id).orElseThrow().state(), "suspended, not ended");

        sink.answer = b -> Delivery.acknowledged(200);
        ReplayService after = service(SETTINGS, Clock.systemUTC(), "host-a");
        after.open();
        ReplayStatus done = await().atMost(Duration.ofSeconds(10)).until(() -> after.find(id).orElseThrow(),
                s -> s.state() != ReplayStatus.State.RUNNING);

        assertEquals(ReplayStatus.State.SUCCEEDED, done.state(), done.toString());
        assertEquals(1, done.resumed());
        assertEquals(3, done.batchesSent(), "each batch counted once");
        assertEquals(9, done.bars());
        assertEquals(1, sink.attemptedRefs().stream().filter(first.archiveRef()::equals).count(),
                "the day done before the stop is not sent again");
        assertEquals(LocalDate.parse("2025-03-06"), done.checkpoint().doneThrough());
    }

    @Test
    void aReplayLeftRunningByACrashIsResumedAfterTheRestart() throws IOException {
        archive(ReplayFixtures.bars("005930", "2025-03-04T00:00:00Z", 2, "2025-03-04T00:02:05Z"));
        ReplayStatus running = crashedReplay("host-a-1234", Instant.now());

        ReplayService restarted = service(SETTINGS, Clock.systemUTC(), "host-a");
        restarted.open();

        ReplayStatus done = await().atMost(Duration.ofSeconds(10)).until(() -> restarted.find(running.id())
                .orElseThrow(), s -> s.state() != ReplayStatus.State.RUNNING);
        assertEquals(ReplayStatus.State.SUCCEEDED, done.state(), done.toString());
        assertEquals(1, done.resumed());
        assertEquals(1, done.batchesSent(), "no day was done at the crash's last checkpoint");
        assertTrue(done.instance().startsWith("host-a-"), done.instance());
    }

    @Test
    void aReplayOfAnotherHostIsTakenOverOnlyOnceItsCheckpointsStop() throws IOException {
        archive(ReplayFixtures.bars("005930", "2025-03-04T00:00:00Z", 2, "2025-03-04T00:02:05Z"));
        Instant now = Instant.parse("2025-03-07T10:00:00Z");
        ReplayStatus fresh = crashedReplay("host-b-1", now.minusMillis(200));
        ReplayStatus stale = crashedReplay("host-b-2", now.minusSeconds(5));

        ReplayService here = service(SETTINGS, Clock.fixed(now, ZoneOffset.UTC), "host-a");
        here.open();

        assertEquals(ReplayStatus.State.RUNNING, here.find(fresh.id()).orElseThrow().state(), "still checkpointing");
        assertEquals("host-b-1", here.find(fresh.id()).orElseThrow().instance(), "left to its process");
        ReplayStatus taken = await().atMost(Duration.ofSeconds(10)).until(() -> here.find(stale.id()).orElseThrow(),
                s -> s.state() != ReplayStatus.State.RUNNING);
        assertEquals(ReplayStatus.State.SUCCEEDED, taken.state(), taken.toString());
        assertEquals(1, taken.resumed());
    }

    @Test
    void recentReplaysAreTheNewestFirstFromTheJournalAndThisProcess() throws IOException {
        archive(ReplayFixtures.bars("005930", "2025-03-04T00:00:00Z", 2, "2025-03-04T00:02:05Z"));
        ReplayStatus older = crashedReplay("host-b-1", Instant.parse("2025-03-07T10:00:00Z"));
        ReplayStatus newer = crashedReplay("host-b-2", Instant.parse("2025-03-08T10:00:00Z"));
        ReplayService service = service();
        ReplayStatus here = runToEnd(service, request("2025-03-04", "2025-03-04", null, null));

        List<UUID> recent = service.recent(10).stream().map(ReplayStatus::id).toList();

        assertEquals(List.of(here.id(), newer.id(), older.id()), recent, "this process's first, then the journal's");
        assertEquals(List.of(here.id()), service.recent(1).stream().map(ReplayStatus::id).toList());
    }

    @Test
    void oneReplayAtATime() throws IOException {
        ReplayService service = serviceWithAStuckReplay();
        service.start(request("2025-03-04", "2025-03-04", null, null));

        assertThrows(ReplayService.AlreadyRunningException.class,
                () -> service.start(request("2025-03-04", "2025-03-04", null, null)));
        service.stop(Duration.ofSeconds(5));
        sink.answer = b -> Delivery.acknowledged(200);
        assertEquals(ReplayStatus.State.SUCCEEDED,
                runToEnd(service, request("2025-03-04", "2025-03-04", null, null)).state(), "after it ended");
    }

    @Test
    void requestsOutOfBoundsAreRefusedWithAReason() {
        ReplayService service = service();
        IllegalArgumentException reversed = assertThrows(IllegalArgumentException.class,
                () -> service.start(request("2025-03-05", "2025-03-04", null, null)));
        assertTrue(reversed.getMessage().contains("must not be before"), reversed.getMessage());
        IllegalArgumentException tooLong = assertThrows(IllegalArgumentException.class,
                () -> service.start(request("2025-03-01", "2025-04-01", null, null)));
        assertTrue(tooLong.getMessage().contains("at most 31"), tooLong.getMessage());
        IllegalArgumentException account = assertThrows(IllegalArgumentException.class,
                () -> service.start(request("2025-03-04", "2025-03-04", List.of(DataType.ACCOUNT_INFO), null)));
        assertTrue(account.getMessage().contains("account_info cannot be replayed"), account.getMessage());
        assertTrue(sink.attempts.isEmpty(), "nothing sent");
    }

    // --- helpers -------------------------------------------------------------------------------------------------

    private CollectedBatch archive(CollectedBatch batch) throws IOException {
        return batch.withArchiveRef(ReplayFixtures.archive(store, batch));
    }

    /** A journal entry as a process that died mid-replay left it. */
    private ReplayStatus crashedReplay(String instance, Instant checkpointedAt) throws IOException {
        ReplayStatus running = new ReplayStatus(UUID.randomUUID(), ReplayStatus.State.RUNNING,
                LocalDate.parse("2025-03-04"), LocalDate.parse("2025-03-04"), List.of(DataType.MARKET_DATA),
                List.of(), 10, 7, 0, 70, 70, null, checkpointedAt.minusSeconds(30), null, checkpointedAt, instance,
                ReplayStatus.MEMORY, 0, ReplayCheckpoint.NONE);
        journal.write(running);
        return running;
    }

    private ReplayService service() {
        return service(SETTINGS);
    }

    /** One archived batch and a validator that never answers: a replay of it runs until stopped. */
    private ReplayService serviceWithAStuckReplay() throws IOException {
        archive(ReplayFixtures.bars("005930", "2025-03-04T00:00:00Z", 2, "2025-03-04T00:02:05Z"));
        sink.answer = b -> Delivery.retry(FailureReason.UNREACHABLE, 0, null, "connection refused");
        return service(new ReplaySettings(1, Duration.ofMillis(10), Duration.ofMillis(40), Duration.ofHours(1),
                Duration.ofMillis(100), 31));
    }

    private ReplayService service(ReplaySettings settings) {
        return service(settings, Clock.systemUTC(), "test-host");
    }

    private ReplayService service(ReplaySettings settings, Clock clock, String host) {
        return new ReplayService(store, sink, new ArchivedBatchReader(ReplayFixtures.MAPPER), journal, settings, clock,
                host);
    }

    private static ReplayRequest request(String from, String to, List<DataType> types, List<String> symbols) {
        return new ReplayRequest(LocalDate.parse(from), LocalDate.parse(to), types, symbols);
    }

    private static ReplayStatus runToEnd(ReplayService service, ReplayRequest request) {
        UUID id = service.start(request).id();
        return await().atMost(Duration.ofSeconds(10)).until(() -> service.find(id).orElseThrow(),
                s -> s.state() != ReplayStatus.State.RUNNING);
    }

    /** Records every attempt and every group; answers as {@link #answer} says (acknowledges by default). */
    private static final class RecordingSink implements BatchSink {

        final List<List<CollectedBatch>> groups = Collections.synchronizedList(new ArrayList<>());
        /** Held by the first attempt until released (or 2 s), so that batches queue up behind it. */
        final CountDownLatch firstHeld = new CountDownLatch(1);
        volatile boolean holdFirst;
        final List<CollectedBatch> attempts = Collections.synchronizedList(new ArrayList<>());
        final List<CollectedBatch> sent = Collections.synchronizedList(new ArrayList<>());
        final Map<String, List<String>> bySymbol = new ConcurrentHashMap<>();
        volatile Function<CollectedBatch, Delivery> answer = b -> Delivery.acknowledged(200);

        @Override
        public Delivery deliver(CollectedBatch batch) {
            attempts.add(batch);
            holdTheFirst();
            Delivery delivery = answer.apply(batch);
            if (delivery.kind() == Delivery.Kind.ACKNOWLEDGED) {
                sent.add(batch);
                bySymbol.computeIfAbsent(batch.symbol(), s -> Collections.synchronizedList(new ArrayList<>()))
                        .add(batch.archiveRef());
            }
            return delivery;
        }

        @Override
        public List<Delivery> deliverAll(List<CollectedBatch> batches) {
            groups.add(List.copyOf(batches));
            return BatchSink.super.deliverAll(batches);
        }

        private void holdTheFirst() {
            if (holdFirst && attempts.size() == 1) {
                try {
                    firstHeld.await(2, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        }

        List<String> refsOf(String symbol) {
            return bySymbol.getOrDefault(symbol, List.of());
        }

        CollectedBatch first(String symbol) {
            return sent.stream().filter(b -> b.symbol().equals(symbol)).findFirst().orElseThrow();
        }

        List<String> attemptedRefs() {
            synchronized (attempts) {
                return attempts.stream().map(CollectedBatch::archiveRef).toList();
            }
        }
    }
}
