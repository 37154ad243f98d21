package dev.marketpipe.collector.provider;

import com.fasterxml.jackson.databind.JsonNode;
import dev.marketpipe.wire.json.WireInstants;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * Lenient reading of one field of a provider's JSON record: a field that is missing or not readable becomes
 * {@code null}, so the validator judges the record (spec §5.1) instead of the adapter guessing or failing the batch.
 */
final class JsonFields {

    private JsonFields() {
    }

    static Instant instant(JsonNode node) {
        return node == null || !node.isTextual() ? null : WireInstants.parseOrNull(node.asText());
    }

    static String text(JsonNode node) {
        return node == null || node.isNull() ? null : node.asText();
    }

    static BigDecimal decimal(JsonNode node) {
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

    static Long whole(JsonNode node) {
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
