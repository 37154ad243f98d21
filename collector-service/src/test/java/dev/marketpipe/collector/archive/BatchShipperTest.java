package dev.marketpipe.collector.archive;

import dev.marketpipe.collector.client.ArchiveClient;
import dev.marketpipe.collector.client.ArchiveClients;
import dev.marketpipe.collector.client.ArchiveException;
import dev.marketpipe.collector.spool.BatchSpool;
import dev.marketpipe.collector.spool.SpoolFixtures;
import dev.marketpipe.wire.ArchiveReceipt;
import dev.marketpipe.wire.CollectedBatch;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;

import static dev.marketpipe.collector.spool.SpoolFixtures.bars;
import static dev.marketpipe.collector.spool.SpoolFixtures.files;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Where {@link BatchShipper} puts a batch: archive, spool, or (spool disk full) in-memory retry. Outside CDI the
 * retry annotations do nothing, so each {@link ArchiveClient} method makes exactly one attempt here.
 */
class BatchShipperTest {

    @TempDir
    Path dir;

    /** The archive's answers, one per attempt (null = 201); every attempted batch id in order. */
    private final Deque<RuntimeException> answers = new ArrayDeque<>();
    private final List<UUID> attempted = new ArrayList<>();

    private final Function<CollectedBatch, ArchiveReceipt> archive = batch -> {
        attempted.add(batch.batchId());
        RuntimeException failure = answers.pollFirst();
        if (failure != null) {
            throw failure;
        }
        return new ArchiveReceipt(batch.batchId(), "raw/x.json", "00", 1, false);
    };

    private BatchShipper shipper(long minFreeMib) {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        BatchSpool spool = new BatchSpool(dir, minFreeMib, SpoolFixtures.json(), registry, Clock.systemUTC());
        return new BatchShipper(ArchiveClients.answering(archive, registry), spool);
    }

    @Test
    void anArchivedBatchLeavesNoFileInTheSpool() {
        assertEquals(Shipment.ARCHIVED, shipper(0).ship(bars("005930", 1)));
        assertEquals(List.of(), files(dir));
    }

    @Test
    void aBatchTheFullArchiveCannotTakeIsSpooledAndTheCallerGoesOn() {
        answers.add(new ArchiveException.Unavailable("archive-service answered HTTP 507"));
        CollectedBatch batch = bars("005930", 1);

        assertEquals(Shipment.SPOOLED, shipper(0).ship(batch));

        assertEquals(1, files(dir).size());
        assertTrue(files(dir).get(0).contains(batch.batchId().toString()), files(dir).toString());
    }

    @Test
    void whileASymbolIsSpooledItsNewBatchesQueueBehindIt() {
        BatchShipper shipper = shipper(0);
        answers.add(new ArchiveException.Unavailable("archive-service answered HTTP 503"));
        CollectedBatch first = bars("005930", 1);
        shipper.ship(first);

        CollectedBatch second = bars("005930", 2);
        CollectedBatch otherSymbol = bars("000660", 2);
        assertEquals(Shipment.SPOOLED, shipper.ship(second), "the archive is back, but 005930 has a batch waiting");
        assertEquals(Shipment.ARCHIVED, shipper.ship(otherSymbol));

        assertEquals(List.of(first.batchId(), otherSymbol.batchId()), attempted);
        assertEquals(2, files(dir).size());
    }

    @Test
    void whenTheSpoolsDiskIsFullTooTheBatchIsRetriedInMemory() {
        answers.add(new ArchiveException.Unavailable("archive-service answered HTTP 507"));
        CollectedBatch batch = bars("005930", 1);

        assertEquals(Shipment.ARCHIVED, shipper(SpoolFixtures.moreMibThanFree(dir)).ship(batch));

        assertEquals(List.of(batch.batchId(), batch.batchId()), attempted);
        assertEquals(List.of(), files(dir));
    }

    @Test
    void aBatchTheArchiveRefusesIsNeitherRetriedNorSpooled() {
        answers.add(new ArchiveException.Refused("archive-service answered HTTP 422"));

        assertThrows(ArchiveException.Refused.class, () -> shipper(0).ship(bars("005930", 1)));

        assertEquals(1, attempted.size());
        assertEquals(List.of(), files(dir));
    }
}
