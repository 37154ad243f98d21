package dev.marketpipe.loader.report;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import dev.marketpipe.wire.BarInterval;
import io.quarkus.runtime.annotations.RegisterForReflection;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

/**
 * The after-close completeness check and daily report: for one KRX date and bar interval, what the
 * calendar expected, what is stored and what was quarantined, per symbol and graded against the monitoring KPIs.
 *
 * @param tradingDay    false on a weekend or holiday (then every symbol expects 0 bars)
 * @param expectedBars  bars the session of the date should have per symbol
 * @param symbols       every symbol with a stored bar or a quarantined record that day, and every symbol of
 *                      {@code marketpipe.loader.report.symbols}, by symbol
 */
@RegisterForReflection
public record DailyReport(LocalDate date, BarInterval interval, boolean tradingDay, OffsetDateTime sessionOpen,
        OffsetDateTime sessionClose, long expectedBars, List<SymbolDay> symbols, Kpis kpis,
        @JsonInclude(JsonInclude.Include.NON_NULL) RealTime realTime) {

    /**
     * The real-time feed's day (1-minute reports of a day the feed stored trades; null otherwise).
     *
     * @param trades          trades stored for the date
     * @param tickMinutes     symbol-minutes with at least one trade
     * @param restOnlyMinutes 1-minute bars of the feed's symbols whose minute had no trade on the feed: the socket
     *                        missed it (a disconnect) or nothing traded, and the REST bar filled it
     * @param differingBars   minutes whose bar built from ticks differed from the REST bar
     * @param differences     the first of them, in time order
     */
    @RegisterForReflection
    public record RealTime(long trades, long tickMinutes, long restOnlyMinutes, long differingBars,
            List<BarDifference> differences) {
    }

    /** A minute whose two bars differed: open / high / low / close × volume of each, and which one was kept. */
    @RegisterForReflection
    public record BarDifference(String symbol, OffsetDateTime minute, String fromTicks, String fromRest, String kept) {
    }

    /**
     * One symbol's day.
     *
     * @param storedBars   bars stored for the date (on the calendar's grid or not)
     * @param missingBars  expected bars that are not stored
     * @param quarantined  records of the date held in quarantine (approved ones are stored bars by now)
     * @param quarantinedByReason quarantined records per rule; a record with two rules counts under both
     * @param qualityScore stored / (stored + quarantined), 0..1
     */
    @RegisterForReflection
    public record SymbolDay(String symbol, long expectedBars, long storedBars, long missingBars,
            List<MissingRange> missing, long quarantined, Map<String, Long> quarantinedByReason,
            double qualityScore) {
    }

    /** Consecutive missing bars, {@code [from, to)} in KST. */
    @RegisterForReflection
    public record MissingRange(OffsetDateTime from, OffsetDateTime to, long bars) {
    }

    /**
     * The day over all symbols.
     *
     * @param completeness     stored expected bars / expected bars, percent (100 when nothing was expected)
     * @param missingIntervals expected bars not stored, summed over the symbols
     * @param quality          stored / (stored + quarantined), percent (100 when there was nothing)
     */
    @RegisterForReflection
    public record Kpis(Kpi completeness, Kpi missingIntervals, Kpi quality) {

        /** The day at a glance: the worst of the three statuses. */
        @JsonIgnore
        public Kpi.Status overall() {
            return Kpi.Status.worst(completeness.status(), missingIntervals.status(), quality.status());
        }
    }
}
