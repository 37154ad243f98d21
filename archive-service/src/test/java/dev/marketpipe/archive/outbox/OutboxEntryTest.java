package dev.marketpipe.archive.outbox;

import org.junit.jupiter.api.Test;

import java.util.Optional;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class OutboxEntryTest {

    @Test
    void fileNameCarriesTimeSequenceBatchAndSymbol() {
        UUID id = UUID.randomUUID();
        OutboxEntry entry = OutboxEntry.create(1_741_046_400_000L, 42, id, "BRK-B.K_1");

        assertEquals("1741046400000-42-" + id + "-BRK-B.K_1.json", entry.fileName());
        assertEquals(Optional.of(entry), OutboxEntry.parse(entry.fileName()));
    }

    @Test
    void entriesWithoutSymbolShareTheEmptyLaneKey() {
        UUID id = UUID.randomUUID();
        OutboxEntry entry = OutboxEntry.create(5, 7, id, null);

        assertEquals("5-7-" + id + ".json", entry.fileName());
        assertEquals("", OutboxEntry.parse(entry.fileName()).orElseThrow().laneKey());
    }

    @Test
    void strayFilesAreNotEntries() {
        assertTrue(OutboxEntry.parse(".tmp-123.part").isEmpty());
        assertTrue(OutboxEntry.parse("notes.txt").isEmpty());
        assertTrue(OutboxEntry.parse("1-2-not-a-uuid.json").isEmpty());
        assertTrue(OutboxEntry.parse("x-2-" + UUID.randomUUID() + ".json").isEmpty());
        assertTrue(OutboxEntry.parse("1-2-" + UUID.randomUUID() + "-.json").isEmpty());
    }

    @Test
    void orderIsBySequenceNotByTime() {
        OutboxEntry older = OutboxEntry.create(2_000, 1, UUID.randomUUID(), "A");
        OutboxEntry newer = OutboxEntry.create(1_000, 2, UUID.randomUUID(), "A");

        assertTrue(OutboxEntry.ORDER.compare(older, newer) < 0);
    }
}
