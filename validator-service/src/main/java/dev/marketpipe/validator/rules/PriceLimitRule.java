package dev.marketpipe.validator.rules;

import dev.marketpipe.wire.Bar;
import dev.marketpipe.wire.QualityIssue;
import dev.marketpipe.wire.Severity;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * Price maximum "price limit (e.g. ±30%)": every one of OHLC must lie within ±limit of the previous trading
 * day's close, bounds included. A breach is {@code price_out_of_range} (high), flagged for manual review,
 * because a real limit move and a bad tick look alike. Without a known previous close the check is skipped.
 */
public final class PriceLimitRule implements BarRule {

    private final BigDecimal limit;

    /** @param limit the allowed move as a fraction of the previous close, e.g. 0.30 */
    public PriceLimitRule(BigDecimal limit) {
        if (limit.signum() <= 0) {
            throw new IllegalArgumentException("price limit must be positive, was " + limit);
        }
        this.limit = limit;
    }

    @Override
    public List<QualityIssue> check(Bar bar, BarContext context) {
        BigDecimal previousClose = context.previousClose();
        if (previousClose == null || previousClose.signum() <= 0) {
            return List.of();
        }
        BigDecimal upper = previousClose.multiply(BigDecimal.ONE.add(limit));
        BigDecimal lower = previousClose.multiply(BigDecimal.ONE.subtract(limit));
        List<String> outside = new ArrayList<>();
        addIfOutside(outside, "open", bar.open(), lower, upper);
        addIfOutside(outside, "high", bar.high(), lower, upper);
        addIfOutside(outside, "low", bar.low(), lower, upper);
        addIfOutside(outside, "close", bar.close(), lower, upper);
        if (outside.isEmpty()) {
            return List.of();
        }
        return List.of(new QualityIssue(RuleCodes.PRICE_OUT_OF_RANGE, Severity.HIGH, bar.timestamp(),
                String.join(", ", outside) + " outside [" + lower.stripTrailingZeros().toPlainString() + ", "
                        + upper.stripTrailingZeros().toPlainString() + "] (previous close "
                        + previousClose.toPlainString() + ")"));
    }

    private static void addIfOutside(List<String> outside, String field, BigDecimal price, BigDecimal lower,
            BigDecimal upper) {
        // non-positive prices are PricePositivityRule's finding; reporting them here too would only add noise
        if (price != null && price.signum() > 0 && (price.compareTo(lower) < 0 || price.compareTo(upper) > 0)) {
            outside.add(field + "=" + price.toPlainString());
        }
    }
}
