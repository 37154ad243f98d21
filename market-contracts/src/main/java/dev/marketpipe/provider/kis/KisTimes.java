package dev.marketpipe.provider.kis;

import com.fasterxml.jackson.databind.JsonNode;
import dev.marketpipe.calendar.MarketCalendar;
import dev.marketpipe.calendar.Session;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/**
 * KIS dates and times: {@code YYYYMMDD} and {@code HHMMSS} strings in Korea Standard Time without a zone marker.
 * Also where a KRX session opens and closes (the shipped calendar; 09:00–15:30 on a day it does not know).
 */
public final class KisTimes {

    public static final ZoneId KST = MarketCalendar.KRX_ZONE;
    public static final DateTimeFormatter DATE = DateTimeFormatter.BASIC_ISO_DATE;
    public static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HHmmss");

    private static final MarketCalendar KRX = MarketCalendar.krx();
    private static final LocalTime REGULAR_OPEN = LocalTime.of(9, 0);
    private static final LocalTime REGULAR_CLOSE = LocalTime.of(15, 30);

    private KisTimes() {
    }

    /** The date in {@code node} ({@code YYYYMMDD}), null when missing or unreadable. */
    public static LocalDate date(JsonNode node) {
        String text = node == null || node.isNull() ? null : node.asText().trim();
        if (text == null || text.length() != 8) {
            return null;
        }
        try {
            return LocalDate.parse(text, DATE);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    /** The time in {@code node} ({@code HHMMSS}), null when missing or unreadable. */
    public static LocalTime time(JsonNode node) {
        String text = node == null || node.isNull() ? null : node.asText().trim();
        if (text == null || text.length() != 6) {
            return null;
        }
        try {
            return LocalTime.parse(text, TIME);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    /** The instant of a KST date and time; null when either is. */
    public static Instant instant(LocalDate date, LocalTime time) {
        return date == null || time == null ? null : date.atTime(time).atZone(KST).toInstant();
    }

    /** The KST date of an instant. */
    public static LocalDate dateOf(Instant instant) {
        return LocalDate.ofInstant(instant, KST);
    }

    /** The regular session's open on {@code date}. */
    public static Instant sessionOpen(LocalDate date) {
        return KRX.session(date).map(Session::open).orElseGet(() -> instant(date, REGULAR_OPEN));
    }

    /** The regular session's close on {@code date}. */
    public static Instant sessionClose(LocalDate date) {
        return KRX.session(date).map(Session::close).orElseGet(() -> instant(date, REGULAR_CLOSE));
    }

    /** The session of {@code date}, if the calendar has one. */
    public static Optional<Session> session(LocalDate date) {
        return KRX.session(date);
    }
}
