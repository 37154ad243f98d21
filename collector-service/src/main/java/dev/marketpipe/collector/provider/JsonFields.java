package dev.marketpipe.collector.provider;

import com.fasterxml.jackson.databind.JsonNode;

import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;

/**
 * Lenient reading of one field of a provider's JSON record: a field that is missing or not readable becomes
 * {@code null}, so the validator judges the record (spec §5.1) instead of the adapter guessing or failing the batch.
 */
final class JsonFields {

    private JsonFields() {
    }

    static Instant instant(JsonNode node) {
        if (node == null || !node.isTextual()) {
            return null;
        }
        String text = node.asText();
        Instant wholeSecond = wholeSecondUtc(text);
        if (wholeSecond != null) {
            return wholeSecond;
        }
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    /**
     * {@code uuuu-MM-ddTHH:mm:ssZ}, the form every provider record's timestamp takes, read without
     * {@link java.time.format.DateTimeFormatter} (whose general parser was a tenth of the collector's CPU in a
     * backfill); {@code null} for anything else, which {@link Instant#parse} then reads (or refuses).
     */
    private static Instant wholeSecondUtc(String text) {
        if (text.length() != 20 || text.charAt(4) != '-' || text.charAt(7) != '-' || text.charAt(10) != 'T'
                || text.charAt(13) != ':' || text.charAt(16) != ':' || text.charAt(19) != 'Z') {
            return null;
        }
        int year = digits(text, 0, 4);
        int month = digits(text, 5, 7);
        int day = digits(text, 8, 10);
        int hour = digits(text, 11, 13);
        int minute = digits(text, 14, 16);
        int second = digits(text, 17, 19);
        if (year < 0 || month < 0 || day < 0 || hour < 0 || hour > 23 || minute < 0 || minute > 59 || second < 0
                || second > 59) {
            return null;
        }
        try {
            return Instant.ofEpochSecond(LocalDate.of(year, month, day).toEpochDay() * 86_400L
                    + hour * 3_600L + minute * 60L + second);
        } catch (DateTimeException invalidDate) {
            return null;
        }
    }

    /** The decimal number in {@code text[from, to)}, or -1 when a character there is not an ASCII digit. */
    private static int digits(String text, int from, int to) {
        int value = 0;
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            value = value * 10 + (c - '0');
        }
        return value;
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
