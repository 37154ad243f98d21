package dev.marketpipe.loader.load;

import dev.marketpipe.wire.Bar;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.Collection;

/**
 * Bars in PostgreSQL's {@code COPY} text format: tab-separated, {@code \N} for null, timestamps as ISO-8601 instants,
 * daily bars keyed by their KST trading date. {@link #of} writes the staging columns of {@link MarketTable#copySql()}
 * (no symbol: a batch has one, bound in the upsert); {@link #withSymbol} the columns of
 * {@link MarketTable#copyIntoSql(String)}, for a COPY straight into the market table. Numbers and instants need no
 * escaping; the symbol (any text the load request carried) is escaped. Public for bench/LoadPaths.java.
 */
public final class CopyText {

    private static final String NULL = "\\N";

    private CopyText() {
    }

    public static byte[] of(MarketTable table, Collection<Bar> bars) {
        return write(table, null, bars);
    }

    public static byte[] withSymbol(MarketTable table, String symbol, Collection<Bar> bars) {
        return write(table, escaped(symbol), bars);
    }

    private static byte[] write(MarketTable table, String symbol, Collection<Bar> bars) {
        StringBuilder text = new StringBuilder(bars.size() * 96);
        for (Bar bar : bars) {
            text.append(table.isDaily() ? BarUpserter.tradingDate(bar.timestamp()) : bar.timestamp()).append('\t');
            if (symbol != null) {
                text.append(symbol).append('\t');
            }
            number(text, bar.open()).append('\t');
            number(text, bar.high()).append('\t');
            number(text, bar.low()).append('\t');
            number(text, bar.close()).append('\t');
            text.append(bar.volume().longValue()).append('\t');
            number(text, bar.value());
            if (table.isDaily()) {
                // a provider without adjusted prices: the adjusted close is the close
                number(text.append('\t'), bar.adjClose() != null ? bar.adjClose() : bar.close());
            }
            text.append('\n');
        }
        return text.toString().getBytes(StandardCharsets.UTF_8); // the JDBC driver's client_encoding
    }

    /** COPY text escapes: a backslash, tab, newline or carriage return in a value would end a field or a row. */
    private static String escaped(String value) {
        return value.replace("\\", "\\\\").replace("\t", "\\t").replace("\n", "\\n").replace("\r", "\\r");
    }

    private static StringBuilder number(StringBuilder text, BigDecimal value) {
        return text.append(value == null ? NULL : value.toPlainString());
    }
}
