package dev.marketpipe.loader.load;

import dev.marketpipe.loader.bars.MarketTable;
import dev.marketpipe.wire.Bar;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;

/**
 * Bars as PostgreSQL reads them in text: the value of each column in the order key, open, high, low, close, volume,
 * value, and for daily bars the adjusted close (the close where the provider gives none); timestamps as ISO-8601
 * instants, daily bars keyed by their KST trading date. Written two ways from the same values: rows in {@code COPY}
 * text format ({@link #copyRows}: the staging columns of {@link UpsertStatements#copySql}, no symbol, as a batch has
 * one, bound in the upsert; {@link #copyRowsWithSymbol}: the columns of {@link UpsertStatements#copyIntoSql}, for a
 * COPY straight into the market table), and one text array per column ({@link #columnArrays}, for statements that
 * take a whole batch as arrays, {@link UpsertStatements#storedUnchangedSql}). Public for the load-paths benchmark.
 */
public final class PostgresText {

    private static final String NULL = "\\N";

    private PostgresText() {
    }

    /** COPY text of the staging columns (no symbol). */
    public static byte[] copyRows(MarketTable table, Collection<Bar> bars) {
        return copy(table, null, bars);
    }

    /** COPY text of the market table's columns, the symbol second. */
    public static byte[] copyRowsWithSymbol(MarketTable table, String symbol, Collection<Bar> bars) {
        return copy(table, escaped(symbol), bars);
    }

    /** One text array per column; SQL {@code NULL} is {@code null}. */
    static List<String[]> columnArrays(MarketTable table, List<Bar> rows) {
        List<String[]> columns = new ArrayList<>();
        for (int row = 0; row < rows.size(); row++) {
            String[] values = values(table, rows.get(row));
            for (int column = 0; column < values.length; column++) {
                if (row == 0) {
                    columns.add(new String[rows.size()]);
                }
                columns.get(column)[row] = values[column];
            }
        }
        return columns;
    }

    private static byte[] copy(MarketTable table, String symbol, Collection<Bar> bars) {
        StringBuilder text = new StringBuilder(bars.size() * 96);
        for (Bar bar : bars) {
            String[] values = values(table, bar);
            text.append(values[0]);
            if (symbol != null) {
                text.append('\t').append(symbol);
            }
            for (int column = 1; column < values.length; column++) {
                text.append('\t').append(values[column] == null ? NULL : values[column]);
            }
            text.append('\n');
        }
        return text.toString().getBytes(StandardCharsets.UTF_8); // the JDBC driver's client_encoding
    }

    /** The bar's column values as text; numbers and instants need no COPY escaping. */
    private static String[] values(MarketTable table, Bar bar) {
        String key = table.isDaily() ? BarUpserter.tradingDate(bar.timestamp()).toString()
                : bar.timestamp().toString();
        String close = text(bar.close());
        String[] values = {key, text(bar.open()), text(bar.high()), text(bar.low()), close,
                bar.volume() == null ? null : bar.volume().toString(), text(bar.value())};
        if (!table.isDaily()) {
            return values;
        }
        String[] daily = Arrays.copyOf(values, values.length + 1);
        daily[values.length] = bar.adjClose() != null ? text(bar.adjClose()) : close;
        return daily;
    }

    /** COPY text escapes: a backslash, tab, newline or carriage return in a value would end a field or a row. */
    private static String escaped(String value) {
        return value.replace("\\", "\\\\").replace("\t", "\\t").replace("\n", "\\n").replace("\r", "\\r");
    }

    private static String text(BigDecimal number) {
        return number == null ? null : number.toPlainString();
    }
}
