package dev.marketpipe.collector.schedule;

import dev.marketpipe.calendar.MarketCalendar;
import dev.marketpipe.calendar.Session;
import dev.marketpipe.collector.budget.BudgetConfig;
import dev.marketpipe.collector.collection.CollectionState;
import dev.marketpipe.collector.collection.FetchWindow;
import dev.marketpipe.collector.collection.WindowCollector;
import dev.marketpipe.collector.config.MarketClock;
import dev.marketpipe.collector.replica.SymbolOwnership;
import dev.marketpipe.wire.BarInterval;
import io.quarkus.runtime.annotations.RegisterForReflection;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * 1-minute OHLCV, every minute during market hours, within the rate budget: once a minute it
 * polls the share of the symbols this replica holds that is due under the coverage plan, each for every bar since
 * it was last polled. Outside the session (nights, weekends, holidays) it does nothing. Scheduled as the
 * {@code one-minute} job of {@code marketpipe.collector.schedule} (High priority).
 *
 * <p>Cadence: the planner's polling cadence for all configured symbols at the provider's budget, rounded up to
 * whole minutes ({@code c}). Symbol number {@code i} of the configuration is in group {@code i mod c}; the cycle
 * after the bar starting at epoch minute {@code m} (its "slot") polls group {@code m mod c}. A polled symbol asks
 * for the bars of the last {@code c} slots, so the windows of consecutive polls of one symbol meet exactly: every
 * bar is requested once. Slots continue {@code c - 1} minutes after the close, so the session's last bars are
 * collected by their own group rather than by one burst. With the default 20 symbols {@code c = 1}: every symbol,
 * every minute, the bar that just completed. A window never exceeds the planner's lookback {@code k} (one request
 * returns the last {@code k} minutes); if the budget is so small that {@code c > k}, the older bars are left to the
 * gap-fill job (the plan says {@code incomplete}).
 *
 * <p>Collection state: a symbol whose last archived bar is newer than the window start (another replica collected
 * it) starts after it; a symbol with an older hole of at most the catch-up window — the larger of
 * {@code incremental.max-catch-up} and {@code c} minutes, never more than the lookback {@code k} — gets the hole in
 * the same request (after a restart or a lease hand-over). Older holes are left to the gap-fill job.
 */
@ApplicationScoped
public class LiveCollector implements CollectionJob {

    public static final String NAME = "one-minute";

    private static final Logger LOG = Logger.getLogger(LiveCollector.class);
    private static final Duration MINUTE = BarInterval.ONE_MINUTE.length();
    private static final int SECONDS_PER_MINUTE = 60;

    private final WindowCollector collector;
    private final MarketCalendar calendar;
    private final MarketClock clock;
    private final SymbolOwnership ownership;
    private final CollectionState state;
    private final IncrementalConfig incremental;
    private final BudgetConfig budget;
    private final PlanConfig plan;
    private Instant lastSlot;

    LiveCollector(WindowCollector collector, MarketCalendar calendar, MarketClock clock, SymbolOwnership ownership,
            CollectionState state, IncrementalConfig incremental, BudgetConfig budget, PlanConfig plan) {
        this.ownership = ownership;
        this.state = state;
        this.incremental = incremental;
        this.collector = collector;
        this.calendar = calendar;
        this.clock = clock;
        this.budget = budget;
        this.plan = plan;
    }

    /**
     * What one live cycle did.
     *
     * @param bar the newest bar the cycle's windows end with (null: no cycle was due)
     * @param cadenceMinutes every symbol is polled once every this many minutes
     * @param polled the windows requested, one per polled symbol
     */
    @RegisterForReflection
    public record Cycle(Instant bar, int cadenceMinutes, List<Poll> polled) {
    }

    /** One symbol's request of a cycle: the bars starting in {@code [from, to)}. */
    @RegisterForReflection
    public record Poll(String symbol, Instant from, Instant to) {
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public void run() {
        collectLastCompletedBar();
    }

    /** One live cycle now; returns the newest bar it collected, if a cycle was due. */
    public Optional<Instant> collectLastCompletedBar() {
        return collectLastCompletedBar(clock.now());
    }

    /** One live cycle as if it ran at {@code now}; returns the newest bar it collected, if a cycle was due. */
    public Optional<Instant> collectLastCompletedBar(Instant now) {
        return Optional.ofNullable(cycle(now).bar());
    }

