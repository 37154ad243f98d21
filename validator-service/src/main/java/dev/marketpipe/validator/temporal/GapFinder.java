package dev.marketpipe.validator.temporal;

import dev.marketpipe.calendar.MarketCalendar;
import dev.marketpipe.validator.rules.RuleCodes;
import dev.marketpipe.wire.BarInterval;
import dev.marketpipe.wire.QualityIssue;
import dev.marketpipe.wire.Severity;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * "No gaps: detect missing data intervals" and the quality action "Gap in data: log warning, attempt
 * backfill". Compares the timestamps a batch delivered with every bar start the calendar expects in
 * {@code [from, to)} and reports one {@code gap} issue (medium) per contiguous run of missing bars, dated at the
 * run's first missing bar start, so a backfill can be asked for exactly that range. Runs are contiguous in the
 * calendar's sequence: the last bars of one session and the first of the next form one run.
 */
public final class GapFinder {

    private final MarketCalendar calendar;

    public GapFinder(MarketCalendar calendar) {
        this.calendar = calendar;
    }

    public List<QualityIssue> find(BarInterval interval, Instant from, Instant to, Set<Instant> present) {
        List<QualityIssue> gaps = new ArrayList<>();
        if (from == null || to == null || !from.isBefore(to)) {
            return gaps;
        }
        Instant runStart = null;
        Instant runEnd = null;
        int runLength = 0;
        LocalDate last = calendar.tradingDate(to.minusNanos(1));
        for (LocalDate date = calendar.tradingDate(from); !date.isAfter(last); date = date.plusDays(1)) {
            for (Instant expected : calendar.barStarts(date, interval)) {
                if (expected.isBefore(from) || !expected.isBefore(to)) {
                    continue;
                }
                if (present.contains(expected)) {
                    if (runLength > 0) {
                        gaps.add(gap(interval, runStart, runEnd, runLength));
                        runLength = 0;
                    }
                } else {
                    if (runLength == 0) {
                        runStart = expected;
                    }
                    runEnd = expected;
                    runLength++;
                }
            }
        }
        if (runLength > 0) {
            gaps.add(gap(interval, runStart, runEnd, runLength));
        }
        return gaps;
    }

    private QualityIssue gap(BarInterval interval, Instant first, Instant last, int count) {
        String range = first.equals(last) ? first.toString() : first + " .. " + last;
        return new QualityIssue(RuleCodes.GAP, Severity.MEDIUM, first,
                count + " missing " + interval.code() + (count == 1 ? " bar: " : " bars: ") + range + " ("
                        + local(first) + (first.equals(last) ? "" : " .. " + local(last)) + " "
                        + calendar.zone() + ")");
    }

    private LocalDateTime local(Instant instant) {
        return LocalDateTime.ofInstant(instant, calendar.zone());
    }
}
