package dev.marketpipe.collector.backfill;

import dev.marketpipe.calendar.MarketCalendar;
import dev.marketpipe.calendar.Session;
import dev.marketpipe.collector.collection.FetchWindow;
import dev.marketpipe.wire.BarInterval;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * Splits a backfill into API requests using the market calendar, so no request is ever made for a weekend or a
 * holiday: intraday bars one request per symbol and trading day (390 one-minute bars fit one page of 1,000), daily
 * bars one request per symbol for the whole range.
 */
@ApplicationScoped
public class BackfillPlanner {

    private final MarketCalendar calendar;

    BackfillPlanner(MarketCalendar calendar) {
        this.calendar = calendar;
    }

    public List<FetchWindow> plan(BackfillRequest request) {
        List<LocalDate> days = calendar.tradingDays(request.from(), request.to());
        List<FetchWindow> windows = new ArrayList<>();
        if (days.isEmpty()) {
            return windows;
        }
        if (request.interval() == BarInterval.ONE_DAY) {
            Session first = calendar.session(days.get(0)).orElseThrow();
            Session last = calendar.session(days.get(days.size() - 1)).orElseThrow();
            for (String symbol : request.symbols()) {
                windows.add(new FetchWindow(symbol, BarInterval.ONE_DAY, first.date().toString(),
                        last.date().toString(), first.open(), last.close()));
            }
            return windows;
        }
        for (LocalDate day : days) {
            Session session = calendar.session(day).orElseThrow();
            for (String symbol : request.symbols()) {
                windows.add(new FetchWindow(symbol, request.interval(), day.toString(), day.toString(),
                        session.open(), session.close()));
            }
        }
        return windows;
    }
}
