package dev.marketpipe.loader.report;

import dev.marketpipe.calendar.MarketCalendar;
import dev.marketpipe.loader.TestBatches;
import dev.marketpipe.wire.Bar;
import dev.marketpipe.wire.BarInterval;
import dev.marketpipe.wire.QualityIssue;
import dev.marketpipe.wire.QuarantineStatus;
import dev.marketpipe.wire.QuarantinedBar;
import dev.marketpipe.wire.Severity;
import dev.marketpipe.wire.ValidatedBatch;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;

/** Days and quarantined records for the daily report tests. */
final class ReportDays {

    private static final MarketCalendar KRX = MarketCalendar.krx();
    /** Days already given to a test of this run: the report's KPIs are over every symbol of a day. */
    private static final Set<LocalDate> HANDED_OUT = ConcurrentHashMap.newKeySet();

    private ReportDays() {
    }

    /**
     * A regular 09:00-15:30 trading day of 2027 no other test of this run was given (no other test writes 2027
     * bars), so a test owns the day's KPIs; chosen at random so that reruns on one database do not collide either.
     */
    static LocalDate quietRegularDay() {
        while (true) {
            LocalDate day = LocalDate.of(2027, 2, 1).plusDays(ThreadLocalRandom.current().nextInt(280));
            if (KRX.session(day).filter(s -> s.open().atZone(MarketCalendar.KRX_ZONE).toLocalTime()
                    .equals(LocalTime.of(9, 0)) && s.close().atZone(MarketCalendar.KRX_ZONE).toLocalTime()
                    .equals(LocalTime.of(15, 30))).isPresent() && HANDED_OUT.add(day)) {
                return day;
            }
        }
    }

    static Instant kst(LocalDate day, int hour, int minute) {
        return day.atTime(hour, minute).atZone(MarketCalendar.KRX_ZONE).toInstant();
    }

    /** {@code n} accepted bars of {@code interval} from 09:00 KST of {@code day}. */
    static ValidatedBatch fromNine(String symbol, LocalDate day, BarInterval interval, int n) {
        return TestBatches.accepted(symbol, interval, TestBatches.bars(symbol, kst(day, 9, 0), interval, n));
    }

    static QuarantinedBar quarantined(String symbol, Instant at, List<QualityIssue> issues) {
        Bar bar = new Bar(at, symbol, BigDecimal.valueOf(75_000), BigDecimal.valueOf(75_500),
                BigDecimal.valueOf(74_800), BigDecimal.valueOf(75_000), 10L, BigDecimal.valueOf(750_000));
        return new QuarantinedBar(bar, QuarantineStatus.QUARANTINED, issues);
    }

    static QualityIssue issue(String rule, Instant at) {
        return new QualityIssue(rule, Severity.HIGH, at, rule);
    }
}
