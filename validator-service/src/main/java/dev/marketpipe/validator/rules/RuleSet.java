package dev.marketpipe.validator.rules;

import dev.marketpipe.calendar.MarketCalendar;
import dev.marketpipe.wire.Bar;
import dev.marketpipe.wire.QualityIssue;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The ordered record rules (required fields, ranges, OHLC consistency). A record gets every applicable finding, not
 * just the first, so the quarantine table shows all that is wrong with it.
 */
public final class RuleSet {

    private final List<BarRule> rules;

    public RuleSet(List<BarRule> rules) {
        this.rules = List.copyOf(rules);
    }

    /** The standard rules with the KRX tick grid for every symbol. */
    public static RuleSet standard(MarketCalendar calendar, BigDecimal priceLimit, long maxVolume) {
        return standard(calendar, priceLimit, maxVolume, Optional.of(TickGridRule.krx()));
    }

    /**
     * The standard order: schema, then symbol and session, then ranges (the tick grid, when checked, after the
     * price limit), then consistency.
     */
    public static RuleSet standard(MarketCalendar calendar, BigDecimal priceLimit, long maxVolume,
            Optional<TickGridRule> tickGrid) {
        List<BarRule> rules = new ArrayList<>(List.of(
                new RequiredFieldsRule(),
                new SymbolRule(),
                new SessionRule(calendar),
                new PricePositivityRule(),
                new VolumeRule(maxVolume),
                new PriceLimitRule(priceLimit)));
        tickGrid.ifPresent(rules::add);
        rules.add(new OhlcConsistencyRule());
        return new RuleSet(rules);
    }

    public List<QualityIssue> check(Bar bar, BarContext context) {
        List<QualityIssue> issues = new ArrayList<>();
        for (BarRule rule : rules) {
            issues.addAll(rule.check(bar, context));
        }
        return issues;
    }
}
