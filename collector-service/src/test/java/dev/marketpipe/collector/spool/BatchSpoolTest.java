package dev.marketpipe.collector.spool;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.marketpipe.testsupport.MovableClock;
import dev.marketpipe.wire.CollectedBatch;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static dev.marketpipe.collector.spool.SpoolFixtures.accountInfo;
import static dev.marketpipe.collector.spool.SpoolFixtures.bars;
import static dev.marketpipe.collector.spool.SpoolFixtures.files;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The spool on a real folder: durable, ordered, per-symbol holding, restart and crash leftovers, the disk floor. */
class BatchSpoolTest {

    private final ObjectMapper json = SpoolFixtures.json();
    private final MovableClock clock = new MovableClock(Instant.parse("2025-03-04T01:00:00Z"));
    private final MeterRegistry registry = new SimpleMeterRegistry();

    @TempDir
    Path dir;

    private BatchSpool open() {
        return new BatchSpool(dir, 0, json, registry, clock);
    }

    @Test
    void aRestartedSpoolHasEveryBatchInArrivalOrderWithTheSameContent() throws IOException {
        BatchSpool before = open();
        List<CollectedBatch> offered = new ArrayList<>();
        for (int i = 0; i < 12; i++) { // more than 10: names must sort by number, not by text
            CollectedBatch batch = i % 4 == 3 ? accountInfo() : bars(i % 2 == 0 ? "005930" : "000660", i);
            assertTrue(before.offer(batch));
            offered.add(batch);
        }

        BatchSpool after = new BatchSpool(dir, 0, json, new SimpleMeterRegistry(), clock);

        List<SpooledBatch> pending = after.pending();
        assertEquals(offered.stream().map(CollectedBatch::batchId).toList(),
                pending.stream().map(SpooledBatch::batchId).toList());
        for (int i = 0; i < offered.size(); i++) {
            assertEquals(json.writeValueAsString(offered.get(i)), json.writeValueAsString(after.read(pending.get(i))),
                    "a spooled batch reaches the archive exactly as it was collected");
        }
        assertEquals(files(dir), pending.stream().map(SpooledBatch::fileName).toList(), "names sort in arrival order");
        assertTrue(after.holds(bars("005930", 99)));
        assertTrue(after.holds(accountInfo()));
        assertTrue(after.offer(bars("005930", 50)));
        assertEquals(offered.size(), after.pending().get(offered.size()).seq(), "numbering goes on after a restart");
    }

    @Test
    void aTempFileACrashLeftIsRemovedAtStartAndStrangersAreLeftAlone() throws IOException {
        Files.writeString(dir.resolve(".tmp-4711.part"), "{\"batchId\":");
        Files.writeString(dir.resolve("README.txt"), "not a batch");

        BatchSpool spool = open();

        assertEquals(0, spool.size());
        assertEquals(List.of("README.txt"), files(dir));
        assertTrue(Files.isDirectory(dir.resolve("dead")));
    }

    @Test
    void aSymbolIsHeldUntilItsLastSpooledBatchLeaves() throws IOException {
        BatchSpool spool = open();
        CollectedBatch first = bars("005930", 1);
        CollectedBatch second = bars("005930", 2);
        CollectedBatch other = bars("000660", 1);
        spool.offer(first);
        spool.offer(second);
        spool.offer(other);

        assertTrue(spool.holds(bars("005930", 3)));
        assertTrue(spool.holds(bars("000660", 3)));
        assertFalse(spool.holds(bars("035420", 3)));
        assertFalse(spool.holds(accountInfo()));

        List<SpooledBatch> pending = spool.pending();
        spool.remove(pending.get(0));
        assertTrue(spool.holds(bars("005930", 3)), "one batch of 005930 still waits");
        spool.remove(pending.get(1));
        assertFalse(spool.holds(bars("005930", 3)));
        Path grave = spool.bury(pending.get(2));
        assertFalse(spool.holds(bars("000660", 3)));

        assertEquals(dir.resolve("dead").resolve(pending.get(2).fileName()), grave);
        assertEquals(other.batchId(), json.readValue(grave.toFile(), CollectedBatch.class).batchId());
        assertEquals(List.of(), files(dir));
        assertEquals(1, spool.deadCount());
        assertEquals(2.0, registry.get("marketpipe.collector.spool.drained").counter().count());
        assertEquals(1.0, registry.get("marketpipe.collector.spool.dead").counter().count());
        assertEquals(3.0, registry.get("marketpipe.collector.spool.spooled").counter().count());
    }

    @Test
    void belowTheFreeSpaceFloorNothingIsSpooled() {
        BatchSpool spool = new BatchSpool(dir, SpoolFixtures.moreMibThanFree(dir), json, registry, clock);

        assertFalse(spool.offer(bars("005930", 1)));

        assertEquals(List.of(), files(dir));
        assertEquals(0, spool.size());
        assertFalse(spool.holds(bars("005930", 2)), "a batch that was not spooled holds nothing back");
        assertEquals(1.0, registry.get("marketpipe.collector.spool.refused").counter().count());
    }

    @Test
    void gaugesShowTheBacklogAndTheOldestBatchesAge() {
        BatchSpool spool = open();
        assertEquals(0.0, registry.get("marketpipe.collector.spool.batches").gauge().value());
        spool.offer(bars("005930", 1));
        clock.advance(Duration.ofSeconds(30));
        spool.offer(bars("005930", 2));
        clock.advance(Duration.ofSeconds(60));

        assertEquals(2.0, registry.get("marketpipe.collector.spool.batches").gauge().value());
        assertEquals(90.0, registry.get("marketpipe.collector.spool.oldest.age.seconds").gauge().value());
    }

    @Test
    void fileNamesCarryNumberBatchIdAndOrderKey() {
        UUID id = UUID.fromString("0b9f3c1e-5d2a-4c7b-9e1f-123456789abc");
        SpooledBatch entry = new SpooledBatch(42, id, "account_info", Instant.EPOCH);
        assertEquals("0000000000000042-0b9f3c1e-5d2a-4c7b-9e1f-123456789abc-account_info.json", entry.fileName());
        assertEquals(entry, SpooledBatch.parse(entry.fileName(), Instant.EPOCH).orElseThrow());
        assertTrue(SpooledBatch.parse(".tmp-1.part", Instant.EPOCH).isEmpty());
    }

}
