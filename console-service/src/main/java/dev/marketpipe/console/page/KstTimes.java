package dev.marketpipe.console.page;

import dev.marketpipe.calendar.MarketCalendar;
import io.quarkus.qute.TemplateExtension;

import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;

/**
 * Times as the desk reads them: the stages answer ISO instants in UTC, the pages show KST ({@code {kst:time(…)}}).
 */
@TemplateExtension(namespace = "kst")
public final class KstTimes {

    private static final DateTimeFormatter KST = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'KST'", Locale.ROOT)
            .withZone(MarketCalendar.KRX_ZONE);

    private KstTimes() {
    }

    /** {@code 2025-03-04T00:01:00Z} → {@code 2025-03-04 09:01:00 KST}; empty → "–"; anything else as it is. */
    public static String time(String iso) {
        if (iso == null || iso.isBlank()) {
            return "–";
        }
        try {
            return KST.format(OffsetDateTime.parse(iso));
        } catch (DateTimeParseException e) {
            return iso;
        }
    }
}
