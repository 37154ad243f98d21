package dev.marketpipe.archive.api;

import jakarta.ws.rs.BadRequestException;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;

/**
 * Reads an archive-day query parameter ({@code YYYY-MM-DD}, the KST date of the archive folder) itself, so a bad
 * value is a 400 problem naming the parameter — JAX-RS would answer a failed conversion of a query parameter 404.
 */
final class DateParameter {

    private DateParameter() {
    }

    /** The date in {@code value}; null when the parameter is absent. */
    static LocalDate optional(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(value.trim());
        } catch (DateTimeParseException e) {
            throw new BadRequestException(name + " must be a date YYYY-MM-DD (the KST archive day); got '"
                    + value + "'");
        }
    }

    static LocalDate required(String name, String value) {
        LocalDate date = optional(name, value);
        if (date == null) {
            throw new BadRequestException(name + " is required: the archive day, YYYY-MM-DD");
        }
        return date;
    }
}
