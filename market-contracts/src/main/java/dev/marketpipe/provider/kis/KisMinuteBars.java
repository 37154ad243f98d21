package dev.marketpipe.provider.kis;

import static dev.marketpipe.provider.RawFields.decimal;
import static dev.marketpipe.provider.RawFields.whole;

import com.fasterxml.jackson.databind.JsonNode;
import dev.marketpipe.calendar.MarketCalendar;
import dev.marketpipe.provider.ResponseContext;
import dev.marketpipe.wire.Bar;
import dev.marketpipe.wire.BarInterval;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Minute bars of KIS ({@code FHKST03010200} today, {@code FHKST03010230} past days): {@code output2} rows of
 * {@code stck_bsop_date}, {@code stck_cntg_hour}, {@code stck_oprc/hgpr/lwpr/prpr}, {@code cntg_vol} and the
 * <em>cumulative</em> {@code acml_tr_pbmn}, newest first, at most {@link #TODAY_PAGE_ROWS} / {@link #PAST_PAGE_ROWS}
 * rows back from the requested time. Read into final bars of the requested interval:
 * <ul>
 *   <li>A minute that had not closed when the answer was fetched (the first row during the session) is no bar.</li>
 *   <li>A bar's value is the difference of the cumulative value to the minute before it, so a bar is read only from
 *   an answer that also holds its predecessor, or when it opens the day (the session's open, or the oldest row of a
 *   short page: the day's data starts there). The oldest row of a full page is therefore only a predecessor; the
 *   next page is asked from that row on ({@link #nextPageEnd}), so it is read there, once.</li>
 *   <li>5-minute bars (KIS has none for stocks) are built from the minutes of their bucket on the session's grid,
 *   only from an answer that holds the whole bucket and its predecessor. A bucket with a minute missing, incomplete
 *   or inconsistent is not added up into a plausible bar: it is passed on without prices and volume, for the
 *   validator to reject.</li>
 * </ul>
 * A row whose time cannot be read becomes a bar without timestamp, for the validator to reject (missing field).
 */
public final class KisMinuteBars {

    /** Rows of a full page of today's minute bars. */
    public static final int TODAY_PAGE_ROWS = 30;
    /** Rows of a full page of a past day's minute bars. */
    public static final int PAST_PAGE_ROWS = 120;

    private static final Duration MINUTE = Duration.ofMinutes(1);
    private static final MarketCalendar KRX = MarketCalendar.krx();

    private KisMinuteBars() {
    }

    /** One row of {@code output2}. */
    record Row(LocalDate date, Instant start, BigDecimal open, BigDecimal high, BigDecimal low, BigDecimal close,
            Long volume, BigDecimal cumulativeValue) {
    }

    /** The final bars of {@code raw} at {@code context.interval()}, oldest first. */
    static List<Bar> bars(JsonNode raw, ResponseContext context) {
        Page page = Page.of(raw, context);
        List<Bar> bars = new ArrayList<>();
        for (Row unreadable : page.unreadable()) {
            bars.add(bar(context.symbol(), null, List.of(unreadable), unreadable.cumulativeValue()));
        }
        Duration length = context.interval().length();
        List<Row> rows = page.rows();
        int i = 0;
        while (i < rows.size()) {
            Instant bucket = bucketStart(rows.get(i), length);
            int end = i;
            while (end < rows.size() && bucketStart(rows.get(end), length).equals(bucket)) {
                end++;
            }
            List<Row> minutes = rows.subList(i, end);
            if (page.final_(bucket, length) && context.inWindow(bucket)
                    && !page.newest().start().isBefore(bucket.plus(length).minus(MINUTE))) {
                if (page.hasStartOf(i)) {
                    Bar bar = bar(context.symbol(), bucket, minutes, page.valueOf(i, end - 1));
                    bars.add(length.equals(MINUTE) || sound(bucket, length, minutes) ? bar : unbuildable(bar));
                }
            }
            i = end;
        }
        return bars;
    }

    /**
     * The newest minute the next page must hold, or empty when {@code raw} completes the window: the page after a
     * full one ends with the bucket of this page's oldest row (which this page could not read); a page that reached
     * the start of a day continues with the previous trading day while the window reaches back into it.
     */
    public static Optional<Instant> nextPageEnd(JsonNode raw, ResponseContext context) {
        Page page = Page.of(raw, context);
        if (page.rows().isEmpty() || context.windowStart() == null) {
            return Optional.empty();
        }
        Row oldest = page.rows().get(0);
        if (oldest.start().isBefore(context.windowStart())) {
            return Optional.empty();
        }
        if (page.startsDay(0)) {
            return KRX.previousTradingDay(oldest.date())
                    .map(KisTimes::sessionClose)
                    .filter(close -> close.isAfter(context.windowStart()))
                    .map(close -> close.minus(MINUTE));
        }
        Duration length = context.interval().length();
        return Optional.of(bucketStart(oldest, length).plus(length).minus(MINUTE));
    }

    private static Instant bucketStart(Row row, Duration length) {
        Instant open = KisTimes.sessionOpen(row.date());
        long minutes = Duration.between(open, row.start()).toMinutes();
        return open.plus(length.multipliedBy(Math.floorDiv(minutes, length.toMinutes())));
    }

    /**
     * Whether the minutes can be added up into a bar: every minute of the bucket that its session holds is there,
     * and each is complete and consistent. A minute the validator would reject must not disappear into a plausible
     * aggregate.
     */
    private static boolean sound(Instant bucket, Duration length, List<Row> minutes) {
        LocalDate date = minutes.get(0).date();
        Instant open = KisTimes.sessionOpen(date);
        Instant close = KisTimes.sessionClose(date);
        if (bucket.isBefore(open) || !bucket.isBefore(close)) {
            return false;
        }
        Instant end = bucket.plus(length).isAfter(close) ? close : bucket.plus(length);
        if (minutes.size() != Duration.between(bucket, end).toMinutes()) {
            return false;
        }
        for (Row minute : minutes) {
            if (minute.open() == null || minute.high() == null || minute.low() == null || minute.close() == null
                    || minute.volume() == null || minute.volume() < 0 || minute.high().compareTo(minute.low()) < 0) {
                return false;
            }
        }
        return true;
    }

    /** A bucket that cannot be built: its prices and volume missing, so the validator rejects it and says so. */
    private static Bar unbuildable(Bar bar) {
        return new Bar(bar.timestamp(), bar.symbol(), null, null, null, null, null, bar.value());
    }

    private static Bar bar(String symbol, Instant start, List<Row> minutes, BigDecimal value) {
        Row first = minutes.get(0);
        Row last = minutes.get(minutes.size() - 1);
        BigDecimal high = first.high();
        BigDecimal low = first.low();
        Long volume = first.volume();
        for (Row minute : minutes.subList(1, minutes.size())) {
            high = high == null || minute.high() == null ? null : high.max(minute.high());
            low = low == null || minute.low() == null ? null : low.min(minute.low());
            volume = volume == null || minute.volume() == null ? null : volume + minute.volume();
        }
        return new Bar(start, symbol, first.open(), high, low, last.close(), volume, value);
    }

    /** The readable rows of one answer, oldest first, and what the answer says about the day's start. */
    private record Page(List<Row> rows, List<Row> unreadable, boolean full, Instant fetchedAt) {

        static Page of(JsonNode raw, ResponseContext context) {
            List<Row> rows = new ArrayList<>();
            List<Row> unreadable = new ArrayList<>();
            for (JsonNode record : KisRows.of(raw, "output2")) {
                LocalDate date = KisTimes.date(record.get("stck_bsop_date"));
                Instant start = KisTimes.instant(date, KisTimes.time(record.get("stck_cntg_hour")));
                Row row = new Row(date, start, decimal(record.get("stck_oprc")), decimal(record.get("stck_hgpr")),
                        decimal(record.get("stck_lwpr")), decimal(record.get("stck_prpr")),
                        whole(record.get("cntg_vol")), decimal(record.get("acml_tr_pbmn")));
                (start == null ? unreadable : rows).add(row);
            }
            rows.sort(Comparator.comparing(Row::start));
            Instant fetchedAt = context.fetchedAt();
            boolean today = fetchedAt != null && !rows.isEmpty()
                    && rows.get(rows.size() - 1).date().equals(KisTimes.dateOf(fetchedAt));
            int fullPage = today ? TODAY_PAGE_ROWS : PAST_PAGE_ROWS;
            return new Page(rows, unreadable, rows.size() + unreadable.size() >= fullPage, fetchedAt);
        }

        Row newest() {
            return rows.get(rows.size() - 1);
        }

        /** Whether a bar of {@code length} starting at {@code start} had closed when the answer was fetched. */
        boolean final_(Instant start, Duration length) {
            return fetchedAt == null || !start.plus(length).isAfter(fetchedAt);
        }

        /** Whether row {@code i} opens its day: the session's open, or the oldest row of a short page. */
        boolean startsDay(int i) {
            Row row = rows.get(i);
            return !row.start().isAfter(KisTimes.sessionOpen(row.date())) || (i == 0 && !full);
        }

        /**
         * Whether the answer can tell the value of a bar that starts with row {@code first}: it holds the minute
         * before (same day), or the bar opens the day. Otherwise the bar is read from another answer.
         */
        boolean hasStartOf(int first) {
            return previous(first) != null || startsDay(first);
        }

        /**
         * The value of the bar of rows {@code first..last}: the cumulative value at {@code last} less the one before
         * {@code first} (none when the bar opens the day); null when a cumulative value is unreadable.
         */
        BigDecimal valueOf(int first, int last) {
            BigDecimal upTo = rows.get(last).cumulativeValue();
            Row previous = previous(first);
            if (previous == null) {
                return upTo;
            }
            return upTo == null || previous.cumulativeValue() == null ? null
                    : upTo.subtract(previous.cumulativeValue());
        }

        private Row previous(int i) {
            return i > 0 && rows.get(i - 1).date().equals(rows.get(i).date()) ? rows.get(i - 1) : null;
        }
    }
}
