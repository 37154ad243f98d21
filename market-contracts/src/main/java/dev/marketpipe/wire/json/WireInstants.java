package dev.marketpipe.wire.json;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;

/**
 * Instants as every stage writes them on the wire and providers send them: {@code uuuu-MM-ddTHH:mm:ssZ}, read and
 * written without {@link java.time.format.DateTimeFormatter}, whose general parser and printer were the largest
 * single cost of carrying a bar through a hop (as a profile of a backfill showed: a 390-bar batch holds 390 of
 * them and crosses four hops). Any other ISO-8601 form still goes through {@link Instant#parse} and
 * {@link Instant#toString}, so what is read and written is exactly what those read and write.
 */
public final class WireInstants {

    private static final int WHOLE_SECOND_UTC_LENGTH = 20;
    /** The years {@link #format} writes itself: four digits, no sign. */
    private static final long YEAR_1000 = LocalDate.of(1000, 1, 1).toEpochDay() * 86_400L;
    private static final long YEAR_10000 = LocalDate.of(10000, 1, 1).toEpochDay() * 86_400L;

    private WireInstants() {
    }

    /** The instant of ISO-8601 text, as {@link Instant#parse} reads it. */
    public static Instant parse(String text) {
        Instant wholeSecond = wholeSecondUtc(text);
        return wholeSecond != null ? wholeSecond : Instant.parse(text);
    }

    /** The instant of ISO-8601 text, or {@code null} when it is not one. */
    public static Instant parseOrNull(String text) {
        try {
            return parse(text);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    /** The text {@link Instant#toString} gives. */
    public static String format(Instant instant) {
        long seconds = instant.getEpochSecond();
        if (instant.getNano() != 0 || seconds < YEAR_1000 || seconds >= YEAR_10000) {
            return instant.toString();
        }
        long day = Math.floorDiv(seconds, 86_400L);
        int secondOfDay = (int) Math.floorMod(seconds, 86_400L);
        LocalDate date = LocalDate.ofEpochDay(day);
        char[] out = new char[WHOLE_SECOND_UTC_LENGTH];
        put(out, 0, date.getYear(), 4);
        out[4] = '-';
        put(out, 5, date.getMonthValue(), 2);
        out[7] = '-';
        put(out, 8, date.getDayOfMonth(), 2);
        out[10] = 'T';
        put(out, 11, secondOfDay / 3_600, 2);
        out[13] = ':';
        put(out, 14, secondOfDay / 60 % 60, 2);
        out[16] = ':';
        put(out, 17, secondOfDay % 60, 2);
        out[19] = 'Z';
        return new String(out);
    }

    private static void put(char[] out, int at, int value, int width) {
        for (int i = at + width - 1; i >= at; i--) {
            out[i] = (char) ('0' + value % 10);
            value /= 10;
        }
    }

    /** {@code uuuu-MM-ddTHH:mm:ssZ}, or {@code null} for anything else (which {@link Instant#parse} then reads or refuses). */
    private static Instant wholeSecondUtc(String text) {
        if (text.length() != WHOLE_SECOND_UTC_LENGTH || text.charAt(4) != '-' || text.charAt(7) != '-'
                || text.charAt(10) != 'T' || text.charAt(13) != ':' || text.charAt(16) != ':'
                || text.charAt(19) != 'Z') {
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
}
