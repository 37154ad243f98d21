package dev.marketpipe.loader.api;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** The {@code symbols} query parameter of {@code GET /v1/bars/latest}: comma-separated, bounded, no blanks. */
final class SymbolList {

    /** The width of the {@code symbol} column of the market tables. */
    private static final int MAX_SYMBOL_LENGTH = 20;

    private SymbolList() {
    }

    /** The distinct symbols in the order first named; a blank or over-long entry, or too many, is a 400. */
    static List<String> parse(String symbols, int maxSymbols) {
        Set<String> distinct = new LinkedHashSet<>();
        for (String entry : symbols.split(",", -1)) {
            String symbol = entry.trim();
            if (symbol.isEmpty()) {
                throw new IllegalArgumentException("symbols has an empty entry; separate symbols by single commas");
            }
            if (symbol.length() > MAX_SYMBOL_LENGTH) {
                throw new IllegalArgumentException("symbol '" + symbol.substring(0, MAX_SYMBOL_LENGTH) + "…' is "
                        + "longer than " + MAX_SYMBOL_LENGTH + " characters");
            }
            distinct.add(symbol);
        }
        if (distinct.size() > maxSymbols) {
            throw new IllegalArgumentException("at most " + maxSymbols + " symbols per request, not "
                    + distinct.size());
        }
        return new ArrayList<>(distinct);
    }
}
