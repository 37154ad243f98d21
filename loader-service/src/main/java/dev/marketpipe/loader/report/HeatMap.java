package dev.marketpipe.loader.report;

import dev.marketpipe.calendar.MarketCalendar;

import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The completeness heat-map of the daily report page: symbols × time-of-day buckets of the session, each cell the
 * share of the bucket's expected bars that is stored. Derived from the report itself (the calendar's bar starts it
 * was built from, and its missing ranges, which come from the coverage runs), so page and JSON cannot disagree.
 */
public record HeatMap(List<String> columns, List<Row> rows) {

    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm", Locale.ROOT)
            .withZone(MarketCalendar.KRX_ZONE);

    /** One symbol's cells, one per column. */
    public record Row(String symbol, List<Cell> cells) {
    }

    /**
     * One bucket of one symbol.
     *
     * @param shade css class for the stored share (see {@link Shade})
     * @param title the numbers, for the cell's tooltip
     */
    public record Cell(long expected, long stored, String shade, String title) {

        public long missing() {
            return expected - stored;
        }
    }

    /** Colour bands of a cell: all stored, most, half or more, some, none, nothing expected. */
    enum Shade {
        FULL, MOST, HALF, SOME, EMPTY, NONE;

        /** Share at or above which a cell is {@link #MOST} rather than {@link #HALF}. */
        private static final double MOST_SHARE = 0.9;
        private static final double HALF_SHARE = 0.5;

        static Shade of(long stored, long expected) {
            if (expected == 0) {
                return NONE;
            }
            double share = (double) stored / expected;
            return share >= 1 ? FULL : share >= MOST_SHARE ? MOST : share >= HALF_SHARE ? HALF
                    : stored > 0 ? SOME : EMPTY;
        }

        String css() {
            return "c-" + name().toLowerCase(Locale.ROOT);
        }
    }

    /**
     * @param expected the bar starts the calendar expected for the report's date (empty on a closed day)
     * @param bucket   column width; an interval as long as the bucket or longer (a daily bar) gets one column
     */
    static HeatMap of(DailyReport report, List<Instant> expected, Duration bucket) {
        if (!report.tradingDay()) {
            return new HeatMap(List.of(), List.of());
        }
        Instant open = report.sessionOpen().toInstant();
        Instant close = report.sessionClose().toInstant();
        Duration session = Duration.between(open, close);
        Duration width = report.interval().length().compareTo(bucket) < 0 ? bucket : session;
        int columnCount = (int) ((session.toSeconds() + width.toSeconds() - 1) / width.toSeconds());
        long[] expectedPerColumn = new long[columnCount];
        for (Instant start : expected) {
            expectedPerColumn[column(open, start, width)]++;
        }
        List<String> columns = new ArrayList<>();
        List<String> spans = new ArrayList<>();
        for (int i = 0; i < columnCount; i++) {
            Instant from = open.plus(width.multipliedBy(i));
            Instant to = from.plus(width).isAfter(close) ? close : from.plus(width);
            columns.add(CLOCK.format(from));
            spans.add(CLOCK.format(from) + "–" + CLOCK.format(to) + " KST");
        }
        List<Row> rows = new ArrayList<>();
        for (DailyReport.SymbolDay symbol : report.symbols()) {
            long[] missing = new long[columnCount];
            for (DailyReport.MissingRange range : symbol.missing()) {
                Instant start = range.from().toInstant();
                for (long i = 0; i < range.bars(); i++, start = start.plus(report.interval().length())) {
                    missing[column(open, start, width)]++;
                }
            }
            List<Cell> cells = new ArrayList<>();
            for (int i = 0; i < columnCount; i++) {
                long stored = expectedPerColumn[i] - missing[i];
                cells.add(new Cell(expectedPerColumn[i], stored, Shade.of(stored, expectedPerColumn[i]).css(),
                        title(symbol.symbol(), spans.get(i), stored, expectedPerColumn[i])));
            }
            rows.add(new Row(symbol.symbol(), cells));
        }
        return new HeatMap(columns, rows);
    }

    private static int column(Instant open, Instant start, Duration width) {
        return (int) (Duration.between(open, start).toSeconds() / width.toSeconds());
    }

    private static String title(String symbol, String span, long stored, long expected) {
        if (expected == 0) {
            return symbol + " " + span + ": no bars expected";
        }
        return String.format(Locale.ROOT, "%s %s: %d of %d bars stored (%.1f%%), %d missing", symbol, span, stored,
                expected, 100.0 * stored / expected, expected - stored);
    }
}
