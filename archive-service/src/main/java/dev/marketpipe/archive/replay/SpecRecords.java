package dev.marketpipe.archive.replay;

import com.fasterxml.jackson.databind.JsonNode;
import dev.marketpipe.wire.Bar;
import dev.marketpipe.wire.BookLevel;
import dev.marketpipe.wire.OrderBookSnapshot;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the records of an archived raw response again, for a replay: the spec §1.1 bar response
 * ({@code {status, data[], meta}}) and the §1.2 order book, the format of every provider marketpipe has. The
 * reading must give exactly the records the collector's provider adapter gave when the batch was collected
 * ({@code SpecResponseReader}, {@code SnapshotResponseReader}), so it follows the same lenient rules: a missing or
 * unreadable field stays {@code null}, for the validator to judge (spec §5.1). The architecture shares no code
 * between services but the wire types, hence this second reader; a provider with another response format needs
 * its reader here as well, or its batches cannot be replayed (they fail with a message saying so).
 */
final class SpecRecords {

    private SpecRecords() {
    }

    /** The bars of a §1.1 response, in response order. */
    static List<Bar> bars(JsonNode raw) {
        JsonNode data = raw.path("data");
        if (!data.isArray()) {
            throw new IllegalArgumentException("the raw response has no data array (not the spec §1.1 format)");
        }
        List<Bar> bars = new ArrayList<>();
        for (JsonNode record : data) {
            bars.add(new Bar(instant(record.get("timestamp")), text(record.get("symbol")),
                    decimal(record.get("open")), decimal(record.get("high")), decimal(record.get("low")),
                    decimal(record.get("close")), whole(record.get("volume")), decimal(record.get("value"))));
        }
        return bars;
    }

    /** The one snapshot of a §1.2 order-book response. */
    static OrderBookSnapshot orderBook(JsonNode raw) {
        if (!raw.isObject()) {
            throw new IllegalArgumentException("the raw response is not an order book object (spec §1.2)");
        }
        return new OrderBookSnapshot(text(raw.get("symbol")), instant(raw.get("timestamp")), levels(raw.get("bids")),
                levels(raw.get("asks")));
    }

    private static List<BookLevel> levels(JsonNode side) {
        if (side == null || !side.isArray()) {
            return null;
        }
        List<BookLevel> levels = new ArrayList<>();
        for (JsonNode level : side) {
            levels.add(new BookLevel(decimal(level.get("price")), whole(level.get("quantity"))));
        }
        return levels;
    }

    private static Instant instant(JsonNode node) {
        if (node == null || !node.isTextual()) {
            return null;
        }
        try {
            return Instant.parse(node.asText());
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static String text(JsonNode node) {
        return node == null || node.isNull() ? null : node.asText();
    }

    private static BigDecimal decimal(JsonNode node) {
        if (node == null || node.isNull()) {
            return null;
        }
        if (node.isNumber()) {
            return node.decimalValue();
        }
        try {
            return new BigDecimal(node.asText().trim());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static Long whole(JsonNode node) {
        BigDecimal value = decimal(node);
        if (value == null) {
            return null;
        }
        try {
            return value.longValueExact();
        } catch (ArithmeticException fractional) {
            return null;
        }
    }
}
