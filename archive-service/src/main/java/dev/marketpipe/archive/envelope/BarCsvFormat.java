package dev.marketpipe.archive.envelope;

import dev.marketpipe.wire.Bar;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The archive's CSV alternative: a batch's bars as {@code timestamp,symbol,open,high,low,close,volume}, one row per
 * bar in response order, RFC 4180 (CRLF line ends, a field with a comma, quote or line break quoted). Timestamps
 * are the bar start as an ISO-8601 UTC instant, prices plain decimals exactly as the provider gave them; a field
 * the provider left out stays empty rather than being guessed.
 */
public final class BarCsvFormat {

    /** The spec's header line. */
    public static final String HEADER = "timestamp,symbol,open,high,low,close,volume";

    private static final String CRLF = "\r\n";

    private BarCsvFormat() {
    }

    public static byte[] render(List<Bar> bars) {
        StringBuilder csv = new StringBuilder(HEADER).append(CRLF);
        for (Bar bar : bars) {
            csv.append(bar.timestamp() == null ? "" : bar.timestamp().toString()).append(',')
                    .append(field(bar.symbol())).append(',')
                    .append(decimal(bar.open())).append(',')
                    .append(decimal(bar.high())).append(',')
                    .append(decimal(bar.low())).append(',')
                    .append(decimal(bar.close())).append(',')
                    .append(bar.volume() == null ? "" : bar.volume().toString())
                    .append(CRLF);
        }
        return csv.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static String decimal(BigDecimal value) {
        return value == null ? "" : value.toPlainString();
    }

    private static String field(String text) {
        if (text == null) {
            return "";
        }
        if (text.contains(",") || text.contains("\"") || text.contains("\n") || text.contains("\r")) {
            return '"' + text.replace("\"", "\"\"") + '"';
        }
        return text;
    }
}
