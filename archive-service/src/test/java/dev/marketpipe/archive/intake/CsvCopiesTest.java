package dev.marketpipe.archive.intake;

import dev.marketpipe.archive.TestBatches;
import dev.marketpipe.archive.disk.ArchiveRoot;
import dev.marketpipe.archive.disk.FreeSpacePolicy;
import dev.marketpipe.archive.envelope.EnvelopeFormat;
import dev.marketpipe.archive.index.BatchDescription;
import dev.marketpipe.archive.index.BatchIndex;
import dev.marketpipe.archive.index.BatchMarker;
import dev.marketpipe.archive.metrics.ArchiveMetrics;
import dev.marketpipe.archive.outbox.ArchiveOutbox;
import dev.marketpipe.archive.outbox.ReplicaId;
import dev.marketpipe.archive.store.ArchiveKey;
import dev.marketpipe.archive.store.StoredObject;
import dev.marketpipe.archive.store.filesystem.FilesystemArchiveStore;
import dev.marketpipe.wire.CollectedBatch;
import dev.marketpipe.wire.DataType;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The CSV alternative through the intake: a CSV copy next to the envelope for the listed data types. */
class CsvCopiesTest {

    private static final String WINDOW = "2025-03-04T00:00:00Z";
    private static final String CSV = "timestamp,symbol,open,high,low,close,volume\r\n"
            + "2025-03-04T00:00:00Z,005930,75000,75500,74800,75200.50,1500000\r\n";

    @TempDir
    Path tmp;

    private FilesystemArchiveStore store;
    private EnvelopeFormat format;
    private BatchIndex index;
    private ArchiveIntake intake;

    @BeforeEach
    void setUp() throws IOException {
        ArchiveRoot root = new ArchiveRoot(tmp.resolve("archive"));
        root.createLayout();
        format = new EnvelopeFormat(TestBatches.mapper());
        store = new FilesystemArchiveStore(root, format);
        index = new BatchIndex(root.index(), TestBatches.mapper());
        ArchiveOutbox outbox = new ArchiveOutbox(root.outbox(), ReplicaId.of("csv-test"), TestBatches.mapper(),
                Clock.systemUTC());
        outbox.open(Duration.ZERO);
        intake = new ArchiveIntake(store, index, outbox, format, new FreeSpacePolicy(root, 0),
                new CsvCopies(store, List.of(DataType.MARKET_DATA)), new ArchiveMetrics(new SimpleMeterRegistry()),
                Clock.systemUTC());
    }

    @Test
    void aListedTypeGetsItsBarsAsCsvNextToAnUnchangedEnvelope() throws IOException {
        CollectedBatch batch = TestBatches.batch(UUID.randomUUID(), "005930", WINDOW);

        String ref = intake.accept(batch).receipt().archiveRef();

        assertEquals(List.of("raw/2025/03/04/market_data_005930_20250304_090000.csv", ref), refs());
        assertEquals(CSV, text("raw/2025/03/04/market_data_005930_20250304_090000.csv"));
        assertArrayEquals(format.render(batch), store.read(ref), "the JSON envelope stays the archive of record");
    }

    @Test
    void eachEnvelopeUnderOneNameHasItsOwnCsv() throws IOException {
        intake.accept(TestBatches.batch(UUID.randomUUID(), "005930", WINDOW));
        String second = intake.accept(TestBatches.batch(UUID.randomUUID(), "005930", WINDOW)).receipt().archiveRef();

        assertEquals("raw/2025/03/04/market_data_005930_20250304_090000_2.json", second);
        assertEquals(CSV, text("raw/2025/03/04/market_data_005930_20250304_090000_2.csv"));
        assertEquals(4, refs().size());
    }

    @Test
    void aRetryAfterACrashBeforeTheCsvWritesIt() throws IOException {
        CollectedBatch batch = TestBatches.batch(UUID.randomUUID(), "005930", WINDOW);
        ArchiveKey key = ArchiveKey.of(batch);
        index.reserve(BatchMarker.pending(batch.batchId(), key, BatchDescription.of(batch), Instant.now()));
        store.put(key, format.render(batch)); // the crashed attempt published the envelope, then died

        intake.accept(batch);

        assertEquals(CSV, text(CsvCopies.csvRef(key.ref(1))));
        assertEquals(2, refs().size(), "still one envelope");
    }

    @Test
    void typesNotListedGetNoCsv() throws IOException {
        CsvCopies none = CsvCopies.none(store);

        none.write(TestBatches.batch(UUID.randomUUID(), "005930", WINDOW), "raw/2025/03/04/x.json");

        assertTrue(refs().isEmpty());
    }

    @Test
    void onlyDataTypesWithBarsCanBeListed() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new CsvCopies(store, List.of(DataType.MARKET_DATA, DataType.ORDERBOOK)));

        assertTrue(e.getMessage().contains("orderbook has no CSV layout"), e.getMessage());
    }

    @Test
    void anUnknownDataTypeInTheSettingIsRefusedNamingTheProperty() {
        assertEquals(List.of(DataType.MARKET_DATA), CsvCopies.parse(List.of(" market_data ", "")));

        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> CsvCopies.parse(List.of("market_data", "quotes")));

        assertTrue(e.getMessage().startsWith("marketpipe.archive.csv-data-types"), e.getMessage());
    }

    private List<String> refs() throws IOException {
        return store.list("raw/").stream().map(StoredObject::ref).toList();
    }

    private String text(String ref) throws IOException {
        return new String(store.read(ref), StandardCharsets.UTF_8);
    }
}
