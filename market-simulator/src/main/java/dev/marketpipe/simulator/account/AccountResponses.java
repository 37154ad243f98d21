package dev.marketpipe.simulator.account;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.quarkus.runtime.annotations.RegisterForReflection;

import java.time.Instant;
import java.util.List;

/**
 * The JSON shapes of the account endpoints (CONTRACTS.md): the envelope of {@code GET /market/data}
 * ({@code status}, {@code data}, {@code meta}) with readable snake_case names; KIS equivalents are listed in
 * CONTRACTS.md.
 */
public final class AccountResponses {

    public static final String SUCCESS = "success";

    private AccountResponses() {
    }

    /** {@code GET /account/info}. */
    @RegisterForReflection
    public record AccountInfoResponse(String status, AccountInfo data) {
    }

    @RegisterForReflection
    public record AccountInfo(
            @JsonProperty("account_number") String accountNumber,
            Instant timestamp,
            String currency,
            @JsonProperty("cash_balance") long cashBalance,
            @JsonProperty("positions_value") long positionsValue,
            @JsonProperty("total_value") long totalValue,
            @JsonProperty("position_count") int positionCount) {
    }

    /** {@code GET /positions}. */
    @RegisterForReflection
    public record PositionsResponse(String status, List<PositionItem> data, PositionsMeta meta) {
    }

    @RegisterForReflection
    public record PositionItem(
            String symbol,
            long quantity,
            @JsonProperty("average_price") long averagePrice,
            @JsonProperty("current_price") long currentPrice,
            @JsonProperty("market_value") long marketValue,
            @JsonProperty("unrealized_pnl") long unrealizedPnl) {
    }

    @RegisterForReflection
    public record PositionsMeta(
            @JsonProperty("account_number") String accountNumber,
            Instant timestamp,
            @JsonProperty("total_records") int totalRecords) {
    }

    /** {@code GET /orders/history}. */
    @RegisterForReflection
    public record OrdersResponse(String status, List<OrderItem> data, OrdersMeta meta) {
    }

    @RegisterForReflection
    public record OrderItem(
            @JsonProperty("order_id") String orderId,
            @JsonProperty("ordered_at") Instant orderedAt,
            String symbol,
            String side,
            long quantity,
            long price,
            @JsonProperty("filled_quantity") long filledQuantity,
            @JsonProperty("filled_price") Long filledPrice,
            String status) {
    }

    @RegisterForReflection
    public record OrdersMeta(
            @JsonProperty("account_number") String accountNumber,
            @JsonProperty("total_records") long totalRecords,
            int page,
            @JsonProperty("total_pages") long totalPages,
            int limit) {
    }
}
