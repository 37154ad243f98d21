package dev.marketpipe.loader.bars;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Base64;

/**
 * Where the next page of {@code GET /v1/bars} starts: after the last bar of the previous page. Keyset paging on
 * the bar start (the table's unique {@code (symbol, timestamp)} key), not an offset, so a bar stored behind the
 * cursor while a client pages never shifts the pages that follow. On the wire it is opaque: base64url (no padding)
 * of {@code <timestamp>|<symbol>}; clients pass it back unchanged.
 *
 * @param after  start of the last bar already answered
 * @param symbol the symbol the cursor was issued for
 */
public record BarCursor(Instant after, String symbol) {

    private static final char SEPARATOR = '|';

    public String encode() {
        String plain = after.toString() + SEPARATOR + symbol;
        return Base64.getUrlEncoder().withoutPadding().encodeToString(plain.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * The cursor a client sent back for {@code symbol} and {@code range}; anything we did not issue for that query
     * is the client's mistake (400), never a silently different page.
     */
    public static BarCursor decode(String text, String symbol, TimeRange range) {
        String plain;
        try {
            plain = new String(Base64.getUrlDecoder().decode(text.trim()), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw malformed();
        }
        int separator = plain.indexOf(SEPARATOR);
        if (separator < 0) {
            throw malformed();
        }
        Instant after;
        try {
            after = Instant.parse(plain.substring(0, separator));
        } catch (DateTimeParseException e) {
            throw malformed();
        }
        if (!plain.substring(separator + 1).equals(symbol) || !range.contains(after)) {
            throw new IllegalArgumentException("cursor was issued for another symbol or range; pass the Link "
                    + "header's next URL unchanged");
        }
        return new BarCursor(after, symbol);
    }

    private static IllegalArgumentException malformed() {
        return new IllegalArgumentException("cursor is malformed; pass the Link header's next URL unchanged");
    }
}
