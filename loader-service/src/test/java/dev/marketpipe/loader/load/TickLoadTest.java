package dev.marketpipe.loader.load;

import dev.marketpipe.loader.LoaderDatabaseTest;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.marketpipe.calendar.MarketCalendar;
import dev.marketpipe.loader.partition.DayPartition;
import dev.marketpipe.loader.partition.PartitionMaintenance;
import dev.marketpipe.testsupport.PostgresTestResource;
import dev.marketpipe.wire.BatchRecords;
import dev.marketpipe.wire.DataType;
import dev.marketpipe.wire.LoadReceipt;
import dev.marketpipe.wire.SourceRole;
import dev.marketpipe.wire.Tick;
import dev.marketpipe.wire.ValidatedBatch;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.UUID;

/** Ticks (migration V9): one row per trade in its KST day's partition, idempotent, dropped past their retention. */
@QuarkusTest
@QuarkusTestResource(PostgresTestResource.class)
@TestSecurity(user = "tester", roles = {"reader", "operator", "reviewer", "pipeline"})
class TickLoadTest extends LoaderDatabaseTest {

    @Inject
    PartitionMaintenance maintenance;

    private static Instant at(LocalDate day, String time) {
        return day.atTime(LocalTime.parse(time)).atZone(MarketCalendar.KRX_ZONE).toInstant();
    }

    private Tick tick(LocalDate day, String time, long price, long quantity, long cumulativeVolume) {
        return new Tick(symbol, at(day, time), BigDecimal.valueOf(price), quantity, cumulativeVolume,
                BigDecimal.valueOf(price * cumulativeVolume), BigDecimal.valueOf(72_000));
    }

    private ValidatedBatch batch(List<Tick> ticks) {
        return new ValidatedBatch(UUID.randomUUID(), DataType.TICKS, symbol, null, SourceRole.PRIMARY, "raw/x.json",
                ticks.get(0).timestamp(), 0, ticks.size(), List.of(), List.of(), List.of(), 1.0,
                BatchRecords.ofTicks(ticks), List.of());
    }

    private long storedTicks() {
        return db.count("SELECT count(*) FROM market_ticks WHERE symbol = ?", symbol);
    }

    @Test
    void ticksLandInTheirDaysPartitionOncePerTradeHoweverOftenTheyArrive() {
        LocalDate day = LocalDate.now(MarketCalendar.KRX_ZONE).minusDays(1);
        List<Tick> ticks = List.of(tick(day, "09:00:00", 71_900, 10, 10), tick(day, "09:00:00", 72_000, 5, 15),
                tick(day, "09:00:01", 71_900, 1, 16));

        LoadReceipt first = api.load(batch(ticks));
        assertEquals(3, first.rowsChanged());
        assertEquals(3, storedTicks());
        assertEquals(1L, db.count("SELECT count(*) FROM " + new DayPartition(DayPartition.TICKS, day).name()
                + " WHERE symbol = ? AND cumulative_volume = 16", symbol));

        LoadReceipt again = api.load(batch(ticks.subList(1, 3)));
        assertEquals(0, again.rowsChanged());
        assertEquals(2, again.rowsUnchanged());
        assertEquals(3, storedTicks());

        LoadReceipt corrected = api.load(batch(List.of(tick(day, "09:00:01", 71_800, 1, 16))));
        assertEquals(1, corrected.rowsChanged());
        assertEquals(new BigDecimal("71800.00"), db.rows("SELECT price FROM market_ticks WHERE symbol = ? "
                + "AND cumulative_volume = 16", symbol).get(0).get("price"));
    }

    @Test
    void tickDaysPastTheRetentionAreDroppedAndRecentOnesKept() {
        LocalDate today = LocalDate.now(MarketCalendar.KRX_ZONE);
        LocalDate old = today.minusDays(45);
        LocalDate recent = today.minusDays(2);
        api.load(batch(List.of(tick(old, "10:00:00", 71_900, 10, 10))));
        api.load(batch(List.of(tick(recent, "10:00:00", 71_900, 10, 10))));
        assertEquals(2, storedTicks());

        List<DayPartition> dropped = maintenance.dropExpiredTicks();

        assertTrue(dropped.contains(new DayPartition(DayPartition.TICKS, old)), dropped.toString());
        assertFalse(dropped.contains(new DayPartition(DayPartition.TICKS, recent)), dropped.toString());
        assertEquals(1, storedTicks());
        // a late trade of a dropped day still loads: its partition is made again on demand
        api.load(batch(List.of(tick(old, "10:00:01", 71_900, 1, 11))));
        assertEquals(2, storedTicks());
    }
}
