package dev.marketpipe.collector.gapfill;

import dev.marketpipe.calendar.MarketCalendar;
import dev.marketpipe.calendar.Session;
import dev.marketpipe.collector.collection.FetchWindow;
import dev.marketpipe.wire.BarInterval;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Decides which requests close the gaps of one symbol: the market calendar says which bars should exist, the
 * loader's coverage says which are stored, and the difference is merged into as few windows as possible.
 * <ul>
 * <li>Only calendar bar starts are ever requested: no weekend, holiday or out-of-session window.</li>
 * <li>Intraday: consecutive missing bars of one session become one window {@code [first, last + interval)}, sent
 * as ISO instants (start inclusive, end exclusive); a window never spans two sessions.</li>
 * <li>Daily: missing trading dates that follow each other on the calendar become one window of ISO dates (both
 * inclusive); a window never contains a date that does not trade.</li>
 * <li>Bars that have not yet settled ({@code horizon}) are left to the live job; bars whose attempts are used up
 * ({@code exhausted}) are skipped.</li>
 * </ul>
 */
@ApplicationScoped
public class GapfillPlanner {

    private final MarketCalendar calendar;

    GapfillPlanner(MarketCalendar calendar) {
        this.calendar = calendar;
    }

    /** The requests and the counts behind them. */
    public record Plan(List<FetchWindow> windows, int expected, int stored, int missing, int exhausted) {
    }

    /**
     * @param horizon  bars must have ended by this instant to be expected
     * @param stored   bar starts the loader has
     * @param exhausted bar starts gap-fill has asked for often enough
     */
    public Plan plan(String symbol, BarInterval interval, LocalDate from, LocalDate to, Instant horizon,
            Set<Instant> stored, Set<Instant> exhausted) {
        List<FetchWindow> windows = new ArrayList<>();
        int expected = 0;
        int present = 0;
        int missing = 0;
        int skipped = 0;
        List<Instant> run = new ArrayList<>();
        LocalDate previousDay = null;
        for (LocalDate day : calendar.tradingDays(from, to)) {
            Session session = calendar.session(day).orElseThrow();
            if (interval == BarInterval.ONE_DAY) {
                if (session.close().isAfter(horizon)) {
                    continue;
                }
                expected++;
                Instant start = session.open();
                boolean gap = !stored.contains(start) && !exhausted.contains(start);
                present += stored.contains(start) ? 1 : 0;
                skipped += !stored.contains(start) && exhausted.contains(start) ? 1 : 0;
                // a daily window only spans dates that follow each other on the calendar: no non-trading date inside
                if (!gap || (previousDay != null && !previousDay.plusDays(1).equals(day))) {
                    closeDaily(symbol, run, windows);
                }
                if (gap) {
                    run.add(start);
                    missing++;
                }
                previousDay = day;
                continue;
            }
            for (Instant start : calendar.barStarts(day, interval)) {
                if (start.plus(interval.length()).isAfter(horizon)) {
                    break;
                }
                expected++;
                if (stored.contains(start)) {
                    present++;
                    closeIntraday(symbol, interval, run, windows);
                } else if (exhausted.contains(start)) {
                    skipped++;
                    closeIntraday(symbol, interval, run, windows);
                } else {
                    missing++;
                    run.add(start);
                }
            }
            closeIntraday(symbol, interval, run, windows);
        }
        closeDaily(symbol, run, windows);
        return new Plan(windows, expected, present, missing + skipped, skipped);
    }

    private static void closeIntraday(String symbol, BarInterval interval, List<Instant> run,
            List<FetchWindow> windows) {
        if (run.isEmpty()) {
            return;
        }
        Instant start = run.get(0);
        Instant end = run.get(run.size() - 1).plus(interval.length());
        windows.add(new FetchWindow(symbol, interval, start.toString(), end.toString(), start, end));
        run.clear();
    }

    private void closeDaily(String symbol, List<Instant> run, List<FetchWindow> windows) {
        if (run.isEmpty()) {
            return;
        }
        Session first = calendar.session(calendar.tradingDate(run.get(0))).orElseThrow();
        Session last = calendar.session(calendar.tradingDate(run.get(run.size() - 1))).orElseThrow();
        windows.add(new FetchWindow(symbol, BarInterval.ONE_DAY, first.date().toString(), last.date().toString(),
                first.open(), last.close()));
        run.clear();
    }
}
