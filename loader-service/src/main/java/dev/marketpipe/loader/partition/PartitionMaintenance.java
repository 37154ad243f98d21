package dev.marketpipe.loader.partition;

import dev.marketpipe.calendar.MarketCalendar;
import dev.marketpipe.loader.config.MarketClock;
import dev.marketpipe.loader.bars.MarketTable;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;

/**
 * Keeps the partitions of the current KST month and {@code marketpipe.loader.partitions.months-ahead} months after
 * it created for every intraday market table, and those of today and {@code tick-days-ahead} days for the ticks: at
 * start-up and then on a schedule, so live loads never pay for creating a partition (which briefly locks the table)
 * and a month or day boundary needs nobody awake. The schedule also drops the tick days past {@code tick-retention}.
 */
@ApplicationScoped
public class PartitionMaintenance {

    private static final Logger LOG = Logger.getLogger(PartitionMaintenance.class);

    private final TablePartitions partitions;
    private final PartitionConfig config;
    private final Clock clock = Clock.system(MarketCalendar.KRX_ZONE);
    private final MarketClock market;

    public PartitionMaintenance(TablePartitions partitions, PartitionConfig config, MarketClock market) {
        this.partitions = partitions;
        this.config = config;
        this.market = market;
    }

    void onStart(@Observes StartupEvent start) {
        createAhead();
    }

    @Scheduled(every = "${marketpipe.loader.partitions.check-every}",
            delayed = "${marketpipe.loader.partitions.check-every}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        try {
            createAhead();
            dropExpiredTicks();
        } catch (RuntimeException e) {
            // the database may be down for a while: the next run (and every load, on demand) tries again
            LOG.errorf(e, "creating partitions ahead or dropping expired tick partitions failed");
        }
    }

    /** Drops the tick partitions of days before today minus {@code tick-retention}; returns what it dropped. */
    public List<DayPartition> dropExpiredTicks() {
        // on the market clock: a replayed past session (demo --live) keeps its day while it runs
        LocalDate oldestKept = LocalDate.ofInstant(market.now(), MarketCalendar.KRX_ZONE)
                .minusDays(config.tickRetention().toDays());
        List<DayPartition> expired = new ArrayList<>();
        for (String name : partitions.partitionsOf(DayPartition.TICKS)) {
            LocalDate day = DayPartition.dayOf(DayPartition.TICKS, name);
            if (day != null && day.isBefore(oldestKept)) {
                DayPartition partition = new DayPartition(DayPartition.TICKS, day);
                partitions.drop(partition);
                expired.add(partition);
            }
        }
        return expired;
    }

    /** The partitions of this month and the configured months ahead, each intraday table, and the tick days ahead. */
    public List<TablePartition> createAhead() {
        YearMonth now = YearMonth.now(clock);
        List<TablePartition> wanted = new ArrayList<>();
        for (MarketTable table : MarketTable.values()) {
            if (table.isPartitioned()) {
                for (int ahead = 0; ahead <= config.monthsAhead(); ahead++) {
                    wanted.add(new MonthPartition(table, now.plusMonths(ahead)));
                }
            }
        }
        LocalDate today = LocalDate.now(clock);
        for (int ahead = 0; ahead <= config.tickDaysAhead(); ahead++) {
            wanted.add(new DayPartition(DayPartition.TICKS, today.plusDays(ahead)));
        }
        partitions.forget(); // ask the database, not the cache: someone may have dropped a partition
        partitions.ensure(wanted);
        return wanted;
    }
}
