package dev.marketpipe.validator.records;

import dev.marketpipe.calendar.MarketCalendar;
import dev.marketpipe.calendar.Session;
import dev.marketpipe.validator.rules.RuleCodes;
import dev.marketpipe.validator.rules.TickGridRule;
import dev.marketpipe.wire.QualityIssue;
import dev.marketpipe.wire.Tick;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The rules of a batch of trades from the real-time feed, in the order the feed delivered them: required fields,
 * the batch's symbol, a positive price on the tick grid and within the daily limit around the previous close, a
 * positive quantity, a trade time inside the trading session (open to close, both inclusive: the closing auction
 * trades at the close), and a cumulative volume that never decreases from one trade to the next. A trade that
 * breaks one is quarantined with its reasons.
 */
public final class TickRules {

    private final MarketCalendar calendar;
    private final BigDecimal priceLimit;
    private final Optional<TickGridRule> tickGrid;

    /**
     * @param priceLimit the daily limit as a fraction of the previous close (the bars' {@code price-limit})
     * @param tickGrid   the bars' tick-grid rule, when enabled
     */
    public TickRules(MarketCalendar calendar, BigDecimal priceLimit, Optional<TickGridRule> tickGrid) {
        this.calendar = calendar;
        this.priceLimit = priceLimit;
        this.tickGrid = tickGrid;
    }

    /** The findings of each tick of {@code ticks}, in their order. */
    public List<List<QualityIssue>> check(List<Tick> ticks, String batchSymbol) {
        List<List<QualityIssue>> all = new ArrayList<>(ticks.size());
        Long previousVolume = null;
        for (Tick tick : ticks) {
            all.add(check(tick, batchSymbol, previousVolume));
            if (tick.cumulativeVolume() != null) {
                previousVolume = tick.cumulativeVolume();
            }
        }
        return all;
    }

    private List<QualityIssue> check(Tick tick, String batchSymbol, Long previousVolume) {
        Findings findings = new Findings(tick.timestamp());
        if (findings.missing("symbol", tick.symbol(), "timestamp", tick.timestamp(), "price", tick.price(),
                "quantity", tick.quantity(), "cumulativeVolume", tick.cumulativeVolume())) {
            return findings.issues();
        }
        if (batchSymbol != null && !batchSymbol.equals(tick.symbol())) {
            findings.add(RuleCodes.SYMBOL_MISMATCH, "symbol " + tick.symbol() + " differs from the batch's "
                    + batchSymbol);
        }
        findings.positivePrice("price", tick.price());
        if (tick.price().signum() > 0) {
            if (tickGrid.isPresent() && !tickGrid.get().isOnGrid(tick.symbol(), tick.price(), tick.timestamp())) {
                findings.add(RuleCodes.PRICE_OFF_TICK, "price " + tick.price().toPlainString()
                        + " is off the tick grid");
            }
            withinLimit(tick, findings);
        }
        if (tick.quantity() <= 0) {
            findings.add(RecordRuleCodes.QUANTITY_NOT_POSITIVE, "quantity is " + tick.quantity());
        }
        LocalDate day = LocalDate.ofInstant(tick.timestamp(), calendar.zone());
        Optional<Session> session = calendar.session(day);
        if (session.isEmpty() || tick.timestamp().isBefore(session.get().open())
                || tick.timestamp().isAfter(session.get().close())) {
            findings.add(RuleCodes.OUTSIDE_SESSION, "trade time " + tick.timestamp() + " is outside the session of "
                    + day);
        }
        if (previousVolume != null && tick.cumulativeVolume() < previousVolume) {
            findings.add(RecordRuleCodes.VOLUME_DECREASING, "cumulative volume " + tick.cumulativeVolume()
                    + " is below the previous trade's " + previousVolume);
        }
        return findings.issues();
    }

    private void withinLimit(Tick tick, Findings findings) {
        BigDecimal previousClose = tick.previousClose();
        if (previousClose == null || previousClose.signum() <= 0) {
            return;
        }
        BigDecimal band = previousClose.multiply(priceLimit);
        if (tick.price().subtract(previousClose).abs().compareTo(band) > 0) {
            findings.add(RuleCodes.PRICE_OUT_OF_RANGE, "price " + tick.price().toPlainString()
                    + " is beyond the daily limit around the previous close " + previousClose.toPlainString());
        }
    }
}
