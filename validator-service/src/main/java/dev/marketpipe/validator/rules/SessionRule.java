package dev.marketpipe.validator.rules;

import dev.marketpipe.calendar.MarketCalendar;
import dev.marketpipe.wire.Bar;
import dev.marketpipe.wire.QualityIssue;
import dev.marketpipe.wire.Severity;

import java.time.LocalDateTime;
import java.util.List;

/**
 * Timestamp range "market open … market close": the timestamp must be a bar start of a trading session at
 * the batch's interval. That one calendar question covers weekends, holidays, before the open, at or after the
 * close, and timestamps off the 5-minute grid; a daily bar must carry its session's open.
 */
public final class SessionRule implements BarRule {

    private final MarketCalendar calendar;

    public SessionRule(MarketCalendar calendar) {
        this.calendar = calendar;
    }

    @Override
    public List<QualityIssue> check(Bar bar, BarContext context) {
        if (bar.timestamp() == null || calendar.isBarStart(bar.timestamp(), context.interval())) {
            return List.of();
        }
        LocalDateTime local = LocalDateTime.ofInstant(bar.timestamp(), calendar.zone());
        String why = calendar.isTradingDay(local.toLocalDate())
                ? "is not a " + context.interval().code() + " bar start of the session"
                : "is not a trading day";
        return List.of(new QualityIssue(RuleCodes.OUTSIDE_SESSION, Severity.CRITICAL, bar.timestamp(),
                local + " " + calendar.zone() + " " + why));
    }
}
