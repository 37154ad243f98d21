package dev.marketpipe.loader.load;

import dev.marketpipe.wire.Bar;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.Collection;

/**
 * Bars in PostgreSQL's {@code COPY} text format, in the column order of {@link MarketTable#copySql()}: tab-separated,
 * {@code \N} for null, timestamps as ISO-8601 instants, daily bars keyed by their KST trading date. Only numbers
 * and instants are written, so nothing needs escaping. Public for bench/LoadPaths.java.
 */
public final class CopyText {

    private static final String NULL = "\\N";

    private CopyText() {
    }

    public static byte[] of(MarketTable table, Collection<Bar> bars) {
        StringBuilder text = new StringBuilder(bars.size() * 96);
        for (Bar bar : bars) {
            text.append(table.isDaily() ? BarUpserter.tradingDate(bar.timestamp()) : bar.timestamp()).append('\t');
            number(text, bar.open()).append('\t');
            number(text, bar.high()).append('\t');
            number(text, bar.low()).append('\t');
            number(text, bar.close()).append('\t');
            text.append(bar.volume().longValue()).append('\t');
            number(text, bar.value());
            if (table.isDaily()) {
                // No corporate-action source yet: the adjusted close is the close.
                number(text.append('\t'), bar.close());
            }
            text.append('\n');
        }
        return text.toString().getBytes(StandardCharsets.US_ASCII);
    }

    private static StringBuilder number(StringBuilder text, BigDecimal value) {
        return text.append(value == null ? NULL : value.toPlainString());
    }
}
