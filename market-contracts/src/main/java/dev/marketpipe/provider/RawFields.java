package dev.marketpipe.provider;

import com.fasterxml.jackson.databind.JsonNode;
import dev.marketpipe.wire.json.WireInstants;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * Lenient reading of one field of a provider's JSON record: a field that is missing or not readable becomes
 * {@code null}, so the validator judges the record ("missing field") instead of the reader guessing a
 * value or failing the whole batch. Numbers may arrive as JSON numbers or as strings (KIS sends every number as a
 * string, signed, possibly blank).
 */
public final class RawFields {

    private RawFields() {
    }

    public static Instant instant(JsonNode node) {
        return node == null || !node.isTextual() ? null : WireInstants.parseOrNull(node.asText());
    }

    public static String text(JsonNode node) {
        return node == null || node.isNull() ? null : node.asText();
    }

    /** The number in {@code node}; a blank or non-numeric string is {@code null}. */
    public static BigDecimal decimal(JsonNode node) {
        if (node == null || node.isNull()) {
            return null;
        }
        if (node.isNumber()) {
            return node.decimalValue();
        }
        String text = node.asText().trim();
        if (text.isEmpty()) {
            return null;
        }
        try {
            return new BigDecimal(text);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** A whole number; a fractional or unreadable value is {@code null}. */
    public static Long whole(JsonNode node) {
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