    /** The planner's cadence for the configured symbols at the provider's budget, in whole minutes (at least 1). */
    public int cadenceMinutes() {
        CoveragePlan coverage = CoveragePlanner.plan(new PlanInput(Math.max(1, ownership.universe().size()),
                budget.effectiveRequestsPerSecond(), plan.budgetShare(), plan.lookbackMinutes(),
                plan.freshnessTarget().toMillis() / 1000.0, plan.sweepOffset().toMillis() / 1000.0));
        int seconds = coverage.groups().get(0).cadenceSeconds();
        return Math.max(1, (seconds + SECONDS_PER_MINUTE - 1) / SECONDS_PER_MINUTE);
    }

    /**
     * One live cycle as if it ran at {@code now}: the slot is the minute before {@code now}'s minute; a slot is
     * run once (a second trigger in the same minute does nothing).
     */
    public synchronized Cycle cycle(Instant now) {
        int cadence = cadenceMinutes();
        Instant slot = now.truncatedTo(ChronoUnit.MINUTES).minus(MINUTE);
        Optional<Session> session = calendar.session(calendar.tradingDate(slot));
        if (session.isEmpty() || slot.isBefore(session.get().open()) || slot.equals(lastSlot)
                || !slot.isBefore(session.get().close().plus(MINUTE.multipliedBy(cadence - 1L)))) {
            return new Cycle(null, cadence, List.of());
        }
        Instant open = session.get().open();
        Instant end = min(slot.plus(MINUTE), session.get().close());
        Instant bar = end.minus(MINUTE);
        int window = Math.min(cadence, plan.lookbackMinutes());
        Instant windowStart = max(open, slot.plus(MINUTE).minus(MINUTE.multipliedBy(window)));
        Instant catchUpFrom = max(bar.minus(catchUp(cadence)), end.minus(MINUTE.multipliedBy(plan.lookbackMinutes())));
        long group = Math.floorMod(slot.getEpochSecond() / SECONDS_PER_MINUTE, cadence);

        List<String> due = due(ownership.owned(), cadence, group);
        Map<String, Instant> archived = state.lastBarStarts(BarInterval.ONE_MINUTE, due);
        List<Poll> polled = new ArrayList<>();
        int failed = 0;
        for (String symbol : due) {
            Instant last = archived.get(symbol);
            Instant from = last != null && !last.isBefore(catchUpFrom) && !last.isBefore(open)
                    ? last.plus(MINUTE) : windowStart;
            if (!from.isBefore(end)) {
                continue; // already archived (another replica collected it this cycle)
            }
            polled.add(new Poll(symbol, from, end));
            try {
                collector.collect(new FetchWindow(symbol, BarInterval.ONE_MINUTE, from.toString(), end.toString(),
                        from, end));
            } catch (RuntimeException e) {
                failed++;
                LOG.errorf("live 1m bars %s..%s of %s not collected: %s", from, end, symbol, e.getMessage());
            }
        }
        lastSlot = slot;
        LOG.debugf("live 1m slot %s (cadence %d min): %d symbols polled (%d failed)", slot, cadence, polled.size(),
                failed);
        return new Cycle(bar, cadence, List.copyOf(polled));
    }

    /** The catch-up window: at least one cadence, so a symbol's regular poll is never mistaken for an old hole. */
    private Duration catchUp(int cadence) {
        Duration cadenceWindow = MINUTE.multipliedBy(cadence);
        return incremental.maxCatchUp().compareTo(cadenceWindow) > 0 ? incremental.maxCatchUp() : cadenceWindow;
    }

    /**
     * The held symbols in group {@code group}: groups follow the position in the configured list, so every replica
     * agrees on them and they are equal in size (±1).
     */
    private List<String> due(List<String> held, int cadence, long group) {
        if (cadence == 1) {
            return held;
        }
        Map<String, Integer> position = new HashMap<>();
        List<String> configured = ownership.universe();
        for (int i = 0; i < configured.size(); i++) {
            position.putIfAbsent(configured.get(i), i);
        }
        return held.stream().filter(s -> Math.floorMod(position.getOrDefault(s, s.hashCode()), cadence) == group)
                .toList();
    }

    private static Instant min(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }

    private static Instant max(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }
}
