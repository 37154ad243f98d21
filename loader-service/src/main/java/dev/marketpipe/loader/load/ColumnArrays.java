package dev.marketpipe.loader.load;

import dev.marketpipe.wire.Bar;

import java.math.BigDecimal;
import java.util.List;

/**
 * Bars as one text array per column, in the column order of {@link CopyText} (key, open, high, low, close, volume,
 * value, and for daily bars the adjusted close, the close where the provider gives none), for statements that take
 * a whole batch as arrays ({@link MarketTable#storedUnchangedSql(String)}). Text, cast by the statement: the values
 * reach the server as COPY writes them.
 */
final class ColumnArrays {

    private ColumnArrays() {
    }

    static List<String[]> of(MarketTable table, List<Bar> rows) {
        int n = rows.size();
        String[] key = new String[n];
        String[] open = new String[n];
        String[] high = new String[n];
        String[] low = new String[n];
        String[] close = new String[n];
        String[] volume = new String[n];
        String[] value = new String[n];
        String[] adjClose = new String[n];
        for (int i = 0; i < n; i++) {
            Bar bar = rows.get(i);
            key[i] = table.isDaily() ? BarUpserter.tradingDate(bar.timestamp()).toString() : bar.timestamp().toString();
            open[i] = text(bar.open());
            high[i] = text(bar.high());
            low[i] = text(bar.low());
            close[i] = text(bar.close());
            volume[i] = bar.volume() == null ? null : bar.volume().toString();
            value[i] = text(bar.value());
            adjClose[i] = bar.adjClose() != null ? text(bar.adjClose()) : close[i];
        }
        return table.isDaily() ? List.of(key, open, high, low, close, volume, value, adjClose)
                : List.of(key, open, high, low, close, volume, value);
    }

    private static String text(BigDecimal number) {
        return number == null ? null : number.toPlainString();
    }
}
