package dev.marketpipe.archive.api;

import dev.marketpipe.archive.config.ListingConfig;
import dev.marketpipe.archive.index.DayKey;
import dev.marketpipe.archive.listing.BatchQuery;
import dev.marketpipe.archive.listing.ForwardingState;
import dev.marketpipe.archive.listing.PageCursor;
import dev.marketpipe.archive.store.ArchiveKey;
import dev.marketpipe.wire.DataType;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.QueryParam;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * The query parameters of {@code GET /v1/batches}, checked into a {@link BatchQuery}: every mistake is a 400 problem
 * that says what to send instead.
 */
public class ListBatchesParams {

    @QueryParam("date")
    @Parameter(description = "one archive day (KST), YYYY-MM-DD; or use from and to", example = "2025-03-04")
    String date;

    @QueryParam("from")
    @Parameter(description = "first archive day of a range, inclusive")
    String from;

    @QueryParam("to")
    @Parameter(description = "last archive day of a range, inclusive (at most marketpipe.archive.listing.max-days)")
    String to;

    @QueryParam("symbol")
    @Parameter(description = "only this symbol's batches (1-20 letters, digits, '.', '_' or '-')", example = "005930")
    String symbol;

    @QueryParam("dataType")
    @Parameter(description = "market_data, orderbook, account_info, positions, orders or ticks",
            example = "market_data")
    String dataType;

    @QueryParam("state")
    @Parameter(description = "pending_intake, queued, forwarded or dead_lettered")
    String state;

    @QueryParam("limit")
    @Parameter(description = "page size, 1 to marketpipe.archive.listing.max-limit (1000; default"
            + " marketpipe.archive.listing.default-limit, 100)", example = "100")
    String limit;

    @QueryParam("cursor")
    @Parameter(description = "nextCursor of the previous page")
    String cursor;

    BatchQuery toQuery(ListingConfig config) {
        LocalDate day = DateParameter.optional("date", date);
        LocalDate first = DateParameter.optional("from", from);
        LocalDate last = DateParameter.optional("to", to);
        if (day != null && (first != null || last != null)) {
            throw new BadRequestException("give either date or from and to, not both");
        }
        if (day != null) {
            first = day;
            last = day;
        } else if (first == null || last == null) {
            throw new BadRequestException("date (YYYY-MM-DD) is required, or a range from and to");
        }
        if (first.isAfter(last)) {
            throw new BadRequestException("from (" + first + ") must not be after to (" + last + ")");
        }
        long days = ChronoUnit.DAYS.between(first, last) + 1;
        if (days > config.maxDays()) {
            throw new BadRequestException("the range spans " + days + " days; at most " + config.maxDays()
                    + " per request (marketpipe.archive.listing.max-days)");
        }
        DayKey after = cursor == null || cursor.isBlank() ? null : parse(() -> PageCursor.decode(cursor.trim()));
        if (after != null && (after.date().isBefore(first) || after.date().isAfter(last))) {
            throw new BadRequestException("cursor points to " + after.date() + ", outside " + first + ".." + last
                    + "; send the same date range as for the previous page");
        }
        return new BatchQuery(first, last, dataType(), symbol(), state(), limit(config), after);
    }

    private String symbol() {
        if (symbol == null || symbol.isBlank()) {
            return null;
        }
        if (!ArchiveKey.SYMBOL.matcher(symbol).matches()) {
            throw new BadRequestException("symbol must match " + ArchiveKey.SYMBOL.pattern());
        }
        return symbol;
    }

    private DataType dataType() {
        if (dataType == null || dataType.isBlank()) {
            return null;
        }
        try {
            return DataType.fromCode(dataType.trim());
        } catch (IllegalArgumentException e) {
            throw new BadRequestException("dataType must be one of " + Arrays.stream(DataType.values())
                    .map(DataType::code).collect(Collectors.joining(", ")) + "; got '" + dataType + "'");
        }
    }

    private ForwardingState state() {
        return state == null || state.isBlank() ? null : parse(() -> ForwardingState.fromCode(state.trim()));
    }

    private int limit(ListingConfig config) {
        if (limit == null || limit.isBlank()) {
            return config.defaultLimit();
        }
        int value;
        try {
            value = Integer.parseInt(limit.trim());
        } catch (NumberFormatException e) {
            value = -1;
        }
        if (value < 1 || value > config.maxLimit()) {
            throw new BadRequestException("limit must be a whole number from 1 to " + config.maxLimit()
                    + "; got '" + limit + "'");
        }
        return value;
    }

    /** Runs a parser whose {@link IllegalArgumentException} already says what is wrong; answers it as a 400. */
    private static <T> T parse(Supplier<T> parser) {
        try {
            return parser.get();
        } catch (IllegalArgumentException e) {
            throw new BadRequestException(e.getMessage());
        }
    }
}
