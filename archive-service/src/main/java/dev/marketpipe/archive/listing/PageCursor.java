package dev.marketpipe.archive.listing;

import dev.marketpipe.archive.index.DayKey;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Base64;

/**
 * The {@code cursor} of {@code GET /v1/batches}: the position (day and entry) of the last batch of a page, as URL-safe
 * base64 so clients treat it as opaque. The next page starts strictly after it, so every batch archived before the
 * first page was asked for appears exactly once across the pages.
 */
public final class PageCursor {

    private PageCursor() {
    }

    public static String encode(DayKey last) {
        String position = last.date() + "/" + last.fileName();
        return Base64.getUrlEncoder().withoutPadding().encodeToString(position.getBytes(StandardCharsets.UTF_8));
    }

    /** The position a cursor stands for; {@link IllegalArgumentException} when it is not one this service issued. */
    public static DayKey decode(String cursor) {
        try {
            String position = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
            int slash = position.indexOf('/');
            if (slash > 0) {
                LocalDate date = LocalDate.parse(position.substring(0, slash));
                return DayKey.parse(date, position.substring(slash + 1)).orElseThrow(PageCursor::invalid);
            }
        } catch (IllegalArgumentException | DateTimeParseException e) {
            throw invalid();
        }
        throw invalid();
    }

    private static IllegalArgumentException invalid() {
        return new IllegalArgumentException("cursor is not one this endpoint issued; pass nextCursor of the previous"
                + " page unchanged, or leave it out for the first page");
    }
}
