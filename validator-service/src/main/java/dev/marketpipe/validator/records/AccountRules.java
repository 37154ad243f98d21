package dev.marketpipe.validator.records;

import dev.marketpipe.validator.rules.RuleCodes;
import dev.marketpipe.wire.AccountSnapshot;
import dev.marketpipe.wire.OrderRecord;
import dev.marketpipe.wire.Position;
import dev.marketpipe.wire.QualityIssue;

import java.math.BigDecimal;
import java.util.List;
import java.util.Set;

/**
 * Minimal rules for account data: required fields present, no negative amounts or quantities,
 * and totals that add up — account total = cash + positions value, position value = quantity × current price,
 * filled quantity ≤ ordered quantity — within {@code tolerance} (provider rounding, KRW).
 */
public final class AccountRules {

    private static final Set<String> SIDES = Set.of("buy", "sell");
    private static final Set<String> STATUSES = Set.of("filled", "partially_filled", "cancelled", "open");

    private final BigDecimal tolerance;

    public AccountRules(BigDecimal tolerance) {
        this.tolerance = tolerance;
    }

    public List<QualityIssue> check(AccountSnapshot account) {
        Findings findings = new Findings(account.timestamp());
        findings.missing("accountMasked", account.accountMasked(), "timestamp", account.timestamp(),
                "cash", account.cash(), "positionsValue", account.positionsValue(),
                "totalValue", account.totalValue());
        findings.nonNegative("cash", account.cash());
        findings.nonNegative("positionsValue", account.positionsValue());
        findings.nonNegative("totalValue", account.totalValue());
        if (account.cash() != null && account.positionsValue() != null) {
            findings.sums("totalValue (cash + positionsValue)", account.totalValue(),
                    account.cash().add(account.positionsValue()), tolerance);
        }
        if (account.positionCount() != null && account.positionCount() < 0) {
            findings.add(RecordRuleCodes.QUANTITY_NEGATIVE, "positionCount is negative");
        }
        return findings.issues();
    }

    public List<QualityIssue> check(Position position) {
        Findings findings = new Findings(position.timestamp());
        findings.missing("timestamp", position.timestamp(), "symbol", position.symbol(),
                "quantity", position.quantity(), "averagePrice", position.averagePrice(),
                "currentPrice", position.currentPrice(), "marketValue", position.marketValue());
        if (position.quantity() != null && position.quantity() < 0) {
            findings.add(RecordRuleCodes.QUANTITY_NEGATIVE, "quantity is negative (" + position.quantity() + ")");
        }
        findings.nonNegative("averagePrice", position.averagePrice());
        findings.positivePrice("currentPrice", position.currentPrice());
        if (position.quantity() != null && position.currentPrice() != null) {
            findings.sums("marketValue (quantity × currentPrice)", position.marketValue(),
                    position.currentPrice().multiply(BigDecimal.valueOf(position.quantity())), tolerance);
        }
        return findings.issues();
    }

    public List<QualityIssue> check(OrderRecord order) {
        Findings findings = new Findings(order.orderedAt());
        findings.missing("orderId", order.orderId(), "orderedAt", order.orderedAt(), "symbol", order.symbol(),
                "side", order.side(), "quantity", order.quantity(), "price", order.price(),
                "filledQuantity", order.filledQuantity(), "status", order.status());
        if (order.quantity() != null && order.quantity() <= 0) {
            findings.add(RecordRuleCodes.QUANTITY_NOT_POSITIVE, "quantity is " + order.quantity());
        }
        if (order.filledQuantity() != null && order.filledQuantity() < 0) {
            findings.add(RecordRuleCodes.QUANTITY_NEGATIVE, "filledQuantity is negative");
        }
        if (order.filledQuantity() != null && order.quantity() != null && order.filledQuantity() > order.quantity()) {
            findings.add(RecordRuleCodes.TOTALS_MISMATCH, "filledQuantity " + order.filledQuantity()
                    + " exceeds quantity " + order.quantity());
        }
        findings.positivePrice("price", order.price());
        if (order.filledQuantity() != null && order.filledQuantity() > 0 && order.filledPrice() == null) {
            findings.add(RuleCodes.MISSING_FIELD, "Missing required field: filledPrice (the order has fills)");
        }
        if (order.side() != null && !SIDES.contains(order.side())) {
            findings.add(RecordRuleCodes.UNKNOWN_VALUE, "side must be buy or sell");
        }
        if (order.status() != null && !STATUSES.contains(order.status())) {
            findings.add(RecordRuleCodes.UNKNOWN_VALUE, "status must be one of " + String.join(", ", STATUSES));
        }
        return findings.issues();
    }
}
